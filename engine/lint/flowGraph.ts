import type { Flow, FlowScope } from '../../definitions/schemas/index.js';

/**
 * Nodes the engine itself relies on, by flow scope: task progress reads a task's `pending` and its
 * outcome nodes (engine/decide/progress.ts); an application starts at the node of its first review
 * step and settles at `approved` or `rejected` (engine/decide/reviewChain.ts, facts.ts).
 */
export const requiredNodes: Readonly<Record<FlowScope, readonly string[]>> = {
  ticket: [],
  task: ['pending', 'approved', 'returned', 'transferred'],
  application: ['parentReview', 'centerReview', 'approved', 'rejected'],
};

/** Nodes an entity can start at besides the flow's `initial` (applications start at their first review step). */
export const entryNodes: Readonly<Record<FlowScope, readonly string[]>> = {
  ticket: [],
  task: [],
  application: ['parentReview', 'centerReview'],
};

/** A flow as a directed graph of the transitions the compiler keeps (compileFlow). */
export interface FlowGraph {
  readonly flow: Flow;
  /** Node id → index of its first definition. */
  readonly index: ReadonlyMap<string, number>;
  readonly finals: ReadonlySet<string>;
  /** Node id → targets of transitions leaving it (buttons and internal `$…` events alike). */
  readonly out: ReadonlyMap<string, ReadonlySet<string>>;
  /** Where entities of this flow start. */
  readonly entries: readonly string[];
}

/** Sources of a transition: `*` means every node that is not final. Unknown ids are kept (checked elsewhere). */
export function sourcesOf(flow: Flow, from: readonly string[]): string[] {
  return from.includes('*') ? flow.nodes.filter((n) => !n.final).map((n) => n.id) : [...from];
}

export function flowGraph(flow: Flow): FlowGraph {
  const index = new Map<string, number>();
  flow.nodes.forEach((n, i) => { if (!index.has(n.id)) index.set(n.id, i); });
  const finals = new Set(flow.nodes.filter((n) => n.final).map((n) => n.id));
  const out = new Map<string, Set<string>>([...index.keys()].map((id) => [id, new Set<string>()]));
  for (const t of flow.transitions) {
    if (!(t.button ?? t.event) || t.to === undefined || !index.has(t.to)) continue;
    for (const from of sourcesOf(flow, t.from)) {
      if (finals.has(from)) continue; // the compiler drops events at final nodes
      out.get(from)?.add(t.to);
    }
  }
  const entries = [flow.initial, ...entryNodes[flow.scope]].filter((id, i, all) => index.has(id) && all.indexOf(id) === i);
  return { flow, index, finals, out, entries };
}

/** Nodes reachable from the given starts (starts included). */
export function reachableFrom(graph: FlowGraph, starts: readonly string[]): Set<string> {
  const seen = new Set<string>(starts);
  const queue = [...starts];
  for (let i = 0; i < queue.length; i += 1) {
    for (const next of graph.out.get(queue[i] as string) ?? []) {
      if (!seen.has(next)) { seen.add(next); queue.push(next); }
    }
  }
  return seen;
}

/** Nodes from which one of the targets can be reached (targets included). */
export function canReach(graph: FlowGraph, targets: ReadonlySet<string>): Set<string> {
  const incoming = new Map<string, string[]>();
  for (const [from, tos] of graph.out) for (const to of tos) incoming.set(to, [...(incoming.get(to) ?? []), from]);
  const seen = new Set<string>(targets);
  const queue = [...targets];
  for (let i = 0; i < queue.length; i += 1) {
    for (const prev of incoming.get(queue[i] as string) ?? []) {
      if (!seen.has(prev)) { seen.add(prev); queue.push(prev); }
    }
  }
  return seen;
}
