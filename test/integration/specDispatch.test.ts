import { describe, expect, it } from 'vitest';
import { Api } from './support/api.js';
import { useTestApp } from './support/useTestApp.js';

const task = Api.task;
const application = Api.application;

/** SPEC DSP over HTTP: the engine scenarios of test/unit/engine/dispatch.test.ts and lists.test.ts, read back through detail, lists and history. */
describe.each(['sqlite', 'mariadb'] as const)('SPEC DSP dispatch over HTTP on %s', (dialect) => {
  const { app, api } = useTestApp(dialect);

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
    // the new round decides the ticket: the earlier returned main no longer counts
    await api.act('zjg.zjj.handler', t.id, 'task.complete', { task: task(d, 'zjg.zjj').id }, '已处理');
    expect((await api.detail('zjg.dispatcher', t.id)).ticket.node).toBe('handling');
    d = await api.detail('zjg.reviewer', t.id);
    await api.act('zjg.reviewer', t.id, 'app.approve', { application: application(d, 'result', 'zjg.zjj').id });
    expect((await api.detail('zjg.shiftleader', t.id)).ticket.node).toBe('closing');
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
  /** 违规设置户外广告 (no dispatch configuration) waiting at `center`'s dispatch. */
  async function atDispatch(center: 'sz' | 'zjg' | 'ys' | 'fh', o: { callbackWanted?: boolean; title?: string } = {}) {
    const t = await api.register(`${center}.acceptor`, 'acc.toDispatch', { item: 'item.wzgg', ...o }, '送分拨');
    expect(t).toMatchObject({ node: 'dispatch', center });
    return t;
  }

  it('DSP-1 the dispatch pool is off (DEF-13): extraction is refused and changes nothing; the ticket waits under 待分拨 for every dispatcher', async () => {
    const t = await atDispatch('zjg');
    const before = await api.stored(t.id);
    const res = await api.request('zjg.dispatcher', 'POST', '/api/pools/dispatch/extract');
    expect([res.statusCode, (res.json() as { code: string }).code]).toEqual([409, 'TG_ERR_POOL_DISABLED']);
    expect(await api.stored(t.id)).toEqual(before);
    const pool = await api.request('zjg.dispatcher', 'GET', '/api/pools/dispatch');
    expect(pool.json()).toMatchObject({ enabled: false, count: 0, rows: [] });
    expect(await api.listed('zjg.dispatcher', 'view.dsp.dispatch', 'pending')).toContain(t.id);
    expect(await api.listed('zjg.shiftleader2', 'view.dsp.dispatch', 'pending')).toContain(t.id);
  });

  it('DSP-2 return to the acceptor: back under 待受理 at the center, off 待分拨, with the opinion in the timeline', async () => {
    const t = await atDispatch('ys');
    await api.refused('ys.dispatcher', t.id, 400, 'TG_ERR_VALIDATION', 'dsp.returnToAcceptor', undefined, ' ');
    await api.act('ys.dispatcher', t.id, 'dsp.returnToAcceptor', undefined, '信息不全');
    const d = await api.detail('ys.acceptor', t.id);
    expect(d.ticket).toMatchObject({ node: 'acceptance', center: 'ys' });
    expect(d.history.at(-1)).toMatchObject({ event: 'dsp.returnToAcceptor', fromNode: 'dispatch', toNode: 'acceptance', opinion: '信息不全', actor: { user: 'ys.dispatcher' } });
    expect(await api.listed('ys.acceptor', 'view.acc.acceptance', 'pending')).toContain(t.id);
    expect(await api.listed('ys.dispatcher', 'view.dsp.dispatch', 'pending')).not.toContain(t.id);
    expect(d.sla.ticket.map((c) => [c.key, c.status])).toEqual([['stage:dispatch', 'stopped'], ['stage:acceptance', 'running']]);
  });

  it('DSP-2 direct reply by the dispatcher closes the ticket, or waits for the callback when one is wanted', async () => {
    const a = await atDispatch('zjg');
    await api.act('zjg.dispatcher', a.id, 'dsp.directReply', undefined, '已答复市民');
    let d = await api.detail('zjg.dispatcher', a.id);
    expect(d.ticket).toMatchObject({ node: 'closed', outcome: { reply: { opinion: '已答复市民', by: 'zjg.dispatcher' } } });
    expect(d.sla.overall).toMatchObject({ status: 'stopped' });
    expect(await api.listed('zjg.shiftleader', 'view.cls.closing', 'closed')).toContain(a.id);
    expect(await api.listed('zjg.dispatcher', 'view.dsp.dispatch', 'dispatched')).toContain(a.id);

    const b = await atDispatch('zjg', { callbackWanted: true });
    await api.act('zjg.dispatcher', b.id, 'dsp.directReply', undefined, '已答复市民');
    d = await api.detail('zjg.acceptor', b.id);
    expect(d.ticket).toMatchObject({ node: 'callback', outcome: { reply: { by: 'zjg.dispatcher' } } });
    expect(await api.listed('zjg.acceptor', 'view.cls.callback', 'pending')).toContain(b.id);
    expect(await api.listed('zjg.shiftleader', 'view.cls.closing', 'closed')).not.toContain(b.id);
  });

  it('DSP-2 escalate: 张家港 hands the ticket to 苏州\'s acceptance; the lower center can no longer act on it', async () => {
    const t = await atDispatch('zjg');
    await api.act('zjg.dispatcher', t.id, 'dsp.escalate', undefined, '需市级协调');
    const d = await api.detail('sz.acceptor', t.id);
    expect(d.ticket).toMatchObject({ node: 'acceptance', center: 'sz', source: 'lower' });
    expect(d.ticket.trail.map((f) => `${f.center}:${f.via}`)).toEqual(['zjg:register', 'sz:escalate']);
    expect(await api.listed('sz.acceptor', 'view.acc.acceptance', 'pending')).toContain(t.id);
    expect(await api.listed('zjg.dispatcher', 'view.dsp.dispatch', 'pending')).not.toContain(t.id);
    expect(await api.listed('zjg.dispatcher', 'view.dsp.dispatch', 'dispatched')).toContain(t.id);
    await api.refused('zjg.acceptor', t.id, 403, 'TG_ERR_OUT_OF_SCOPE', 'acc.toDispatch', undefined, '送分拨');
  });

  it('DSP-2 delegate to a named lower center; a missing or upper center is refused, and a town has no lower center', async () => {
    const t = await atDispatch('zjg');
    await api.refused('zjg.dispatcher', t.id, 400, 'TG_ERR_VALIDATION', 'dsp.delegate', undefined, '交办', {});
    await api.refused('zjg.dispatcher', t.id, 400, 'TG_ERR_VALIDATION', 'dsp.delegate', undefined, '交办', { center: 'sz' });
    await api.act('zjg.dispatcher', t.id, 'dsp.delegate', undefined, '请凤凰镇处理', { center: 'fh' });
    const d = await api.detail('fh.acceptor', t.id);
    expect(d.ticket).toMatchObject({ node: 'acceptance', center: 'fh', source: 'upper' });
    expect(await api.listed('fh.acceptor', 'view.acc.acceptance', 'pending')).toContain(t.id);
    expect(await api.listed('ys.acceptor', 'view.acc.acceptance', 'pending')).not.toContain(t.id);

    const town = await atDispatch('ys');
    const seen = (await api.detail('ys.dispatcher', town.id)).actions.ticket.find((a) => a.button === 'dsp.delegate');
    expect(seen).toMatchObject({ allowed: false });
    const refused = await api.refused('ys.dispatcher', town.id, 422, 'TG_ERR_ACTION_REFUSED', 'dsp.delegate', undefined, '交办', { center: 'fh' });
    expect(refused.messageZh).toMatch(/最下级中心没有下级中心/);
  });

  it('DSP-2 assignments: incomplete, foreign or without opinion are refused and change nothing; multi makes every department a main', async () => {
    const t = await atDispatch('zjg');
    await api.refused('zjg.dispatcher', t.id, 400, 'TG_ERR_VALIDATION', 'dsp.assign', undefined, '交办', { handling: 'mainAssist', assists: ['zjg.sthj'] });
    await api.refused('zjg.dispatcher', t.id, 400, 'TG_ERR_VALIDATION', 'dsp.assign', undefined, '交办', { handling: 'multi', departments: [] });
    await api.refused('zjg.dispatcher', t.id, 400, 'TG_ERR_VALIDATION', 'dsp.assign', undefined, '交办', { handling: 'mainAssist', main: 'ys.cgzd' });
    await api.refused('zjg.dispatcher', t.id, 400, 'TG_ERR_VALIDATION', 'dsp.assign', undefined, ' ', { handling: 'mainAssist', main: 'zjg.cgj' });
    app.now += 60_000;
    await api.act('zjg.dispatcher', t.id, 'dsp.assign', undefined, '多部门办理', { handling: 'multi', departments: ['zjg.sthj', 'zjg.zjj'] });
    const d = await api.detail('zjg.dispatcher', t.id);
    expect(d.ticket.dispatch).toMatchObject({ handling: 'multi', forced: false, cc: [], by: 'zjg.dispatcher', at: app.now, round: 1 });
    expect(d.tasks.map((x) => `${x.department}:${x.role}:${x.node}:${x.center}`).sort()).toEqual(['zjg.sthj:multi:pending:zjg', 'zjg.zjj:multi:pending:zjg']);
    for (const dep of ['zjg.sthj', 'zjg.zjj']) expect(await api.listed(`${dep}.handler`, 'view.hnd.tasks', 'pending')).toContain(task(d, dep).id);
    // every task's stage clock starts at the assignment
    expect(Object.values(d.sla.tasks).map((clocks) => clocks.map((c) => [c.key, c.status]))).toEqual([[['stage:pending', 'running']], [['stage:pending', 'running']]]);
  });

  it('DSP-3 add-dispatch to a multi-department ticket adds multi tasks', async () => {
    const t = await atDispatch('zjg');
    await api.act('zjg.dispatcher', t.id, 'dsp.assign', undefined, '请处理', { handling: 'multi', departments: ['zjg.sthj'] });
    await api.act('zjg.dispatcher', t.id, 'dsp.addDispatch', undefined, '加派住建局', { handling: 'multi', departments: ['zjg.zjj'] });
    const d = await api.detail('zjg.dispatcher', t.id);
    expect(d.tasks.map((x) => `${x.department}:${x.role}:${x.node}`).sort()).toEqual(['zjg.sthj:multi:pending', 'zjg.zjj:multi:pending']);
    expect(await api.listed('zjg.zjj.handler', 'view.hnd.tasks', 'pending')).toContain(task(d, 'zjg.zjj').id);
  });

  it('DSP-4 under dispatch review the shift leader escalates, delegates or replies directly', async () => {
    const review = async () => {
      const t = await atDispatch('zjg');
      await api.act('zjg.dispatcher', t.id, 'dsp.toReview', undefined, '请审核');
      return t;
    };
    const escalate = await review();
    await api.act('zjg.shiftleader', escalate.id, 'dsp.escalate', undefined, '上报市中心');
    expect((await api.detail('sz.acceptor', escalate.id)).ticket).toMatchObject({ node: 'acceptance', center: 'sz' });

    const delegate = await review();
    await api.act('zjg.shiftleader', delegate.id, 'dsp.delegate', undefined, '交办杨舍镇', { center: 'ys' });
    expect((await api.detail('ys.acceptor', delegate.id)).ticket).toMatchObject({ node: 'acceptance', center: 'ys', source: 'upper' });
    expect(await api.listed('ys.acceptor', 'view.acc.acceptance', 'pending')).toContain(delegate.id);

    const reply = await review();
    await api.act('zjg.shiftleader', reply.id, 'dsp.directReply', undefined, '已答复');
    expect((await api.detail('zjg.shiftleader', reply.id)).ticket).toMatchObject({ node: 'closed', outcome: { reply: { by: 'zjg.shiftleader' } } });

    const reviewed = await api.listed('zjg.shiftleader', 'view.dsp.review', 'dispatched');
    expect(reviewed).toEqual(expect.arrayContaining([escalate.id, delegate.id, reply.id]));
    const pending = await api.listed('zjg.shiftleader', 'view.dsp.review', 'pending');
    expect(pending.filter((id) => [escalate.id, delegate.id, reply.id].includes(id))).toEqual([]);
  });
  it('DSP-2 escalating or delegating a merged main splits its followers, which stay at the center\'s dispatch', async () => {
    for (const [button, payload, center] of [['dsp.escalate', undefined, 'sz'], ['dsp.delegate', { center: 'fh' }, 'fh']] as const) {
      const main = await api.register('zjg.acceptor', 'acc.toDispatch', { item: 'item.wzgg', grid: 'g.fh.am.01', title: `${button} 主单` }, '送分拨');
      app.now += 60_000;
      const follower = await api.register('zjg.acceptor', 'acc.toDispatch', { item: 'item.wzgg', grid: 'g.fh.am.01', title: `${button} 从单` }, '送分拨');
      const merged = await api.request('zjg.acceptor', 'POST', '/api/tickets/merge', { ticketIds: [follower.id, main.id] });
      expect(merged.statusCode, merged.body).toBe(200);
      expect((await api.detail('zjg.dispatcher', follower.id)).ticket).toMatchObject({ node: 'dispatch', mergedInto: main.id });
      await api.refused('zjg.dispatcher', follower.id, 422, 'TG_ERR_FOLLOWER_LOCKED', 'dsp.assign', undefined, '交办', { handling: 'mainAssist', main: 'zjg.cgj' });

      await api.act('zjg.dispatcher', main.id, button, undefined, '转其他中心', payload);
      const m = await api.detail('zjg.dispatcher', main.id);
      expect(m.ticket).toMatchObject({ node: 'acceptance', center });
      const f = await api.detail('zjg.dispatcher', follower.id);
      expect(f.ticket).toMatchObject({ node: 'dispatch', center: 'zjg' });
      expect(f.ticket.mergedInto).toBeUndefined();
      expect(f.history.at(-1)).toMatchObject({ event: 'split', actor: { user: 'zjg.dispatcher' }, data: { main: main.id } });
      expect(await api.listed('zjg.dispatcher', 'view.dsp.dispatch', 'pending')).toContain(follower.id);
      await api.act('zjg.dispatcher', follower.id, 'dsp.assign', undefined, '单独交办', { handling: 'mainAssist', main: 'zjg.cgj' });
    }
  });
});
