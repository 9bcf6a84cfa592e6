import { expect } from 'vitest';
import type { LightMyRequestResponse } from 'fastify';
import type { ApplicationKind, ApplicationState, HistoryEvent, TaskState, TicketState } from '../../../engine/index.js';
import type { TestApp } from './testApp.js';

export const HOUR = 3_600_000;

/** The default form's fields for a registration in 杨舍镇's 东桥社区 grid (DEF-14). */
export function formFields(item: string, grid = 'g.ys.dq.01', extra: Record<string, unknown> = {}) {
  return {
    reportTime: '2025-06-10T09:00:00+08:00', channel: 'phone', reporterName: '张三', reporterPhone: '13812345678', reporterGender: '男',
    title: '测试事件', description: '东桥路口有违规广告牌', regionCode: '320582', address: '东桥路 12 号', grid, item,
    eventType: 'complaint', difficult: false, ...(item === 'item.bllj' ? { garbageType: '生活垃圾', dangerousGoods: false } : {}), ...extra,
  };
}

export interface Available { button: string; allowed: boolean; reason?: { code: string } }
export interface Detail {
  ticket: TicketState; tasks: TaskState[]; applications: ApplicationState[]; history: HistoryEvent[];
  actions: { ticket: Available[]; tasks: Record<string, Available[]>; applications: Record<string, Available[]> };
}
export interface ErrorBody { code: string; message: string; messageZh: string; details?: unknown }
export type Target = { task: string } | { application: string };
export interface RegisterOptions {
  item: string; grid?: string; callbackWanted?: boolean; urgency?: 'normal' | 'urgent' | 'veryUrgent'; title?: string;
  payload?: Record<string, unknown>; fields?: Record<string, unknown>;
}

/** Plays the demo users against the HTTP API of a test app (the integration twin of test/support/scenario.ts). */
export class Api {
  private readonly tokens = new Map<string, Promise<string>>();

  constructor(readonly app: TestApp) {}

  /** One login per user, even when many requests start at once. */
  token(login: string): Promise<string> {
    let token = this.tokens.get(login);
    if (!token) {
      token = this.app.login(login);
      this.tokens.set(login, token);
    }
    return token;
  }

  /** Forgets every session (TestApp.forgetSessions): the next request of each user logs in again. */
  forgetSessions(): void {
    this.tokens.clear();
    this.app.forgetSessions();
  }

  async request(login: string, method: 'GET' | 'POST', url: string, payload?: unknown, headers: Record<string, string> = {}): Promise<LightMyRequestResponse> {
    const token = await this.token(login);
    return this.app.server.inject({ method, url, headers: { authorization: `Bearer ${token}`, ...headers }, ...(payload === undefined ? {} : { payload: payload as object }) });
  }

  registration(button: string, o: RegisterOptions, opinion = '拟办意见') {
    return {
      domain: 'linkage', item: o.item, title: o.title ?? '测试事件', channel: 'phone', grid: o.grid ?? 'g.ys.dq.01',
      ...(o.callbackWanted !== undefined ? { callbackWanted: o.callbackWanted } : {}), ...(o.urgency ? { urgency: o.urgency } : {}),
      fields: formFields(o.item, o.grid, o.fields), button, opinion, ...(o.payload ? { payload: o.payload } : {}),
    };
  }

  async register(login: string, button: string, o: RegisterOptions, opinion = '拟办意见'): Promise<TicketState> {
    const res = await this.request(login, 'POST', '/api/tickets', this.registration(button, o, opinion));
    expect(res.statusCode, `${login} registers: ${res.body}`).toBe(201);
    return (res.json() as { ticket: TicketState }).ticket;
  }

  body(button: string, target?: Target, opinion?: string, payload?: Record<string, unknown>, version?: number) {
    const ref = !target ? undefined : 'task' in target ? { kind: 'task', id: target.task } : { kind: 'application', id: target.application };
    return { button, ...(ref ? { target: ref } : {}), ...(opinion ? { opinion } : {}), ...(payload ? { payload } : {}), ...(version ? { version } : {}) };
  }

  attempt(login: string, ticket: string, button: string, target?: Target, opinion?: string, payload?: Record<string, unknown>, version?: number) {
    return this.request(login, 'POST', `/api/tickets/${ticket}/actions`, this.body(button, target, opinion, payload, version));
  }

  /** Presses a button and expects it to pass; returns the ticket after the action. */
  async act(login: string, ticket: string, button: string, target?: Target, opinion: string | undefined = '同意', payload?: Record<string, unknown>): Promise<TicketState> {
    const res = await this.attempt(login, ticket, button, target, opinion, payload);
    expect(res.statusCode, `${login} ${button}: ${res.body}`).toBe(200);
    return (res.json() as { ticket: TicketState }).ticket;
  }

  /** Presses a button that must be refused with `status` and `code`; the database must not change. */
  async refused(login: string, ticket: string, status: number, code: string, button: string, target?: Target, opinion = '意见', payload?: Record<string, unknown>, version?: number): Promise<ErrorBody> {
    const before = await this.stored(ticket);
    const res = await this.attempt(login, ticket, button, target, opinion, payload, version);
    expect(res.statusCode, `${login} ${button} should be refused: ${res.body}`).toBe(status);
    const body = res.json() as ErrorBody;
    expect(body.code).toBe(code);
    expect(await this.stored(ticket)).toEqual(before);
    return body;
  }

  async detail(login: string, ticket: string): Promise<Detail> {
    const res = await this.request(login, 'GET', `/api/tickets/${ticket}`);
    expect(res.statusCode, `${login} reads ${ticket}: ${res.body}`).toBe(200);
    return res.json() as Detail;
  }

  /** What the database holds for a ticket: versions and row counts, read past the API. */
  async stored(ticket: string) {
    const knex = this.app.services.knex;
    const row = await knex('tickets').select('version', 'node', 'assignee').where({ id: ticket }).first();
    const count = async (table: string) => Number((await knex(table).where({ ticket_id: ticket }).count({ n: '*' }))[0]!.n);
    const versions = async (table: string) => (await knex(table).select('id', 'version').where({ ticket_id: ticket }).orderBy('id')).map((r: { id: string; version: number }) => `${r.id}@${Number(r.version)}`);
    return {
      version: Number(row?.version), node: row?.node, assignee: row?.assignee ?? null,
      history: await count('history'), outbox: await count('outbox'), tasks: await versions('tasks'), applications: await versions('applications'),
    };
  }

  static task(d: Detail, department: string): TaskState {
    const tasks = d.tasks.filter((t) => t.department === department);
    const task = tasks.find((t) => t.node !== 'transferred') ?? tasks[0];
    if (!task) throw new Error(`no task of ${department}`);
    return task;
  }

  static application(d: Detail, kind: ApplicationKind, department?: string): ApplicationState {
    const apps = d.applications.filter((a) => a.kind === kind && (!department || a.applicant.department === department));
    const app = apps[apps.length - 1];
    if (!app) throw new Error(`no ${kind} application`);
    return app;
  }

  /** Whether the detail offers `button` as pressable on the ticket, a task or an application. */
  static allows(d: Detail, button: string, on?: Target): boolean | undefined {
    const list = !on ? d.actions.ticket : 'task' in on ? d.actions.tasks[on.task] : d.actions.applications[on.application];
    return list?.find((a) => a.button === button)?.allowed;
  }
}
