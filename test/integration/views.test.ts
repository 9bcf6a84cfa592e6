import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { View, ViewClause, ViewTab } from '../../definitions/schemas/index.js';
import type { CompiledBundle } from '../../engine/index.js';
import { ViewService, viewerOf } from '../../runtime/views/viewService.js';
import { EngineLists } from './support/engineLists.js';
import { startTestApp, type TestApp } from './support/testApp.js';
import { playScenes, type Scenes } from './support/viewScenes.js';
import { HOUR, ListPlayer } from './support/viewWorld.js';

interface Row { id: string; entity: string; ticketId: string; taskId?: string; cells: Record<string, unknown> }
interface Page { total: number; page: number; pageSize: number; rows: Row[] }
interface Catalogue { views: { id: string; tabs: { key: string; count: number }[] }[] }

const DSP = 'view.dsp.dispatch';
const VIEWERS = [
  'zjg.acceptor', 'zjg.dispatcher', 'zjg.shiftleader', 'zjg.shiftleader2', 'zjg.reviewer', 'zjg.cgj.handler', 'zjg.cgj.hws.handler',
  'zjg.sthj.handler', 'zjg.gaj.handler', 'ys.acceptor', 'ys.shiftleader', 'ys.reviewer', 'ys.cgzd.handler', 'ys.dq.grid', 'sz.dispatcher',
];

