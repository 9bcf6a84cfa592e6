import { add, flowOf, nodeIndex, pushBoundNode, pushTransition, where } from './lintSupport.js';
import type { NegativeCase } from './negativeCases.js';

const TICKET = 'flow.linkage';
const TASK = 'flow.linkage.task';

/** References, flow structure, reachability and time limits. */
export const flowCases: readonly NegativeCase[] = [
  {
    code: 'LINT_UNKNOWN_REFERENCE', title: 'DEF-1 a domain names a form that does not exist',
    breakIt: (b) => { b.defs.domain.linkage!.form = 'form.missing'; return where(b, 'domain', 'linkage', 'form'); },
  },
  {
    code: 'LINT_DISABLED_REFERENCE', title: 'DEF-8 a node calls a disabled service',
    breakIt: (b) => {
      const flow = flowOf(b, TICKET);
      const i = nodeIndex(flow, 'closing');
      flow.nodes[i]!.entryServices = ['svc.province-12345-sync'];
      return where(b, 'flow', TICKET, 'nodes', i, 'entryServices', 0);
    },
  },
  {
    code: 'LINT_UNKNOWN_BUTTON', title: 'DEF-10 a transition uses a button that has no button type',
    breakIt: (b) => where(b, 'flow', TICKET, 'transitions', pushTransition(flowOf(b, TICKET), { from: ['dispatch'], button: 'dsp.nope', to: 'closing' }), 'button'),
  },
  {
    code: 'LINT_FLOW_UNKNOWN_INITIAL', title: 'DEF-9 a flow starts at a node it does not have',
    breakIt: (b) => { flowOf(b, TASK).initial = 'nowhere'; return where(b, 'flow', TASK, 'initial'); },
  },
  {
    code: 'LINT_DUPLICATE_NODE', title: 'DEF-8 two nodes share an id',
    breakIt: (b) => { const flow = flowOf(b, TICKET); const i = flow.nodes.push({ id: 'closing', name: '重复' }) - 1; return where(b, 'flow', TICKET, 'nodes', i, 'id'); },
  },
  {
    code: 'LINT_TRANSITION_UNKNOWN_NODE', title: 'DEF-9 a transition goes to a node the flow does not have',
    breakIt: (b) => where(b, 'flow', TICKET, 'transitions', pushTransition(flowOf(b, TICKET), { from: ['dispatch'], button: 'dsp.assign', to: 'nowhere' }), 'to'),
  },
  {
    code: 'LINT_TRANSITION_WITHOUT_BUTTON', title: 'DEF-9 a transition has neither button nor event',
    breakIt: (b) => where(b, 'flow', TICKET, 'transitions', pushTransition(flowOf(b, TICKET), { from: ['dispatch'], to: 'closing' })),
  },
  {
    code: 'LINT_TRANSITION_BUTTON_AND_EVENT', title: 'DEF-9 a transition names a button and an event',
    breakIt: (b) => where(b, 'flow', TICKET, 'transitions',
      pushTransition(flowOf(b, TICKET), { from: ['handling'], button: 'dsp.addDispatch', event: '$tasks.settled' }), 'event'),
  },
  {
    code: 'LINT_TRANSITION_FROM_FINAL', title: 'DEF-9 a transition starts at a final node',
    breakIt: (b) => where(b, 'flow', TICKET, 'transitions', pushTransition(flowOf(b, TICKET), { from: ['closed'], button: 'cls.close', to: 'closing' }), 'from', 0),
  },
  {
    code: 'LINT_BUTTON_SCOPE_MISMATCH', title: 'DEF-10 a task button in the ticket flow',
    breakIt: (b) => where(b, 'flow', TICKET, 'transitions', pushTransition(flowOf(b, TICKET), { from: ['dispatch'], button: 'task.complete' }), 'button'),
  },
  {
    code: 'LINT_UNKNOWN_EFFECT', title: 'STYLE-9 a transition names an effect nobody registered',
    breakIt: (b) => where(b, 'flow', TICKET, 'transitions',
      pushTransition(flowOf(b, TICKET), { from: ['dispatch'], button: 'dsp.assign', effects: [{ type: 'teleport' }] }), 'effects', 0, 'type'),
  },
  {
    code: 'LINT_FLOW_SCOPE_MISMATCH', title: 'DEF-1 a domain runs a task flow',
    breakIt: (b) => { b.defs.domain.linkage!.flow = TASK; return where(b, 'domain', 'linkage', 'flow'); },
  },
  {
    code: 'LINT_FLOW_MISSING_SUBFLOW', title: 'DSP-2 a ticket flow creates tasks without a task flow',
    breakIt: (b) => { delete flowOf(b, TICKET).taskFlow; return where(b, 'flow', TICKET); },
  },
  {
    code: 'LINT_FLOW_MISSING_REQUIRED_NODE', title: 'HND-1 a personalised task flow without "transferred"',
    also: ['LINT_NODE_WITHOUT_BINDING'],
    breakIt: (b) => {
      add(b, 'flow', {
        id: 'flow.custom.task', name: '自定义处置', scope: 'task', initial: 'pending', enabled: true,
        nodes: [{ id: 'pending', name: '待处置' }, { id: 'approved', name: '已处置', final: true }, { id: 'returned', name: '已退回', final: true }],
        transitions: [{ from: ['pending'], button: 'task.complete', to: 'approved' }, { from: ['pending'], button: 'task.return', to: 'returned' }],
      }, 'flows/custom.json');
      b.locations.flow['flow.custom.task'] = { package: 'linkage', file: 'linkage/flows/custom.json', pointer: '' };
      return 'linkage/flows/custom.json#/nodes';
    },
  },
  {
    code: 'LINT_UNREACHABLE_NODE', title: 'DESIGN-3 a node no path reaches',
    breakIt: (b) => {
      const flow = flowOf(b, TICKET);
      const i = pushBoundNode(b, flow, 'limbo', 901);
      pushTransition(flow, { from: ['limbo'], button: 'cls.close', to: 'closed' });
      return where(b, 'flow', TICKET, 'nodes', i);
    },
  },
  {
    code: 'LINT_DEAD_END_NODE', title: 'DESIGN-3 a node with no way out',
    breakIt: (b) => {
      const flow = flowOf(b, TICKET);
      const i = pushBoundNode(b, flow, 'stuck', 902);
      pushTransition(flow, { from: ['dispatch'], button: 'dsp.toReview', to: 'stuck' });
      return where(b, 'flow', TICKET, 'nodes', i);
    },
  },
  {
    code: 'LINT_NO_PATH_TO_CLOSING', title: 'CLS-3 a ticket can enter a loop that never reaches closed',
    breakIt: (b) => {
      const flow = flowOf(b, TICKET);
      const i = pushBoundNode(b, flow, 'trap', 903);
      pushTransition(flow, { from: ['dispatch'], button: 'dsp.toReview', to: 'trap' });
      pushTransition(flow, { from: ['trap'], button: 'dsp.toReview', to: 'trap' });
      return where(b, 'flow', TICKET, 'nodes', i);
    },
  },
  {
    code: 'LINT_STAGE_LIMIT_NOT_STAGE', title: 'DEF-6 an overall time limit bound to a node',
    breakIt: (b) => {
      const flow = flowOf(b, TICKET);
      const i = nodeIndex(flow, 'acceptance');
      flow.nodes[i]!.stageLimit = 'tl.overall.8wh';
      return where(b, 'flow', TICKET, 'nodes', i, 'stageLimit');
    },
  },
  {
    code: 'LINT_OVERALL_LIMIT_NOT_OVERALL', title: 'DEF-6 a stage time limit chosen as an item\u2019s overall limit',
    breakIt: (b) => { b.defs.item['item.bllj']!.domains[0]!.overallLimit = 'tl.stage.handle'; return where(b, 'item', 'item.bllj', 'domains', 0, 'overallLimit'); },
  },
];
