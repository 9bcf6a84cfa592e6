import { expect } from 'vitest';
import type { ApplicationKind, ApplicationState, TicketState } from '../../../engine/index.js';
import type { ChangeRecord } from '../../../runtime/tickets/changeRecords.js';
import type { TicketSlaView } from '../../../runtime/tickets/slaView.js';
import { Api, type Detail, type RegisterOptions } from './api.js';

/** The SPEC acceptance suites' helpers over Api: lists, messages, the detail's change records and SLA. */

export const MINUTE = 60_000;
const DAY = 24 * 3_600_000;
const SUZHOU_OFFSET = 8 * 3_600_000;

/**
 * 09:00 in Suzhou of the first Monday-to-Friday day after `at`. From June to mid-September 2025, where
 * the suites travel, calendar-cn has neither holidays nor make-up workdays: weekdays are the working days.
 */
export function nextWorkingMorning(at: number): number {
  let day = Math.floor((at + SUZHOU_OFFSET) / DAY) + 1;
  while ([0, 6].includes(new Date(day * DAY).getUTCDay())) day += 1;
  return day * DAY + 9 * 3_600_000 - SUZHOU_OFFSET;
}

export interface ListRow { id: string; entity: string; ticketId: string; taskId?: string; cells: Record<string, unknown> }
export interface ListPage { total: number; page: number; pageSize: number; rows: ListRow[] }
export interface Message { id: string; kind: string; title: string; ticketId: string | null; body: Record<string, unknown>; readAt: number | null }
/** HND-6: what approving a pending extension would do to the deadlines, with the warning when it passes the overall one. */
export interface ExtensionPreview { stageDueAt: number; overallDueAt: number; warning?: string }
export interface SpecDetail extends Detail {
  changes: ChangeRecord[]; sla: TicketSlaView; reporterVisibility: string; extensionPreviews?: Record<string, ExtensionPreview>;
}

/** Visible events of the timeline (internal follow-ups `$…` left out). */
export const events = (d: Detail) => d.history.filter((h) => !h.event.startsWith('$')).map((h) => h.event);
/** The whole timeline as `kind event from→to`. */
export const timeline = (d: Detail) => d.history.map((h) => `${h.entity.kind} ${h.event} ${h.fromNode}→${h.toNode}`);

const UNDER_REVIEW = new Set(['parentReview', 'centerReview', 'shiftLeaderReview', 'upperReview']);

/**
 * The application of `kind` still under review. Api.application takes the last one listed, but the
 * detail lists applications in storage order (random UUID order on MariaDB), so with two of a kind
 * the pending one is picked by its node.
 */
export function openApplication(d: Detail, kind: ApplicationKind, department?: string): ApplicationState {
  const app = d.applications.find((a) => a.kind === kind && UNDER_REVIEW.has(a.node) && (!department || a.applicant.department === department));
  if (!app) throw new Error(`no ${kind} application under review`);
  return app;
}

export class SpecApi extends Api {
  override async detail(login: string, ticket: string): Promise<SpecDetail> {
    return (await super.detail(login, ticket)) as SpecDetail;
  }

  /**
   * Moves the simulated clock forward to 09:00 of the next working day, so that a scenario's
   * working-time arithmetic does not depend on where earlier tests left the clock; the demo users
   * log in again (the jump passes the session lifetime). Returns the new time.
   */
  nextMorning(): number {
    this.app.now = nextWorkingMorning(this.app.now);
    this.forgetSessions();
    return this.app.now;
  }

  /** One page of a generated list (views.json) as `login` sees it. */
  async list(login: string, view: string, tab: string, query = 'pageSize=100'): Promise<ListPage> {
    const res = await this.request(login, 'GET', `/api/views/${view}/tabs/${tab}${query ? `?${query}` : ''}`);
    expect(res.statusCode, `${login} ${view}#${tab}: ${res.body}`).toBe(200);
    return res.json() as ListPage;
  }

  /** The row ids of a list (ticket, task or application ids, after the view's entity). */
  async listed(login: string, view: string, tab: string, query?: string): Promise<string[]> {
    return (await this.list(login, view, tab, query)).rows.map((r) => r.id);
  }

  /** Delivers the outbox now (X-2), then the user's messages about one ticket. */
  async messages(login: string, ticket: string): Promise<Message[]> {
    await this.app.services.outbox.processOutbox();
    const res = await this.request(login, 'GET', '/api/messages?pageSize=100');
    expect(res.statusCode, res.body).toBe(200);
    return (res.json() as { rows: Message[] }).rows.filter((m) => m.ticketId === ticket);
  }

  /** Registers with extra top-level registration fields (difficult, source, confidential …). */
  async registerWith(login: string, button: string, o: RegisterOptions, extra: Record<string, unknown>, opinion = '拟办意见'): Promise<TicketState> {
    const res = await this.request(login, 'POST', '/api/tickets', { ...this.registration(button, o, opinion), ...extra });
    expect(res.statusCode, `${login} registers: ${res.body}`).toBe(201);
    return (res.json() as { ticket: TicketState }).ticket;
  }

  /** A grid worker's report (ACC-5 source grid) from the 东桥社区 grid: it waits at 杨舍镇's acceptance. */
  async gridReport(o: Partial<RegisterOptions> = {}, login = 'ys.dq.grid'): Promise<TicketState> {
    return this.registerWith(login, 'grid.report', { item: 'item.wzgg', ...o }, { source: 'grid' }, '网格上报');
  }

  /** 违规设置户外广告 registered at `center` and assigned by its dispatcher (DSP-2). */
  async assigned(payload: Record<string, unknown>, center = 'zjg', o: Partial<RegisterOptions> = {}): Promise<TicketState> {
    const t = await this.register(`${center}.acceptor`, 'acc.toDispatch', { item: 'item.wzgg', ...o }, '送分拨');
    return this.act(`${center}.dispatcher`, t.id, 'dsp.assign', undefined, '请处理', payload);
  }

  /** A department completes its task and the center's reviewer approves the result (HND-1, REV-1). */
  async finish(ticket: string, department: string, center = 'zjg'): Promise<void> {
    let d = await this.detail(`${department}.handler`, ticket);
    await this.act(`${department}.handler`, ticket, 'task.complete', { task: Api.task(d, department).id }, '已处理完毕');
    d = await this.detail(`${center}.reviewer`, ticket);
    await this.act(`${center}.reviewer`, ticket, 'app.approve', { application: Api.application(d, 'result', department).id });
  }
}
