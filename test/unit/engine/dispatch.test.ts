import { beforeAll, describe, expect, it } from 'vitest';
import { availableActions, type CompiledBundle } from '../../../engine/index.js';
import { builtInBundle, Scenario } from '../../support/scenario.js';

let cb: CompiledBundle;
beforeAll(async () => {
  cb = await builtInBundle();
});

/** A ticket waiting for manual dispatch at `center` (违规设置户外广告 has no dispatch configuration). */
async function atDispatch(s: Scenario, center: 'sz' | 'zjg' | 'ys' | 'fh', extra: { callbackWanted?: boolean } = {}) {
  const w = await s.register(`${center}.acceptor`, 'acc.toDispatch', { item: 'item.wzgg', ...extra }, '送分拨');
  expect(w.ticket).toMatchObject({ node: 'dispatch', center });
  return w.ticket.id;
}

function departments(s: Scenario, id: string) {
  return Object.fromEntries(s.world(id).tasks.map((t) => [t.department, `${t.role}:${t.node}`]));
}

describe('DSP-2 dispatch by the dispatcher', () => {
  it('DSP-2 send to review goes to the shift leader', async () => {
    const s = new Scenario(cb);
    const id = await atDispatch(s, 'zjg');
    await s.act('zjg.dispatcher', 'dsp.toReview', { ticket: id }, '请值班长审核');
    expect(s.node(id)).toBe('dispatchReview');
    await s.refused('zjg.dispatcher', 'dsp.assign', { ticket: id }, 'ENG_FORBIDDEN_ROLE', '交办', { handling: 'mainAssist', main: 'zjg.cgj' });
  });

  it('DSP-2 return to the acceptor splits merged tickets', async () => {
    const s = new Scenario(cb);
    const id = await atDispatch(s, 'zjg');
    const r = await s.act('zjg.dispatcher', 'dsp.returnToAcceptor', { ticket: id }, '信息不全');
    expect(s.node(id)).toBe('acceptance');
    expect(r.effects).toContainEqual({ type: 'splitFollowers', ticket: id });
  });

  it('DSP-2 direct reply closes the ticket, or goes to callback when one is wanted', async () => {
    const s = new Scenario(cb);
    const a = await atDispatch(s, 'zjg');
    await s.act('zjg.dispatcher', 'dsp.directReply', { ticket: a }, '已答复市民');
    expect(s.node(a)).toBe('closed');
    const b = await atDispatch(s, 'zjg', { callbackWanted: true });
    await s.act('zjg.dispatcher', 'dsp.directReply', { ticket: b }, '已答复市民');
    expect(s.node(b)).toBe('callback');
    expect(s.world(b).ticket.outcome?.reply).toMatchObject({ opinion: '已答复市民', by: 'zjg.dispatcher' });
  });

  it('DSP-2 escalate to the upper center; refused at the top center with the rule reason', async () => {
    const s = new Scenario(cb);
    const id = await atDispatch(s, 'zjg');
    const r = await s.act('zjg.dispatcher', 'dsp.escalate', { ticket: id }, '需市级协调');
    expect(s.world(id).ticket).toMatchObject({ node: 'acceptance', center: 'sz', source: 'lower' });
    expect(r.effects).toContainEqual({ type: 'splitFollowers', ticket: id });
    const top = await atDispatch(s, 'sz');
    const refused = await s.refused('sz.dispatcher', 'dsp.escalate', { ticket: top }, 'ENG_RULE_REFUSED', '上报');
    if (!refused.ok) expect(refused.error.params).toMatchObject({ rule: 'center.hasUpper', reason: '最上级中心没有上级中心' });
    expect(s.world(top).ticket.center).toBe('sz');
  });

  it('DSP-2 delegate to a named lower center; refused at a town, and to a center that is not below', async () => {
    const s = new Scenario(cb);
    const id = await atDispatch(s, 'zjg');
    await s.refused('zjg.dispatcher', 'dsp.delegate', { ticket: id }, 'ENG_INVALID_PAYLOAD', '交办', {});
    await s.refused('zjg.dispatcher', 'dsp.delegate', { ticket: id }, 'ENG_INVALID_PAYLOAD', '交办', { center: 'sz' });
    await s.act('zjg.dispatcher', 'dsp.delegate', { ticket: id }, '请凤凰镇处理', { center: 'fh' });
    expect(s.world(id).ticket).toMatchObject({ node: 'acceptance', center: 'fh', source: 'upper' });
    const town = await atDispatch(s, 'ys');
    const refused = await s.refused('ys.dispatcher', 'dsp.delegate', { ticket: town }, 'ENG_RULE_REFUSED', '交办', { center: 'fh' });
    if (!refused.ok) expect(refused.error.params.reason).toBe('最下级中心没有下级中心');
  });

  it('DSP-2 assign main+assist: one main, any assists, with CC departments stored', async () => {
    const s = new Scenario(cb);
    const id = await atDispatch(s, 'zjg');
    s.advance(60_000);
    await s.act('zjg.dispatcher', 'dsp.assign', { ticket: id }, '请处理', { handling: 'mainAssist', main: 'zjg.cgj', assists: ['zjg.sthj', 'zjg.zjj'], cc: ['zjg.gaj'] });
    expect(s.node(id)).toBe('handling');
    expect(departments(s, id)).toEqual({ 'zjg.cgj': 'main:pending', 'zjg.sthj': 'assist:pending', 'zjg.zjj': 'assist:pending' });
    expect(s.world(id).ticket.dispatch).toMatchObject({ handling: 'mainAssist', forced: false, cc: ['zjg.gaj'], by: 'zjg.dispatcher', at: s.now, round: 1 });
    expect(s.task(id, 'zjg.cgj').center).toBe('zjg');
  });

  it('DSP-2 assign multi: every department is a main', async () => {
    const s = new Scenario(cb);
    const id = await atDispatch(s, 'zjg');
    await s.act('zjg.dispatcher', 'dsp.assign', { ticket: id }, '请处理', { handling: 'multi', departments: ['zjg.sthj', 'zjg.zjj'] });
    expect(departments(s, id)).toEqual({ 'zjg.sthj': 'multi:pending', 'zjg.zjj': 'multi:pending' });
  });

  it('DSP-2 incomplete or foreign assignments are refused', async () => {
    const s = new Scenario(cb);
    const id = await atDispatch(s, 'zjg');
    await s.refused('zjg.dispatcher', 'dsp.assign', { ticket: id }, 'ENG_INVALID_PAYLOAD', '交办', { handling: 'mainAssist', assists: ['zjg.sthj'] });
    await s.refused('zjg.dispatcher', 'dsp.assign', { ticket: id }, 'ENG_INVALID_PAYLOAD', '交办', { handling: 'multi', departments: [] });
    await s.refused('zjg.dispatcher', 'dsp.assign', { ticket: id }, 'ENG_INVALID_PAYLOAD', '交办', { handling: 'mainAssist', main: 'ys.cgzd' });
    await s.refused('zjg.dispatcher', 'dsp.assign', { ticket: id }, 'ENG_OPINION_REQUIRED', ' ', { handling: 'mainAssist', main: 'zjg.cgj' });
    expect(s.node(id)).toBe('dispatch');
  });

  it('DSP-2 forced dispatch hides and refuses task.return with its reason', async () => {
    const s = new Scenario(cb);
    const id = await atDispatch(s, 'zjg');
    await s.act('zjg.dispatcher', 'dsp.assign', { ticket: id }, '必须处理', { handling: 'mainAssist', main: 'zjg.cgj', assists: ['zjg.sthj'], forced: true });
    for (const d of ['zjg.cgj', 'zjg.sthj']) {
      const seen = await availableActions(cb, s.world(id), { kind: 'task', id: s.task(id, d).id }, s.actor(`${d}.handler`));
      expect(seen.find((a) => a.button === 'task.return')).toMatchObject({ allowed: false, reason: { code: 'ENG_RULE_REFUSED', params: { reason: '强制分拨的任务单不能退回' } } });
      expect(seen.find((a) => a.button === 'task.complete')?.allowed).toBe(true);
      const r = await s.refused(`${d}.handler`, 'task.return', { task: s.task(id, d).id }, 'ENG_RULE_REFUSED', '不归我管');
      if (!r.ok) expect(r.error.params).toMatchObject({ rule: 'task.notForced', reason: '强制分拨的任务单不能退回' });
    }
    expect(s.world(id).applications).toHaveLength(0);
  });
});

