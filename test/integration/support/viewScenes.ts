import type { TicketState } from '../../../engine/index.js';
import { HOUR, type ListPlayer } from './viewWorld.js';

/** The tickets the list tests look at, by role in the story. */
export interface Scenes {
  /** 张家港 tickets waiting at dispatch (ordinary ones, oldest first), for paging, sorting, filters and search. */
  readonly atDispatch: TicketState[];
  readonly difficult: TicketState;
  /** Title starting with '=' (export neutralisation). */
  readonly formula: TicketState;
  /** Dispatched to 城管局 (main) and 生态环境局 (assist), CC 公安局; 城管局 completed, result awaiting review. */
  readonly handled: TicketState;
  /** Confidential, dispatched to 城管局 with CC to 公安局. */
  readonly confidential: TicketState;
  /** 暴露垃圾: 环卫所 (sub-unit of 城管局) applied for an extension, awaiting 城管局 (parent review). */
  readonly garbage: TicketState;
  readonly draft: TicketState;
  readonly verifying: TicketState;
  /** 杨舍镇 hand-overs to 张家港's acceptance pool; the first is extracted by zjg.acceptor. */
  readonly pooled: TicketState[];
  /** 杨舍镇's main path to closing, with a callback. */
  readonly closed: TicketState;
  /** Delegated by 张家港 to 杨舍镇. */
  readonly delegated: TicketState;
  /** More corners of the flow, by name (see playCorners). */
  readonly corners: Corners;
}

export interface Corners {
  readonly verified: TicketState;
  readonly gridReport: TicketState;
  /** 生态环境局 (assist) returned its task: the return awaits 张家港's shift leader. */
  readonly assistReturn: TicketState;
  /** 环卫所's extension, approved by 城管局, now awaits 张家港's shift leader. */
  readonly garbage2: TicketState;
  readonly acceptanceReview: TicketState;
  readonly dispatchReview: TicketState;
  /** 城管局 (main) returned the ticket; approved: back at dispatch, returned. */
  readonly returned: TicketState;
  readonly voided: TicketState;
  readonly gridReturned: TicketState;
  readonly transfer: TicketState;
  readonly assist: TicketState;
}

/** Plays a small city: every list of the linkage views gets rows, at several centers and departments. */
export async function playScenes(p: ListPlayer): Promise<Scenes> {
  const step = () => { p.app.now += HOUR / 6; };
  const atDispatch: TicketState[] = [];
  for (let i = 0; i < 23; i++) {
    atDispatch.push(await p.register({
      login: 'zjg.acceptor', button: 'acc.toDispatch', title: i % 3 === 0 ? `违规广告牌${i}` : `占道经营${i}`, channel: i % 4 === 0 ? 'web' : 'phone',
      ...(i === 5 ? { urgency: 'urgent' as const } : {}),
    }));
    step();
  }
  const difficult = await p.register({ login: 'zjg.acceptor', button: 'acc.toDispatch', title: '多部门扯皮的广告牌', difficult: true });
  step();
  const formula = await p.register({ login: 'zjg.acceptor', button: 'acc.toDispatch', title: '=HYPERLINK("http://x.example","点我")' });
  step();

  const handled = await p.register({ login: 'zjg.acceptor', button: 'acc.toDispatch', title: '东桥路广告牌' });
  await p.act('zjg.dispatcher', handled.id, 'dsp.assign', { payload: { handling: 'mainAssist', main: 'zjg.cgj', assists: ['zjg.sthj'], cc: ['zjg.gaj'] } });
  step();
  const cgjTask = await p.task('zjg.dispatcher', handled.id, 'zjg.cgj');
  await p.act('zjg.cgj.handler', handled.id, 'task.complete', { task: cgjTask.id, opinion: '已拆除' });
  step();

  const confidential = await p.register({ login: 'zjg.acceptor', button: 'acc.toDispatch', title: '保密举报', confidential: true, reporterName: '王小明', reporterPhone: '13900001111' });
  await p.act('zjg.shiftleader2', confidential.id, 'dsp.assign', { payload: { handling: 'mainAssist', main: 'zjg.cgj', cc: ['zjg.gaj'] } });
  const suspended = await p.task('zjg.acceptor', confidential.id, 'zjg.cgj');
  await p.act('zjg.cgj.handler', confidential.id, 'task.applySuspension', { task: suspended.id, opinion: '等待施工队' });
  await p.act('zjg.shiftleader', confidential.id, 'app.approve', { application: (await p.application('zjg.acceptor', confidential.id, 'suspension')).id });
  step();

  const garbage = await p.register({ login: 'zjg.acceptor', button: 'acc.toDispatch', item: 'item.bllj', title: '暴露垃圾' });
  const hws = await p.task('zjg.acceptor', garbage.id, 'zjg.cgj.hws');
  await p.act('zjg.cgj.hws.handler', garbage.id, 'task.applyExtension', { task: hws.id, opinion: '需要外运', payload: { amount: 1, unit: 'workDay' } });
  step();

  const draft = await p.register({ login: 'zjg.acceptor', button: 'acc.saveDraft', title: '暂存的事件' });
  const verifying = await p.register({ login: 'zjg.acceptor', button: 'acc.toVerification', title: '待核实的事件' });
  step();

  const pooled: TicketState[] = [];
  for (let i = 0; i < 2; i++) pooled.push(await p.register({ login: 'ys.acceptor', button: 'acc.toDispatch', item: 'item.gcws', title: `工地污水${i}` }));
  await p.extract('zjg.acceptor', 'zjg', [pooled[0]!.id]);
  step();

  const closed = await p.register({ login: 'ys.acceptor', button: 'acc.saveDraft', item: 'item.bllj', title: '杨舍暴露垃圾', callbackWanted: true });
  await p.act('ys.acceptor', closed.id, 'acc.toReview', { opinion: '请值班长定夺' });
  await p.act('ys.shiftleader', closed.id, 'acc.toDispatch', { opinion: '送分拨' });
  const cgzd = await p.task('ys.acceptor', closed.id, 'ys.cgzd');
  await p.act('ys.cgzd.handler', closed.id, 'task.complete', { task: cgzd.id, opinion: '已清运' });
  const result = await p.application('ys.acceptor', closed.id, 'result');
  await p.act('ys.reviewer', closed.id, 'app.approve', { application: result.id });
  await p.act('ys.acceptor', closed.id, 'cb.submit', { opinion: '群众满意', payload: { satisfaction: 'satisfied' } });
  await p.act('ys.shiftleader', closed.id, 'cls.close', { opinion: '结案' });
  step();

  const delegated = await p.register({ login: 'zjg.acceptor', button: 'acc.toDispatch', title: '交办杨舍镇' });
  await p.act('zjg.dispatcher', delegated.id, 'dsp.delegate', { opinion: '请杨舍镇处理', payload: { center: 'ys' } });
  step();

  const corners = await playCorners(p, closed);
  step();
  return { corners, atDispatch, difficult, formula, handled, confidential, garbage, draft, verifying, pooled, closed, delegated };
}

