import { beforeAll, describe, expect, it } from 'vitest';
import type { CompiledBundle } from '../../../engine/index.js';
import { builtInBundle, HOUR, Scenario } from '../../support/scenario.js';

let cb: CompiledBundle;
beforeAll(async () => {
  cb = await builtInBundle();
});

/** 违规设置户外广告 handled by 城管局 at 张家港 and its result approved: the ticket waits for callback or closing. */
async function handled(s: Scenario, callbackWanted: boolean) {
  const w = await s.register('zjg.acceptor', 'acc.toDispatch', { item: 'item.wzgg', callbackWanted }, '送分拨');
  const id = w.ticket.id;
  await s.act('zjg.dispatcher', 'dsp.assign', { ticket: id }, '请处理', { handling: 'mainAssist', main: 'zjg.cgj' });
  await s.act('zjg.cgj.handler', 'task.complete', { task: s.task(id, 'zjg.cgj').id }, '已拆除');
  await s.act('zjg.reviewer', 'app.approve', { application: s.application(id, 'result').id });
  expect(s.node(id)).toBe(callbackWanted ? 'callback' : 'closing');
  return id;
}

describe('CLS-1 callback', () => {
  it('CLS-1 the acceptor records the citizen\u2019s satisfaction, then the ticket goes to closing', async () => {
    const s = new Scenario(cb);
    const id = await handled(s, true);
    await s.refused('zjg.acceptor', 'cb.submit', { ticket: id }, 'ENG_INVALID_PAYLOAD', '回访', {});
    await s.refused('zjg.shiftleader', 'cb.submit', { ticket: id }, 'ENG_FORBIDDEN_ROLE', '回访', { satisfaction: 'satisfied' });
    await s.refused('ys.acceptor', 'cb.submit', { ticket: id }, 'ENG_OUT_OF_SCOPE', '回访', { satisfaction: 'satisfied' });
    const r = await s.act('zjg.acceptor', 'cb.submit', { ticket: id }, '市民表示满意', { satisfaction: 'satisfied' });
    expect(s.node(id)).toBe('closing');
    expect(s.world(id).ticket.outcome?.callback).toMatchObject({ satisfaction: 'satisfied', opinion: '市民表示满意', by: 'zjg.acceptor', at: s.now });
    expect(r.history.at(-1)).toMatchObject({ event: 'cb.submit', fromNode: 'callback', toNode: 'closing', data: { satisfaction: 'satisfied' } });
  });
});

describe('CLS-2 evaluation', () => {
  it('CLS-2 an evaluation is stored without flow effect at callback, closing and closed', async () => {
    const s = new Scenario(cb);
    const id = await handled(s, true);
    await s.act('zjg.acceptor', 'eval.submit', { ticket: id }, '处置及时', { score: 5 });
    expect(s.node(id)).toBe('callback');
    expect(s.world(id).ticket.outcome?.evaluation).toMatchObject({ score: 5, opinion: '处置及时' });
    await s.act('zjg.acceptor', 'cb.submit', { ticket: id }, '满意', { satisfaction: 'satisfied' });
    await s.act('zjg.shiftleader', 'eval.submit', { ticket: id }, '一般', { score: 3 });
    expect(s.node(id)).toBe('closing');
    expect(s.world(id).ticket.outcome?.evaluation).toMatchObject({ score: 3, by: 'zjg.shiftleader' });
    await s.act('zjg.shiftleader', 'cls.close', { ticket: id }, '结案');
    s.advance(HOUR);
    const r = await s.act('zjg.reviewer', 'eval.submit', { ticket: id }, '复评', { score: 4 });
    expect(s.node(id)).toBe('closed');
    expect(s.world(id).ticket.outcome?.evaluation).toMatchObject({ score: 4, by: 'zjg.reviewer' });
    expect(s.world(id).ticket.outcome?.callback).toMatchObject({ satisfaction: 'satisfied' });
    expect(r.history).toEqual([expect.objectContaining({ event: 'eval.submit', fromNode: 'closed', toNode: 'closed' })]);
    expect(r.world.ticket.clocks.overall?.status).toBe('stopped');
  });

  it('CLS-2 the score must be 1 to 5, and a handler cannot evaluate', async () => {
    const s = new Scenario(cb);
    const id = await handled(s, false);
    await s.refused('zjg.acceptor', 'eval.submit', { ticket: id }, 'ENG_INVALID_PAYLOAD', '评价', { score: 6 });
    await s.refused('zjg.cgj.handler', 'eval.submit', { ticket: id }, 'ENG_FORBIDDEN_ROLE', '评价', { score: 5 });
  });

  it('CLS-2 there is no evaluation before handling is finished', async () => {
    const s = new Scenario(cb);
    const w = await s.register('zjg.acceptor', 'acc.toDispatch', { item: 'item.wzgg' }, '送分拨');
    await s.refused('zjg.acceptor', 'eval.submit', { ticket: w.ticket.id }, 'ENG_NOT_AVAILABLE', '评价', { score: 5 });
  });
});

describe('CLS-3 closing', () => {
  it('CLS-3 the shift leader closes the ticket; the overall clock stops', async () => {
    const s = new Scenario(cb);
    const id = await handled(s, false);
    await s.refused('zjg.acceptor', 'cls.close', { ticket: id }, 'ENG_FORBIDDEN_ROLE');
    s.advance(HOUR);
    await s.act('zjg.shiftleader', 'cls.close', { ticket: id }, '结案');
    expect(s.node(id)).toBe('closed');
    expect(s.world(id).ticket.clocks.overall).toMatchObject({ status: 'stopped' });
    await s.refused('zjg.shiftleader', 'cls.reassign', { ticket: id }, 'ENG_FORBIDDEN_ROLE', '重派', { handling: 'mainAssist', main: 'zjg.zjj' });
  });

  it('CLS-3 reassign (重派) sends it back to handling by new departments, whose results decide it again', async () => {
    const s = new Scenario(cb);
    const id = await handled(s, false);
    await s.refused('zjg.shiftleader', 'cls.reassign', { ticket: id }, 'ENG_OPINION_REQUIRED', ' ', { handling: 'mainAssist', main: 'zjg.zjj' });
    await s.refused('zjg.shiftleader', 'cls.reassign', { ticket: id }, 'ENG_INVALID_PAYLOAD', '重派', { handling: 'mainAssist', main: 'fh.cgzd' });
    await s.act('zjg.shiftleader', 'cls.reassign', { ticket: id }, '整改不彻底，重派', { handling: 'mainAssist', main: 'zjg.zjj', assists: ['zjg.cgj'] });
    expect(s.world(id).ticket).toMatchObject({ node: 'handling', dispatch: { round: 2, by: 'zjg.shiftleader' } });
    const current = s.world(id).tasks.filter((t) => t.round === 2).map((t) => `${t.department}:${t.role}:${t.node}`);
    expect(current.sort()).toEqual(['zjg.cgj:assist:pending', 'zjg.zjj:main:pending']);
    // the earlier approved main no longer decides: completing the new main waits for its review
    await s.act('zjg.zjj.handler', 'task.complete', { task: s.task(id, 'zjg.zjj').id }, '已加固');
    expect(s.node(id)).toBe('handling');
    await s.act('zjg.reviewer', 'app.approve', { application: s.application(id, 'result', 'zjg.zjj').id });
    expect(s.node(id)).toBe('closing');
    await s.act('zjg.shiftleader', 'cls.close', { ticket: id }, '结案');
    expect(s.node(id)).toBe('closed');
  });
});
