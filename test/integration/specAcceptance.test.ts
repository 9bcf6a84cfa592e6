import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Api, HOUR } from './support/api.js';
import { events, SpecApi } from './support/spec.js';
import { startTestApp, type TestApp } from './support/testApp.js';

/** SPEC ACC over HTTP: the engine scenarios of test/unit/engine/acceptance.test.ts, read back through detail, lists and history. */
describe.each(['sqlite', 'mariadb'] as const)('SPEC ACC acceptance over HTTP on %s', (dialect) => {
  let app: TestApp;
  let api: SpecApi;
  beforeAll(async () => {
    app = await startTestApp(dialect);
    api = new SpecApi(app);
  }, 60_000);
  afterAll(async () => {
    await app?.dispose();
  });

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
});
