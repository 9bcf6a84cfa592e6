import type { Flow } from '../../definitions/schemas/index.js';
import { isKnownEffect } from '../effects/registry.js';
import { requiredNodes } from './flowGraph.js';
import type { LintContext } from './lintContext.js';

const usesEffect = (flow: Flow | undefined, type: string): boolean =>
  flow?.transitions.some((t) => (t.effects ?? []).some((e) => e.type === type)) ?? false;

function checkNodes(ctx: LintContext, flow: Flow): Set<string> {
  const ids = new Set<string>();
  flow.nodes.forEach((n, i) => {
    if (ids.has(n.id)) ctx.report('LINT_DUPLICATE_NODE', 'flow', flow.id, ['nodes', i, 'id'], { flow: flow.id, node: n.id });
    ids.add(n.id);
  });
  if (!ids.has(flow.initial)) {
    ctx.report('LINT_FLOW_UNKNOWN_INITIAL', 'flow', flow.id, ['initial'], { flow: flow.id, node: flow.initial });
  }
  const missing = requiredNodes[flow.scope].filter((id) => !ids.has(id));
  if (missing.length > 0) {
    ctx.report('LINT_FLOW_MISSING_REQUIRED_NODE', 'flow', flow.id, ['nodes'],
      { scope: flow.scope, flow: flow.id, missing });
  }
  return ids;
}

function checkTransitions(ctx: LintContext, flow: Flow, ids: ReadonlySet<string>): void {
  const finals = new Set(flow.nodes.filter((n) => n.final).map((n) => n.id));
  flow.transitions.forEach((t, i) => {
    const at = ['transitions', i] as const;
    if (t.button === undefined && t.event === undefined) {
      ctx.report('LINT_TRANSITION_WITHOUT_BUTTON', 'flow', flow.id, at, { index: i, flow: flow.id });
    } else if (t.button !== undefined && t.event !== undefined) {
      ctx.report('LINT_TRANSITION_BUTTON_AND_EVENT', 'flow', flow.id, [...at, 'event'], { index: i, flow: flow.id, button: t.button, event: t.event });
    }
    t.from.forEach((from, j) => {
      if (from === '*') return;
      if (!ids.has(from)) {
        ctx.report('LINT_TRANSITION_UNKNOWN_NODE', 'flow', flow.id, [...at, 'from', j], { variant: 'from', index: i, flow: flow.id, node: from });
      } else if (finals.has(from) && t.to !== undefined) {
        ctx.report('LINT_TRANSITION_FROM_FINAL', 'flow', flow.id, [...at, 'from', j], { index: i, flow: flow.id, node: from, to: t.to });
      }
    });
    if (t.to !== undefined && !ids.has(t.to)) {
      ctx.report('LINT_TRANSITION_UNKNOWN_NODE', 'flow', flow.id, [...at, 'to'], { variant: 'to', index: i, flow: flow.id, node: t.to });
    }
    const button = t.button === undefined ? undefined : ctx.defs.buttonType[t.button];
    if (button && button.scope !== flow.scope) {
      ctx.report('LINT_BUTTON_SCOPE_MISMATCH', 'flow', flow.id, [...at, 'button'],
        { button: button.id, buttonScope: button.scope, flow: flow.id, flowScope: flow.scope });
    }
    (t.effects ?? []).forEach((e, k) => {
      if (!isKnownEffect(e.type)) {
        ctx.report('LINT_UNKNOWN_EFFECT', 'flow', flow.id, [...at, 'effects', k, 'type'], { index: i, flow: flow.id, effect: e.type });
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
    ctx.report('LINT_FLOW_MISSING_SUBFLOW', 'flow', flow.id, [], { variant: 'taskFlow', flow: flow.id, missing: 'taskFlow' });
  }
  const applying = taskFlowsOf(ctx, flow).find((f) => usesEffect(f, 'createApplication'));
  if (flow.applicationFlow === undefined && applying) {
    ctx.report('LINT_FLOW_MISSING_SUBFLOW', 'flow', flow.id, [],
      { variant: 'applicationFlow', flow: flow.id, taskFlow: applying.id, missing: 'applicationFlow' });
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