describe('DSP-3 add-dispatch', () => {
  it('DSP-3 adds departments not on the ticket while it has pending tasks', async () => {
    const s = new Scenario(cb);
    const id = await atDispatch(s, 'zjg');
    await s.act('zjg.dispatcher', 'dsp.assign', { ticket: id }, '请处理', { handling: 'mainAssist', main: 'zjg.cgj' });
    await s.refused('zjg.dispatcher', 'dsp.addDispatch', { ticket: id }, 'ENG_INVALID_PAYLOAD', '加派', { handling: 'mainAssist', main: 'zjg.cgj' });
    await s.act('zjg.dispatcher', 'dsp.addDispatch', { ticket: id }, '加派', { handling: 'mainAssist', main: 'zjg.zjj' });
    expect(departments(s, id)).toEqual({ 'zjg.cgj': 'main:pending', 'zjg.zjj': 'assist:pending' });
    expect(s.node(id)).toBe('handling');
    // a shift leader who also holds the dispatcher role may add-dispatch too
    await s.act('zjg.shiftleader2', 'dsp.addDispatch', { ticket: id }, '加派', { handling: 'mainAssist', main: 'zjg.swj' });
    expect(s.task(id, 'zjg.swj').role).toBe('assist');
  });

  it('DSP-3 add-dispatch to a multi-department ticket adds multi tasks', async () => {
    const s = new Scenario(cb);
    const id = await atDispatch(s, 'zjg');
    await s.act('zjg.dispatcher', 'dsp.assign', { ticket: id }, '请处理', { handling: 'multi', departments: ['zjg.sthj'] });
    await s.act('zjg.dispatcher', 'dsp.addDispatch', { ticket: id }, '加派', { handling: 'multi', departments: ['zjg.zjj'] });
    expect(departments(s, id)).toEqual({ 'zjg.sthj': 'multi:pending', 'zjg.zjj': 'multi:pending' });
  });

  it('DSP-3 add-dispatch is refused once no task is pending (all completed or approved)', async () => {
    const s = new Scenario(cb);
    const id = await atDispatch(s, 'zjg');
    await s.act('zjg.dispatcher', 'dsp.assign', { ticket: id }, '请处理', { handling: 'multi', departments: ['zjg.sthj', 'zjg.zjj'] });
    await s.act('zjg.sthj.handler', 'task.complete', { task: s.task(id, 'zjg.sthj').id }, '已处理');
    await s.act('zjg.reviewer', 'app.approve', { application: s.application(id, 'result', 'zjg.sthj').id });
    await s.act('zjg.zjj.handler', 'task.complete', { task: s.task(id, 'zjg.zjj').id }, '已处理');
    expect(s.node(id)).toBe('handling');
    const r = await s.refused('zjg.dispatcher', 'dsp.addDispatch', { ticket: id }, 'ENG_RULE_REFUSED', '加派', { handling: 'multi', departments: ['zjg.swj'] });
    if (!r.ok) expect(r.error.params.reason).toMatch(/没有待处置的任务单/);
  });
});