async function assigned(p: ListPlayer, title: string, payload: Record<string, unknown>): Promise<TicketState> {
  const t = await p.register({ login: 'zjg.acceptor', button: 'acc.toDispatch', title });
  await p.act('zjg.dispatcher', t.id, 'dsp.assign', { payload: { handling: 'mainAssist', ...payload } });
  return t;
}

async function playCorners(p: ListPlayer, closed: TicketState): Promise<Corners> {
  const verified = await p.register({ login: 'zjg.acceptor', button: 'acc.toVerification', title: '核实属实的事件' });
  await p.act('ys.dq.grid', verified.id, 'ver.submit', { opinion: '现场属实', payload: { truthful: true } });
  const gridReport = await p.register({ login: 'ys.dq.grid', button: 'grid.report', title: '网格上报', source: 'grid' });
  const assistReturn = await assigned(p, '协办退回', { main: 'zjg.cgj', assists: ['zjg.sthj'] });
  const sthj = await p.task('zjg.acceptor', assistReturn.id, 'zjg.sthj');
  await p.act('zjg.sthj.handler', assistReturn.id, 'task.return', { task: sthj.id, opinion: '不属于本部门职责' });
  const garbage2 = await p.register({ login: 'zjg.acceptor', button: 'acc.toDispatch', item: 'item.bllj', title: '暴露垃圾二' });
  const hws = await p.task('zjg.acceptor', garbage2.id, 'zjg.cgj.hws');
  await p.act('zjg.cgj.hws.handler', garbage2.id, 'task.applyExtension', { task: hws.id, opinion: '需要外运', payload: { amount: 1, unit: 'workDay' } });
  await p.act('zjg.cgj.handler', garbage2.id, 'app.approve', { application: (await p.application('zjg.acceptor', garbage2.id, 'extension')).id });
  const acceptanceReview = await p.register({ login: 'zjg.acceptor', button: 'acc.toReview', title: '请值班长定夺' });
  const dispatchReview = await p.register({ login: 'zjg.acceptor', button: 'acc.toDispatch', title: '分拨审核' });
  await p.act('zjg.dispatcher', dispatchReview.id, 'dsp.toReview', { opinion: '请值班长审核' });
  const returned = await assigned(p, '主办退回', { main: 'zjg.cgj' });
  await p.act('zjg.cgj.handler', returned.id, 'task.return', { task: (await p.task('zjg.acceptor', returned.id, 'zjg.cgj')).id, opinion: '非本部门职责' });
  await p.act('zjg.shiftleader', returned.id, 'app.approve', { application: (await p.application('zjg.acceptor', returned.id, 'return')).id });
  const voided = await p.register({ login: 'ys.dq.grid', button: 'grid.report', title: '重复上报', source: 'grid' });
  await p.act('ys.acceptor', voided.id, 'acc.void', { opinion: '重复上报' });
  const gridReturned = await p.register({ login: 'ys.dq.grid', button: 'grid.report', title: '描述不清', source: 'grid' });
  await p.act('ys.acceptor', gridReturned.id, 'acc.return', { opinion: '描述不清，请补充' });
  const transfer = await assigned(p, '申请转派', { main: 'zjg.cgj' });
  await p.act('zjg.cgj.handler', transfer.id, 'task.applyTransfer', { task: (await p.task('zjg.acceptor', transfer.id, 'zjg.cgj')).id, opinion: '属住建职责', payload: { department: 'zjg.zjj' } });
  const assist = await assigned(p, '申请协办', { main: 'zjg.cgj' });
  await p.act('zjg.cgj.handler', assist.id, 'task.applyAssist', { task: (await p.task('zjg.acceptor', assist.id, 'zjg.cgj')).id, opinion: '需要公安配合', payload: { departments: ['zjg.gaj'] } });
  await p.act('ys.acceptor', closed.id, 'eval.submit', { opinion: '处置及时', payload: { score: 5 } });
  return { verified, gridReport, assistReturn, garbage2, acceptanceReview, dispatchReview, returned, voided, gridReturned, transfer, assist };
}
