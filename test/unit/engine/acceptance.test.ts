import { beforeAll, describe, expect, it } from 'vitest';
import { autoDispatch, type CompiledBundle, type DecideSuccess } from '../../../engine/index.js';
import { builtInBundle, HOUR, Scenario } from '../../support/scenario.js';

let cb: CompiledBundle;
beforeAll(async () => {
  cb = await builtInBundle();
});

/** A ticket's main task returns and the center's shift leader approves: the ticket is back at dispatch (DSP-5). */
async function returnToDispatch(s: Scenario, id: string, department: string, center: string) {
  await s.act(`${department}.handler`, 'task.return', { task: s.task(id, department).id }, '不属于本部门职责');
  await s.act(`${center}.shiftleader`, 'app.approve', { application: s.application(id, 'return').id });
  expect(s.node(id)).toBe('dispatch');
}

function lastHistory(result: DecideSuccess) {
  return result.history[result.history.length - 1]!;
}

describe('ACC-1 registration and its handling methods', () => {
  it('ACC-1 direct reply with a callback wanted goes to callback and keeps the reply', async () => {
    const s = new Scenario(cb);
    const w = await s.register('zjg.acceptor', 'acc.directReply', { item: 'item.wzgg', callbackWanted: true }, '已电话答复');
    expect(w.ticket.node).toBe('callback');
    expect(w.ticket.outcome?.reply).toMatchObject({ opinion: '已电话答复', by: 'zjg.acceptor' });
    expect(w.tasks).toHaveLength(0);
  });

  it('ACC-1 direct reply without a callback closes the ticket at once', async () => {
    const s = new Scenario(cb);
    const w = await s.register('zjg.acceptor', 'acc.directReply', { item: 'item.wzgg', callbackWanted: false }, '已答复');
    expect(w.ticket.node).toBe('closed');
    expect(w.ticket.outcome?.reply).toMatchObject({ opinion: '已答复' });
  });

  it('ACC-1/ACC-7 send to verification → the grid worker of the grid submits → back to acceptance', async () => {
    const s = new Scenario(cb);
    const w = await s.register('zjg.acceptor', 'acc.toVerification', { item: 'item.wzgg', grid: 'g.ys.dq.01' }, '请核实');
    const id = w.ticket.id;
    expect(w.ticket.node).toBe('verification');
    expect(w.ticket.gridWorker).toBe('ys.dq.grid');
    await s.refused('ys.hq.grid', 'ver.submit', { ticket: id }, 'ENG_OUT_OF_SCOPE', '属实', { truthful: true });
    await s.refused('ys.dq.grid', 'ver.submit', { ticket: id }, 'ENG_INVALID_PAYLOAD', '属实', {});
    s.advance(HOUR);
    await s.act('ys.dq.grid', 'ver.submit', { ticket: id }, '现场属实', { truthful: true });
    expect(s.node(id)).toBe('acceptance');
    expect(s.world(id).ticket.outcome?.verification).toMatchObject({ truthful: true, opinion: '现场属实', by: 'ys.dq.grid' });
    await s.act('zjg.acceptor', 'acc.toDispatch', { ticket: id }, '送分拨');
    expect(s.node(id)).toBe('dispatch');
  });

  it('ACC-7 the acceptor changes the grid worker of a verification', async () => {
    const s = new Scenario(cb);
    const w = await s.register('fh.acceptor', 'acc.toVerification', { item: 'item.wzgg', grid: 'g.fh.xz.01' }, '请核实');
    expect(w.ticket.gridWorker).toBe('fh.xz.grid');
    await s.act('fh.acceptor', 'ver.changeGridWorker', { ticket: w.ticket.id }, undefined, { gridWorker: 'fh.xz.grid2' });
    expect(s.world(w.ticket.id).ticket.gridWorker).toBe('fh.xz.grid2');
    expect(s.node(w.ticket.id)).toBe('verification');
    await s.refused('fh.xz.grid', 'ver.submit', { ticket: w.ticket.id }, 'ENG_OUT_OF_SCOPE', '属实', { truthful: true });
  });

  it('ACC-1/ACC-6 send to review: the shift leader returns it to the acceptor', async () => {
    const s = new Scenario(cb);
    const w = await s.register('zjg.acceptor', 'acc.toReview', { item: 'item.wzgg' }, '拿不准，请值班长定夺');
    const id = w.ticket.id;
    expect(w.ticket.node).toBe('acceptanceReview');
    await s.refused('zjg.acceptor', 'acc.toDispatch', { ticket: id }, 'ENG_FORBIDDEN_ROLE');
    await s.act('zjg.shiftleader', 'accrev.return', { ticket: id }, '请补充信息');
    expect(s.node(id)).toBe('acceptance');
  });

  it('ACC-8 a saved draft is edited and submitted from the drafts', async () => {
    const s = new Scenario(cb);
    const w = await s.register('zjg.acceptor', 'acc.saveDraft', { item: 'item.wzgg' });
    const id = w.ticket.id;
    expect(w.ticket.node).toBe('draft');
    expect(w.ticket.clocks.overall).toBeUndefined();
    await s.act('zjg.acceptor', 'acc.toDispatch', { ticket: id }, '送分拨');
    expect(s.node(id)).toBe('dispatch');
    expect(s.world(id).ticket.clocks.overall?.status).toBe('running');
  });

  it('ACC-9 a voided ticket is restored back to the drafts', async () => {
    const s = new Scenario(cb);
    const w = await s.register('ys.dq.grid', 'grid.report', { item: 'item.wzgg', source: 'grid' });
    const id = w.ticket.id;
    expect(w.ticket).toMatchObject({ node: 'acceptance', center: 'ys', source: 'grid' });
    await s.refused('ys.acceptor', 'acc.void', { ticket: id }, 'ENG_OPINION_REQUIRED', ' ');
    await s.act('ys.acceptor', 'acc.void', { ticket: id }, '重复上报');
    expect(s.node(id)).toBe('voided');
    expect(s.world(id).ticket.clocks.overall?.status).toBe('stopped');
    await s.act('ys.acceptor', 'acc.restore', { ticket: id }, '误废');
    expect(s.node(id)).toBe('draft');
    await s.act('ys.acceptor', 'acc.toReview', { ticket: id }, '请值班长定夺');
    expect(s.node(id)).toBe('acceptanceReview');
  });

  it('ACC-9 a draft can be voided too (seed 4.2.1.6: voided at registration or acceptance)', async () => {
    const s = new Scenario(cb);
    const w = await s.register('zjg.acceptor', 'acc.saveDraft', { item: 'item.wzgg' });
    await s.act('zjg.acceptor', 'acc.void', { ticket: w.ticket.id }, '无效工单');
    expect(s.node(w.ticket.id)).toBe('voided');
  });
});

