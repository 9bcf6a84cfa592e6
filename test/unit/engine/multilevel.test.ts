import { beforeAll, describe, expect, it } from 'vitest';
import type { CompiledBundle } from '../../../engine/index.js';
import { builtInBundle, HOUR, Scenario, TUESDAY_9AM } from '../../support/scenario.js';

let cb: CompiledBundle;
beforeAll(async () => {
  cb = await builtInBundle();
});

/** 违规设置户外广告 (no dispatch configuration) in 凤凰镇's grid, delegated by hand 苏州 → 张家港 → 凤凰镇. */
async function delegatedTwice(s: Scenario, callbackWanted = false) {
  const w = await s.register('sz.acceptor', 'acc.toDispatch', { item: 'item.wzgg', grid: 'g.fh.xz.01', callbackWanted }, '送分拨');
  const id = w.ticket.id;
  s.advance(HOUR);
  await s.act('sz.dispatcher', 'dsp.delegate', { ticket: id }, '交办张家港', { center: 'zjg' });
  await s.act('zjg.acceptor', 'acc.toDispatch', { ticket: id }, '送分拨');
  s.advance(HOUR);
  await s.act('zjg.dispatcher', 'dsp.delegate', { ticket: id }, '交办凤凰镇', { center: 'fh' });
  await s.act('fh.acceptor', 'acc.toDispatch', { ticket: id }, '送分拨');
  await s.act('fh.dispatcher', 'dsp.assign', { ticket: id }, '请处理', { handling: 'mainAssist', main: 'fh.cgzd' });
  return id;
}

