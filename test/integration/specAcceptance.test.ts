import { describe, expect, it } from 'vitest';
import { Api, HOUR } from './support/api.js';
import { sheet, upload } from './support/orgApi.js';
import { events } from './support/spec.js';
import { useTestApp } from './support/useTestApp.js';

const task = Api.task;

/** SPEC ACC over HTTP: the engine scenarios of test/unit/engine/acceptance.test.ts, read back through detail, lists and history. */
describe.each(['sqlite', 'mariadb'] as const)('SPEC ACC acceptance over HTTP on %s', (dialect) => {
  const { app, api } = useTestApp(dialect);

  it('ACC-1 direct reply without a callback closes the ticket at once; with one it waits for the callback', async () => {
    const closed = await api.register('zjg.acceptor', 'acc.directReply', { item: 'item.wzgg', callbackWanted: false }, '已电话答复');
    let d = await api.detail('zjg.acceptor', closed.id);
    expect(d.ticket).toMatchObject({ node: 'closed', outcome: { reply: { opinion: '已电话答复', by: 'zjg.acceptor' } } });
    expect(d.tasks).toEqual([]);
    expect(d.history.map((h) => [h.event, h.fromNode, h.toNode, h.actor?.user, h.opinion])).toEqual([['acc.directReply', 'registration', 'closed', 'zjg.acceptor', '已电话答复']]);
    expect(await api.listed('zjg.shiftleader', 'view.cls.closing', 'closed')).toContain(closed.id);
    expect(await api.listed('zjg.acceptor', 'view.acc.acceptance', 'accepted')).toContain(closed.id);
    expect(await api.listed('zjg.acceptor', 'view.cls.callback', 'pending')).not.toContain(closed.id);

    const waiting = await api.register('zjg.acceptor', 'acc.directReply', { item: 'item.wzgg', callbackWanted: true }, '已答复，待回访');
    d = await api.detail('zjg.acceptor', waiting.id);
    expect(d.ticket).toMatchObject({ node: 'callback', callbackWanted: true, outcome: { reply: { opinion: '已答复，待回访' } } });
    expect(Api.allows(d, 'cb.submit')).toBe(true);
    expect(d.sla.ticket.map((c) => [c.key, c.state])).toEqual([['stage:callback', 'normal']]);
    expect(await api.listed('zjg.acceptor', 'view.cls.callback', 'pending')).toContain(waiting.id);
    expect(await api.listed('zjg.shiftleader', 'view.cls.closing', 'closed')).not.toContain(waiting.id);
  });

  it('ACC-5 edit at acceptance: change records in the detail (flat and in the history); a bad grid is refused and changes nothing', async () => {
    const t = await api.gridReport({ title: '广告牌', fields: { description: '旧描述' } });
    expect(t).toMatchObject({ node: 'acceptance', center: 'ys', source: 'grid' });
    await api.refused('ys.acceptor', t.id, 400, 'TG_ERR_VALIDATION', 'acc.edit', undefined, '', { fields: { grid: 'g.nowhere' } });
    app.now += 10 * 60_000;
    const fields = { title: '违规广告牌', description: '新描述', urgency: 'urgent', detailAddress: '东桥路1号', reporterPhone: '13900001111' };
    await api.act('ys.acceptor', t.id, 'acc.edit', undefined, undefined, { fields });
    const editedAt = app.now;

    let d = await api.detail('ys.acceptor', t.id);
    expect(d.ticket).toMatchObject({ node: 'acceptance', title: '违规广告牌', urgency: 'urgent', fields: { description: '新描述', detailAddress: '东桥路1号', reporterPhone: '13900001111' } });
    expect(d.changes).toEqual([
      { at: editedAt, actor: 'ys.acceptor', department: 'ys', event: 'acc.edit', field: 'title', before: '广告牌', after: '违规广告牌' },
      { at: editedAt, actor: 'ys.acceptor', department: 'ys', event: 'acc.edit', field: 'description', before: '旧描述', after: '新描述' },
      { at: editedAt, actor: 'ys.acceptor', department: 'ys', event: 'acc.edit', field: 'urgency', before: 'normal', after: 'urgent' },
      { at: editedAt, actor: 'ys.acceptor', department: 'ys', event: 'acc.edit', field: 'detailAddress', before: null, after: '东桥路1号' },
      { at: editedAt, actor: 'ys.acceptor', department: 'ys', event: 'acc.edit', field: 'reporterPhone', before: '13812345678', after: '13900001111' },
    ]);
    const edit = d.history.find((h) => h.event === 'acc.edit')!;
    expect(edit).toMatchObject({ fromNode: 'acceptance', toNode: 'acceptance', actor: { user: 'ys.acceptor' } });
    expect((edit.data as { changes: unknown[] }).changes).toHaveLength(5);
    const pending = await api.list('ys.acceptor', 'view.acc.acceptance', 'pending');
    expect(pending.rows.find((r) => r.id === t.id)?.cells).toMatchObject({ title: '违规广告牌' });

    // a handling unit reads the same records with the reporter's phone masked, in both places
    await api.act('ys.acceptor', t.id, 'acc.toDispatch', undefined, '送分拨');
    await api.act('ys.dispatcher', t.id, 'dsp.assign', undefined, '请处理', { handling: 'mainAssist', main: 'ys.cgzd' });
    d = await api.detail('ys.cgzd.handler', t.id);
    expect(d.changes.find((c) => c.field === 'reporterPhone')).toMatchObject({ before: '138****5678', after: '139****1111' });
    expect(d.changes.filter((c) => c.field === 'detailAddress')).toHaveLength(1);
    expect(JSON.stringify(d)).not.toMatch(/13812345678|13900001111/);
  });

  it('ACC-9 void and restore: 事件废止 lists the voided ticket, restoring puts it back under 事件暂存', async () => {
    const t = await api.gridReport();
    await api.refused('ys.acceptor', t.id, 400, 'TG_ERR_VALIDATION', 'acc.void', undefined, ' ');
    await api.refused('ys.dispatcher', t.id, 403, 'TG_ERR_FORBIDDEN', 'acc.void', undefined, '重复上报');
    await api.act('ys.acceptor', t.id, 'acc.void', undefined, '重复上报');
    let d = await api.detail('ys.acceptor', t.id);
    expect(d.ticket.node).toBe('voided');
    expect(d.ticket.clocks.overall?.status).toBe('stopped');
    expect(d.sla.overall).toMatchObject({ status: 'stopped' });
    expect(await api.listed('ys.acceptor', 'view.acc.voided', 'voided')).toContain(t.id);
    expect(await api.listed('ys.acceptor', 'view.acc.acceptance', 'pending')).not.toContain(t.id);

    await api.act('ys.acceptor', t.id, 'acc.restore', undefined, '误废');
    d = await api.detail('ys.acceptor', t.id);
    expect(d.ticket.node).toBe('draft');
    expect(await api.listed('ys.acceptor', 'view.acc.voided', 'voided')).not.toContain(t.id);
    expect(await api.listed('ys.acceptor', 'view.acc.draft', 'drafts')).toContain(t.id);
    expect(d.history.filter((h) => h.event.startsWith('acc.')).map((h) => [h.event, h.fromNode, h.toNode, h.opinion]))
      .toEqual([['acc.void', 'acceptance', 'voided', '重复上报'], ['acc.restore', 'voided', 'draft', '误废']]);
  });

  it('ACC-8 a draft is listed under 事件暂存 without an overall clock, and submitted from there', async () => {
    const t = await api.register('zjg.acceptor', 'acc.saveDraft', { item: 'item.wzgg', title: '暂存的广告牌' }, '');
    let d = await api.detail('zjg.acceptor', t.id);
    expect(d.ticket.node).toBe('draft');
    expect(d.sla.overall).toBeNull();
    expect(await api.listed('zjg.acceptor', 'view.acc.draft', 'drafts')).toContain(t.id);
    expect(await api.listed('ys.acceptor', 'view.acc.draft', 'drafts')).not.toContain(t.id);
    await api.refused('zjg.acceptor', t.id, 400, 'TG_ERR_VALIDATION', 'acc.toDispatch', undefined, ' ');

    app.now += HOUR;
    await api.act('zjg.acceptor', t.id, 'acc.toDispatch', undefined, '送分拨');
    d = await api.detail('zjg.dispatcher', t.id);
    expect(d.ticket.node).toBe('dispatch');
    expect(d.sla.overall).toMatchObject({ key: 'overall', status: 'running', state: 'normal', limitName: '10个工作日', consumed: 0 });
    expect(d.ticket.clocks.overall?.segments).toEqual([{ from: app.now }]);
    expect(await api.listed('zjg.acceptor', 'view.acc.draft', 'drafts')).not.toContain(t.id);
    expect(await api.listed('zjg.dispatcher', 'view.dsp.dispatch', 'pending')).toContain(t.id);
    expect(events(d)).toEqual(['acc.saveDraft', 'acc.toDispatch']);
  });

  it('ACC-7 verification by the grid worker of the grid (ys.dq.grid); urge and change of grid worker', async () => {
    const t = await api.register('ys.acceptor', 'acc.toVerification', { item: 'item.wzgg', grid: 'g.ys.dq.01' }, '请核实');
    expect(t).toMatchObject({ node: 'verification', gridWorker: 'ys.dq.grid' });
    expect(await api.listed('ys.dq.grid', 'view.acc.grid', 'verifying')).toContain(t.id);
    expect(await api.listed('ys.hq.grid', 'view.acc.grid', 'verifying')).not.toContain(t.id);
    expect(await api.listed('ys.acceptor', 'view.acc.verification', 'pending')).toContain(t.id);

    await api.act('ys.acceptor', t.id, 'ticket.urgeGrid', undefined, '请尽快核实');
    expect((await api.messages('ys.dq.grid', t.id)).map((m) => [m.kind, m.body.opinion])).toEqual([['urge', '请尽快核实']]);
    expect(await api.messages('ys.hq.grid', t.id)).toEqual([]);

    await api.refused('ys.hq.grid', t.id, 403, 'TG_ERR_OUT_OF_SCOPE', 'ver.submit', undefined, '属实', { truthful: true });
    await api.refused('ys.dq.grid', t.id, 400, 'TG_ERR_VALIDATION', 'ver.submit', undefined, '属实', {});
    app.now += HOUR;
    await api.act('ys.dq.grid', t.id, 'ver.submit', undefined, '现场属实', { truthful: true });
    const d = await api.detail('ys.acceptor', t.id);
    expect(d.ticket).toMatchObject({ node: 'acceptance', outcome: { verification: { truthful: true, opinion: '现场属实', by: 'ys.dq.grid', at: app.now } } });
    expect(await api.listed('ys.acceptor', 'view.acc.verification', 'verified')).toContain(t.id);
    expect(await api.listed('ys.dq.grid', 'view.acc.grid', 'verifying')).not.toContain(t.id);

    // 西张社区 has two grid workers: the acceptor hands the verification to the second one
    const fh = await api.register('fh.acceptor', 'acc.toVerification', { item: 'item.wzgg', grid: 'g.fh.xz.01' }, '请核实');
    expect(fh.gridWorker).toBe('fh.xz.grid');
    await api.act('fh.acceptor', fh.id, 'ver.changeGridWorker', undefined, undefined, { gridWorker: 'fh.xz.grid2' });
    expect((await api.detail('fh.acceptor', fh.id)).ticket).toMatchObject({ node: 'verification', gridWorker: 'fh.xz.grid2' });
    await api.refused('fh.xz.grid', fh.id, 403, 'TG_ERR_OUT_OF_SCOPE', 'ver.submit', undefined, '属实', { truthful: true });
    expect(await api.listed('fh.xz.grid2', 'view.acc.grid', 'verifying')).toContain(fh.id);
  });

  it('ACC-6 acceptance review: the shift leader returns it to the acceptor, then sends it to dispatch', async () => {
    const t = await api.register('ys.acceptor', 'acc.toReview', { item: 'item.wzgg' }, '拿不准，请值班长定夺');
    expect(t.node).toBe('acceptanceReview');
    await api.refused('ys.acceptor', t.id, 403, 'TG_ERR_FORBIDDEN', 'acc.toDispatch', undefined, '送分拨');
    await api.refused('zjg.shiftleader', t.id, 403, 'TG_ERR_OUT_OF_SCOPE', 'accrev.return', undefined, '退回');
    expect(await api.listed('ys.shiftleader', 'view.acc.acceptanceReview', 'pending')).toContain(t.id);

    await api.act('ys.shiftleader', t.id, 'accrev.return', undefined, '请补充信息');
    expect((await api.detail('ys.acceptor', t.id)).ticket.node).toBe('acceptance');
    expect(await api.listed('ys.acceptor', 'view.acc.acceptance', 'pending')).toContain(t.id);
    expect(await api.listed('ys.shiftleader', 'view.acc.acceptanceReview', 'pending')).not.toContain(t.id);

    await api.act('ys.acceptor', t.id, 'acc.toReview', undefined, '已补充，请审核');
    await api.act('ys.shiftleader', t.id, 'acc.toDispatch', undefined, '同意分拨');
    const d = await api.detail('ys.shiftleader', t.id);
    expect(d.ticket.node).toBe('dispatch');
    expect(d.history.map((h) => [h.event, h.actor?.user, h.toNode])).toEqual([
      ['acc.toReview', 'ys.acceptor', 'acceptanceReview'], ['accrev.return', 'ys.shiftleader', 'acceptance'],
      ['acc.toReview', 'ys.acceptor', 'acceptanceReview'], ['acc.toDispatch', 'ys.shiftleader', 'dispatch'],
    ]);
    expect(await api.listed('ys.shiftleader', 'view.acc.acceptanceReview', 'accepted')).toContain(t.id);
  });

  it('ACC-5 urge of an accepted ticket: an urge to-do for the current step\'s dispatchers, no flow effect', async () => {
    const t = await api.register('ys.acceptor', 'acc.toDispatch', { item: 'item.wzgg' }, '送分拨');
    const before = await api.stored(t.id);
    await api.act('ys.acceptor', t.id, 'ticket.urge', undefined, '请尽快分拨');
    const d = await api.detail('ys.acceptor', t.id);
    expect(d.ticket.node).toBe('dispatch');
    expect(d.history.at(-1)).toMatchObject({ event: 'ticket.urge', fromNode: 'dispatch', toNode: 'dispatch', opinion: '请尽快分拨', actor: { user: 'ys.acceptor' } });
    expect(await api.stored(t.id)).toMatchObject({ version: before.version + 1, history: before.history + 1, outbox: before.outbox + 1 });
    expect((await api.messages('ys.dispatcher', t.id)).map((m) => [m.kind, m.title])).toEqual([['urge', `催办：${t.number} 测试事件`]]);
    expect(await api.messages('ys.acceptor', t.id)).toEqual([]);
    expect(await api.listed('ys.acceptor', 'view.acc.acceptance', 'accepted')).toContain(t.id);
  });
  it('ACC-1 every handling method requires the proposed opinion: a registration without one registers nothing, a draft stays a draft', async () => {
    const tickets = async () => Number((await app.services.knex('tickets').count({ n: '*' }))[0]!.n);
    const before = await tickets();
    for (const button of ['acc.directReply', 'acc.toDispatch', 'acc.toVerification', 'acc.toReview']) {
      const res = await api.request('zjg.acceptor', 'POST', '/api/tickets', api.registration(button, { item: 'item.wzgg' }, '  '));
      expect(res.statusCode, `${button}: ${res.body}`).toBe(400);
      expect((res.json() as { code: string }).code).toBe('TG_ERR_VALIDATION');
    }
    expect(await tickets()).toBe(before);
    const draft = await api.register('zjg.acceptor', 'acc.saveDraft', { item: 'item.wzgg' }, '');
    for (const button of ['acc.directReply', 'acc.toDispatch', 'acc.toVerification', 'acc.toReview']) {
      await api.refused('zjg.acceptor', draft.id, 400, 'TG_ERR_VALIDATION', button, undefined, '  ');
    }
    expect((await api.detail('zjg.acceptor', draft.id)).ticket.node).toBe('draft');
    expect(await api.listed('zjg.acceptor', 'view.acc.draft', 'drafts')).toContain(draft.id);
  });

  it('ACC-4 苏州 delegates 暴露垃圾 to 张家港 (its acceptance pool), which accepts it into its configured departments', async () => {
    const t = await api.register('sz.acceptor', 'acc.toDispatch', { item: 'item.bllj' }, '交办张家港');
    expect(t).toMatchObject({ node: 'acceptance', center: 'zjg', source: 'upper' });
    expect(t.trail.map((f) => `${f.center}:${f.via}`)).toEqual(['sz:register', 'zjg:delegate']);
    expect(await api.listed('zjg.acceptor', 'view.acc.pool', 'pool')).toContain(t.id);
    expect(await api.listed('sz.acceptor', 'view.acc.acceptance', 'pending')).not.toContain(t.id);
    await api.act('zjg.acceptor', t.id, 'acc.toDispatch', undefined, '送分拨');
    expect(await api.listed('zjg.acceptor', 'view.acc.pool', 'pool')).not.toContain(t.id);
    expect(await api.listed('sz.acceptor', 'view.acc.acceptance', 'accepted')).toContain(t.id);
    const d = await api.detail('zjg.acceptor', t.id);
    expect(d.ticket).toMatchObject({ node: 'handling', center: 'zjg', dispatch: { handling: 'mainAssist', forced: false } });
    expect(d.tasks.map((x) => `${x.department}:${x.role}:${x.parent === task(d, 'zjg.cgj').id ? 'child' : 'top'}`).sort())
      .toEqual(['zjg.cgj.hws:main:child', 'zjg.cgj:main:top', 'zjg.sthj:assist:top']);
    expect(await api.listed('zjg.cgj.hws.handler', 'view.hnd.tasks', 'pending')).toContain(task(d, 'zjg.cgj.hws').id);
    expect(events(d)).toEqual(['acc.toDispatch', 'acc.toDispatch']);
  });

  it('ACC-4 杨舍镇 escalates 公厕保洁不到位 to 张家港; an item without configuration waits for manual dispatch', async () => {
    const up = await api.register('ys.acceptor', 'acc.toDispatch', { item: 'item.gcws' }, '送分拨');
    expect(up).toMatchObject({ node: 'acceptance', center: 'zjg', source: 'lower' });
    expect(up.trail.map((f) => `${f.center}:${f.via}`)).toEqual(['ys:register', 'zjg:escalate']);
    expect(await api.listed('zjg.acceptor', 'view.acc.pool', 'pool')).toContain(up.id);
    expect(await api.listed('ys.acceptor', 'view.acc.acceptance', 'pending')).not.toContain(up.id);
    await api.refused('ys.acceptor', up.id, 403, 'TG_ERR_OUT_OF_SCOPE', 'acc.toDispatch', undefined, '送分拨');

    const manual = await api.register('zjg.acceptor', 'acc.toDispatch', { item: 'item.wzgg' }, '送分拨');
    expect(manual).toMatchObject({ node: 'dispatch', center: 'zjg' });
    expect((await api.detail('zjg.dispatcher', manual.id)).tasks).toEqual([]);
    expect(await api.listed('zjg.dispatcher', 'view.dsp.dispatch', 'pending')).toContain(manual.id);
  });

  it('ACC-4 a ticket is not auto-dispatched back where it came from: escalated 道路不洁 stays at 张家港 dispatch, delegated 企业废气排放 at 杨舍镇 dispatch', async () => {
    // 道路不洁 at 杨舍镇 goes straight to its 城管中队; an approved return puts it back at dispatch
    const down = await api.register('ys.acceptor', 'acc.toDispatch', { item: 'item.dlbj', grid: 'g.ys.dq.01' }, '送分拨');
    let d = await api.detail('ys.cgzd.handler', down.id);
    await api.act('ys.cgzd.handler', down.id, 'task.return', { task: task(d, 'ys.cgzd').id }, '不属于本部门职责');
    d = await api.detail('ys.shiftleader', down.id);
    await api.act('ys.shiftleader', down.id, 'app.approve', { application: Api.application(d, 'return').id });
    await api.act('ys.dispatcher', down.id, 'dsp.escalate', undefined, '需市级协调');
    await api.act('zjg.acceptor', down.id, 'acc.toDispatch', undefined, '送分拨');
    d = await api.detail('zjg.dispatcher', down.id);
    expect(d.ticket).toMatchObject({ node: 'dispatch', center: 'zjg' });
    expect(await api.listed('zjg.dispatcher', 'view.dsp.dispatch', 'pending')).toContain(down.id);

    const up = await api.register('zjg.acceptor', 'acc.toDispatch', { item: 'item.qyfq' }, '送分拨');
    d = await api.detail('zjg.sthj.handler', up.id);
    await api.act('zjg.sthj.handler', up.id, 'task.return', { task: task(d, 'zjg.sthj').id }, '不属于本部门职责');
    d = await api.detail('zjg.shiftleader', up.id);
    await api.act('zjg.shiftleader', up.id, 'app.approve', { application: Api.application(d, 'return').id });
    await api.act('zjg.dispatcher', up.id, 'dsp.delegate', undefined, '请属地处理', { center: 'ys' });
    await api.act('ys.acceptor', up.id, 'acc.toDispatch', undefined, '送分拨');
    d = await api.detail('ys.dispatcher', up.id);
    expect(d.ticket).toMatchObject({ node: 'dispatch', center: 'ys' });
    expect(await api.listed('ys.dispatcher', 'view.dsp.dispatch', 'pending')).toContain(up.id);
  });

  it('ACC-5 a grid report is returned to its grid worker (listed under 退回) and reported again; the center\'s own registration cannot be returned', async () => {
    const t = await api.gridReport({ title: '描述不清的广告牌' });
    await api.act('ys.acceptor', t.id, 'acc.return', undefined, '描述不清，请补充');
    let d = await api.detail('ys.dq.grid', t.id);
    expect(d.ticket.node).toBe('gridReturned');
    expect(await api.listed('ys.dq.grid', 'view.acc.grid', 'returned')).toContain(t.id);
    expect(await api.listed('ys.acceptor', 'view.acc.acceptance', 'pending')).not.toContain(t.id);
    await api.refused('ys.hq.grid', t.id, 403, 'TG_ERR_OUT_OF_SCOPE', 'grid.resubmit', undefined, '已补充');
    await api.act('ys.dq.grid', t.id, 'grid.resubmit', undefined, '已补充照片');
    d = await api.detail('ys.acceptor', t.id);
    expect(d.ticket.node).toBe('acceptance');
    expect(await api.listed('ys.dq.grid', 'view.acc.grid', 'returned')).not.toContain(t.id);
    expect(await api.listed('ys.acceptor', 'view.acc.acceptance', 'pending')).toContain(t.id);
    expect(events(d)).toEqual(['grid.report', 'acc.return', 'grid.resubmit']);

    const own = await api.register('zjg.acceptor', 'acc.toReview', { item: 'item.wzgg' }, '请值班长定夺');
    await api.act('zjg.shiftleader', own.id, 'accrev.return', undefined, '请重新受理');
    d = await api.detail('zjg.acceptor', own.id);
    expect(d.actions.ticket.find((a) => a.button === 'acc.return')?.allowed).toBe(false);
    const refused = await api.refused('zjg.acceptor', own.id, 422, 'TG_ERR_ACTION_REFUSED', 'acc.return', undefined, '退回');
    expect(refused.messageZh).toMatch(/网格员上报的工单/);
  });

  it('ACC-5/DSP-5 a ticket delegated by 张家港 and returned by 杨舍镇\'s acceptor is back at 张家港 dispatch, listed under 分拨退回', async () => {
    const t = await api.register('zjg.acceptor', 'acc.toDispatch', { item: 'item.wzgg' }, '送分拨');
    await api.act('zjg.dispatcher', t.id, 'dsp.delegate', undefined, '请杨舍镇处理', { center: 'ys' });
    expect(await api.listed('ys.acceptor', 'view.acc.acceptance', 'pending')).toContain(t.id);
    await api.act('ys.acceptor', t.id, 'acc.return', undefined, '不属于本镇');
    const d = await api.detail('zjg.dispatcher', t.id);
    expect(d.ticket).toMatchObject({ node: 'dispatch', center: 'zjg', returned: true });
    expect(d.ticket.trail.map((f) => f.center)).toEqual(['zjg']);
    expect(await api.listed('zjg.dispatcher', 'view.dsp.returned', 'returned')).toContain(t.id);
    expect(await api.listed('ys.acceptor', 'view.acc.acceptance', 'pending')).not.toContain(t.id);
    expect((await api.request('ys.acceptor', 'GET', `/api/tickets/${t.id}`)).statusCode).toBe(403);
    // each step is recorded with the actor's department and the center holding the ticket after it
    expect(d.history.filter((h) => !h.event.startsWith('$')).map((h) => [h.event, h.actor?.department, h.center])).toEqual([
      ['acc.toDispatch', 'zjg', 'zjg'], ['dsp.delegate', 'zjg', 'ys'], ['acc.return', 'ys', 'zjg'],
    ]);
  });

  it('ACC-5 a button not offered at the node: void at dispatch is refused for the acceptor (role) and the dispatcher (node)', async () => {
    const t = await api.register('zjg.acceptor', 'acc.toDispatch', { item: 'item.wzgg' }, '送分拨');
    await api.refused('zjg.acceptor', t.id, 403, 'TG_ERR_FORBIDDEN', 'acc.void', undefined, '作废');
    const d = await api.detail('zjg.dispatcher', t.id);
    expect(Api.allows(d, 'acc.void')).not.toBe(true);
    const refused = await api.refused('zjg.dispatcher', t.id, 422, 'TG_ERR_ACTION_REFUSED', 'acc.void', undefined, '作废');
    expect(refused.details).toMatchObject({ engineCode: 'ENG_NOT_AVAILABLE' });
  });

  it('ACC-9 a draft can be voided too, and restored to the drafts', async () => {
    const t = await api.register('zjg.acceptor', 'acc.saveDraft', { item: 'item.wzgg' }, '');
    await api.act('zjg.acceptor', t.id, 'acc.void', undefined, '无效工单');
    expect(await api.listed('zjg.acceptor', 'view.acc.voided', 'voided')).toContain(t.id);
    expect(await api.listed('zjg.acceptor', 'view.acc.draft', 'drafts')).not.toContain(t.id);
    const d = await api.detail('zjg.acceptor', t.id);
    expect(d.history.map((h) => [h.event, h.fromNode, h.toNode])).toEqual([['acc.saveDraft', 'registration', 'draft'], ['acc.void', 'draft', 'voided']]);
    expect(d.sla.overall).toBeNull();
  });

  it('ACC-11 ticket numbers: channel prefix (DH phone, WG grid) + local date + a growing sequence', async () => {
    const a = await api.register('zjg.acceptor', 'acc.saveDraft', { item: 'item.wzgg' }, '');
    const b = await api.register('zjg.acceptor', 'acc.saveDraft', { item: 'item.wzgg' }, '');
    const g = await api.registerWith('ys.dq.grid', 'grid.report', { item: 'item.wzgg', fields: { channel: 'grid' } }, { source: 'grid', channel: 'grid' }, '网格上报');
    expect(a.number).toMatch(/^DH20250610\d{5}$/);
    expect(b.number).toMatch(/^DH20250610\d{5}$/);
    expect(g.number).toMatch(/^WG20250610\d+$/);
    expect(Number(b.number.slice(10))).toBeGreaterThan(Number(a.number.slice(10)));
    const page = await api.list('zjg.acceptor', 'view.acc.draft', 'drafts', `q=${a.number}`);
    expect(page.rows.map((r) => r.id)).toEqual([a.id]);
  });
  it('ACC-5 at 张家港 (acceptance pool on) an extracted ticket belongs to its extractor: the other acceptor neither lists nor accepts it', async () => {
    // a second acceptor of 张家港, imported from the user template (ORG-3)
    const imported = await upload(app, 'sz.admin', await sheet([['第二受理员', 'zjg.acceptor.b', '女', '江苏省-苏州市-张家港市', '13912340201']]), '?roles=acceptor');
    expect(imported.statusCode, imported.body).toBe(201);
    const t = await api.register('sz.acceptor', 'acc.toDispatch', { item: 'item.bllj', urgency: 'veryUrgent', title: '最急的暴露垃圾' }, '交办张家港');
    expect(await api.listed('zjg.acceptor.b', 'view.acc.pool', 'pool')).toContain(t.id);
    expect(await api.listed('zjg.acceptor', 'view.acc.acceptance', 'pending')).not.toContain(t.id);
    const res = await api.request('zjg.acceptor', 'POST', '/api/pools/acceptance/extract');
    expect(res.statusCode, res.body).toBe(200);
    expect((res.json() as { tickets: { id: string }[] }).tickets.map((x) => x.id)).toContain(t.id);
    expect((await api.stored(t.id)).assignee).toBe('zjg.acceptor');
    expect(await api.listed('zjg.acceptor', 'view.acc.acceptance', 'pending')).toContain(t.id);
    expect(await api.listed('zjg.acceptor.b', 'view.acc.acceptance', 'pending')).not.toContain(t.id);
    expect(await api.listed('zjg.acceptor.b', 'view.acc.pool', 'pool')).not.toContain(t.id);
    const taken = await api.refused('zjg.acceptor.b', t.id, 422, 'TG_ERR_ACTION_REFUSED', 'acc.toDispatch', undefined, '送分拨');
    expect(taken.details).toMatchObject({ engineCode: 'ENG_EXTRACTED_BY_OTHER', params: { assignee: 'zjg.acceptor' } });
    expect(taken.messageZh).toMatch(/已被 .* 从工单池提取/);
    await api.act('zjg.acceptor', t.id, 'acc.toDispatch', undefined, '送分拨');
    const d = await api.detail('zjg.acceptor', t.id);
    expect(d.ticket.node).toBe('handling');
    expect((await api.stored(t.id)).assignee).toBeNull();
    expect(d.history.filter((h) => !h.event.startsWith('$')).map((h) => [h.event, h.actor?.user])).toEqual([
      ['acc.toDispatch', 'sz.acceptor'], ['pool.extract', 'zjg.acceptor'], ['acc.toDispatch', 'zjg.acceptor'],
    ]);
  });
  it('ACC-7 batch urge and batch change of grid worker: the tab offers both, and each selected verification is acted on', async () => {
    const views = (await api.request('fh.acceptor', 'GET', '/api/views')).json() as { views: { id: string; tabs: { key: string; batchButtons: string[] }[] }[] };
    const tab = views.views.find((v) => v.id === 'view.acc.verification')!.tabs.find((x) => x.key === 'pending')!;
    expect(tab.batchButtons).toEqual(['ticket.urgeGrid', 'ver.changeGridWorker']);
    const selected = [
      await api.register('fh.acceptor', 'acc.toVerification', { item: 'item.wzgg', grid: 'g.fh.xz.01', title: '核实一' }, '请核实'),
      await api.register('fh.acceptor', 'acc.toVerification', { item: 'item.wzgg', grid: 'g.fh.xz.02', title: '核实二' }, '请核实'),
    ];
    // the batch buttons send one request per selected row, at once
    await Promise.all(selected.map((t) => api.act('fh.acceptor', t.id, 'ticket.urgeGrid', undefined, '请尽快核实')));
    for (const t of selected) expect((await api.messages(t.gridWorker!, t.id)).map((m) => m.kind)).toEqual(['urge']);
    await Promise.all(selected.map((t) => api.act('fh.acceptor', t.id, 'ver.changeGridWorker', undefined, undefined, { gridWorker: 'fh.xz.grid2' })));
    const verifying = await api.listed('fh.xz.grid2', 'view.acc.grid', 'verifying');
    expect(verifying).toEqual(expect.arrayContaining(selected.map((t) => t.id)));
    expect((await api.listed('fh.xz.grid', 'view.acc.grid', 'verifying')).filter((id) => selected.some((t) => t.id === id))).toEqual([]);
  });
});