describe('ACC-5 returns of tickets from grid workers and other centers', () => {
  it('ACC-5 a grid report is returned to the grid worker, who reports it again', async () => {
    const s = new Scenario(cb);
    const w = await s.register('ys.dq.grid', 'grid.report', { item: 'item.wzgg', source: 'grid' });
    const id = w.ticket.id;
    await s.act('ys.acceptor', 'acc.return', { ticket: id }, '描述不清，请补充');
    expect(s.node(id)).toBe('gridReturned');
    await s.refused('ys.hq.grid', 'grid.resubmit', { ticket: id }, 'ENG_OUT_OF_SCOPE');
    await s.act('ys.dq.grid', 'grid.resubmit', { ticket: id }, '已补充照片');
    expect(s.node(id)).toBe('acceptance');
  });

  it('ACC-5/DSP-5 a ticket delegated by the upper center is returned to that center\u2019s dispatch, flagged returned', async () => {
    const s = new Scenario(cb);
    const w = await s.register('zjg.acceptor', 'acc.toDispatch', { item: 'item.wzgg' });
    const id = w.ticket.id;
    await s.act('zjg.dispatcher', 'dsp.delegate', { ticket: id }, '请杨舍镇处理', { center: 'ys' });
    expect(s.world(id).ticket).toMatchObject({ node: 'acceptance', center: 'ys', source: 'upper', returned: false });
    await s.act('ys.acceptor', 'acc.return', { ticket: id }, '不属于本镇');
    expect(s.world(id).ticket).toMatchObject({ node: 'dispatch', center: 'zjg', returned: true });
    expect(s.world(id).ticket.trail.map((f) => f.center)).toEqual(['zjg']);
  });

  it('ACC-5 the center\u2019s own registration cannot be returned', async () => {
    const s = new Scenario(cb);
    const w = await s.register('zjg.acceptor', 'acc.toReview', { item: 'item.wzgg' });
    await s.act('zjg.shiftleader', 'accrev.return', { ticket: w.ticket.id }, '请重新受理');
    const r = await s.refused('zjg.acceptor', 'acc.return', { ticket: w.ticket.id }, 'ENG_RULE_REFUSED', '退回');
    if (!r.ok) expect(r.error.params.reason).toMatch(/网格员上报的工单/);
  });
});

