import { canReach, flowGraph, reachableFrom } from './flowGraph.js';
import type { LintContext } from './lintContext.js';

/**
 * Paths through each flow (DESIGN principle 3): nodes no path reaches, non-final nodes with no way
 * out, and, for ticket flows, reachable nodes from which the ticket can never be closed. Buttons and
 * internal events (`$tasks.settled`, application outcomes) both count as edges; guards are ignored
 * (any guard may pass). Applications also enter at their first review step.
 */
export function checkReachability(ctx: LintContext): void {
  for (const flow of Object.values(ctx.defs.flow)) {
    const graph = flowGraph(flow);
    const deadEnds = new Set<string>();
    for (const [id, i] of graph.index) {
      if (!graph.finals.has(id) && (graph.out.get(id)?.size ?? 0) === 0) {
        deadEnds.add(id);
        ctx.report('LINT_DEAD_END_NODE', 'flow', flow.id, ['nodes', i], { node: id, flow: flow.id });
      }
    }
    if (graph.entries.length === 0) continue; // unknown initial node: reported by checkFlows
    const reachable = reachableFrom(graph, graph.entries);
    for (const [id, i] of graph.index) {
      if (!reachable.has(id)) {
        ctx.report('LINT_UNREACHABLE_NODE', 'flow', flow.id, ['nodes', i], { node: id, flow: flow.id, entries: graph.entries });
      }
    }
    if (flow.scope !== 'ticket') continue;
    if (graph.finals.size === 0) {
      ctx.report('LINT_NO_PATH_TO_CLOSING', 'flow', flow.id, ['nodes'], { variant: 'noFinal', flow: flow.id });
      continue;
    }
    const closable = canReach(graph, graph.finals);
    for (const [id, i] of graph.index) {
      if (reachable.has(id) && !closable.has(id) && !deadEnds.has(id)) {
        ctx.report('LINT_NO_PATH_TO_CLOSING', 'flow', flow.id, ['nodes', i],
          { variant: 'stuck', node: id, flow: flow.id, finals: [...graph.finals] });
      }
    }
  }
}