describe('X-8 multi-level centers: city ← county ← town', () => {
  it('X-8 苏州 delegates to 张家港, which delegates to 凤凰镇: the trail keeps every hop', async () => {
    const s = new Scenario(cb);
    const id = await delegatedTwice(s);
    const t = s.world(id).ticket;
    expect(t).toMatchObject({ node: 'handling', center: 'fh', source: 'upper', origin: 'center' });
    expect(t.trail).toEqual([
      { center: 'sz', via: 'register', at: TUESDAY_9AM },
      { center: 'zjg', via: 'delegate', at: TUESDAY_9AM + HOUR },
      { center: 'fh', via: 'delegate', at: TUESDAY_9AM + 2 * HOUR },
    ]);
    expect(s.task(id, 'fh.cgzd').center).toBe('fh');
    // the upper centers are out of scope while 凤凰镇 holds the ticket
    await s.refused('zjg.dispatcher', 'ticket.urge', { ticket: id }, 'ENG_OUT_OF_SCOPE', '催办');
    await s.refused('sz.acceptor', 'ticket.urge', { ticket: id }, 'ENG_OUT_OF_SCOPE', '催办');
  });

  it('X-8 an extension at 凤凰镇 climbs 凤凰镇 → 张家港 → 苏州 shift leaders', async () => {
    const s = new Scenario(cb);
    const id = await delegatedTwice(s);
    await s.act('fh.cgzd.handler', 'task.applyExtension', { task: s.task(id, 'fh.cgzd').id }, '需要时间', { amount: 1, unit: 'workDay' });
    const app = s.application(id, 'extension');
    expect(app.chain).toEqual([
      { level: 'center', department: 'fh' },
      { level: 'upper', department: 'zjg' },
      { level: 'upper', department: 'sz' },
    ]);
    for (const [leader, node] of [['fh.shiftleader', 'upperReview'], ['zjg.shiftleader', 'upperReview'], ['sz.shiftleader', 'approved']] as const) {
      await s.refused('ys.shiftleader', 'app.approve', { application: app.id }, 'ENG_OUT_OF_SCOPE');
      await s.act(leader, 'app.approve', { application: app.id });
      expect(s.application(id, 'extension').node).toBe(node);
    }
    expect(s.task(id, 'fh.cgzd').clocks['stage:pending']?.extensions).toHaveLength(1);
  });

  it('X-8 the result approved at 凤凰镇 climbs through 张家港\u2019s and 苏州\u2019s upper review, then closes at 苏州', async () => {
    const s = new Scenario(cb);
    const id = await delegatedTwice(s, true);
    await s.act('fh.cgzd.handler', 'task.complete', { task: s.task(id, 'fh.cgzd').id }, '已拆除');
    expect(s.application(id, 'result').chain).toEqual([{ level: 'center', department: 'fh' }]);
    await s.act('fh.reviewer', 'app.approve', { application: s.application(id, 'result').id });
    expect(s.world(id).ticket).toMatchObject({ node: 'upperReview', center: 'zjg', source: 'upper' });
    await s.refused('sz.shiftleader', 'uprev.approve', { ticket: id }, 'ENG_OUT_OF_SCOPE');
    const mid = await s.act('zjg.shiftleader', 'uprev.approve', { ticket: id }, '同意');
    expect(mid.history.at(-1)).toMatchObject({ event: 'uprev.approve', fromNode: 'upperReview', toNode: 'upperReview', center: 'sz' });
    expect(s.world(id).ticket).toMatchObject({ node: 'upperReview', center: 'sz', source: 'center' });
    expect(s.world(id).ticket.trail.map((f) => f.center)).toEqual(['sz']);
    await s.act('sz.shiftleader', 'uprev.approve', { ticket: id }, '同意');
    expect(s.world(id).ticket).toMatchObject({ node: 'callback', center: 'sz' });
    await s.act('sz.acceptor', 'cb.submit', { ticket: id }, '满意', { satisfaction: 'satisfied' });
    await s.act('sz.shiftleader', 'cls.close', { ticket: id }, '结案');
    expect(s.node(id)).toBe('closed');
  });

  it('X-8 a rejection at the middle level goes back to 张家港\u2019s acceptor, not up to 苏州', async () => {
    const s = new Scenario(cb);
    const id = await delegatedTwice(s);
    await s.act('fh.cgzd.handler', 'task.complete', { task: s.task(id, 'fh.cgzd').id }, '已拆除');
    await s.act('fh.reviewer', 'app.approve', { application: s.application(id, 'result').id });
    await s.act('zjg.shiftleader', 'uprev.reject', { ticket: id }, '处置不到位');
    expect(s.world(id).ticket).toMatchObject({ node: 'acceptance', center: 'zjg', source: 'upper' });
    expect(s.world(id).ticket.trail.map((f) => `${f.center}:${f.via}`)).toEqual(['sz:register', 'zjg:delegate']);
  });

  it('X-8 杨舍镇 escalates to 张家港, which handles and closes it itself (no upper review)', async () => {
    const s = new Scenario(cb);
    const w = await s.register('ys.acceptor', 'acc.toDispatch', { item: 'item.wzgg' }, '送分拨');
    const id = w.ticket.id;
    await s.act('ys.dispatcher', 'dsp.escalate', { ticket: id }, '需县级处理');
    expect(s.world(id).ticket).toMatchObject({ node: 'acceptance', center: 'zjg', source: 'lower' });
    expect(s.world(id).ticket.trail.map((f) => `${f.center}:${f.via}`)).toEqual(['ys:register', 'zjg:escalate']);
    await s.refused('ys.acceptor', 'acc.toDispatch', { ticket: id }, 'ENG_OUT_OF_SCOPE', '送分拨');
    await s.act('zjg.acceptor', 'acc.toDispatch', { ticket: id }, '送分拨');
    await s.act('zjg.dispatcher', 'dsp.assign', { ticket: id }, '请处理', { handling: 'mainAssist', main: 'zjg.cgj' });
    await s.act('zjg.cgj.handler', 'task.applySuspension', { task: s.task(id, 'zjg.cgj').id }, '等待');
    expect(s.application(id, 'suspension').chain).toEqual([{ level: 'center', department: 'zjg' }]);
    await s.act('zjg.shiftleader', 'app.reject', { application: s.application(id, 'suspension').id }, '不予挂账');
    await s.act('zjg.cgj.handler', 'task.complete', { task: s.task(id, 'zjg.cgj').id }, '已处理');
    await s.act('zjg.reviewer', 'app.approve', { application: s.application(id, 'result').id });
    expect(s.world(id).ticket).toMatchObject({ node: 'closing', center: 'zjg' });
  });

  it('X-8 escalated then delegated: reviews climb only to the delegating center', async () => {
    const s = new Scenario(cb);
    const w = await s.register('ys.acceptor', 'acc.toDispatch', { item: 'item.wzgg', grid: 'g.fh.fh.01' }, '送分拨');
    const id = w.ticket.id;
    await s.act('ys.dispatcher', 'dsp.escalate', { ticket: id }, '非本镇辖区');
    await s.act('zjg.acceptor', 'acc.toDispatch', { ticket: id }, '送分拨');
    await s.act('zjg.dispatcher', 'dsp.delegate', { ticket: id }, '交办凤凰镇', { center: 'fh' });
    await s.act('fh.acceptor', 'acc.toDispatch', { ticket: id }, '送分拨');
    await s.act('fh.dispatcher', 'dsp.assign', { ticket: id }, '请处理', { handling: 'mainAssist', main: 'fh.cgzd' });
    await s.act('fh.cgzd.handler', 'task.applyTransfer', { task: s.task(id, 'fh.cgzd').id }, '属农业办', { department: 'fh.nyb' });
    expect(s.application(id, 'transfer').chain).toEqual([{ level: 'center', department: 'fh' }, { level: 'upper', department: 'zjg' }]);
    await s.act('fh.shiftleader', 'app.approve', { application: s.application(id, 'transfer').id });
    await s.act('zjg.shiftleader', 'app.approve', { application: s.application(id, 'transfer').id });
    await s.act('fh.nyb.handler', 'task.complete', { task: s.task(id, 'fh.nyb').id }, '已处理');
    await s.act('fh.reviewer', 'app.approve', { application: s.application(id, 'result').id });
    expect(s.world(id).ticket).toMatchObject({ node: 'upperReview', center: 'zjg', source: 'lower' });
    await s.act('zjg.shiftleader', 'uprev.approve', { ticket: id });
    expect(s.world(id).ticket).toMatchObject({ node: 'closing', center: 'zjg' });
  });

  it('X-8 escalating back to the delegating center hands the ticket back: 苏州 still reviews the result', async () => {
    const s = new Scenario(cb);
    const id = await delegatedTwice(s);
    await s.act('fh.cgzd.handler', 'task.return', { task: s.task(id, 'fh.cgzd').id }, '非本镇职责');
    await s.act('fh.shiftleader', 'app.approve', { application: s.application(id, 'return').id });
    expect(s.world(id).ticket).toMatchObject({ node: 'dispatch', center: 'fh', returned: true });
    await s.act('fh.dispatcher', 'dsp.escalate', { ticket: id }, '退回张家港');
    expect(s.world(id).ticket).toMatchObject({ node: 'acceptance', center: 'zjg', source: 'upper' });
    expect(s.world(id).ticket.trail.map((f) => `${f.center}:${f.via}`)).toEqual(['sz:register', 'zjg:delegate']);
    await s.act('zjg.acceptor', 'acc.toDispatch', { ticket: id }, '送分拨');
    await s.act('zjg.dispatcher', 'dsp.assign', { ticket: id }, '请处理', { handling: 'mainAssist', main: 'zjg.cgj' });
    await s.act('zjg.cgj.handler', 'task.complete', { task: s.task(id, 'zjg.cgj').id }, '已拆除');
    await s.act('zjg.reviewer', 'app.approve', { application: s.application(id, 'result').id });
    expect(s.world(id).ticket).toMatchObject({ node: 'upperReview', center: 'sz' });
  });
});
