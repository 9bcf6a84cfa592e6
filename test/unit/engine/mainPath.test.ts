import { beforeAll, describe, expect, it } from 'vitest';
import type { CompiledBundle } from '../../../engine/index.js';
import { builtInBundle, HOUR, Scenario } from '../../support/scenario.js';

let cb: CompiledBundle;
beforeAll(async () => {
  cb = await builtInBundle();
});

describe('the seed main path (ACC → DSP → HND → REV → CLS)', () => {
  it('ACC-4 暴露垃圾 sent to dispatch at 张家港 goes straight to its configured departments', async () => {
    const s = new Scenario(cb);
    const w = await s.register('zjg.acceptor', 'acc.toDispatch', { item: 'item.bllj', callbackWanted: true });
    expect(w.ticket.node).toBe('handling');
    expect(w.ticket.center).toBe('zjg');
    const byDept = Object.fromEntries(w.tasks.map((t) => [t.department, t.role]));
    expect(byDept).toEqual({ 'zjg.cgj': 'main', 'zjg.sthj': 'assist', 'zjg.cgj.hws': 'main' });
    expect(w.tasks.find((t) => t.department === 'zjg.cgj.hws')?.parent).toBe(w.tasks.find((t) => t.department === 'zjg.cgj')?.id);
    expect(w.ticket.clocks.overall?.status).toBe('running');
  });

  it('plays register → accept → dispatch → extension → complete → review → callback → close', async () => {
    const s = new Scenario(cb);
    const w = await s.register('ys.acceptor', 'acc.saveDraft', { item: 'item.bllj', callbackWanted: true, grid: 'g.ys.dq.01' });
    const id = w.ticket.id;
    expect(s.node(id)).toBe('draft');
    await s.act('ys.acceptor', 'acc.toReview', { ticket: id }, '请值班长定夺');
    expect(s.node(id)).toBe('acceptanceReview');
    await s.act('ys.shiftleader', 'acc.toDispatch', { ticket: id }, '送分拨');
    // 暴露垃圾 at 杨舍镇 is configured to its 城管中队 (main+assist)
    expect(s.node(id)).toBe('handling');
    const task = s.task(id, 'ys.cgzd');
    s.advance(HOUR);
    await s.act('ys.cgzd.handler', 'task.applyExtension', { task: task.id }, '需要外运', { amount: 1, unit: 'workDay' });
    const ext = s.application(id, 'extension');
    expect(ext.node).toBe('centerReview');
    await s.act('ys.shiftleader', 'app.approve', { application: ext.id });
    expect(s.application(id, 'extension').node).toBe('approved');
    expect(s.task(id, 'ys.cgzd').clocks['stage:pending']?.extensions).toHaveLength(1);
    s.advance(2 * HOUR);
    await s.act('ys.cgzd.handler', 'task.complete', { task: task.id }, '已清运');
    expect(s.task(id, 'ys.cgzd').node).toBe('completed');
    const result = s.application(id, 'result');
    expect(cb.bindingOf(result.flow, result.node, 'result')?.role).toBe('reviewer');
    await s.act('ys.reviewer', 'app.approve', { application: result.id });
    expect(s.task(id, 'ys.cgzd').node).toBe('approved');
    expect(s.node(id)).toBe('callback');
    await s.act('ys.acceptor', 'cb.submit', { ticket: id }, '群众满意', { satisfaction: 'satisfied' });
    expect(s.node(id)).toBe('closing');
    const closed = await s.act('ys.shiftleader', 'cls.close', { ticket: id }, '结案');
    expect(s.node(id)).toBe('closed');
    expect(s.world(id).ticket.clocks.overall?.status).toBe('stopped');
    expect(closed.history.at(-1)).toMatchObject({ event: 'cls.close', fromNode: 'closing', toNode: 'closed' });
  });
});