describe('DSP-4 dispatch review by the shift leader', () => {
  it('DSP-4 the shift leader returns it to the dispatcher, who sends it again', async () => {
    const s = new Scenario(cb);
    const id = await atDispatch(s, 'zjg');
    await s.act('zjg.dispatcher', 'dsp.toReview', { ticket: id }, '请审核');
    await s.refused('zjg.dispatcher', 'dsprev.return', { ticket: id }, 'ENG_FORBIDDEN_ROLE');
    await s.act('zjg.shiftleader', 'dsprev.return', { ticket: id }, '请重新分拨');
    expect(s.node(id)).toBe('dispatch');
  });

  it('DSP-4 the shift leader assigns departments, escalates, delegates or replies', async () => {
    const s = new Scenario(cb);
    const assign = await atDispatch(s, 'zjg');
    await s.act('zjg.dispatcher', 'dsp.toReview', { ticket: assign }, '请审核');
    await s.act('zjg.shiftleader', 'dsp.assign', { ticket: assign }, '交办', { handling: 'mainAssist', main: 'zjg.cgj', forced: true });
    expect(s.node(assign)).toBe('handling');
    expect(s.world(assign).ticket.dispatch).toMatchObject({ forced: true, by: 'zjg.shiftleader' });

    const escalate = await atDispatch(s, 'zjg');
    await s.act('zjg.dispatcher', 'dsp.toReview', { ticket: escalate }, '请审核');
    await s.act('zjg.shiftleader', 'dsp.escalate', { ticket: escalate }, '上报');
    expect(s.world(escalate).ticket).toMatchObject({ node: 'acceptance', center: 'sz' });

    const delegate = await atDispatch(s, 'zjg');
    await s.act('zjg.dispatcher', 'dsp.toReview', { ticket: delegate }, '请审核');
    await s.act('zjg.shiftleader', 'dsp.delegate', { ticket: delegate }, '交办', { center: 'ys' });
    expect(s.world(delegate).ticket).toMatchObject({ node: 'acceptance', center: 'ys' });

    const reply = await atDispatch(s, 'zjg');
    await s.act('zjg.dispatcher', 'dsp.toReview', { ticket: reply }, '请审核');
    await s.act('zjg.shiftleader', 'dsp.directReply', { ticket: reply }, '答复');
    expect(s.node(reply)).toBe('closed');
  });
});

