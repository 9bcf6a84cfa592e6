import type { TicketApi } from './ticketApi.js';

/** Steps of other modules played over HTTP, so that a module's browser test starts where its scenario does. */

/** ACC+DSP: registered at 张家港 (or 杨舍镇) and assigned to departments by the center's dispatcher. */
export async function assigned(api: TicketApi, title: string, payload: Record<string, unknown>, o: { center?: 'zjg' | 'ys'; callbackWanted?: boolean } = {}): Promise<string> {
  const center = o.center ?? 'zjg';
  const { id } = await api.register(`${center}.acceptor`, { title, callbackWanted: o.callbackWanted ?? true });
  await api.act(`${center}.dispatcher`, id, { button: 'dsp.assign', opinion: '请处置', payload });
  return id;
}

/** 暴露垃圾 registered at 苏州, delegated to 张家港 by the item's rule and accepted there; 张家港 assigns it automatically (ACC-4). */
export async function upperAssigned(api: TicketApi, title: string): Promise<string> {
  const fields = {
    reportTime: new Date().toISOString(), channel: 'phone', reporterName: '李四', reporterPhone: '13912345678', reporterGender: '女', title,
    description: '河边有大量暴露垃圾，气味难闻。', regionCode: '320582', address: '东桥路 20 号', grid: 'g.ys.dq.01', item: 'item.bllj',
    eventType: 'complaint', difficult: false, garbageType: '生活垃圾', dangerousGoods: false,
  };
  const { ticket: { id } } = await api.call<{ ticket: { id: string } }>('sz.acceptor', 'POST', '/api/tickets', {
    domain: 'linkage', item: 'item.bllj', title, channel: 'phone', grid: 'g.ys.dq.01', callbackWanted: true, fields, button: 'acc.toDispatch', opinion: '交办张家港',
  });
  await api.act('zjg.acceptor', id, { button: 'acc.toDispatch', opinion: '送分拨' });
  return id;
}

async function taskOf(api: TicketApi, ticket: string, department: string): Promise<string> {
  const d = await api.detail(`${department}.handler`, ticket);
  return d.tasks.find((t) => t.department === department && !['transferred', 'returned'].includes(t.node))!.id;
}

/** HND: the department's handler presses a task button. */
export async function taskAction(api: TicketApi, ticket: string, department: string, button: string, opinion: string, payload?: Record<string, unknown>): Promise<void> {
  await api.act(`${department}.handler`, ticket, { button, target: { kind: 'task', id: await taskOf(api, ticket, department) }, opinion, ...(payload ? { payload } : {}) });
}

/** REV: the open application of a kind (of a department) approved or rejected by `login`. */
export async function decide(api: TicketApi, login: string, ticket: string, kind: string, button: 'app.approve' | 'app.reject' = 'app.approve'): Promise<void> {
  const d = await api.detail(login, ticket);
  const app = d.applications.find((a) => a.kind === kind && !['approved', 'rejected', 'cancelled'].includes(a.node))!;
  await api.act(login, ticket, { button, target: { kind: 'application', id: app.id }, opinion: button === 'app.approve' ? '同意' : '不同意' });
}

/** HND+REV: the department completes its task and the center's reviewer approves the result. */
export async function finish(api: TicketApi, ticket: string, department: string, center = 'zjg'): Promise<void> {
  await taskAction(api, ticket, department, 'task.complete', '已处理完毕');
  await decide(api, `${center}.reviewer`, ticket, 'result');
}
