import { setup, type AnyStateMachine } from 'xstate';
import type { Flow, FlowNode, Guard, Transition } from '../../definitions/schemas/index.js';

/** The event every compiled machine receives: a button key or an internal `$…` event. */
export interface FlowEvent {
  readonly type: string;
  /** Ids of the guards json-rules-engine found true for this event (computed before the transition). */
  readonly passed: readonly string[];
}

/** A transition of the flow expanded to one source node, with its position for tracing. */
export interface CompiledTransition {
  readonly index: number;
  readonly from: string;
  readonly event: string;
  readonly to?: string;
  readonly guards: readonly Guard[];
  readonly transition: Transition;
}

export interface CompiledFlow {
  readonly flow: Flow;
  readonly machine: AnyStateMachine;
  readonly nodes: Readonly<Record<string, FlowNode>>;
  /** Candidate transitions by `node|event`, in definition order (first whose guards pass wins). */
  readonly candidates: ReadonlyMap<string, readonly CompiledTransition[]>;
  /** Events (buttons and internal) accepted at each node. */
  readonly eventsAt: ReadonlyMap<string, readonly string[]>;
}

/** Guard ids are unique per transition: `t<index>:<guard id>`. */
export function guardKey(t: CompiledTransition, guard: Guard): string {
  return `t${t.index}:${guard.id}`;
}

export function sourcesOf(flow: Flow, t: Transition): string[] {
  return t.from.includes('*') ? flow.nodes.filter((n) => !n.final).map((n) => n.id) : [...t.from];
}

/**
 * Compiles a flow definition into an XState machine: nodes become states, buttons and internal
 * events become events, guards read the rule results carried by the event, and effects become
 * actions that `transition()` returns unexecuted.
 */
export function compileFlow(flow: Flow): CompiledFlow {
  const nodes: Record<string, FlowNode> = Object.fromEntries(flow.nodes.map((n) => [n.id, n]));
  const candidates = new Map<string, CompiledTransition[]>();
  flow.transitions.forEach((transition, index) => {
    const event = transition.button ?? transition.event;
    if (!event) return;
    for (const from of sourcesOf(flow, transition)) {
      if (!nodes[from]) continue;
      const key = `${from}|${event}`;
      const list = candidates.get(key) ?? [];
      list.push({ index, from, event, to: transition.to, guards: transition.guards ?? [], transition });
      candidates.set(key, list);
    }
  });

  // A final node leaves the flow for good, yet may still record things (CLS-2 evaluation after
  // closing): it keeps only transitions without a target, so it is not an XState final state.
  const states: Record<string, { on: Record<string, unknown[]> }> = {};
  const eventsAt = new Map<string, string[]>();
  for (const node of flow.nodes) states[node.id] = { on: {} };
  for (const [key, list] of candidates) {
    const [from, event] = key.split('|') as [string, string];
    const allowed = list.filter((t) => (t.to ? !nodes[from]?.final && nodes[t.to] : true));
    if (allowed.length === 0) continue;
    states[from]!.on[event] = allowed
      .map((t) => ({
        ...(t.to ? { target: t.to, reenter: true } : {}),
        ...(t.guards.length > 0 ? { guard: { type: 'rules', params: { ids: t.guards.map((g) => guardKey(t, g)) } } } : {}),
        actions: [
          { type: 'taken', params: { index: t.index } },
          ...(t.transition.effects ?? []).map((e) => ({ type: 'effect', params: e })),
        ],
      }));
    eventsAt.set(from, [...(eventsAt.get(from) ?? []), event]);
  }

  const machine = setup({
    types: {} as { events: FlowEvent },
    guards: {
      rules: ({ event }, params: { ids: string[] }) => params.ids.every((id) => event.passed.includes(id)),
    },
  }).createMachine({ id: flow.id, initial: flow.initial, states: states as never }) as unknown as AnyStateMachine;

  return { flow, machine, nodes, candidates, eventsAt };
}
