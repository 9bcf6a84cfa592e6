import { canReach, flowGraph, reachableFrom } from './flowGraph.js';
import { q, type LintContext } from './lintContext.js';

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
        ctx.report('LINT_DEAD_END_NODE', 'flow', flow.id, ['nodes', i], `node ${q(id)} of flow ${q(flow.id)} is not final but no transition leads out of it`);
      }
    }
    if (graph.entries.length === 0) continue; // unknown initial node: reported by checkFlows
    const reachable = reachableFrom(graph, graph.entries);
    for (const [id, i] of graph.index) {
      if (!reachable.has(id)) {
        ctx.report('LINT_UNREACHABLE_NODE', 'flow', flow.id, ['nodes', i], `node ${q(id)} of flow ${q(flow.id)} cannot be reached from ${graph.entries.map(q).join(' or ')}`);
      }
    }
    if (flow.scope !== 'ticket') continue;
    if (graph.finals.size === 0) {
      ctx.report('LINT_NO_PATH_TO_CLOSING', 'flow', flow.id, ['nodes'], `ticket flow ${q(flow.id)} has no final node, so no ticket can be closed`);
      continue;
    }
    const closable = canReach(graph, graph.finals);
    for (const [id, i] of graph.index) {
      if (reachable.has(id) && !closable.has(id) && !deadEnds.has(id)) {
        ctx.report('LINT_NO_PATH_TO_CLOSING', 'flow', flow.id, ['nodes', i],
          `a ticket at node ${q(id)} of flow ${q(flow.id)} can never reach a final node (${[...graph.finals].map(q).join(', ')})`);
      }
    }
  }
}
