import type { Flow, StatusBinding } from '../../definitions/schemas/index.js';
import type { CompiledBundle } from '../../engine/compile/compileBundle.js';

export interface StateStatus {
  readonly applicationKind?: string;
  readonly value: number;
  readonly text: string;
  readonly handler: string;
}

export interface StateSummary {
  readonly id: string;
  readonly name: string;
  readonly final: boolean;
  readonly stageLimit?: string;
  readonly statuses: readonly StateStatus[];
}

export interface TransitionSummary {
  readonly index: number;
  readonly from: readonly string[];
  readonly event: string;
  readonly to?: string;
  readonly guards: readonly string[];
  readonly effects: readonly string[];
}

export interface FlowSummary {
  readonly id: string;
  readonly name: string;
  readonly scope: string;
  readonly initial: string;
  readonly taskFlow?: string;
  readonly applicationFlow?: string;
  readonly states: readonly StateSummary[];
  readonly transitions: readonly TransitionSummary[];
  /** json-rules-engine rules: transition guards plus the visibility rules of the flow's buttons. */
  readonly rules: { readonly guards: number; readonly buttonVisibility: number; readonly total: number };
}

function handlerOf(b: StatusBinding): string {
  if (b.handlerType === 'role') return `role ${b.role ?? '?'}`;
  if (b.handlerType === 'external') return `external ${b.external ? `${b.external.plugin}.${b.external.method}` : '?'}`;
  return 'none';
}

/** What a compiled flow holds, for `tongguan compile`: states with their statuses, transitions and rule counts. */
export function describeFlow(cb: CompiledBundle, flow: Flow): FlowSummary {
  const bindings = Object.values(cb.bundle.defs.statusBinding).filter((b) => b.flow === flow.id);
  const states = flow.nodes.map((n) => ({
    id: n.id,
    name: n.name,
    final: n.final === true,
    ...(n.stageLimit ? { stageLimit: n.stageLimit } : {}),
    statuses: bindings.filter((b) => b.node === n.id).map((b) => ({
      ...(b.applicationKind ? { applicationKind: b.applicationKind } : {}),
      value: b.statusValue,
      text: b.statusText,
      handler: handlerOf(b),
    })),
  }));
  const transitions = flow.transitions.map((t, index) => ({
    index,
    from: t.from,
    event: t.button ?? t.event ?? '(none)',
    ...(t.to ? { to: t.to } : {}),
    guards: (t.guards ?? []).map((g) => g.id),
    effects: (t.effects ?? []).map((e) => e.type),
  }));
  const guards = transitions.reduce((sum, t) => sum + t.guards.length, 0);
  const buttons = new Set(flow.transitions.map((t) => t.button).filter((b): b is string => b !== undefined));
  const buttonVisibility = [...buttons].reduce((sum, id) => sum + (cb.buttons[id]?.visibleWhen?.length ?? 0), 0);
  return {
    id: flow.id,
    name: flow.name,
    scope: flow.scope,
    initial: flow.initial,
    ...(flow.taskFlow ? { taskFlow: flow.taskFlow } : {}),
    ...(flow.applicationFlow ? { applicationFlow: flow.applicationFlow } : {}),
    states,
    transitions,
    rules: { guards, buttonVisibility, total: guards + buttonVisibility },
  };
}

/** Plain-text rendering of a flow summary. */
export function flowText(f: FlowSummary): string {
  const links = [f.taskFlow && `taskFlow ${f.taskFlow}`, f.applicationFlow && `applicationFlow ${f.applicationFlow}`].filter(Boolean);
  const lines = [`flow ${f.id} — ${f.name} (${f.scope}; initial ${f.initial}${links.length ? `; ${links.join('; ')}` : ''})`];
  lines.push(`  states (${f.states.length}):`);
  const width = Math.max(...f.states.map((s) => s.id.length + (s.final ? 8 : 0)));
  for (const s of f.states) {
    const label = `${s.id}${s.final ? ' (final)' : ''}`.padEnd(width);
    const statuses = s.statuses.length === 0
      ? 'no status binding'
      : s.statuses.map((st) => `${st.applicationKind ? `[${st.applicationKind}] ` : ''}${st.value} ${st.text} · ${st.handler}`).join(' | ');
    lines.push(`    ${label}  ${s.name} — ${statuses}${s.stageLimit ? ` · stage limit ${s.stageLimit}` : ''}`);
  }
  lines.push(`  transitions (${f.transitions.length}):`);
  for (const t of f.transitions) {
    const guards = t.guards.length ? ` [${t.guards.join(', ')}]` : '';
    lines.push(`    ${t.from.join('|')} --${t.event}--> ${t.to ?? '(stays)'}${guards}`);
  }
  lines.push(`  rules: ${f.rules.total} (${f.rules.guards} transition guards, ${f.rules.buttonVisibility} button visibility rules)`);
  return `${lines.join('\n')}\n`;
}
