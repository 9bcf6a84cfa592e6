import type { FlowScope } from '../../definitions/schemas/index.js';
import type { IdentifiedKind } from '../definitions/bundleTypes.js';
import type { LintContext, PathToken } from './lintContext.js';

/**
 * Where a flow is used, it must drive the right thing (LINT_FLOW_SCOPE_MISMATCH): a domain runs a
 * ticket flow (DEF-1), an item's personalised flow and a ticket flow's taskFlow are task flows
 * (DEF-3), an applicationFlow is an application flow, and a view's flow matches its entity.
 */
export function checkFlowUses(ctx: LintContext): void {
  const expect = (kind: IdentifiedKind, id: string, path: PathToken[], flowId: string | undefined, scope: FlowScope, variant: string) => {
    const flow = flowId === undefined ? undefined : ctx.defs.flow[flowId];
    if (!flow || flow.scope === scope) return; // unknown flows are reported by checkReferences
    ctx.report('LINT_FLOW_SCOPE_MISMATCH', kind, id, path, { variant, id, flow: flow.id, expectedScope: scope, actualScope: flow.scope, expected: scope, actual: flow.scope });
  };
  for (const d of Object.values(ctx.defs.domain)) expect('domain', d.id, ['flow'], d.flow, 'ticket', 'domain');
  for (const item of Object.values(ctx.defs.item)) expect('item', item.id, ['flow'], item.flow, 'task', 'item');
  for (const f of Object.values(ctx.defs.flow)) {
    expect('flow', f.id, ['taskFlow'], f.taskFlow, 'task', 'taskFlow');
    expect('flow', f.id, ['applicationFlow'], f.applicationFlow, 'application', 'applicationFlow');
  }
  for (const v of Object.values(ctx.defs.view)) expect('view', v.id, ['flow'], v.flow, v.entity, 'view');
}
