import { describe, expect, it } from 'vitest';
import type { TicketState } from '../../engine/index.js';
import { Api } from './support/api.js';
import { events, openApplication } from './support/spec.js';
import { useTestApp } from './support/useTestApp.js';

const task = Api.task;

/**
 * SPEC REV-2 协办审核 over HTTP (seed 4.2.4.2): the center's reviewer decides an assist application,
 * or sends it to the shift leader (送值班长), reassigns the ticket (重派), closes without a check
 * (不核查结案) or sends the handling to a grid worker (网格员核查). The engine scenarios are in
 * test/unit/engine/assistReview.test.ts.
 */
describe.each(['sqlite', 'mariadb'] as const)('SPEC REV-2 assist review over HTTP on %s', (dialect) => {
  const { api } = useTestApp(dialect);

  /** 城管局 main (completed, result pending), 生态环境局 assist applying for 公安局's help. */
  async function assistPending(callbackWanted = false): Promise<{ t: TicketState; app: string }> {
    const t = await api.assigned({ handling: 'mainAssist', main: 'zjg.cgj', assists: ['zjg.sthj'] }, 'zjg', { callbackWanted });
    let d = await api.detail('zjg.cgj.handler', t.id);
    await api.act('zjg.cgj.handler', t.id, 'task.complete', { task: task(d, 'zjg.cgj').id }, '已处理完毕');
    d = await api.detail('zjg.sthj.handler', t.id);
    await api.act('zjg.sthj.handler', t.id, 'task.applyAssist', { task: task(d, 'zjg.sthj').id }, '需要公安配合', { departments: ['zjg.gaj'] });
    d = await api.detail('zjg.reviewer', t.id);
    const app = openApplication(d, 'assist').id;
    const row = (await api.list('zjg.reviewer', 'view.rev.assist', 'pending')).rows.find((r) => r.id === app) as { status?: unknown } | undefined;
    // the status of the row's own binding (kind assist), in both languages
    expect(row?.status).toMatchObject({ node: 'centerReview', text: '待协办审核', textEn: 'Assist review' });
    expect(await api.listed('zjg.shiftleader', 'view.rev.assist', 'shiftLeader')).not.toContain(app);
    // the reviewer's detail offers the four moves beside 通过/不通过
    for (const button of ['app.approve', 'app.reject', 'app.toShiftLeader']) expect(Api.allows(d, button, { application: app }), button).toBe(true);
    for (const button of ['rev.reassign', 'rev.closeWithoutCheck', 'rev.toCheck']) expect(Api.allows(d, button), button).toBe(true);
    return { t, app };
  }

  it('REV-2 送值班长: the reviewer hands the application to the shift leader, who finds it in his pending reviews and passes it', async () => {
    const { t, app } = await assistPending();
    await api.refused('zjg.shiftleader', t.id, 403, 'TG_ERR_FORBIDDEN', 'app.approve', { application: app }, '同意');
    await api.act('zjg.reviewer', t.id, 'app.toShiftLeader', { application: app }, '拿不准，请值班长审核');
    expect(await api.listed('zjg.reviewer', 'view.rev.assist', 'pending')).not.toContain(app);
    expect(await api.listed('zjg.shiftleader', 'view.rev.assist', 'shiftLeader')).toContain(app);
    expect(await api.listed('ys.shiftleader', 'view.rev.assist', 'shiftLeader')).not.toContain(app);
    expect((await api.messages('zjg.shiftleader', t.id)).map((m) => [m.kind, m.title.slice(0, 8)])).toContainEqual(['application', '待审核：协办申请']);
    let d = await api.detail('zjg.shiftleader', t.id);
    expect(d.applications.find((a) => a.id === app)?.node).toBe('shiftLeaderReview');
    expect(Api.allows(d, 'app.approve', { application: app })).toBe(true);
    await api.refused('zjg.reviewer', t.id, 403, 'TG_ERR_FORBIDDEN', 'app.approve', { application: app }, '同意');

    await api.act('zjg.shiftleader', t.id, 'app.approve', { application: app }, '同意协办');
    d = await api.detail('zjg.gaj.handler', t.id);
    expect(d.tasks.map((x) => `${x.department}:${x.role}:${x.node}`).sort()).toEqual(['zjg.cgj:main:completed', 'zjg.gaj:assist:pending', 'zjg.sthj:assist:pending']);
    expect(await api.listed('zjg.gaj.handler', 'view.hnd.tasks', 'pending')).toContain(task(d, 'zjg.gaj').id);
    expect(await api.listed('zjg.shiftleader', 'view.rev.assist', 'shiftLeader')).not.toContain(app);
    expect(await api.listed('zjg.shiftleader', 'view.rev.assist', 'reviewed')).toContain(app);
    expect(await api.listed('zjg.reviewer', 'view.rev.assist', 'reviewed')).toContain(app);
    expect(d.history.filter((h) => h.entity.id === app).map((h) => [h.event, h.fromNode, h.toNode, h.actor?.user])).toEqual([
      ['app.toShiftLeader', 'centerReview', 'shiftLeaderReview', 'zjg.reviewer'], ['app.approve', 'shiftLeaderReview', 'approved', 'zjg.shiftleader'],
    ]);
  });

  it('REV-2 tabs follow the roles: 待审核 is the reviewer\u2019s, 待值班长审核 the shift leader\u2019s (no button shown that the user may not press)', async () => {
    const { t, app } = await assistPending();
    const tabsOf = async (login: string, url: string) => {
      const res = await api.request(login, 'GET', url);
      expect(res.statusCode, res.body).toBe(200);
      const views = (res.json() as { views: { id: string; tabs: { key: string }[] }[] }).views;
      return Object.fromEntries(views.map((v) => [v.id, v.tabs.map((x) => x.key)]));
    };
    for (const url of ['/api/views', '/api/me']) {
      expect((await tabsOf('zjg.reviewer', url))['view.rev.assist'], url).toEqual(['pending', 'reviewed']);
      expect((await tabsOf('zjg.shiftleader', url))['view.rev.assist'], url).toEqual(['shiftLeader', 'reviewed']);
      // a shift leader who also dispatches: the shift leader's tabs here, every dispatch view and tab as before
      const both = await tabsOf('zjg.shiftleader2', url);
      expect(both['view.rev.assist'], url).toEqual(['shiftLeader', 'reviewed']);
      expect(both['view.dsp.dispatch'], url).toEqual(['pending', 'dispatched']);
      expect(both['view.dsp.difficult'], url).toEqual(['pending', 'dispatched']);
    }
    // each tab says which of the user's roles it is for (the workbench's role switch narrows by it)
    const catalogue = (await api.request('zjg.shiftleader2', 'GET', '/api/views')).json() as { views: { id: string; tabs: { key: string; roles: string[] }[] }[] };
    expect(catalogue.views.find((v) => v.id === 'view.dsp.difficult')!.tabs.map((x) => x.roles)).toEqual([['dispatcher', 'shiftLeader'], ['dispatcher', 'shiftLeader']]);
    expect(catalogue.views.find((v) => v.id === 'view.rev.assist')!.tabs.map((x) => x.roles)).toEqual([['shiftLeader'], ['shiftLeader']]);
    const counts = await api.request('zjg.shiftleader', 'GET', '/api/views/view.rev.assist/counts');
    expect(counts.statusCode, counts.body).toBe(200);
    expect((counts.json() as { tabs: { key: string }[] }).tabs.map((x) => x.key)).toEqual(['shiftLeader', 'reviewed']);
    // another role's tab is refused, rows and export alike
    for (const [login, tab] of [['zjg.shiftleader', 'pending'], ['zjg.shiftleader2', 'pending'], ['zjg.reviewer', 'shiftLeader']] as const) {
      for (const url of [`/api/views/view.rev.assist/tabs/${tab}`, `/api/views/view.rev.assist/tabs/${tab}/export`]) {
        const res = await api.request(login, 'GET', url);
        expect([res.statusCode, (res.json() as { code: string }).code], `${login} ${url}`).toEqual([403, 'TG_ERR_FORBIDDEN']);
      }
    }
    expect(await api.listed('zjg.reviewer', 'view.rev.assist', 'pending')).toContain(app);
    await api.act('zjg.reviewer', t.id, 'app.toShiftLeader', { application: app }, '请值班长审核');
    expect(await api.listed('zjg.shiftleader2', 'view.rev.assist', 'shiftLeader')).toContain(app);
  });

  it('REV-2 送值班长 then 不通过: the applicant is told and goes on handling', async () => {
    const { t, app } = await assistPending();
    await api.act('zjg.reviewer', t.id, 'app.toShiftLeader', { application: app }, '请值班长定夺');
    await api.act('zjg.shiftleader', t.id, 'app.reject', { application: app }, '无需公安配合');
    expect((await api.messages('zjg.sthj.handler', t.id)).map((m) => m.kind)).toEqual(['rejection']);
    const d = await api.detail('zjg.sthj.handler', t.id);
    expect(task(d, 'zjg.sthj').node).toBe('pending');
    expect(await api.listed('zjg.sthj.handler', 'view.hnd.applications', 'assistDone')).toContain(app);
  });

  it('REV-2 重派: the reviewer reassigns to departments; tasks not yet approved are withdrawn with their applications, the pending result too', async () => {
    const { t, app } = await assistPending();
    await api.refused('zjg.reviewer', t.id, 400, 'TG_ERR_VALIDATION', 'rev.reassign', undefined, '重派', { handling: 'mainAssist' });
    await api.act('zjg.reviewer', t.id, 'rev.reassign', undefined, '处置不到位，重派住建局', { handling: 'mainAssist', main: 'zjg.zjj', assists: ['zjg.gaj'] });
    const d = await api.detail('zjg.reviewer', t.id);
    expect(d.ticket).toMatchObject({ node: 'handling', dispatch: { round: 2, handling: 'mainAssist' } });
    expect(d.applications.find((a) => a.id === app)?.node).toBe('withdrawn');
    const result = d.applications.find((a) => a.kind === 'result')!;
    expect(result.node).toBe('withdrawn');
    expect(await api.listed('zjg.reviewer', 'view.rev.result', 'pending')).not.toContain(result.id);
    expect(d.tasks.map((x) => `${x.department}:${x.role}:${x.node}`).sort()).toEqual([
      'zjg.cgj:main:withdrawn', 'zjg.gaj:assist:pending', 'zjg.sthj:assist:withdrawn', 'zjg.zjj:main:pending',
    ]);
    expect(await api.listed('zjg.reviewer', 'view.rev.assist', 'pending')).not.toContain(app);
    expect(await api.listed('zjg.reviewer', 'view.rev.assist', 'reviewed')).toContain(app);
    const zjj = d.tasks.find((x) => x.department === 'zjg.zjj')!;
    expect(await api.listed('zjg.zjj.handler', 'view.hnd.tasks', 'pending')).toContain(zjj.id);
    expect(events(d)).toContain('rev.reassign');
    // the new round decides: its main's approved result closes the handling
    await api.finish(t.id, 'zjg.zjj');
    expect((await api.detail('zjg.reviewer', t.id)).ticket.node).toBe('closing');
  });

  it('REV-2 不核查结案: on to closing (or callback when wanted) without a check; refused while the main still handles', async () => {
    const { t, app } = await assistPending();
    await api.refused('zjg.shiftleader', t.id, 403, 'TG_ERR_FORBIDDEN', 'rev.closeWithoutCheck', undefined, '结案');
    const resultId = (await api.detail('zjg.reviewer', t.id)).applications.find((a) => a.kind === 'result')!.id;
    expect(await api.listed('zjg.reviewer', 'view.rev.result', 'pending')).toContain(resultId);
    await api.act('zjg.reviewer', t.id, 'rev.closeWithoutCheck', undefined, '无需网格员核查');
    const pendingResults = await api.listed('zjg.reviewer', 'view.rev.result', 'pending');
    let d = await api.detail('zjg.shiftleader', t.id);
    expect(d.ticket.node).toBe('closing');
    expect(d.applications.find((a) => a.id === app)?.node).toBe('withdrawn');
    expect(task(d, 'zjg.sthj').node).toBe('withdrawn');
    // the reviewer passed the handling: 城管局's result awaiting review is approved with it, not left in 结果审核 待审核
    const result = d.applications.find((a) => a.id === resultId)!;
    expect(result.node).toBe('approved');
    expect(task(d, 'zjg.cgj').node).toBe('approved');
    expect(pendingResults).not.toContain(result.id);
    expect(await api.listed('zjg.reviewer', 'view.rev.result', 'reviewed')).toContain(result.id);
    await api.refused('zjg.reviewer', t.id, 403, 'TG_ERR_FORBIDDEN', 'app.approve', { application: result.id }, '同意');
    expect(await api.listed('zjg.shiftleader', 'view.cls.closing', 'pending')).toContain(t.id);

    const wanted = await assistPending(true);
    await api.act('zjg.reviewer', wanted.t.id, 'rev.closeWithoutCheck', undefined, '无需网格员核查');
    expect((await api.detail('zjg.acceptor', wanted.t.id)).ticket.node).toBe('callback');

    const early = await api.assigned({ handling: 'mainAssist', main: 'zjg.cgj' });
    d = await api.detail('zjg.reviewer', early.id);
    expect(Api.allows(d, 'rev.closeWithoutCheck')).toBe(false);
    const refused = await api.refused('zjg.reviewer', early.id, 422, 'TG_ERR_ACTION_REFUSED', 'rev.closeWithoutCheck', undefined, '结案');
    expect(refused.messageZh).toMatch(/主办任务办结/);
  });

  it('REV-2 不核查结案 on a ticket 苏州 assigned: the handling goes up to 苏州\'s upper review, not to 张家港\'s closing', async () => {
    const t = await api.register('sz.acceptor', 'acc.toDispatch', { item: 'item.wzgg', grid: 'g.ys.dq.01' }, '送分拨');
    await api.act('sz.dispatcher', t.id, 'dsp.delegate', undefined, '交办张家港', { center: 'zjg' });
    await api.act('zjg.acceptor', t.id, 'acc.toDispatch', undefined, '送分拨');
    await api.act('zjg.dispatcher', t.id, 'dsp.assign', undefined, '请处理', { handling: 'mainAssist', main: 'zjg.cgj', assists: ['zjg.sthj'] });
    let d = await api.detail('zjg.cgj.handler', t.id);
    expect(d.ticket).toMatchObject({ center: 'zjg', source: 'upper' });
    await api.act('zjg.cgj.handler', t.id, 'task.complete', { task: task(d, 'zjg.cgj').id }, '已拆除');
    d = await api.detail('zjg.sthj.handler', t.id);
    await api.act('zjg.sthj.handler', t.id, 'task.applyAssist', { task: task(d, 'zjg.sthj').id }, '需要公安配合', { departments: ['zjg.gaj'] });
    const app = openApplication(await api.detail('zjg.reviewer', t.id), 'assist').id;
    expect(await api.listed('zjg.reviewer', 'view.rev.assist', 'pending')).toContain(app);

    await api.act('zjg.reviewer', t.id, 'rev.closeWithoutCheck', undefined, '无需网格员核查，报苏州审核');
    d = await api.detail('sz.shiftleader', t.id);
    expect(d.ticket).toMatchObject({ node: 'upperReview', center: 'sz' });
    expect(task(d, 'zjg.cgj').node).toBe('approved');
    expect(task(d, 'zjg.sthj').node).toBe('withdrawn');
    expect(d.applications.find((a) => a.id === app)?.node).toBe('withdrawn');
    expect(events(d)).toContain('rev.closeWithoutCheck');
    expect(await api.listed('sz.shiftleader', 'view.rev.upperResult', 'pending')).toContain(t.id);
    expect(await api.listed('zjg.shiftleader', 'view.cls.closing', 'pending')).not.toContain(t.id);
    expect(await api.listed('zjg.reviewer', 'view.rev.assist', 'pending')).not.toContain(app);
    // 苏州 passes it: the ticket waits for closing where it was registered
    await api.act('sz.shiftleader', t.id, 'uprev.approve', undefined, '同意结案');
    expect((await api.detail('sz.shiftleader', t.id)).ticket).toMatchObject({ node: 'closing', center: 'sz' });
    expect(await api.listed('sz.shiftleader', 'view.cls.closing', 'pending')).toContain(t.id);
  });

  it('REV-2 网格员核查: the handling goes to the grid worker; the assist application still awaits its review', async () => {
    const { t, app } = await assistPending();
    await api.act('zjg.reviewer', t.id, 'rev.toCheck', undefined, '请网格员核查处置情况');
    const d = await api.detail('zjg.reviewer', t.id);
    expect(d.ticket).toMatchObject({ node: 'check', gridWorker: 'ys.dq.grid' });
    expect(d.applications.find((a) => a.id === app)?.node).toBe('centerReview');
    expect(await api.listed('zjg.reviewer', 'view.rev.check', 'pending')).toContain(t.id);
    expect(await api.listed('ys.dq.grid', 'view.rev.grid', 'checking')).toContain(t.id);
  });
});
