import { describe, expect, it } from 'vitest';
import type { View } from '../../../definitions/schemas/index.js';
import {
  bundle,
  CJK,
  clauseNodes,
  flowOf,
  knownPath,
  nodeClauses,
  nodesFor,
  unique,
  useHotlineBundle,
  viewOf,
  views,
} from './support/viewSupport.js';

/**
 * The workbench's list screens (DESIGN principle 5) as the linkage package defines them: one view
 * per list of ACC, DSP, HND, REV and CLS, with names, tab nodes, fields and columns consistent with
 * the flows, forms and vocabularies of the bundle.
 */

useHotlineBundle();

// Every list the SPEC and seed 4.2 name: [view id, module, menu name, entity, the seed's tabs].
const SPEC_LISTS: [string, View['module'], string, View['entity'], string[]][] = [
  ['view.acc.acceptance', 'acceptance', '事件受理', 'ticket', ['待受理', '已受理']], // ACC-5
  ['view.acc.acceptanceReview', 'acceptance', '受理审核', 'ticket', ['待受理', '已受理']], // ACC-6
  ['view.acc.verification', 'acceptance', '事件核实', 'ticket', ['待核实', '已核实']], // ACC-7
  ['view.acc.draft', 'acceptance', '事件暂存', 'ticket', []], // ACC-8
  ['view.acc.voided', 'acceptance', '事件废止', 'ticket', []], // ACC-9
  ['view.acc.pool', 'acceptance', '受理工单池', 'ticket', []], // ACC-10
  ['view.dsp.pool', 'dispatch', '分拨工单池', 'ticket', []], // DSP-1
  ['view.dsp.dispatch', 'dispatch', '事件分拨', 'ticket', ['待分拨', '已分拨']], // DSP-2, DSP-3
  ['view.dsp.review', 'dispatch', '分拨审核', 'ticket', ['待分拨', '已分拨']], // DSP-4
  ['view.dsp.returned', 'dispatch', '分拨退回', 'ticket', []], // DSP-5
  ['view.dsp.query', 'dispatch', '分拨查询', 'ticket', []], // DSP-6
  ['view.dsp.difficult', 'dispatch', '疑难事件', 'ticket', ['待分拨', '已分拨']], // DSP-6
  ['view.hnd.tasks', 'handling', '事件处置', 'task', ['待处置', '处置中', '已处置']], // HND-1, HND-2
  ['view.hnd.applications', 'handling', '我的申请', 'application', []], // HND-4
  ['view.hnd.reviews', 'handling', '待我审核', 'application', ['协办', '延期', '挂账', '转派', '退回', '结果审核']], // HND-5
  ['view.hnd.cc', 'handling', '下辖事件', 'ticket', []], // HND-7
  ['view.rev.result', 'review', '结果审核', 'application', ['待审核', '已审核']], // REV-1
  ['view.rev.assist', 'review', '协办审核', 'application', ['待审核', '已审核']], // REV-2
  ['view.rev.extension', 'review', '延期审核', 'application', ['待审核', '已审核']], // REV-3
  ['view.rev.suspension', 'review', '挂账审核', 'application', ['待审核', '已审核']], // REV-4
  ['view.rev.return', 'review', '退回审核', 'application', ['待审核', '已审核']], // REV-5
  ['view.rev.transfer', 'review', '转派审核', 'application', ['待审核', '已审核']], // REV-6
  ['view.rev.check', 'review', '事件核查', 'ticket', ['待核查', '已核查']], // REV-7
  ['view.cls.callback', 'closing', '事件回访', 'ticket', ['待回访', '已回访']], // CLS-1
  ['view.cls.evaluation', 'closing', '事件评价', 'ticket', ['待评价', '已评价']], // CLS-2
  ['view.cls.closing', 'closing', '事件结案', 'ticket', ['待结案', '已结案']], // CLS-3
];