describe.each(['sqlite', 'mariadb'] as const)('generated lists on %s', (dialect) => {
  let app: TestApp;
  let p: ListPlayer;
  let s: Scenes;
  let cb: CompiledBundle;
  beforeAll(async () => {
    app = await startTestApp(dialect);
    p = new ListPlayer(app);
    s = await playScenes(p);
    cb = await app.services.bundles.currentCompiled();
  }, 180_000);
  afterAll(async () => {
    await app?.dispose();
  });

  async function list(login: string, view: string, tab: string, query = ''): Promise<Page> {
    const res = await p.get(login, `/api/views/${view}/tabs/${tab}${query ? `?${query}` : ''}`);
    expect(res.statusCode, res.body).toBe(200);
    return res.json() as Page;
  }
  const ids = (page: Page) => page.rows.map((r) => r.id);
  const pendingDispatch = () => [...s.atDispatch, s.difficult, s.formula, s.corners.returned];

  it('X-3 GET /api/views lists the views the roles may open, every tab counted in the data scope', async () => {
    const res = await p.get('zjg.dispatcher', '/api/views');
    expect(res.statusCode).toBe(200);
    const { views } = res.json() as Catalogue;
    expect(views.map((v) => v.id)).toEqual(['view.dsp.pool', DSP, 'view.dsp.returned', 'view.dsp.query', 'view.dsp.difficult']);
    const dispatch = views.find((v) => v.id === DSP)!;
    expect(dispatch.tabs).toEqual([expect.objectContaining({ key: 'pending', count: 26 }), expect.objectContaining({ key: 'dispatched', count: 6 })]);
    const { handled, delegated, corners: c } = s;
    const dispatched = await list('zjg.dispatcher', DSP, 'dispatched');
    expect(ids(dispatched).sort()).toEqual([handled, delegated, c.assistReturn, c.dispatchReview, c.transfer, c.assist].map((t) => t.id).sort());
    for (const v of views) for (const t of v.tabs) expect((await list('zjg.dispatcher', v.id, t.key, 'pageSize=1')).total, `${v.id}#${t.key}`).toBe(t.count);
    const handler = (await p.get('zjg.cgj.handler', '/api/views')).json() as Catalogue;
    expect(handler.views.map((v) => v.id)).toEqual(['view.hnd.tasks', 'view.hnd.applications', 'view.hnd.reviews', 'view.hnd.cc']);
  });

  it('DSP-2 a tab pages through its rows in the tab order; sort and dir change the order', async () => {
    const expected = pendingDispatch().map((t) => t.id);
    const pages = [await list('zjg.dispatcher', DSP, 'pending', 'pageSize=10'), await list('zjg.dispatcher', DSP, 'pending', 'pageSize=10&page=2'), await list('zjg.dispatcher', DSP, 'pending', 'pageSize=10&page=3')];
    expect(pages.map((pg) => [pg.total, pg.page, pg.pageSize, pg.rows.length])).toEqual([[26, 1, 10, 10], [26, 2, 10, 10], [26, 3, 10, 6]]);
    expect(pages.flatMap(ids)).toEqual(expected);
    const desc = await list('zjg.dispatcher', DSP, 'pending', 'pageSize=100&sort=reportedAt&dir=desc');
    expect(ids(desc)).toEqual([...expected].reverse());
    const byNumber = await list('zjg.dispatcher', DSP, 'pending', 'pageSize=100&sort=number');
    expect(byNumber.rows.map((r) => r.cells.number)).toEqual(pendingDispatch().map((t) => t.number).sort());
    expect((await list('zjg.dispatcher', DSP, 'pending', 'page=9')).rows).toEqual([]);
    const unsortable = await p.get('zjg.dispatcher', `/api/views/${DSP}/tabs/pending?sort=fields.address`);
    expect([unsortable.statusCode, unsortable.json().code]).toEqual([400, 'TG_ERR_VALIDATION']);
  });

  it('task and application lists page in order too, also sorted by a column of their ticket', async () => {
    // the longest task list and the longest application list any demo user has
    const longest = async (entity: 'task' | 'application') => {
      let best = { login: '', view: '', tab: '', count: -1 };
      for (const login of VIEWERS) {
        const { views } = (await p.get(login, '/api/views')).json() as Catalogue;
        for (const v of views) {
          if (cb.bundle.defs.view[v.id]!.entity !== entity) continue;
          for (const t of v.tabs) if (t.count > best.count) best = { login, view: v.id, tab: t.key, count: t.count };
        }
      }
      return best;
    };
    for (const entity of ['task', 'application'] as const) {
      const { login, view, tab: key, count } = await longest(entity);
      const tab = { key, count };
      expect(count, `${login} ${view}#${key}`).toBeGreaterThanOrEqual(2);
      for (const order of ['', '&sort=ticket.number&dir=desc']) {
        const whole = await list(login, view, tab.key, `pageSize=100${order}`);
        expect(whole.rows).toHaveLength(tab.count);
        const paged: Row[] = [];
        for (let page = 1; page <= tab.count; page++) paged.push(...(await list(login, view, tab.key, `pageSize=1&page=${page}${order}`)).rows);
        expect(paged, `${view}#${tab.key}${order}`).toEqual(whole.rows);
        if (order) {
          const numbers = whole.rows.map((r) => String(r.cells['ticket.number']));
          expect(numbers).toEqual([...numbers].sort().reverse());
        }
      }
    }
  });

  it('DSP-2 pages past the middle, read from the end of the list, hold the same rows in the same order', async () => {
    // from offset 0 on a page may be read from the end (the runtime waits for offset 1,000)
    const service = new ViewService(app.services.knex, app.services.bundles, dialect, app.services.clock, undefined, 0);
    const userOf = (login: string) => {
      const u = cb.org.users.get(login)!;
      return { id: u.id, login: u.id, name: u.name, department: u.department, roles: u.roles };
    };
    const lists = [['zjg.dispatcher', DSP, 'pending'], ['zjg.dispatcher', DSP, 'dispatched'], ['zjg.cgj.handler', 'view.hnd.tasks', undefined]] as const;
    for (const [login, view, key] of lists) {
      const tab = key ?? cb.bundle.defs.view[view]!.tabs[0]!.key;
      for (const order of [{}, { sort: 'reportedAt', dir: 'desc' }, { sort: 'number', dir: 'desc' }]) {
        if ('sort' in order && cb.bundle.defs.view[view]!.entity !== 'ticket') continue;
        const whole = await service.list(userOf(login), view, tab, { ...order, pageSize: '100' });
        expect(whole.total, `${view}#${tab}`).toBeGreaterThanOrEqual(5);
        for (const pageSize of [1, 3, 4]) {
          const paged: string[] = [];
          for (let page = 1; (page - 1) * pageSize <= whole.total; page++) {
            const one = await service.list(userOf(login), view, tab, { ...order, pageSize: String(pageSize), page: String(page) });
            expect(one.total).toBe(whole.total);
            paged.push(...one.rows.map((r) => r.id));
          }
          expect(paged, `${view}#${tab} ${JSON.stringify(order)} pageSize ${pageSize}`).toEqual(whole.rows.map((r) => r.id));
        }
      }
    }
  });

  it('ACC-5 filters: text contains, select equals (column and JSON), date ranges; q matches number or title', async () => {
    const count = async (query: string) => (await list('zjg.dispatcher', DSP, 'pending', query)).total;
    const idx = (pred: (i: number) => boolean) => s.atDispatch.filter((_, i) => pred(i)).length;
    expect(await count('channel=web')).toBe(idx((i) => i % 4 === 0));
    expect(await count(`title=${encodeURIComponent('广告牌')}`)).toBe(idx((i) => i % 3 === 0) + 1);
    expect(await count(`channel=phone&title=${encodeURIComponent('占道')}`)).toBe(idx((i) => i % 3 !== 0 && i % 4 !== 0));
    expect(await count('urgency=urgent')).toBe(1);
    expect(await count('difficult=true')).toBe(1);
    expect(await count('difficult=false')).toBe(25);
    const [a, b] = [s.atDispatch[2]!.reportedAt, s.atDispatch[4]!.reportedAt];
    expect(await count(`reportedAt=${a},${b}`)).toBe(3);
    expect(await count(`reportedAt=${encodeURIComponent(new Date(a).toISOString())},`)).toBe(26 - 2);
    expect(await count('reportedAt=2025-06-09,2025-06-09')).toBe(0);
    const byNumber = await list('zjg.dispatcher', DSP, 'pending', `q=${s.atDispatch[7]!.number}`);
    expect(ids(byNumber)).toEqual([s.atDispatch[7]!.id]);
    expect(await count(`q=${encodeURIComponent('占道')}`)).toBe(idx((i) => i % 3 !== 0));
    expect(await count('q=%25')).toBe(0);
    const bad = await p.get('zjg.dispatcher', `/api/views/${DSP}/tabs/pending?assignee=x`);
    expect([bad.statusCode, bad.json().code]).toEqual([400, 'TG_ERR_VALIDATION']);
    for (const q of ['pageSize=101', 'page=0', 'reportedAt=soon,', 'onlyMine=maybe']) {
      expect((await p.get('zjg.dispatcher', `/api/views/${DSP}/tabs/pending?${q}`)).statusCode, q).toBe(400);
    }
  });

  it('DSP-6 仅看与我有关 narrows a list to the tickets the user registered or acted on', async () => {
    const all = await list('zjg.dispatcher', 'view.dsp.query', 'all', 'pageSize=100');
    expect(ids(all)).toEqual(expect.arrayContaining([s.handled.id, s.confidential.id, s.garbage.id]));
    const mine = await list('zjg.dispatcher', 'view.dsp.query', 'all', 'onlyMine=true');
    const { assistReturn, dispatchReview, transfer, assist } = s.corners;
    expect(ids(mine).sort()).toEqual([s.handled, assistReturn, dispatchReview, transfer, assist].map((t) => t.id).sort());
    expect(ids(await list('zjg.shiftleader2', 'view.dsp.query', 'all', 'onlyMine=true'))).toEqual([s.confidential.id]);
  });

  it('DSP-6 the tab counts follow 仅看与我有关 as the rows do (GET /api/views/:view/counts)', async () => {
    const counts = async (login: string, view: string, query = '') => {
      const res = await p.get(login, `/api/views/${view}/counts${query ? `?${query}` : ''}`);
      expect(res.statusCode, res.body).toBe(200);
      return res.json() as { view: string; onlyMine: boolean; tabs: { key: string; count: number }[] };
    };
    const catalogue = (await p.get('zjg.dispatcher', '/api/views')).json() as Catalogue;
    for (const view of ['view.dsp.query', 'view.dsp.difficult', DSP]) {
      const all = await counts('zjg.dispatcher', view);
      expect(all.tabs, view).toEqual(catalogue.views.find((v) => v.id === view)!.tabs.map((t) => ({ key: t.key, count: t.count })));
      const mine = await counts('zjg.dispatcher', view, 'onlyMine=true');
      expect(mine.onlyMine).toBe(true);
      for (const t of mine.tabs) expect(t.count, `${view}#${t.key}`).toBe((await list('zjg.dispatcher', view, t.key, 'onlyMine=true&pageSize=1')).total);
    }
    const query = await counts('zjg.dispatcher', 'view.dsp.query', 'onlyMine=true');
    expect(query.tabs.find((t) => t.key === 'all')!.count).toBe(5);
    expect((await counts('zjg.shiftleader2', 'view.dsp.query', 'onlyMine=true')).tabs.find((t) => t.key === 'all')!.count).toBe(1);
    expect((await p.get('zjg.cgj.handler', '/api/views/view.dsp.query/counts')).statusCode).toBe(403);
    expect((await p.get('zjg.dispatcher', '/api/views/view.nope/counts')).statusCode).toBe(404);
    expect((await p.get('zjg.dispatcher', '/api/views/view.dsp.query/counts?onlyMine=maybe')).statusCode).toBe(400);
  });

  it('ACC-7/REV-7 the grid worker columns name the person, not the login, on screen and in the export', async () => {
    const view = cb.bundle.defs.view['view.acc.verification']!;
    const column = view.columns.find((c) => c.field === 'gridWorker')!;
    expect(column.format).toBe('user');
    expect(s.verifying.gridWorker).toBeTruthy();
    const name = cb.org.users.get(s.verifying.gridWorker!)!.name;
    const pending = await list('zjg.acceptor', 'view.acc.verification', 'pending', 'pageSize=100');
    const row = pending.rows.find((r) => r.id === s.verifying.id)!;
    expect(row.cells.gridWorker).toBe(name);
    expect(JSON.stringify(pending.rows.map((r) => r.cells.gridWorker))).not.toContain(s.verifying.gridWorker);
    const res = await p.get('zjg.acceptor', '/api/views/view.acc.verification/tabs/pending/export');
    expect(res.statusCode, res.body).toBe(200);
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
    const sheet = book.worksheets[0]!;
    const at = view.columns.indexOf(column) + 1;
    const numberAt = view.columns.findIndex((c) => c.field === 'number') + 1;
    const line = [...Array(sheet.rowCount).keys()].map((i) => sheet.getRow(i + 1)).find((r) => r.getCell(numberAt).value === s.verifying.number)!;
    expect(line.getCell(at).value).toBe(name);
  });

  it('X-3 reporters are masked in lists (测**, 138****5678) and confidential ones hidden from handling units', async () => {
    const cc = await list('zjg.gaj.handler', 'view.hnd.cc', 'cc');
    const byId = new Map(cc.rows.map((r) => [r.id, r.cells]));
    expect(byId.get(s.handled.id)).toMatchObject({ 'fields.reporterName': '测**' });
    expect(byId.get(s.confidential.id)).toBeDefined();
    expect(byId.get(s.confidential.id)).not.toHaveProperty('fields.reporterName');
    const accepted = await list('zjg.acceptor', 'view.acc.acceptance', 'accepted', 'pageSize=100');
    expect(accepted.rows.find((r) => r.id === s.confidential.id)?.cells['fields.reporterName']).toBe('王**');
    const callback = await list('ys.acceptor', 'view.cls.callback', 'done');
    expect(callback.rows.map((r) => [r.id, r.cells['fields.reporterPhone']])).toEqual([[s.closed.id, '138****5678']]);
    for (const body of [JSON.stringify(cc), JSON.stringify(accepted), JSON.stringify(callback)]) {
      expect(body).not.toMatch(/13812345678|13900001111|测试人|王小明/);
    }
  });

  it('X-3 a role that may not open a view gets 403; unknown views and tabs are 404', async () => {
    for (const url of [`/api/views/${DSP}/tabs/pending`, `/api/views/${DSP}/tabs/pending/export`]) {
      const res = await p.get('zjg.cgj.handler', url);
      expect([res.statusCode, res.json().code]).toEqual([403, 'TG_ERR_FORBIDDEN']);
    }
    expect((await p.get('zjg.dispatcher', '/api/views/view.nope/tabs/pending')).statusCode).toBe(404);
    expect((await p.get('zjg.dispatcher', `/api/views/${DSP}/tabs/nope`)).statusCode).toBe(404);
    expect((await p.get('ys.dq.grid', '/api/views/view.hnd.grid/tabs/pending/export')).statusCode).toBe(403);
  });

  it('HND-2 a department never sees another department\'s tasks or applications', async () => {
    const cgj = await p.task('zjg.acceptor', s.handled.id, 'zjg.cgj');
    const sthj = await p.task('zjg.acceptor', s.handled.id, 'zjg.sthj');
    for (const [login, dept] of [['zjg.cgj.handler', 'zjg.cgj'], ['zjg.sthj.handler', 'zjg.sthj'], ['zjg.cgj.hws.handler', 'zjg.cgj.hws']] as const) {
      for (const tab of ['pending', 'inProgress', 'handled']) {
        const page = await list(login, 'view.hnd.tasks', tab, 'pageSize=100');
        expect(page.rows.every((r) => r.cells.department === dept), `${login} ${tab}`).toBe(true);
      }
    }
    expect(ids(await list('zjg.cgj.handler', 'view.hnd.tasks', 'inProgress'))).toEqual([cgj.id]);
    expect(ids(await list('zjg.sthj.handler', 'view.hnd.tasks', 'pending', 'pageSize=100'))).toContain(sthj.id);
    expect(ids(await list('zjg.cgj.handler', 'view.hnd.tasks', 'pending', 'pageSize=100'))).not.toContain(sthj.id);
    const returns = await list('zjg.sthj.handler', 'view.hnd.applications', 'returnPending');
    expect(returns.rows.map((r) => r.cells['applicant.department'])).toEqual(['zjg.sthj']);
    expect((await list('zjg.cgj.handler', 'view.hnd.applications', 'returnPending')).total).toBe(0);
  });

  it('HND-5 a parent department reviews its sub-unit; REV-1/REV-3/REV-5 the center reviews results, extensions and returns', async () => {
    const parent = await list('zjg.cgj.handler', 'view.hnd.reviews', 'extension');
    expect(parent.rows.map((r) => [r.ticketId, r.cells['applicant.department'], r.cells['task.role']])).toEqual([[s.garbage.id, 'zjg.cgj.hws', 'main']]);
    expect((await list('zjg.sthj.handler', 'view.hnd.reviews', 'extension')).total).toBe(0);
    expect((await list('zjg.shiftleader', 'view.rev.extension', 'pending')).rows.map((r) => r.ticketId)).toEqual([s.corners.garbage2.id]);
    expect((await list('zjg.reviewer', 'view.rev.result', 'pending')).rows.map((r) => r.ticketId)).toEqual([s.handled.id]);
    expect((await list('ys.reviewer', 'view.rev.result', 'pending')).total).toBe(0);
    expect((await list('zjg.shiftleader', 'view.rev.return', 'pending')).rows.map((r) => r.ticketId)).toEqual([s.corners.assistReturn.id]);
  });

  it('X-5 the sla column evaluates the stage clock and the overall clock on the working calendar', async () => {
    const first = (await list('zjg.dispatcher', DSP, 'pending', 'pageSize=1')).rows[0]!;
    expect(first.cells.sla).toEqual({ state: 'overdue', dueAt: s.atDispatch[0]!.reportedAt + HOUR, overall: { state: 'normal', dueAt: expect.any(Number) } });
    const suspended = (await list('zjg.cgj.handler', 'view.hnd.tasks', 'pending', 'pageSize=100')).rows.find((r) => r.ticketId === s.confidential.id)!;
    expect(suspended.cells.node).toBe('suspended');
  });

  it('X-3 for every view tab and viewer, the SQL lists exactly the rows the engine\'s matchesTab accepts', async () => {
    const engine = await EngineLists.load(app);
    const service = new ViewService(app.services.knex, app.services.bundles, dialect, app.services.clock);
    expect([engine.count('ticket'), engine.count('task'), engine.count('application')].every((n) => n > 5)).toBe(true);
    const nonEmpty = new Set<string>();
    for (const login of VIEWERS) {
      const viewer = viewerOf(cb, cb.org.users.get(login)!);
      for (const view of Object.values(cb.bundle.defs.view)) {
        for (const tab of view.tabs) {
          for (const onlyMine of [false, true]) {
            const expected = engine.ids(cb, view, tab, viewer, onlyMine);
            const actual = (await service.tabQuery(cb, view, tab, viewer, { onlyMine }).ids()).sort();
            expect(actual, `${login} ${view.id}#${tab.key} onlyMine=${onlyMine}`).toEqual(expected);
            if (expected.length > 0) nonEmpty.add(`${view.id}#${tab.key}`);
          }
        }
      }
    }
    expect(nonEmpty.size).toBeGreaterThanOrEqual(35);
  });

  it('X-3 where clauses on JSON paths and columns keep the engine\'s semantics (types, missing values, nulls)', async () => {
    const engine = await EngineLists.load(app);
    const service = new ViewService(app.services.knex, app.services.bundles, dialect, app.services.clock);
    const viewer = viewerOf(cb, cb.org.users.get('zjg.acceptor')!);
    const clauses: Record<View['entity'], ViewClause[]> = {
      ticket: [
        { field: 'urgency', op: 'eq', value: 'urgent' }, { field: 'confidential', op: 'eq', value: true }, { field: 'confidential', op: 'ne', value: true },
        { field: 'callbackWanted', op: 'eq', value: false }, { field: 'version', op: 'gt', value: 2 }, { field: 'fields.garbageType', op: 'exists' },
        { field: 'fields.difficult', op: 'eq', value: false }, { field: 'dispatch.handling', op: 'in', value: ['mainAssist', 'x', 3] },
        { field: 'dispatch.cc.0', op: 'eq', value: 'zjg.gaj' }, { field: 'outcome', op: 'notExists' }, { field: 'assignee', op: 'eq', value: null },
        { field: 'assignee', op: 'ne', value: 'zjg.acceptor' }, { field: 'title', op: 'ne', value: '保密举报' }, { field: 'reportedAt', op: 'gt', value: '1' },
        { field: 'dispatch', op: 'eq', value: {} }, { field: 'grid', op: 'notIn', value: ['g.ys.dq.01'] }, { field: 'node', op: 'in', value: 'handling' },
        { field: 'clocks.overall.segments.0.from', op: 'lt', value: s.handled.reportedAt + 1 }, { field: 'difficult', op: 'eq', value: 'true' },
        { field: 'outcome.verification.truthful', op: 'eq', value: true }, { field: 'fields.item', op: 'eq', value: 'item.bllj' },
      ],
      task: [
        { field: 'ticket.urgency', op: 'eq', value: 'normal' }, { field: 'counts.extension', op: 'gt', value: 0 }, { field: 'ticket.fields.grid', op: 'exists' },
        { field: 'role', op: 'in', value: ['main', 'assist'] }, { field: 'ticket', op: 'exists' }, { field: 'parent', op: 'exists' }, { field: 'ticket.id', op: 'ne', value: s.handled.id },
      ],
      application: [
        { field: 'taskInfo.role', op: 'eq', value: 'main' }, { field: 'payload.amount', op: 'eq', value: 1 }, { field: 'applicant.department', op: 'eq', value: 'zjg.cgj.hws' },
        { field: 'task.role', op: 'exists' }, { field: 'ticket', op: 'exists' }, { field: 'decidedAt', op: 'notExists' }, { field: 'taskInfo.parent', op: 'notExists' },
      ],
    };
    let nonEmpty = 0;
    for (const [entity, list] of Object.entries(clauses) as [View['entity'], ViewClause[]][]) {
      const view = Object.values(cb.bundle.defs.view).find((v) => v.entity === entity)!;
      for (const clause of list) {
        const tab: ViewTab = { key: 'probe', name: '探针', query: { scope: 'actedBy', where: [clause] }, rowButtons: [] };
        const expected = engine.ids(cb, view, tab, viewer, false);
        expect((await service.tabQuery(cb, view, tab, viewer).ids()).sort(), `${entity} ${JSON.stringify(clause)}`).toEqual(expected);
        if (expected.length > 0) nonEmpty += 1;
      }
    }
    expect(nonEmpty).toBeGreaterThanOrEqual(20);
  });

  it('X-4 export: every page as .xlsx with the Chinese column titles, formulas neutralised', async () => {
    const res = await p.get('zjg.dispatcher', `/api/views/${DSP}/tabs/pending/export?pageSize=5`);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.headers['content-type']).toBe('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
    const sheet = workbook.worksheets[0]!;
    const view = cb.bundle.defs.view[DSP]!;
    const values = (n: number) => (sheet.getRow(n).values as unknown[]).slice(1);
    expect(values(1)).toEqual(view.columns.map((c) => c.title));
    expect(sheet.rowCount).toBe(1 + 26);
    const col = (field: string) => view.columns.findIndex((c) => c.field === field);
    const first = values(2);
    expect(first[col('number')]).toBe(s.atDispatch[0]!.number);
    expect(first[col('fields.reporterName')]).toBe('测**');
    expect(first[col('channel')]).toBe(cb.bundle.defs.vocabulary.channel!.entries.find((e) => e.value === 'web')!.label);
    expect(first[col('item')]).toBe(cb.bundle.defs.item['item.wzgg']!.name);
    expect(first[col('node')]).toBe('待分拨');
    const formula = values(26);
    expect(formula[col('number')]).toBe(s.formula.number);
    expect(formula[col('title')]).toBe(`'${s.formula.title}`);
    const filtered = await p.get('zjg.dispatcher', `/api/views/${DSP}/tabs/pending/export?channel=web`);
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(filtered.rawPayload as unknown as ArrayBuffer);
    expect(book.worksheets[0]!.rowCount).toBe(1 + s.atDispatch.filter((_, i) => i % 4 === 0).length);
  });

  it('X-4 an export read in small batches holds every row once, in the list\'s order', async () => {
    // batches of 3: 26 rows are 9 reads, the last one short
    const service = new ViewService(app.services.knex, app.services.bundles, dialect, app.services.clock, 3);
    const u = cb.org.users.get('zjg.dispatcher')!;
    const user = { id: u.id, login: u.id, name: u.name, department: u.department, roles: u.roles };
    for (const order of [{}, { sort: 'number', dir: 'desc' }]) {
      const { content } = await service.export(user, DSP, 'pending', order);
      const book = new ExcelJS.Workbook();
      await book.xlsx.load(content as unknown as ArrayBuffer);
      const col = cb.bundle.defs.view[DSP]!.columns.findIndex((c) => c.field === 'number') + 1;
      const exported = book.worksheets[0]!.getColumn(col).values.slice(2);
      const listed = (await list('zjg.dispatcher', DSP, 'pending', `pageSize=100${'sort' in order ? '&sort=number&dir=desc' : ''}`)).rows.map((r) => r.cells.number);
      expect(listed).toHaveLength(26);
      expect(exported, JSON.stringify(order)).toEqual(listed);
    }
  });
});
