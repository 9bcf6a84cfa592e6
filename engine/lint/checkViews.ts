import type { Flow, View } from '../../definitions/schemas/index.js';
import type { LintContext, PathToken } from './lintContext.js';

/**
 * The flows whose node ids a view's tabs use: the view's own flow, else for tickets the flows of the
 * domains (every ticket flow when no domain names one), for tasks and applications every flow of
 * that scope.
 */
export function flowsOfView(ctx: LintContext, view: View): Flow[] {
  if (view.flow !== undefined) {
    const own = ctx.defs.flow[view.flow];
    return own ? [own] : [];
  }
  if (view.entity === 'ticket') {
    const ids = new Set(Object.values(ctx.defs.domain).map((d) => d.flow));
    const domainFlows = [...ids].map((id) => ctx.defs.flow[id]).filter((f): f is Flow => f?.scope === 'ticket');
    if (domainFlows.length > 0) return domainFlows;
  }
  return ctx.flowsOfScope(view.entity);
}

/**
 * Views (DESIGN principle 5): a tab's query (its `nodes`, and `where` clauses on `node`) names
 * nodes of the flows of the view's entity (LINT_VIEW_UNKNOWN_STATUS); a tab's roles are some of the
 * view's roles (LINT_VIEW_TAB_ROLE). Unknown buttons, roles and vocabularies are reported by
 * checkReferences, roles nobody holds by checkRoles.
 */
export function checkViews(ctx: LintContext): void {
  for (const view of Object.values(ctx.defs.view)) {
    view.tabs.forEach((tab, t) => (tab.roles ?? []).forEach((role, r) => {
      if (!view.roles.includes(role)) {
        ctx.report('LINT_VIEW_TAB_ROLE', 'view', view.id, ['tabs', t, 'roles', r], { tab: tab.key, view: view.id, role, roles: view.roles });
      }
    }));
    const flows = flowsOfView(ctx, view);
    if (flows.length === 0) continue; // an unknown view flow is reported by checkReferences
    const nodes = new Set(flows.flatMap((f) => f.nodes.map((n) => n.id)));
    const check = (node: unknown, tab: string, path: PathToken[]) => {
      if (typeof node === 'string' && !nodes.has(node)) {
        ctx.report('LINT_VIEW_UNKNOWN_STATUS', 'view', view.id, path,
          { tab, view: view.id, node, entity: view.entity, flows: flows.map((f) => f.id) });
      }
    };
    view.tabs.forEach((tab, t) => {
      (tab.query.nodes ?? []).forEach((node, n) => check(node, tab.key, ['tabs', t, 'query', 'nodes', n]));
      (tab.query.where ?? []).forEach((clause, w) => {
        if (clause.field !== 'node') return;
        const at: PathToken[] = ['tabs', t, 'query', 'where', w, 'value'];
        if (Array.isArray(clause.value)) clause.value.forEach((node, k) => check(node, tab.key, [...at, k]));
        else check(clause.value, tab.key, at);
      });
    });
  }
}