describe('list views: one per SPEC list (ACC, DSP, HND, REV, CLS)', () => {
  it.each(SPEC_LISTS)('%s is %s › %s', (id, module, name, entity, tabs) => {
    const v = viewOf(id);
    expect([v.module, v.name, v.entity]).toEqual([module, name, entity]);
    expect(v.tabs.map((t) => t.name)).toEqual(expect.arrayContaining(tabs));
  });

  it('menus are ordered within each module and tab keys are unique within a view', () => {
    for (const module of ['acceptance', 'dispatch', 'handling', 'review', 'closing']) {
      const orders = views().filter((v) => v.module === module).map((v) => v.order);
      expect(orders.length, module).toBeGreaterThan(0);
      expect(unique(orders).length, module).toBe(orders.length);
    }
    for (const v of views()) expect(unique(v.tabs.map((t) => t.key)).length, v.id).toBe(v.tabs.length);
  });

  it('every view, tab, column and filter has a Chinese name and an English one', () => {
    const bad: string[] = [];
    const check = (where: string, zh: string, en: string | undefined) => {
      if (!CJK.test(zh) || !en || CJK.test(en)) bad.push(`${where}: ${zh} / ${en ?? '(none)'}`);
    };
    for (const v of views()) {
      check(v.id, v.name, v.nameEn);
      for (const t of v.tabs) check(`${v.id} tab ${t.key}`, t.name, t.nameEn);
      for (const c of v.columns) check(`${v.id} column ${c.field}`, c.title, c.titleEn);
      for (const f of v.filters) check(`${v.id} filter ${f.field}`, f.title, f.titleEn);
    }
    expect(bad).toEqual([]);
  });

  it('tab nodes and node clauses exist in the flows of the listed entity; kinds only on applications', () => {
    const bad: string[] = [];
    for (const v of views()) {
      if (v.flow) expect(flowOf(v.flow).scope, v.id).toBe(v.entity);
      const known = nodesFor(v);
      for (const t of v.tabs) {
        const named = [...(t.query.nodes ?? []), ...nodeClauses(t).flatMap(clauseNodes)];
        bad.push(...named.filter((n) => !known.has(n)).map((n) => `${v.id}/${t.key}: ${n}`));
        if (t.query.applicationKinds && v.entity !== 'application') bad.push(`${v.id}/${t.key}: applicationKinds on a ${v.entity} list`);
      }
    }
    expect(bad).toEqual([]);
  });

  it('columns, filters, clauses and sorts read known fields; vocabularies exist', () => {
    const bad: string[] = [];
    for (const v of views()) {
      const paths = [
        ...v.columns.map((c) => c.field), ...v.filters.map((f) => f.field),
        ...v.tabs.flatMap((t) => [...(t.query.where ?? []).map((c) => c.field), ...(t.query.sort ? [t.query.sort.field] : [])]),
      ];
      bad.push(...paths.filter((p) => !knownPath(v.entity, p)).map((p) => `${v.id}: ${p}`));
      for (const c of v.columns) {
        if (c.format === 'vocabulary' && !bundle.defs.vocabulary[c.vocabulary ?? '']) bad.push(`${v.id}: column ${c.field} vocabulary`);
      }
      for (const f of v.filters) if (f.vocabulary && !bundle.defs.vocabulary[f.vocabulary]) bad.push(`${v.id}: filter ${f.field} vocabulary`);
      expect(v.filters.filter((f) => f.primary).map((f) => f.field).slice(0, 2), v.id).toEqual(
        v.entity === 'ticket' ? ['number', 'title'] : ['ticket.number', 'ticket.title'],
      );
    }
    expect(bad).toEqual([]);
  });

  it('ticket lists show the seed columns (已受理: 事件编号 事件标题 事项类别 上报时间 上报人 上报方式 行政区划)', () => {
    const seed = ['事件编号', '事件标题', '事项类别', '上报时间', '上报人', '上报方式', '行政区划'];
    for (const v of views().filter((x) => x.entity === 'ticket')) {
      expect(v.columns.map((c) => c.title).slice(0, seed.length), v.id).toEqual(seed);
      expect(v.columns.find((c) => c.field === 'fields.reporterName')?.format, v.id).toBe('maskedName');
    }
    for (const v of views().filter((x) => x.entity !== 'ticket')) {
      expect(v.columns.map((c) => c.field), v.id).toEqual(expect.arrayContaining(['ticket.number', 'ticket.title', 'node', 'sla']));
    }
  });
});
