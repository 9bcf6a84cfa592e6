import type { StatusBinding } from '../../definitions/schemas/index.js';
import type { LintContext } from './lintContext.js';

/**
 * Flow-status bindings (DEF-11): every node shows a status and names its handler; bindings point at
 * real nodes, are not given twice, carry their role or external method, and status values do not
 * collide within a flow. Unknown flows and roles are reported by checkReferences.
 */
export function checkStatusBindings(ctx: LintContext): void {
  const byFlow = new Map<string, StatusBinding[]>();
  const seen = new Map<string, string>();
  for (const b of Object.values(ctx.defs.statusBinding)) {
    byFlow.set(b.flow, [...(byFlow.get(b.flow) ?? []), b]);
    const flow = ctx.defs.flow[b.flow];
    if (flow && !flow.nodes.some((n) => n.id === b.node)) {
      ctx.report('LINT_BINDING_UNKNOWN_NODE', 'statusBinding', b.id, ['node'], { binding: b.id, node: b.node, flow: b.flow });
    }
    if (b.handlerType === 'role' && b.role === undefined) {
      ctx.report('LINT_BINDING_WITHOUT_ROLE', 'statusBinding', b.id, ['handlerType'], { binding: b.id });
    }
    if (b.handlerType === 'external' && b.external === undefined) {
      ctx.report('LINT_BINDING_WITHOUT_EXTERNAL', 'statusBinding', b.id, ['handlerType'], { binding: b.id });
    }
    const key = `${b.flow}|${b.node}|${b.applicationKind ?? ''}`;
    const first = seen.get(key);
    if (first !== undefined) {
      ctx.report('LINT_DUPLICATE_BINDING', 'statusBinding', b.id, ['node'],
        { variant: b.applicationKind ? 'application' : 'plain', binding: b.id, node: b.node, flow: b.flow, first, ...(b.applicationKind ? { applicationKind: b.applicationKind } : {}) });
    } else {
      seen.set(key, b.id);
    }
  }

  for (const flow of Object.values(ctx.defs.flow)) {
    const bindings = byFlow.get(flow.id) ?? [];
    const bound = new Set(bindings.map((b) => b.node));
    flow.nodes.forEach((node, i) => {
      if (!bound.has(node.id)) {
        ctx.report('LINT_NODE_WITHOUT_BINDING', 'flow', flow.id, ['nodes', i], { node: node.id, flow: flow.id });
      }
    });
    const nodeOfValue = new Map<number, StatusBinding>();
    for (const b of bindings) {
      const other = nodeOfValue.get(b.statusValue);
      if (other && other.node !== b.node) {
        ctx.report('LINT_DUPLICATE_STATUS_VALUE', 'statusBinding', b.id, ['statusValue'],
          { value: b.statusValue, node: b.node, other: other.node, flow: flow.id });
      } else if (!other) {
        nodeOfValue.set(b.statusValue, b);
      }
    }
  }
}
