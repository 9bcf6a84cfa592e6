import { describe, expect, it } from 'vitest';
import { indexCatalogue } from '../../../designer/shared/catalogue/CatalogueContext';
import { i18next } from '../../../designer/shared/i18n';
import { cellText } from '../../../designer/workbench/src/lists/columns';
import { departmentTree, itemTree, selectOptions } from '../../../designer/workbench/src/lists/filterOptions';
import { actingRoles, actionRequests, listButtons, mergeRequest, poolOf, targetOf } from '../../../designer/workbench/src/lists/listButtons';
import { initialListState, isFiltered, listQuery, splitFilters, type ListState } from '../../../designer/workbench/src/lists/listQuery';
import '../../../designer/workbench/src/lists/texts';
import type { ListRow } from '../../../designer/workbench/src/lists/types';
import { catalogue, listView, ticketRow } from './fixtures';

const c = indexCatalogue(catalogue);
const zh = i18next.getFixedT('zh-CN', 'lists');
const en = i18next.getFixedT('en-US', 'lists');
const state = (over: Partial<ListState>): ListState => ({ ...initialListState(), ...over });

describe('list query from a view definition', () => {
  const dispatch = listView('view.dsp.dispatch');
  const query = listView('view.dsp.query');

  it('ACC-5 primary filters make the search bar, the rest wait behind 展开', () => {
    const { primary, more } = splitFilters(dispatch);
    expect(primary.map((f) => f.field)).toEqual(['number', 'title']);
    expect(more.map((f) => [f.field, f.widget])).toEqual([
      ['channel', 'select'], ['item', 'item'], ['reportedAt', 'dateRange'], ['urgency', 'select'], ['difficult', 'select'],
    ]);
  });

  it('ACC-5 filters become query parameters the server reads (text trimmed, choices as they are, date ranges "from,to")', () => {
    const s = state({
      page: 3, pageSize: 50, q: ' DH2025 ', sort: { field: 'number', dir: 'desc' },
      filters: { title: ' 广告 ', channel: 'web', item: 'item.wzgg', reportedAt: ['2025-06-01', null], difficult: 'false', urgency: null, number: '   ' },
    });
    expect(listQuery(dispatch, s)).toEqual({
      page: 3, pageSize: 50, sort: 'number', dir: 'desc', q: 'DH2025', title: '广告', channel: 'web', item: 'item.wzgg', reportedAt: '2025-06-01,', difficult: 'false',
    });
    expect(listQuery(dispatch, state({ filters: { reportedAt: [null, null] } }))).toEqual({ page: 1, pageSize: 20 });
    expect(listQuery(dispatch, s, { paging: false })).not.toHaveProperty('page');
  });

  it('DSP-6 仅看与我有关 is only sent for views that offer it', () => {
    expect(listQuery(query, state({ onlyMine: true }))).toMatchObject({ onlyMine: 'true' });
    expect(listQuery(dispatch, state({ onlyMine: true }))).not.toHaveProperty('onlyMine');
    expect(isFiltered(query, state({ onlyMine: true }))).toBe(true);
    expect(isFiltered(dispatch, state({ sort: { field: 'number', dir: 'asc' }, page: 2 }))).toBe(false);
    expect(isFiltered(dispatch, state({ filters: { channel: 'web' } }))).toBe(true);
  });
});

