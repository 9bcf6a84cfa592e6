import { beforeAll, describe, expect, it } from 'vitest';
import { availableActions, type CompiledBundle } from '../../../engine/index.js';
import { builtInBundle, Scenario } from '../../support/scenario.js';

let cb: CompiledBundle;
beforeAll(async () => {
  cb = await builtInBundle();
});

async function buttonsFor(s: Scenario, ticket: string, login: string, task?: string) {
  const ref = task ? { kind: 'task' as const, id: task } : { kind: 'ticket' as const, id: ticket };
  const list = await availableActions(cb, s.world(ticket), ref, s.actor(login));
  return Object.fromEntries(list.map((a) => [a.button, a.allowed ? true : (a.reason?.message ?? false)]));
}

async function assigned(s: Scenario, payload: Record<string, unknown>) {
  const w = await s.register('zjg.acceptor', 'acc.toDispatch', { item: 'item.wzgg', grid: 'g.ys.dq.01' });
  const id = w.ticket.id;
  if (s.node(id) !== 'dispatch') throw new Error(`expected manual dispatch, got ${s.node(id)}`);
  await s.act('zjg.dispatcher', 'dsp.assign', { ticket: id }, '请处理', payload);
  return id;
}

describe('HND-1 显隐控制: which buttons a handler sees and why not', () => {
  it('DSP-2 forced dispatch hides the return button with the rule reason', async () => {
    const s = new Scenario(cb);
    const id = await assigned(s, { handling: 'mainAssist', main: 'zjg.cgj', assists: ['zjg.sthj'], forced: true });
    const seen = await buttonsFor(s, id, 'zjg.cgj.handler', s.task(id, 'zjg.cgj').id);
    expect(seen['task.complete']).toBe(true);
    expect(seen['task.return']).toMatch(/Forced dispatch|强制分拨/);
  });

  it('HND-1 an assist unit cannot apply for suspension; the main unit can', async () => {
    const s = new Scenario(cb);
    const id = await assigned(s, { handling: 'mainAssist', main: 'zjg.cgj', assists: ['zjg.sthj'] });
    expect((await buttonsFor(s, id, 'zjg.sthj.handler', s.task(id, 'zjg.sthj').id))['task.applySuspension']).toMatch(/协办|Assist/);
    expect((await buttonsFor(s, id, 'zjg.cgj.handler', s.task(id, 'zjg.cgj').id))['task.applySuspension']).toBe(true);
  });

  it('HND-1 only village/community departments see send to grid worker', async () => {
    const s = new Scenario(cb);
    const w = await s.register('ys.acceptor', 'acc.toDispatch', { item: 'item.wzgg', grid: 'g.ys.dq.01' });
    await s.act('ys.dispatcher', 'dsp.assign', { ticket: w.ticket.id }, '请处理', { handling: 'multi', departments: ['ys.dq', 'ys.cgzd'] });
    expect((await buttonsFor(s, w.ticket.id, 'ys.dq.handler', s.task(w.ticket.id, 'ys.dq').id))['task.toGridWorker']).toBe(true);
    expect((await buttonsFor(s, w.ticket.id, 'ys.cgzd.handler', s.task(w.ticket.id, 'ys.cgzd').id))['task.toGridWorker']).toMatch(/村社区|community/);
  });

  it('HND-1 the extension count limit comes from YQ_APPLY_COUNT', async () => {
    const s = new Scenario(cb);
    const id = await assigned(s, { handling: 'mainAssist', main: 'zjg.cgj' });
    const limit = Number(cb.params.YQ_APPLY_COUNT);
    for (let i = 0; i < limit; i++) {
      await s.act('zjg.cgj.handler', 'task.applyExtension', { task: s.task(id, 'zjg.cgj').id }, '需要时间', { amount: 1, unit: 'workDay' });
      await s.act('zjg.shiftleader', 'app.approve', { application: s.application(id, 'extension').id });
    }
    const seen = await buttonsFor(s, id, 'zjg.cgj.handler', s.task(id, 'zjg.cgj').id);
    expect(seen['task.applyExtension']).toMatch(/YQ_APPLY_COUNT/);
    await s.refused('zjg.cgj.handler', 'task.applyExtension', { task: s.task(id, 'zjg.cgj').id }, 'ENG_RULE_REFUSED', '再延期', { amount: 1, unit: 'workDay' });
  });

  it('X-3 another center\u2019s acceptor sees no allowed button on the ticket', async () => {
    const s = new Scenario(cb);
    const w = await s.register('zjg.acceptor', 'acc.saveDraft', { item: 'item.wzgg' });
    const seen = await buttonsFor(s, w.ticket.id, 'ys.acceptor');
    expect(Object.values(seen).every((v) => v !== true)).toBe(true);
    expect(Object.keys(seen)).toContain('acc.toDispatch');
  });
});
