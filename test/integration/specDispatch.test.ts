import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Api } from './support/api.js';
import { SpecApi } from './support/spec.js';
import { startTestApp, type TestApp } from './support/testApp.js';

const task = Api.task;
const application = Api.application;

/** SPEC DSP over HTTP: the engine scenarios of test/unit/engine/dispatch.test.ts and lists.test.ts, read back through detail, lists and history. */
describe.each(['sqlite', 'mariadb'] as const)('SPEC DSP dispatch over HTTP on %s', (dialect) => {
  let app: TestApp;
  let api: SpecApi;
  beforeAll(async () => {
    app = await startTestApp(dialect);
    api = new SpecApi(app);
  }, 60_000);
  afterAll(async () => {
    await app?.dispose();
  });

  it('DSP-2 forced dispatch: task.return is hidden with its reason and refused, nothing changes; HND-7 CC departments see the ticket under 下辖事件', async () => {
    const t = await api.assigned({ handling: 'mainAssist', main: 'zjg.cgj', assists: ['zjg.sthj'], cc: ['zjg.gaj'], forced: true });
    expect(t).toMatchObject({ node: 'handling', dispatch: { forced: true, cc: ['zjg.gaj'], by: 'zjg.dispatcher' } });
    for (const dep of ['zjg.cgj', 'zjg.sthj']) {
      const d = await api.detail(`${dep}.handler`, t.id);
      const own = task(d, dep).id;
      const seen = d.actions.tasks[own]!.find((a) => a.button === 'task.return') as { allowed: boolean; reason?: { code: string; params?: Record<string, unknown> } };
      expect(seen).toMatchObject({ allowed: false, reason: { code: 'ENG_RULE_REFUSED', params: { rule: 'task.notForced', reason: '强制分拨的任务单不能退回' } } });
      expect(Api.allows(d, 'task.complete', { task: own })).toBe(true);
      const refused = await api.refused(`${dep}.handler`, t.id, 422, 'TG_ERR_ACTION_REFUSED', 'task.return', { task: own }, '不归我管');
      expect(refused.messageZh).toMatch(/强制分拨的任务单不能退回/);
      expect(refused.details).toMatchObject({ engineCode: 'ENG_RULE_REFUSED', params: { reason: '强制分拨的任务单不能退回' } });
    }
    const d = await api.detail('zjg.dispatcher', t.id);
    expect(d.applications).toEqual([]);
    expect(d.history.filter((h) => h.event === 'task.return')).toEqual([]);

    // HND-7: the CC department reads the ticket and finds it under 下辖事件; others do not
    expect(await api.listed('zjg.gaj.handler', 'view.hnd.cc', 'cc')).toContain(t.id);
    expect(await api.listed('zjg.sthj.handler', 'view.hnd.cc', 'cc')).not.toContain(t.id);
    const cc = await api.detail('zjg.gaj.handler', t.id);
    expect(cc.tasks.map((x) => x.department).sort()).toEqual(['zjg.cgj', 'zjg.sthj']);
    expect(Object.values(cc.actions.tasks).flat().filter((a) => a.allowed)).toEqual([]);
    const foreign = await api.request('zjg.swj.handler', 'GET', `/api/tickets/${t.id}`);
    expect(foreign.statusCode).toBe(403);
  });

  it('DSP-2 the top center cannot escalate: refused with the rule\'s reason, nothing changes', async () => {
    const t = await api.register('sz.acceptor', 'acc.toDispatch', { item: 'item.wzgg' }, '送分拨');
    expect(t).toMatchObject({ node: 'dispatch', center: 'sz' });
    const d = await api.detail('sz.dispatcher', t.id);
    expect(d.actions.ticket.find((a) => a.button === 'dsp.escalate')).toMatchObject({ allowed: false, reason: { code: 'ENG_RULE_REFUSED' } });
    const refused = await api.refused('sz.dispatcher', t.id, 422, 'TG_ERR_ACTION_REFUSED', 'dsp.escalate', undefined, '上报');
    expect(refused.details).toMatchObject({ params: { rule: 'center.hasUpper', reason: '最上级中心没有上级中心' } });
  });

  it('DSP-3 add-dispatch to departments not on the ticket while a task is pending; the dispatching shift leader too', async () => {
    const t = await api.assigned({ handling: 'mainAssist', main: 'zjg.cgj' });
    await api.refused('zjg.dispatcher', t.id, 400, 'TG_ERR_VALIDATION', 'dsp.addDispatch', undefined, '加派', { handling: 'mainAssist', main: 'zjg.cgj' });
    await api.act('zjg.dispatcher', t.id, 'dsp.addDispatch', undefined, '加派住建局', { handling: 'mainAssist', main: 'zjg.zjj' });
    await api.act('zjg.shiftleader2', t.id, 'dsp.addDispatch', undefined, '加派水务局', { handling: 'mainAssist', main: 'zjg.swj' });
    let d = await api.detail('zjg.dispatcher', t.id);
    expect(d.ticket.node).toBe('handling');
    expect(d.tasks.map((x) => `${x.department}:${x.role}:${x.node}`).sort()).toEqual(['zjg.cgj:main:pending', 'zjg.swj:assist:pending', 'zjg.zjj:assist:pending']);
    expect(d.history.filter((h) => h.event === 'dsp.addDispatch').map((h) => [h.actor?.user, h.opinion])).toEqual([['zjg.dispatcher', '加派住建局'], ['zjg.shiftleader2', '加派水务局']]);
    expect(await api.listed('zjg.zjj.handler', 'view.hnd.tasks', 'pending')).toContain(task(d, 'zjg.zjj').id);
    expect(await api.listed('zjg.shiftleader2', 'view.dsp.dispatch', 'dispatched')).toContain(t.id);

    for (const dep of ['zjg.cgj', 'zjg.zjj', 'zjg.swj']) await api.act(`${dep}.handler`, t.id, 'task.complete', { task: task(d, dep).id }, '已处理');
    d = await api.detail('zjg.dispatcher', t.id);
    expect(d.actions.ticket.find((a) => a.button === 'dsp.addDispatch')?.allowed).toBe(false);
    const refused = await api.refused('zjg.dispatcher', t.id, 422, 'TG_ERR_ACTION_REFUSED', 'dsp.addDispatch', undefined, '加派', { handling: 'mainAssist', main: 'zjg.jtj' });
    expect(refused.messageZh).toMatch(/没有待处置的任务单/);
  });

  it('DSP-4 dispatch review: the shift leader returns it to the dispatcher, who sends it again; the shift leader assigns', async () => {
    const t = await api.register('zjg.acceptor', 'acc.toDispatch', { item: 'item.wzgg' }, '送分拨');
    await api.act('zjg.dispatcher', t.id, 'dsp.toReview', undefined, '请值班长审核');
    expect(await api.listed('zjg.shiftleader', 'view.dsp.review', 'pending')).toContain(t.id);
    expect(await api.listed('zjg.dispatcher', 'view.dsp.dispatch', 'pending')).not.toContain(t.id);
    await api.refused('zjg.dispatcher', t.id, 403, 'TG_ERR_FORBIDDEN', 'dsprev.return', undefined, '退回');
    await api.refused('zjg.dispatcher', t.id, 403, 'TG_ERR_FORBIDDEN', 'dsp.assign', undefined, '交办', { handling: 'mainAssist', main: 'zjg.cgj' });

    await api.act('zjg.shiftleader', t.id, 'dsprev.return', undefined, '请重新分拨');
    expect((await api.detail('zjg.dispatcher', t.id)).ticket.node).toBe('dispatch');
    expect(await api.listed('zjg.dispatcher', 'view.dsp.dispatch', 'pending')).toContain(t.id);

    await api.act('zjg.dispatcher', t.id, 'dsp.toReview', undefined, '已调整，请审核');
    await api.act('zjg.shiftleader', t.id, 'dsp.assign', undefined, '交办城管局', { handling: 'mainAssist', main: 'zjg.cgj', forced: true });
    const d = await api.detail('zjg.shiftleader', t.id);
    expect(d.ticket).toMatchObject({ node: 'handling', dispatch: { forced: true, by: 'zjg.shiftleader' } });
    expect(d.history.map((h) => [h.event, h.fromNode, h.toNode, h.actor?.user])).toEqual([
      ['acc.toDispatch', 'registration', 'dispatch', 'zjg.acceptor'], ['dsp.toReview', 'dispatch', 'dispatchReview', 'zjg.dispatcher'],
      ['dsprev.return', 'dispatchReview', 'dispatch', 'zjg.shiftleader'], ['dsp.toReview', 'dispatch', 'dispatchReview', 'zjg.dispatcher'],
      ['dsp.assign', 'dispatchReview', 'handling', 'zjg.shiftleader'],
    ]);
    expect(await api.listed('zjg.shiftleader', 'view.dsp.review', 'pending')).not.toContain(t.id);
    expect(await api.listed('zjg.shiftleader', 'view.dsp.review', 'dispatched')).toContain(t.id);
  });

  it('DSP-5 an approved main return puts the ticket under 分拨退回; re-dispatch takes it off', async () => {
    const t = await api.assigned({ handling: 'mainAssist', main: 'zjg.cgj' });
    let d = await api.detail('zjg.cgj.handler', t.id);
    const cgj = task(d, 'zjg.cgj').id;
    await api.act('zjg.cgj.handler', t.id, 'task.return', { task: cgj }, '非本部门职责');
    expect(await api.listed('zjg.dispatcher', 'view.dsp.returned', 'returned')).not.toContain(t.id);
    d = await api.detail('zjg.shiftleader', t.id);
    await api.act('zjg.shiftleader', t.id, 'app.approve', { application: application(d, 'return').id }, '同意退回');

    d = await api.detail('zjg.dispatcher', t.id);
    expect(d.ticket).toMatchObject({ node: 'dispatch', returned: true });
    expect(task(d, 'zjg.cgj').node).toBe('returned');
    expect(await api.listed('zjg.dispatcher', 'view.dsp.returned', 'returned')).toContain(t.id);
    expect(await api.listed('zjg.cgj.handler', 'view.hnd.tasks', 'handled')).toContain(cgj);
    expect(await api.listed('zjg.cgj.handler', 'view.hnd.tasks', 'pending')).not.toContain(cgj);

    await api.act('zjg.dispatcher', t.id, 'dsp.assign', undefined, '改派住建局', { handling: 'mainAssist', main: 'zjg.zjj' });
    d = await api.detail('zjg.dispatcher', t.id);
    expect(d.ticket).toMatchObject({ node: 'handling', returned: false, dispatch: { round: 2 } });
    expect(await api.listed('zjg.dispatcher', 'view.dsp.returned', 'returned')).not.toContain(t.id);
    expect(d.history.filter((h) => h.entity.kind === 'ticket').map((h) => `${h.event} ${h.fromNode}→${h.toNode}`)).toEqual([
      'acc.toDispatch registration→dispatch', 'dsp.assign dispatch→handling', '$tasks.settled handling→dispatch', 'dsp.assign dispatch→handling',
    ]);
  });

  it('DSP-6 difficult events are listed apart, pending then dispatched; 分拨查询 "only mine" narrows to mine', async () => {
    const hard = await api.registerWith('zjg.acceptor', 'acc.toDispatch', { item: 'item.wzgg', title: '多部门扯皮的广告牌', fields: { difficult: true } }, { difficult: true }, '疑难');
    const easy = await api.register('zjg.acceptor', 'acc.toDispatch', { item: 'item.wzgg', title: '普通广告牌' }, '送分拨');
    expect(hard.difficult).toBe(true);
    let pending = await api.listed('zjg.dispatcher', 'view.dsp.difficult', 'pending');
    expect(pending).toContain(hard.id);
    expect(pending).not.toContain(easy.id);
    expect(await api.listed('zjg.shiftleader', 'view.dsp.difficult', 'pending')).toContain(hard.id);

    await api.act('zjg.dispatcher', hard.id, 'dsp.assign', undefined, '交办', { handling: 'mainAssist', main: 'zjg.cgj' });
    await api.act('zjg.shiftleader2', easy.id, 'dsp.assign', undefined, '交办', { handling: 'mainAssist', main: 'zjg.cgj' });
    pending = await api.listed('zjg.dispatcher', 'view.dsp.difficult', 'pending');
    expect(pending).not.toContain(hard.id);
    const dispatched = await api.listed('zjg.dispatcher', 'view.dsp.difficult', 'dispatched');
    expect(dispatched).toContain(hard.id);
    expect(dispatched).not.toContain(easy.id);
    const all = await api.listed('zjg.dispatcher', 'view.dsp.query', 'all');
    expect(all).toEqual(expect.arrayContaining([hard.id, easy.id]));
    const mine = await api.listed('zjg.dispatcher', 'view.dsp.query', 'all', 'onlyMine=true&pageSize=100');
    expect(mine).toContain(hard.id);
    expect(mine).not.toContain(easy.id);
    expect(await api.listed('zjg.shiftleader2', 'view.dsp.query', 'all', 'onlyMine=true&pageSize=100')).toContain(easy.id);
  });
});