describe('ACC-4 auto-dispatch from the item\u2019s dispatch configuration', () => {
  it('ACC-4 苏州 delegates 暴露垃圾 to the lower center 张家港, which accepts it', async () => {
    const s = new Scenario(cb);
    const w = await s.register('sz.acceptor', 'acc.toDispatch', { item: 'item.bllj' });
    expect(w.ticket).toMatchObject({ node: 'acceptance', center: 'zjg', source: 'upper' });
    expect(w.ticket.trail.map((f) => `${f.center}:${f.via}`)).toEqual(['sz:register', 'zjg:delegate']);
    // 张家港 then auto-dispatches to its configured departments
    await s.act('zjg.acceptor', 'acc.toDispatch', { ticket: w.ticket.id }, '送分拨');
    expect(s.node(w.ticket.id)).toBe('handling');
    expect(s.task(w.ticket.id, 'zjg.cgj').role).toBe('main');
  });

  it('ACC-4 杨舍镇 escalates 公厕保洁不到位 to the upper center 张家港 (configured upperCenter)', async () => {
    const s = new Scenario(cb);
    const w = await s.register('ys.acceptor', 'acc.toDispatch', { item: 'item.gcws' });
    expect(w.ticket).toMatchObject({ node: 'acceptance', center: 'zjg', source: 'lower' });
    expect(w.ticket.trail.map((f) => `${f.center}:${f.via}`)).toEqual(['ys:register', 'zjg:escalate']);
  });

  it('ACC-4 张家港 assigns 暴露垃圾 straight to departments, with the configured sub-dispatch', async () => {
    const s = new Scenario(cb);
    const w = await s.register('zjg.acceptor', 'acc.toDispatch', { item: 'item.bllj' });
    expect(w.ticket.node).toBe('handling');
    expect(w.ticket.dispatch).toMatchObject({ handling: 'mainAssist', forced: false });
    const hws = s.task(w.ticket.id, 'zjg.cgj.hws');
    expect(hws.parent).toBe(s.task(w.ticket.id, 'zjg.cgj').id);
    expect(s.task(w.ticket.id, 'zjg.sthj').role).toBe('assist');
  });

  it('ACC-4 an item without configuration waits for manual dispatch', async () => {
    const s = new Scenario(cb);
    const w = await s.register('zjg.acceptor', 'acc.toDispatch', { item: 'item.wzgg' });
    expect(w.ticket).toMatchObject({ node: 'dispatch', center: 'zjg' });
  });

  it('ACC-4 a ticket escalated from 杨舍镇 is not auto-delegated back down to it', async () => {
    const s = new Scenario(cb);
    const w = await s.register('ys.acceptor', 'acc.toDispatch', { item: 'item.dlbj', grid: 'g.ys.dq.01' });
    const id = w.ticket.id;
    await returnToDispatch(s, id, 'ys.cgzd', 'ys');
    await s.act('ys.dispatcher', 'dsp.escalate', { ticket: id }, '需市级协调');
    expect(s.world(id).ticket).toMatchObject({ node: 'acceptance', center: 'zjg', source: 'lower' });
    // 道路不洁 at 张家港 delegates to the lower center of the grid, which is 杨舍镇 — where it came from
    await s.act('zjg.acceptor', 'acc.toDispatch', { ticket: id }, '送分拨');
    expect(s.world(id).ticket).toMatchObject({ node: 'dispatch', center: 'zjg' });
    const why = autoDispatch(cb, s.world(id).ticket);
    expect(why.mode).toBe('none');
    expect(why.trace.join('\n')).toMatch(/grid g\.ys\.dq\.01 lies in ys[\s\S]*not sent back automatically/);
  });

  it('ACC-4 a ticket delegated by 张家港 is not auto-escalated back up to it', async () => {
    const s = new Scenario(cb);
    const w = await s.register('zjg.acceptor', 'acc.toDispatch', { item: 'item.qyfq' });
    const id = w.ticket.id;
    await returnToDispatch(s, id, 'zjg.sthj', 'zjg');
    await s.act('zjg.dispatcher', 'dsp.delegate', { ticket: id }, '请属地处理', { center: 'ys' });
    // 企业废气排放 at 杨舍镇 is configured to escalate to 张家港 — where it came from
    await s.act('ys.acceptor', 'acc.toDispatch', { ticket: id }, '送分拨');
    expect(s.world(id).ticket).toMatchObject({ node: 'dispatch', center: 'ys' });
  });
});