describe('list buttons', () => {
  it('keeps the buttons the acting roles may press, in the view\'s order, and drops unknown ones', () => {
    const ids = ['list.register', 'list.extract', 'list.merge', 'list.export', 'no.such.button'];
    expect(listButtons(ids, c, ['acceptor']).map((b) => b.id)).toEqual(['list.register', 'list.extract', 'list.merge', 'list.export']);
    expect(listButtons(ids, c, ['dispatcher']).map((b) => b.id)).toEqual(['list.merge', 'list.export']);
    expect(listButtons(['app.approve'], c, ['reviewer']).map((b) => b.id)).toEqual(['app.approve']);
    expect(actingRoles(['acceptor', 'dispatcher'], '')).toEqual(['acceptor', 'dispatcher']);
    expect(actingRoles(['acceptor', 'dispatcher'], 'dispatcher')).toEqual(['dispatcher']);
  });

  it('DSP-3 a single press carries the ticket version, a batch presses each row without one', () => {
    const urge = c.button('ticket.urge')!;
    const [a, b] = [ticketRow(1), ticketRow(2)];
    expect(actionRequests(urge, [a])).toEqual([{ ticketId: 't1', button: 'ticket.urge', version: 2 }]);
    expect(actionRequests(urge, [a, b])).toEqual([{ ticketId: 't1', button: 'ticket.urge' }, { ticketId: 't2', button: 'ticket.urge' }]);
  });

  it('REV-1 task and application rows target their entity; ticket-scope buttons act on the ticket', () => {
    const app: ListRow = { ...ticketRow(1), id: 'a1', entity: 'application', taskId: 'k1', version: 4 };
    const task: ListRow = { ...ticketRow(2), id: 'k2', entity: 'task', version: 7 };
    const approve = c.button('app.approve')!;
    expect(actionRequests(approve, [app])).toEqual([{ ticketId: 't1', button: 'app.approve', target: { kind: 'application', id: 'a1' } }]);
    expect(targetOf(task)).toEqual({ kind: 'task', id: 'k2' });
    expect(targetOf(task, { scope: 'ticket' })).toBeUndefined();
    expect(targetOf(ticketRow(3))).toBeUndefined();
  });

  it('ACC-5 提取工单 draws from the view\'s pool, else from the pool view of its module', () => {
    const acceptance = listView('view.acc.acceptance');
    const pool = listView('view.acc.pool', {}, { poolEnabled: false });
    expect(poolOf(pool, [])).toEqual({ pool: 'acceptance', enabled: false });
    expect(poolOf(acceptance, [acceptance, pool])).toEqual({ pool: 'acceptance', enabled: false });
    expect(poolOf(acceptance, [acceptance])).toBeUndefined();
  });

  it('ACC-3 / HND-3 merge bodies: tickets with the chosen main and the versions seen, tasks by id', () => {
    const rows = [ticketRow(1), ticketRow(2)];
    expect(mergeRequest({ entity: 'ticket' }, rows, 't2')).toEqual({ path: '/api/tickets/merge', body: { ticketIds: ['t1', 't2'], main: 't2', versions: { t1: 2, t2: 3 } } });
    expect(mergeRequest({ entity: 'ticket' }, rows).body).not.toHaveProperty('main');
    const tasks: ListRow[] = rows.map((r, i) => ({ ...r, id: `k${i}`, entity: 'task' }));
    expect(mergeRequest({ entity: 'task' }, tasks)).toEqual({ path: '/api/tasks/merge', body: { taskIds: ['k0', 'k1'] } });
  });
});

describe('cells and filter choices in both languages', () => {
  const view = listView('view.dsp.dispatch');
  const col = (field: string) => view.columns.find((x) => x.field === field)!;
  const row = ticketRow(1, { difficult: true });

  it('spells out vocabularies, items, regions and status; keeps the masked reporter as sent', () => {
    const ctx = { catalogue: c, lang: 'zh-CN' as const, t: zh };
    expect(['channel', 'urgency', 'item', 'center', 'node', 'fields.reporterName'].map((f) => cellText(col(f), row, ctx)))
      .toEqual(['网络', '紧急', '违规设置户外广告', '张家港市', '待分拨', '张**']);
    const enCtx = { catalogue: c, lang: 'en-US' as const, t: en };
    expect(['channel', 'urgency', 'node'].map((f) => cellText(col(f), row, enCtx))).toEqual(['Web', 'Urgent', 'Awaiting dispatch']);
    expect(cellText({ field: 'kind', title: '申请类型', format: 'text' }, { ...row, cells: { kind: 'extension' } }, ctx)).toBe('延期');
    expect(cellText({ field: 'task.role', title: '职责', format: 'text' }, { ...row, cells: { 'task.role': 'main' } }, enCtx)).toBe('Main');
    expect(cellText({ field: 'title', title: '标题', format: 'text' }, { ...row, cells: { title: 'main: 10:00' } }, ctx)).toBe('main: 10:00');
  });

  it('select filters offer their vocabulary, or yes/no for a flag; items group under their directory', () => {
    const urgency = view.filters.find((f) => f.field === 'urgency')!;
    const difficult = view.filters.find((f) => f.field === 'difficult')!;
    expect(selectOptions(urgency, c, 'zh-CN', zh).map((o) => o.label)).toEqual(['一般', '紧急', '非常紧急']);
    expect(selectOptions(difficult, c, 'en-US', en)).toEqual([{ value: 'true', label: 'Yes' }, { value: 'false', label: 'No' }]);
    expect(itemTree(c, 'zh-CN')).toEqual([{ title: '市容环境', value: 'dir:dir.city', key: 'dir:dir.city', selectable: false, children: [{ title: '违规设置户外广告', value: 'item.wzgg', key: 'item.wzgg' }] }]);
    expect(departmentTree(c.org.departments, 'zjg').map((d) => d.value)).toEqual(['zjg.cgj']);
  });
});
