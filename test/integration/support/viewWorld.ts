import type { ApplicationState, TaskState, TicketState } from '../../../engine/index.js';
import { extractTickets } from '../../../engine/index.js';
import { ticketRow } from '../../../runtime/tickets/rows.js';
import type { TestApp } from './testApp.js';

export const HOUR = 3_600_000;

export interface Reg {
  readonly login: string;
  readonly button: string;
  readonly item?: string;
  readonly title?: string;
  readonly channel?: string;
  readonly grid?: string;
  readonly difficult?: boolean;
  readonly confidential?: boolean;
  readonly callbackWanted?: boolean;
  readonly source?: 'center' | 'grid' | 'other';
  readonly urgency?: 'normal' | 'urgent' | 'veryUrgent';
  readonly reporterName?: string;
  readonly reporterPhone?: string;
  readonly payload?: Record<string, unknown>;
}

interface Detail { ticket: TicketState; tasks: TaskState[]; applications: ApplicationState[] }

/** Plays demo users through the HTTP API to fill the lists (registration, actions, ticket detail). */
export class ListPlayer {
  constructor(readonly app: TestApp) {}

  async get(login: string, url: string) {
    const token = await this.app.login(login);
    return this.app.server.inject({ method: 'GET', url, headers: { authorization: `Bearer ${token}` } });
  }

  async post(login: string, url: string, payload: object) {
    const token = await this.app.login(login);
    const res = await this.app.server.inject({ method: 'POST', url, headers: { authorization: `Bearer ${token}` }, payload });
    if (res.statusCode >= 300) throw new Error(`${login} POST ${url} ${JSON.stringify(payload)}: ${res.statusCode} ${res.body}`);
    return res.json() as { ticket: TicketState };
  }

  async register(r: Reg): Promise<TicketState> {
    const item = r.item ?? 'item.wzgg';
    const title = r.title ?? '违规广告牌';
    const channel = r.channel ?? 'phone';
    const grid = r.grid ?? 'g.ys.dq.01';
    const fields = {
      reportTime: new Date(this.app.now).toISOString(), channel, reporterName: r.reporterName ?? '测试人', reporterPhone: r.reporterPhone ?? '13812345678',
      reporterGender: '男', reporterAddress: '东桥路 1 号', title, description: `${title}的描述`, regionCode: '320582', address: '东桥路 12 号', grid, item,
      eventType: 'complaint', difficult: r.difficult ?? false, urgency: r.urgency ?? 'normal', confidential: r.confidential ?? false,
      ...(item === 'item.bllj' ? { garbageType: '生活垃圾', dangerousGoods: false } : {}),
    };
    const body = {
      domain: 'linkage', item, title, channel, grid, fields, button: r.button, opinion: '拟办意见',
      ...(r.difficult ? { difficult: true } : {}), ...(r.confidential ? { confidential: true } : {}),
      ...(r.callbackWanted ? { callbackWanted: true } : {}), ...(r.source ? { source: r.source } : {}), ...(r.urgency ? { urgency: r.urgency } : {}),
      ...(r.payload ? { payload: r.payload } : {}),
    };
    return (await this.post(r.login, '/api/tickets', body)).ticket;
  }

  async act(login: string, ticket: string, button: string, opts: { task?: string; application?: string; opinion?: string; payload?: Record<string, unknown> } = {}) {
    const target = opts.task ? { kind: 'task', id: opts.task } : opts.application ? { kind: 'application', id: opts.application } : undefined;
    return (await this.post(login, `/api/tickets/${ticket}/actions`, {
      button, ...(target ? { target } : {}), opinion: opts.opinion ?? '同意', ...(opts.payload ? { payload: opts.payload } : {}),
    })).ticket;
  }

  async detail(login: string, ticket: string): Promise<Detail> {
    const res = await this.get(login, `/api/tickets/${ticket}`);
    if (res.statusCode !== 200) throw new Error(`detail ${ticket}: ${res.statusCode} ${res.body}`);
    return res.json() as Detail;
  }

  async task(login: string, ticket: string, department: string): Promise<TaskState> {
    const task = (await this.detail(login, ticket)).tasks.find((t) => t.department === department);
    if (!task) throw new Error(`no task of ${department} on ${ticket}`);
    return task;
  }

  async application(login: string, ticket: string, kind: string): Promise<ApplicationState> {
    const app = (await this.detail(login, ticket)).applications.filter((a) => a.kind === kind).at(-1);
    if (!app) throw new Error(`no ${kind} application on ${ticket}`);
    return app;
  }

  /**
   * ACC-5 extraction straight in the database with the engine's extractTickets (the pool route is
   * another issue's); the row's columns and state change together as the action path writes them.
   */
  async extract(user: string, center: string, ticketIds: readonly string[]): Promise<void> {
    const knex = this.app.services.knex;
    const rows = (await knex('tickets').select('state').whereIn('id', ticketIds)) as { state: unknown }[];
    const states = rows.map((r) => (typeof r.state === 'string' ? JSON.parse(r.state) : r.state) as TicketState);
    for (const t of extractTickets(states, { user, center }, 'acceptance', ticketIds.length)) {
      const row = ticketRow({ ...t, version: t.version + 1 }, this.app.now);
      await knex('tickets').update(row).where({ id: t.id });
    }
  }
}