describe('ACC-5 urge and edit', () => {
  it('ACC-5 urge sends an urge to-do to the dispatchers of the current step', async () => {
    const s = new Scenario(cb);
    const w = await s.register('zjg.acceptor', 'acc.toDispatch', { item: 'item.wzgg' });
    const r = await s.act('zjg.acceptor', 'ticket.urge', { ticket: w.ticket.id }, '请尽快分拨');
    expect(r.effects).toEqual([{ type: 'urge', ticket: w.ticket.id, to: { department: 'zjg', role: 'dispatcher' }, by: 'zjg.acceptor', opinion: '请尽快分拨' }]);
    expect(s.node(w.ticket.id)).toBe('dispatch');
  });

  it('ACC-5 urge in handling reaches every department still handling a task', async () => {
    const s = new Scenario(cb);
    const w = await s.register('zjg.acceptor', 'acc.toDispatch', { item: 'item.bllj' });
    const r = await s.act('zjg.acceptor', 'ticket.urge', { ticket: w.ticket.id }, '请尽快处置');
    const urged = r.effects.filter((e) => e.type === 'urge').map((e) => (e.type === 'urge' ? e.to.department : ''));
    expect(urged.sort()).toEqual(['zjg.cgj', 'zjg.cgj.hws', 'zjg.sthj']);
  });

  it('ACC-7 urging a verification reaches its grid worker', async () => {
    const s = new Scenario(cb);
    const w = await s.register('zjg.acceptor', 'acc.toVerification', { item: 'item.wzgg' }, '请核实');
    const r = await s.act('zjg.acceptor', 'ticket.urgeGrid', { ticket: w.ticket.id }, '请尽快核实');
    expect(r.effects).toEqual([expect.objectContaining({ type: 'urge', to: { users: ['ys.dq.grid'] } })]);
  });

  it('ACC-5 edit records change records (before → after) in the history data', async () => {
    const s = new Scenario(cb);
    const w = await s.register('ys.dq.grid', 'grid.report', { item: 'item.wzgg', source: 'grid', title: '广告牌', fields: { description: '旧描述' } });
    const id = w.ticket.id;
    const r = await s.act('ys.acceptor', 'acc.edit', { ticket: id }, undefined, { fields: { title: '违规广告牌', description: '新描述', urgency: 'urgent', address: '东桥路1号' } });
    expect(lastHistory(r)).toMatchObject({ event: 'acc.edit', fromNode: 'acceptance', toNode: 'acceptance' });
    expect(lastHistory(r).data?.changes).toEqual([
      { field: 'title', before: '广告牌', after: '违规广告牌' },
      { field: 'description', before: '旧描述', after: '新描述' },
      { field: 'urgency', before: 'normal', after: 'urgent' },
      { field: 'address', before: null, after: '东桥路1号' },
    ]);
    expect(s.world(id).ticket).toMatchObject({ title: '违规广告牌', urgency: 'urgent', fields: { description: '新描述', address: '东桥路1号', title: '违规广告牌', urgency: 'urgent' } });
    await s.refused('ys.acceptor', 'acc.edit', { ticket: id }, 'ENG_INVALID_PAYLOAD', '', { fields: { grid: 'g.nowhere' } });
  });
});

describe('ACC refusals: opinion, role and scope', () => {
  it('ACC-1 every handling method requires the proposed opinion', async () => {
    const s = new Scenario(cb);
    await expect(s.register('zjg.acceptor', 'acc.toDispatch', { item: 'item.wzgg' }, '')).rejects.toThrow(/ENG_OPINION_REQUIRED/);
    const w = await s.register('zjg.acceptor', 'acc.saveDraft', { item: 'item.wzgg' }, '');
    for (const button of ['acc.directReply', 'acc.toDispatch', 'acc.toVerification', 'acc.toReview']) {
      await s.refused('zjg.acceptor', button, { ticket: w.ticket.id }, 'ENG_OPINION_REQUIRED', '  ');
    }
    expect(s.node(w.ticket.id)).toBe('draft');
  });

  it('X-3 another center\u2019s acceptor is out of scope; a handler may not press an acceptor button', async () => {
    const s = new Scenario(cb);
    const w = await s.register('zjg.acceptor', 'acc.saveDraft', { item: 'item.wzgg' });
    const id = w.ticket.id;
    const other = await s.refused('ys.acceptor', 'acc.toDispatch', { ticket: id }, 'ENG_OUT_OF_SCOPE', '送分拨');
    if (!other.ok) expect(other.error.params.where).toBe('张家港市');
    const handler = await s.refused('zjg.cgj.handler', 'acc.toDispatch', { ticket: id }, 'ENG_FORBIDDEN_ROLE', '送分拨');
    if (!handler.ok) expect(handler.error.params.role).toBe('acceptor');
    await s.refused('zjg.dispatcher', 'acc.edit', { ticket: id }, 'ENG_FORBIDDEN_ROLE');
    expect(s.node(id)).toBe('draft');
  });

  it('ACC-5 a button not offered at the node is not available', async () => {
    const s = new Scenario(cb);
    const w = await s.register('zjg.acceptor', 'acc.toDispatch', { item: 'item.wzgg' });
    await s.refused('zjg.acceptor', 'acc.void', { ticket: w.ticket.id }, 'ENG_FORBIDDEN_ROLE');
    await s.refused('zjg.dispatcher', 'acc.void', { ticket: w.ticket.id }, 'ENG_NOT_AVAILABLE', '作废');
  });
});