describe('DSP-5 dispatch returns', () => {
  it('DSP-5 an approved main return puts the ticket back at dispatch, flagged returned, and it is re-dispatched', async () => {
    const s = new Scenario(cb);
    const id = await atDispatch(s, 'zjg');
    await s.act('zjg.dispatcher', 'dsp.assign', { ticket: id }, '请处理', { handling: 'mainAssist', main: 'zjg.cgj' });
    await s.act('zjg.cgj.handler', 'task.return', { task: s.task(id, 'zjg.cgj').id }, '非本部门职责');
    expect(s.node(id)).toBe('handling');
    await s.act('zjg.shiftleader', 'app.approve', { application: s.application(id, 'return').id });
    expect(s.world(id).ticket).toMatchObject({ node: 'dispatch', returned: true });
    expect(s.task(id, 'zjg.cgj').node).toBe('returned');

    await s.act('zjg.dispatcher', 'dsp.assign', { ticket: id }, '改派住建局', { handling: 'mainAssist', main: 'zjg.zjj' });
    expect(s.world(id).ticket).toMatchObject({ node: 'handling', returned: false, dispatch: { round: 2 } });
    // the new round decides the ticket: the earlier returned main no longer counts
    await s.act('zjg.zjj.handler', 'task.complete', { task: s.task(id, 'zjg.zjj').id }, '已处理');
    expect(s.node(id)).toBe('handling');
    await s.act('zjg.reviewer', 'app.approve', { application: s.application(id, 'result').id });
    expect(s.node(id)).toBe('closing');
  });
});
