import { describe, expect, it } from 'vitest';
import { Api, HOUR } from './support/api.js';
import { MINUTE, timeline } from './support/spec.js';
import { useTestApp } from './support/useTestApp.js';

const task = Api.task;
const application = Api.application;
/** Tuesday 2025-06-10 09:00 in Suzhou, a working day: where startTestApp's clock begins. */
const TUESDAY_9AM = Date.parse('2025-06-10T09:00:00+08:00');

/** SPEC CLS and X over HTTP: the engine scenarios of test/unit/engine/closing.test.ts, lists.test.ts and sla.test.ts, read back through detail, lists and history. */
describe.each(['sqlite', 'mariadb'] as const)('SPEC CLS/X closing and cross-cutting over HTTP on %s', (dialect) => {
  const { app, api } = useTestApp(dialect, TUESDAY_9AM);

  /** 违规设置户外广告 handled by 城管局 at 张家港 with its result approved: waiting for callback or closing. */
  async function handled(callbackWanted: boolean, title = '测试事件') {
    const t = await api.assigned({ handling: 'mainAssist', main: 'zjg.cgj' }, 'zjg', { callbackWanted, title });
    await api.finish(t.id, 'zjg.cgj');
    expect((await api.detail('zjg.acceptor', t.id)).ticket.node).toBe(callbackWanted ? 'callback' : 'closing');
    return t;
  }

  // first, while the simulated clock still stands at Tuesday 09:00
  it('X-5 SLA in the detail: the 1-working-hour acceptance stage warns, then goes overdue; its explanation in both languages', async () => {
    expect(app.now).toBe(TUESDAY_9AM);
    const t = await api.gridReport();
    const stage = async () => {
      const d = await api.detail('ys.acceptor', t.id);
      return { d, acceptance: d.sla.ticket.find((c) => c.key === 'stage:acceptance')! };
    };
    let { d, acceptance } = await stage();
    expect(acceptance).toMatchObject({
      node: 'acceptance', limitId: 'tl.stage.accept', limitName: '受理环节 1 工作时', kind: 'working', status: 'running', state: 'normal',
      budget: HOUR, consumed: 0, remaining: HOUR, dueAt: TUESDAY_9AM + HOUR, warnAt: TUESDAY_9AM + 45 * MINUTE, projected: false,
    });
    expect(d.sla.overall).toMatchObject({ limitName: '10个工作日', status: 'running', state: 'normal' });
    expect(d.sla.evaluatedAt).toBe(app.now);

    app.now += 50 * MINUTE;
    ({ acceptance } = await stage());
    expect(acceptance).toMatchObject({ state: 'warning', consumed: 50 * MINUTE, remaining: 10 * MINUTE });

    app.now += 70 * MINUTE; // 11:00
    ({ d, acceptance } = await stage());
    expect(acceptance).toMatchObject({ state: 'overdue', status: 'running', consumed: 2 * HOUR, remaining: -HOUR, dueAt: TUESDAY_9AM + HOUR });
    expect(acceptance.explanation['zh-CN'].split('\n')).toEqual([
      '时限 1 个工作小时', '未设置预警提前量，剩余 15分钟（时限的四分之一）时开始预警', '2025-06-10 09:00 开始计时', '2025-06-10 09:45 起预警', '2025-06-10 10:00 到期',
    ]);
    expect(acceptance.explanation['en-US'].split('\n')).toEqual([
      'Limit: 1 working hour', 'No warning threshold set: warning starts when 15 min remain (a quarter of the limit)', '2025-06-10 09:00 clock started',
      'Warning from 2025-06-10 09:45', 'Due 2025-06-10 10:00',
    ]);
    expect(d.sla.overall).toMatchObject({ state: 'normal', consumed: 2 * HOUR });
    // the list's sla column agrees with the detail
    const row = (await api.list('ys.acceptor', 'view.acc.acceptance', 'pending')).rows.find((r) => r.id === t.id)!;
    expect(row.cells.sla).toMatchObject({ state: 'overdue', dueAt: TUESDAY_9AM + HOUR });

    // leaving the node stops the stage clock overdue; the dispatch stage starts afresh
    await api.act('ys.acceptor', t.id, 'acc.toDispatch', undefined, '送分拨');
    ({ d, acceptance } = await stage());
    expect(acceptance).toMatchObject({ status: 'stopped', state: 'overdue', consumed: 2 * HOUR });
    expect(acceptance.explanation['zh-CN']).toMatch(/2025-06-10 11:00 离开，停止计时/);
    expect(d.sla.ticket.find((c) => c.key === 'stage:dispatch')).toMatchObject({ status: 'running', state: 'normal', dueAt: app.now + HOUR });
  });

  it('CLS-1 callback records the citizen\'s satisfaction, then closing; wrong payload, role and center are refused', async () => {
    const t = await handled(true);
    expect(await api.listed('zjg.acceptor', 'view.cls.callback', 'pending')).toContain(t.id);
    await api.refused('zjg.acceptor', t.id, 400, 'TG_ERR_VALIDATION', 'cb.submit', undefined, '回访', {});
    await api.refused('zjg.shiftleader', t.id, 403, 'TG_ERR_FORBIDDEN', 'cb.submit', undefined, '回访', { satisfaction: 'satisfied' });
    await api.refused('ys.acceptor', t.id, 403, 'TG_ERR_OUT_OF_SCOPE', 'cb.submit', undefined, '回访', { satisfaction: 'satisfied' });
    await api.act('zjg.acceptor', t.id, 'cb.submit', undefined, '市民表示满意', { satisfaction: 'satisfied' });
    const d = await api.detail('zjg.shiftleader', t.id);
    expect(d.ticket).toMatchObject({ node: 'closing', outcome: { callback: { satisfaction: 'satisfied', opinion: '市民表示满意', by: 'zjg.acceptor', at: app.now } } });
    expect(d.history.at(-1)).toMatchObject({ event: 'cb.submit', fromNode: 'callback', toNode: 'closing', data: { satisfaction: 'satisfied' } });
    expect(d.sla.ticket.find((c) => c.key === 'stage:callback')).toMatchObject({ status: 'stopped', state: 'normal' });
    expect(await api.listed('zjg.acceptor', 'view.cls.callback', 'pending')).not.toContain(t.id);
    expect(await api.listed('zjg.acceptor', 'view.cls.callback', 'done')).toContain(t.id);
    expect(await api.listed('zjg.shiftleader', 'view.cls.closing', 'pending')).toContain(t.id);
  });

  it('CLS-2 evaluation at callback, closing and after closing, without flow effect; the score is 1 to 5, handlers may not', async () => {
    const t = await handled(true);
    await api.refused('zjg.acceptor', t.id, 400, 'TG_ERR_VALIDATION', 'eval.submit', undefined, '评价', { score: 6 });
    await api.refused('zjg.cgj.handler', t.id, 403, 'TG_ERR_FORBIDDEN', 'eval.submit', undefined, '评价', { score: 5 });
    expect(await api.listed('zjg.acceptor', 'view.cls.evaluation', 'pending')).toContain(t.id);
    await api.act('zjg.acceptor', t.id, 'eval.submit', undefined, '处置及时', { score: 5 });
    let d = await api.detail('zjg.acceptor', t.id);
    expect(d.ticket).toMatchObject({ node: 'callback', outcome: { evaluation: { score: 5, opinion: '处置及时', by: 'zjg.acceptor' } } });
    expect(await api.listed('zjg.acceptor', 'view.cls.evaluation', 'done')).toContain(t.id);
    expect(await api.listed('zjg.acceptor', 'view.cls.evaluation', 'pending')).not.toContain(t.id);

    await api.act('zjg.acceptor', t.id, 'cb.submit', undefined, '满意', { satisfaction: 'satisfied' });
    await api.act('zjg.shiftleader', t.id, 'cls.close', undefined, '结案');
    app.now += HOUR;
    await api.act('zjg.reviewer', t.id, 'eval.submit', undefined, '复评', { score: 4 });
    d = await api.detail('zjg.reviewer', t.id);
    expect(d.ticket).toMatchObject({ node: 'closed', outcome: { evaluation: { score: 4, by: 'zjg.reviewer' }, callback: { satisfaction: 'satisfied' } } });
    expect(d.history.at(-1)).toMatchObject({ event: 'eval.submit', fromNode: 'closed', toNode: 'closed', actor: { user: 'zjg.reviewer' } });
    expect(d.sla.overall).toMatchObject({ status: 'stopped' });
  });

  it('CLS-3 reassign (重派) sends the ticket back to handling by new departments; their results decide it again; then close', async () => {
    const t = await handled(false);
    await api.refused('zjg.shiftleader', t.id, 400, 'TG_ERR_VALIDATION', 'cls.reassign', undefined, ' ', { handling: 'mainAssist', main: 'zjg.zjj' });
    await api.refused('zjg.shiftleader', t.id, 400, 'TG_ERR_VALIDATION', 'cls.reassign', undefined, '重派', { handling: 'mainAssist', main: 'fh.cgzd' });
    await api.refused('zjg.acceptor', t.id, 403, 'TG_ERR_FORBIDDEN', 'cls.reassign', undefined, '重派', { handling: 'mainAssist', main: 'zjg.zjj' });
    await api.act('zjg.shiftleader', t.id, 'cls.reassign', undefined, '整改不彻底，重派', { handling: 'mainAssist', main: 'zjg.zjj', assists: ['zjg.cgj'] });
    let d = await api.detail('zjg.shiftleader', t.id);
    expect(d.ticket).toMatchObject({ node: 'handling', dispatch: { round: 2, by: 'zjg.shiftleader' } });
    expect(d.tasks.filter((x) => x.round === 2).map((x) => `${x.department}:${x.role}:${x.node}`).sort()).toEqual(['zjg.cgj:assist:pending', 'zjg.zjj:main:pending']);
    expect(await api.listed('zjg.shiftleader', 'view.cls.closing', 'pending')).not.toContain(t.id);
    expect(await api.listed('zjg.zjj.handler', 'view.hnd.tasks', 'pending')).toContain(task(d, 'zjg.zjj').id);

    await api.act('zjg.zjj.handler', t.id, 'task.complete', { task: task(d, 'zjg.zjj').id }, '已加固');
    expect((await api.detail('zjg.shiftleader', t.id)).ticket.node).toBe('handling');
    d = await api.detail('zjg.reviewer', t.id);
    await api.act('zjg.reviewer', t.id, 'app.approve', { application: application(d, 'result', 'zjg.zjj').id });
    await api.act('zjg.shiftleader', t.id, 'cls.close', undefined, '结案');
    d = await api.detail('zjg.shiftleader', t.id);
    expect(d.ticket.node).toBe('closed');
    expect(await api.listed('zjg.shiftleader', 'view.cls.closing', 'closed')).toContain(t.id);
    expect(d.history.filter((h) => h.entity.kind === 'ticket').map((h) => `${h.event} ${h.fromNode}→${h.toNode}`)).toEqual([
      'acc.toDispatch registration→dispatch', 'dsp.assign dispatch→handling', '$tasks.settled handling→closing',
      'cls.reassign closing→handling', '$tasks.settled handling→closing', 'cls.close closing→closed',
    ]);
  });

  it('X-1 the timeline lists every step in order with who, when and the opinion, and the change records beside it', async () => {
    const t = await api.gridReport({ title: '东桥路口广告牌' });
    const start = app.now;
    app.now += 10 * MINUTE;
    await api.act('ys.acceptor', t.id, 'acc.edit', undefined, '补充地址', { fields: { detailAddress: '东桥路 12 号北侧' } });
    app.now += 10 * MINUTE;
    await api.act('ys.acceptor', t.id, 'acc.toDispatch', undefined, '送分拨');
    app.now += HOUR;
    await api.act('ys.dispatcher', t.id, 'dsp.assign', undefined, '请城管中队处理', { handling: 'mainAssist', main: 'ys.cgzd' });
    app.now += HOUR;
    let d = await api.detail('ys.cgzd.handler', t.id);
    await api.act('ys.cgzd.handler', t.id, 'task.feedback', { task: task(d, 'ys.cgzd').id }, '已到现场');
    app.now += HOUR;
    await api.finish(t.id, 'ys.cgzd', 'ys');
    await api.act('ys.shiftleader', t.id, 'cls.close', undefined, '结案');
    d = await api.detail('ys.shiftleader', t.id);
    expect(timeline(d)).toEqual([
      'ticket grid.report registration→acceptance', 'ticket acc.edit acceptance→acceptance', 'ticket acc.toDispatch acceptance→dispatch',
      'ticket dsp.assign dispatch→handling', 'task task.feedback pending→pending', 'task task.complete pending→completed',
      'application app.approve centerReview→approved', 'task $application.approved completed→approved', 'ticket $tasks.settled handling→closing',
      'ticket cls.close closing→closed',
    ]);
    expect(d.history.filter((h) => !h.event.startsWith('$')).map((h) => [h.actor?.user, h.opinion, h.at - start])).toEqual([
      ['ys.dq.grid', '网格上报', 0], ['ys.acceptor', '补充地址', 10 * MINUTE], ['ys.acceptor', '送分拨', 20 * MINUTE],
      ['ys.dispatcher', '请城管中队处理', 20 * MINUTE + HOUR], ['ys.cgzd.handler', '已到现场', 20 * MINUTE + 2 * HOUR],
      ['ys.cgzd.handler', '已处理完毕', 20 * MINUTE + 3 * HOUR], ['ys.reviewer', '同意', 20 * MINUTE + 3 * HOUR], ['ys.shiftleader', '结案', 20 * MINUTE + 3 * HOUR],
    ]);
    expect(d.history.every((h, i) => i === 0 || h.at >= d.history[i - 1]!.at)).toBe(true);
    expect(d.history.every((h) => h.center === 'ys')).toBe(true);
    expect(d.changes).toEqual([{ at: start + 10 * MINUTE, actor: 'ys.acceptor', department: 'ys', event: 'acc.edit', field: 'detailAddress', before: null, after: '东桥路 12 号北侧' }]);
  });

  it('X-2 an urge in handling reaches the handlers of every department still handling, in the message centre; others get nothing', async () => {
    const t = await api.assigned({ handling: 'mainAssist', main: 'zjg.cgj', assists: ['zjg.sthj'], cc: ['zjg.gaj'] }, 'zjg', { title: '东桥路口违规广告牌' });
    await api.act('zjg.acceptor', t.id, 'ticket.urge', undefined, '请尽快处理');
    const d = await api.detail('zjg.acceptor', t.id);
    expect(d.ticket.node).toBe('handling');
    expect(d.history.at(-1)).toMatchObject({ event: 'ticket.urge', opinion: '请尽快处理', actor: { user: 'zjg.acceptor' } });
    for (const login of ['zjg.cgj.handler', 'zjg.sthj.handler']) {
      const messages = await api.messages(login, t.id);
      expect(messages.map((m) => [m.kind, m.title, m.readAt]), login).toEqual([['urge', `催办：${t.number} 东桥路口违规广告牌`, null]]);
      expect(messages[0]!.body).toMatchObject({ type: 'urge', by: 'zjg.acceptor', opinion: '请尽快处理' });
    }
    for (const login of ['zjg.gaj.handler', 'zjg.acceptor', 'zjg.dispatcher', 'zjg.cgj.hws.handler']) {
      expect(await api.messages(login, t.id), login).toEqual([]);
    }
  });
  it('CLS-2 there is no evaluation before handling is finished; at closing the shift leader may evaluate', async () => {
    const open = await api.assigned({ handling: 'mainAssist', main: 'zjg.cgj' });
    const refused = await api.refused('zjg.acceptor', open.id, 422, 'TG_ERR_ACTION_REFUSED', 'eval.submit', undefined, '评价', { score: 5 });
    expect(refused.details).toMatchObject({ engineCode: 'ENG_NOT_AVAILABLE' });
    expect(await api.listed('zjg.acceptor', 'view.cls.evaluation', 'pending')).not.toContain(open.id);
    // a direct reply never went to handling: nothing to evaluate either
    const replied = await api.register('zjg.acceptor', 'acc.directReply', { item: 'item.wzgg', callbackWanted: false }, '已答复');
    expect(await api.listed('zjg.acceptor', 'view.cls.evaluation', 'pending')).not.toContain(replied.id);

    const t = await handled(false);
    await api.act('zjg.shiftleader', t.id, 'eval.submit', undefined, '一般', { score: 3 });
    const d = await api.detail('zjg.shiftleader', t.id);
    expect(d.ticket).toMatchObject({ node: 'closing', outcome: { evaluation: { score: 3, by: 'zjg.shiftleader' } } });
    expect(await api.listed('zjg.shiftleader', 'view.cls.evaluation', 'done')).toContain(t.id);
  });

  it('CLS-3 only the shift leader closes; the overall clock stops; a closed ticket can no longer be reassigned', async () => {
    const t = await handled(false);
    await api.refused('zjg.acceptor', t.id, 403, 'TG_ERR_FORBIDDEN', 'cls.close', undefined, '结案');
    await api.refused('ys.shiftleader', t.id, 403, 'TG_ERR_OUT_OF_SCOPE', 'cls.close', undefined, '结案');
    app.now += HOUR;
    await api.act('zjg.shiftleader', t.id, 'cls.close', undefined, '结案');
    const closedAt = app.now;
    app.now += HOUR;
    const d = await api.detail('zjg.shiftleader', t.id);
    expect(d.ticket.node).toBe('closed');
    expect(d.sla.overall).toMatchObject({ status: 'stopped' });
    expect(d.ticket.clocks.overall?.segments.at(-1)?.to).toBe(closedAt);
    expect(d.history.at(-1)).toMatchObject({ event: 'cls.close', fromNode: 'closing', toNode: 'closed', opinion: '结案', actor: { user: 'zjg.shiftleader' } });
    expect(d.actions.ticket.filter((a) => a.allowed).map((a) => a.button)).not.toContain('cls.reassign');
    await api.refused('zjg.shiftleader', t.id, 403, 'TG_ERR_FORBIDDEN', 'cls.reassign', undefined, '重派', { handling: 'mainAssist', main: 'zjg.zjj' });
    expect(await api.listed('zjg.shiftleader', 'view.cls.closing', 'pending')).not.toContain(t.id);
    expect(await api.listed('zjg.shiftleader', 'view.cls.closing', 'closed')).toContain(t.id);
  });
});
