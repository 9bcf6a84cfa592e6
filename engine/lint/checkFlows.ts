import type { Flow } from '../../definitions/schemas/index.js';
import { isKnownEffect } from '../effects/registry.js';
import { requiredNodes } from './flowGraph.js';
import { q, type LintContext } from './lintContext.js';

const usesEffect = (flow: Flow | undefined, type: string): boolean =>
  flow?.transitions.some((t) => (t.effects ?? []).some((e) => e.type === type)) ?? false;

function checkNodes(ctx: LintContext, flow: Flow): Set<string> {
  const ids = new Set<string>();
  flow.nodes.forEach((n, i) => {
    if (ids.has(n.id)) ctx.report('LINT_DUPLICATE_NODE', 'flow', flow.id, ['nodes', i, 'id'], `flow ${q(flow.id)} defines node ${q(n.id)} twice`);
    ids.add(n.id);
  });
  if (!ids.has(flow.initial)) {
    ctx.report('LINT_FLOW_UNKNOWN_INITIAL', 'flow', flow.id, ['initial'], `flow ${q(flow.id)} starts at node ${q(flow.initial)}, which it does not have`);
  }
  const missing = requiredNodes[flow.scope].filter((id) => !ids.has(id));
  if (missing.length > 0) {
    ctx.report('LINT_FLOW_MISSING_REQUIRED_NODE', 'flow', flow.id, ['nodes'],
      `${flow.scope} flow ${q(flow.id)} lacks node(s) ${missing.map(q).join(', ')}, which the engine relies on`, { missing });
  }
  return ids;
}

function checkTransitions(ctx: LintContext, flow: Flow, ids: ReadonlySet<string>): void {
  const finals = new Set(flow.nodes.filter((n) => n.final).map((n) => n.id));
  flow.transitions.forEach((t, i) => {
    const at = ['transitions', i] as const;
    if (t.button === undefined && t.event === undefined) {
      ctx.report('LINT_TRANSITION_WITHOUT_BUTTON', 'flow', flow.id, at, `transition ${i} of flow ${q(flow.id)} has neither a button nor an internal event, so nothing can take it`);
    } else if (t.button !== undefined && t.event !== undefined) {
      ctx.report('LINT_TRANSITION_BUTTON_AND_EVENT', 'flow', flow.id, [...at, 'event'], `transition ${i} of flow ${q(flow.id)} names button ${q(t.button)} and event ${q(t.event)}; the event is ignored`);
    }
    t.from.forEach((from, j) => {
      if (from === '*') return;
      if (!ids.has(from)) {
        ctx.report('LINT_TRANSITION_UNKNOWN_NODE', 'flow', flow.id, [...at, 'from', j], `transition ${i} of flow ${q(flow.id)} starts at node ${q(from)}, which the flow does not have`);
      } else if (finals.has(from) && t.to !== undefined) {
        ctx.report('LINT_TRANSITION_FROM_FINAL', 'flow', flow.id, [...at, 'from', j], `transition ${i} of flow ${q(flow.id)} leaves final node ${q(from)} for ${q(t.to)}; a final node only records (transitions without a target), so it is never taken`);
      }
    });
    if (t.to !== undefined && !ids.has(t.to)) {
      ctx.report('LINT_TRANSITION_UNKNOWN_NODE', 'flow', flow.id, [...at, 'to'], `transition ${i} of flow ${q(flow.id)} goes to node ${q(t.to)}, which the flow does not have`);
    }
    const button = t.button === undefined ? undefined : ctx.defs.buttonType[t.button];
    if (button && button.scope !== flow.scope) {
      ctx.report('LINT_BUTTON_SCOPE_MISMATCH', 'flow', flow.id, [...at, 'button'],
        `button ${q(button.id)} acts on a ${button.scope}, but flow ${q(flow.id)} drives a ${flow.scope}`, { button: button.scope, flow: flow.scope });
    }
    (t.effects ?? []).forEach((e, k) => {
      if (!isKnownEffect(e.type)) {
        ctx.report('LINT_UNKNOWN_EFFECT', 'flow', flow.id, [...at, 'effects', k, 'type'], `transition ${i} of flow ${q(flow.id)} names effect ${q(e.type)}, which the engine does not know`);
      }
    });
  });
}

/** The task flows a ticket flow's tasks may run: its taskFlow and the personalised flows of items in domains using it. */
function taskFlowsOf(ctx: LintContext, flow: Flow): Flow[] {
  const domains = new Set(Object.values(ctx.defs.domain).filter((d) => d.flow === flow.id).map((d) => d.id));
  const ids = new Set<string>(flow.taskFlow === undefined ? [] : [flow.taskFlow]);
  for (const item of Object.values(ctx.defs.item)) {
    if (item.flow !== undefined && item.domains.some((d) => domains.has(d.domain))) ids.add(item.flow);
  }
  return [...ids].map((id) => ctx.defs.flow[id]).filter((f): f is Flow => f !== undefined);
}

function checkSubflows(ctx: LintContext, flow: Flow): void {
  if (flow.scope !== 'ticket') return;
  if (flow.taskFlow === undefined && usesEffect(flow, 'createTasks')) {
    ctx.report('LINT_FLOW_MISSING_SUBFLOW', 'flow', flow.id, [], `ticket flow ${q(flow.id)} creates department tasks but names no taskFlow`, { missing: 'taskFlow' });
  }
  const applying = taskFlowsOf(ctx, flow).find((f) => usesEffect(f, 'createApplication'));
  if (flow.applicationFlow === undefined && applying) {
    ctx.report('LINT_FLOW_MISSING_SUBFLOW', 'flow', flow.id, [],
      `ticket flow ${q(flow.id)} names no applicationFlow, but its task flow ${q(applying.id)} creates applications`, { missing: 'applicationFlow' });
  }
}

/**
 * Flow structure (DEF-8, DEF-9): nodes and initial node, transitions (sources, targets, button or
 * event, button scope, effects), the nodes the engine relies on and the sub-flows a ticket flow needs.
 */
export function checkFlows(ctx: LintContext): void {
  for (const flow of Object.values(ctx.defs.flow)) {
    const ids = checkNodes(ctx, flow);
    checkTransitions(ctx, flow, ids);
    checkSubflows(ctx, flow);
  }
}
