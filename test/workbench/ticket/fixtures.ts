import type { ButtonGroup, ButtonType } from '../../../definitions/schemas/button';
import type { Form } from '../../../definitions/schemas/form';
import type { StatusBinding } from '../../../definitions/schemas/status-binding';
import type { Vocabulary } from '../../../definitions/schemas/vocabulary';
import type { SystemParameter } from '../../../definitions/schemas/parameters';
import type { Domain } from '../../../definitions/schemas/domain';
import type { Item } from '../../../definitions/schemas/catalogue';
import buttonTypes from '../../../definitions/packages/linkage/button-types.json';
import buttonGroups from '../../../definitions/packages/linkage/button-groups.json';
import statusBindings from '../../../definitions/packages/linkage/status-bindings.json';
import vocabularies from '../../../definitions/packages/linkage/vocabularies.json';
import parameters from '../../../definitions/packages/linkage/system-parameters.json';
import domains from '../../../definitions/packages/linkage/domains.json';
import items from '../../../definitions/packages/linkage/items.json';
import defaultForm from '../../../definitions/packages/linkage/forms/default.json';
import { indexCatalogue, type Catalogue } from '../../../designer/shared/catalogue/CatalogueContext';
import type { TicketDetail } from '../../../designer/workbench/src/ticket/types';

/** The linkage package as GET /api/workbench/catalogue carries it, with a slice of 张家港's organisation. */
export const catalogue: Catalogue = {
  version: 1, hash: 'test',
  domains: domains as unknown as Domain[], directories: [], items: items as unknown as Item[], forms: [defaultForm] as unknown as Form[],
  vocabularies: vocabularies as unknown as Vocabulary[], buttonTypes: buttonTypes as unknown as ButtonType[], buttonGroups: buttonGroups as unknown as ButtonGroup[],
  statusBindings: statusBindings as unknown as StatusBinding[], systemParameters: parameters as unknown as SystemParameter[], roles: [],
  flows: [
    { id: 'flow.linkage', name: '联动', nodes: { dispatch: { name: '事件分拨' }, handling: { name: '事件处置' } } },
    { id: 'flow.linkage.task', name: '任务', entity: 'task', nodes: { pending: { name: '待处置' } } },
    { id: 'flow.linkage.application', name: '申请', entity: 'application', nodes: { centerReview: { name: '中心审核' } } },
  ],
  org: {
    departments: [
      { id: 'sz', name: '苏州市', parent: null, kind: 'region', level: 'city', center: 'sz', isCenter: true },
      { id: 'zjg', name: '张家港市', parent: 'sz', kind: 'region', level: 'county', center: 'zjg', isCenter: true },
      { id: 'zjg.cgj', name: '张家港市城市管理局', parent: 'zjg', kind: 'unit', level: 'county', center: 'zjg', isCenter: false },
      { id: 'zjg.sthj', name: '张家港市生态环境局', parent: 'zjg', kind: 'unit', level: 'county', center: 'zjg', isCenter: false },
      { id: 'ys', name: '杨舍镇', parent: 'zjg', kind: 'region', level: 'town', center: 'ys', isCenter: true },
      { id: 'ys.cgzd', name: '杨舍镇城管中队', parent: 'ys', kind: 'unit', level: 'town', center: 'ys', isCenter: false },
    ],
    grids: [{ id: 'g.ys.dq.01', name: '东桥社区第1网格', community: 'ys.dq' }],
  },
};
export const index = indexCatalogue(catalogue);

const HOUR = 3_600_000;
const T0 = Date.UTC(2025, 5, 10, 1);
const clock = (key: string, node: string | null, dueAt: number, state: 'normal' | 'paused' = 'normal') => ({
  key, node, limitId: 'tl', limitName: '8 工作时', kind: 'working' as const, status: state === 'paused' ? 'paused' as const : 'running' as const, state,
  budget: 8 * HOUR, consumed: HOUR, remaining: 7 * HOUR, dueAt, warnAt: dueAt - HOUR, projected: false, explanation: { 'zh-CN': '时限 8 个工作小时', 'en-US': 'Limit: 8 working hours' },
});

/** A ticket in handling: 城管局 main (one extension used), 生态环境局 assist, an extension under review. */
export function handlingDetail(): TicketDetail {
  return {
    ticket: {
      id: 't1', number: 'DH2025061000001', domain: 'linkage', item: 'item.wzgg', flow: 'flow.linkage', node: 'handling', center: 'zjg', source: 'center', origin: 'center',
      channel: 'phone', reportedAt: T0, registeredAt: T0, registeredBy: 'zjg.acceptor', title: '违规广告牌', grid: 'g.ys.dq.01', urgency: 'normal', difficult: false,
      callbackWanted: true, confidential: false, returned: false, fields: { title: '违规广告牌', channel: 'phone', eventType: 'complaint', difficult: false, reporterName: '张*' },
      clocks: {}, trail: [], version: 7,
    },
    tasks: [
      { id: 'task-cgj', department: 'zjg.cgj', center: 'zjg', role: 'main', flow: 'flow.linkage.task', node: 'pending', createdAt: T0, counts: { extension: 1, suspension: 0, return: 0 }, clocks: {} },
      { id: 'task-sthj', department: 'zjg.sthj', center: 'zjg', role: 'assist', flow: 'flow.linkage.task', node: 'pending', createdAt: T0, counts: {}, clocks: {} },
    ],
    applications: [
      { id: 'app-ext', task: 'task-cgj', kind: 'extension', flow: 'flow.linkage.application', node: 'centerReview', applicant: { user: 'zjg.cgj.handler', department: 'zjg.cgj' },
        chain: [{ level: 'center', department: 'zjg' }], step: 0, payload: { amount: 2, unit: 'workDay' }, createdAt: T0 + HOUR },
    ],
    history: [
      { id: 'h1', entity: { kind: 'task', id: 'task-cgj' }, event: 'task.applyExtension', fromNode: 'pending', toNode: 'pending', at: T0 + HOUR, actor: { user: 'zjg.cgj.handler', department: 'zjg.cgj' }, opinion: '需要吊车外运' },
    ],
    reporterVisibility: 'masked',
    actions: { ticket: [], tasks: {}, applications: {} },
    changes: [],
    sla: {
      evaluatedAt: T0 + 2 * HOUR,
      overall: clock('overall', null, T0 + 100 * HOUR),
      ticket: [],
      tasks: { 'task-cgj': [clock('stage:pending', 'pending', T0 + 20 * HOUR)] },
      applications: {},
    },
    extensionPreviews: { 'app-ext': { stageDueAt: T0 + 120 * HOUR, overallDueAt: T0 + 100 * HOUR, warning: '该部门延期后时间将大于事件到期时间' } },
  };
}
