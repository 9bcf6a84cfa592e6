import type { LintContext } from './lintContext.js';

/**
 * Time-limit types (DEF-6): stage limits (环节时限) are bound to flow nodes, overall limits (整体时限)
 * are chosen on items per domain. Unknown limits are reported by checkReferences.
 */
export function checkTimeLimits(ctx: LintContext): void {
  for (const flow of Object.values(ctx.defs.flow)) {
    flow.nodes.forEach((node, i) => {
      const limit = node.stageLimit === undefined ? undefined : ctx.defs.timeLimit[node.stageLimit];
      if (limit && limit.type !== 'stage') {
        ctx.report('LINT_STAGE_LIMIT_NOT_STAGE', 'flow', flow.id, ['nodes', i, 'stageLimit'],
          { node: node.id, flow: flow.id, limit: limit.id, limitType: limit.type });
      }
    });
  }
  for (const item of Object.values(ctx.defs.item)) {
    item.domains.forEach((link, j) => {
      const limit = link.overallLimit === undefined ? undefined : ctx.defs.timeLimit[link.overallLimit];
      if (limit && limit.type !== 'overall') {
        ctx.report('LINT_OVERALL_LIMIT_NOT_OVERALL', 'item', item.id, ['domains', j, 'overallLimit'],
          { item: item.id, limit: limit.id, domain: link.domain, limitType: limit.type });
      }
    });
  }
}
