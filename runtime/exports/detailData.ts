import type { CompiledBundle, HistoryEvent, ReporterVisibility, TaskRole, TicketState, TicketWorld } from '../../engine/index.js';
import { departmentOf } from '../../engine/org/index.js';
import { DEFAULT_UTC_OFFSET_MINUTES, formatLocalDateTime } from '../../engine/sla/index.js';

/** One step of the ticket's flow (工单流转) as the export shows it. */
export interface HistoryLine {
  readonly at: string;
  readonly actor: string;
  readonly event: string;
  readonly opinion: string;
}

export interface TaskLine {
  readonly department: string;
  readonly role: string;
  readonly status: string;
}

/**
 * What a DEF-12 template can use (docxtemplater tags): texts as people read them, in China time,
 * with item, department, user, vocabulary and status names instead of ids.
 */
export interface DetailData {
  readonly number: string;
  readonly title: string;
  readonly itemName: string;
  readonly reportedAt: string;
  readonly registeredAt: string;
  readonly channel: string;
  readonly reporterName: string;
  readonly reporterPhone: string;
  readonly address: string;
  readonly description: string;
  readonly urgency: string;
  readonly gridName: string;
  readonly remarks: string;
  readonly statusText: string;
  readonly centerName: string;
  readonly exportedAt: string;
  readonly history: readonly HistoryLine[];
  readonly tasks: readonly TaskLine[];
}

const ROLE_TEXT: Record<TaskRole, string> = { main: '主办', assist: '协办', multi: '多部门' };
const URGENCY_TEXT: Record<TicketState['urgency'], string> = { normal: '一般', urgent: '紧急', veryUrgent: '非常紧急' };
/** Steps that are not buttons. */
const EVENT_TEXT: Record<string, string> = { 'pool.extract': '提取工单' };
/** Shown instead of a confidential ticket's reporter (ACC-1 是否保密). */
const HIDDEN = '（保密）';

const time = (at: number) => formatLocalDateTime(at, DEFAULT_UTC_OFFSET_MINUTES);
const text = (value: unknown) => (value === undefined || value === null ? '' : String(value));

function vocabularyLabel(cb: CompiledBundle, vocabulary: string, value: string): string {
  return cb.bundle.defs.vocabulary[vocabulary]?.entries.find((e) => e.value === value)?.label ?? value;
}

function departmentName(cb: CompiledBundle, id: string | undefined): string {
  return id ? (departmentOf(cb.org, id)?.name ?? id) : '';
}

function actorText(cb: CompiledBundle, actor: HistoryEvent['actor']): string {
  if (!actor) return '系统';
  const user = cb.org.users.get(actor.user)?.name ?? actor.user;
  return `${user}（${departmentName(cb, actor.department)}）`;
}

/**
 * a ticket's detail for its export template, as this viewer may see it: `ticket` already has
 * its reporter redacted (X-3, like the detail route) and `visibility` says how. The flow lists the
 * steps people took (internal follow-ups, `$…`, are left out), oldest first.
 */
export function detailData(cb: CompiledBundle, world: TicketWorld, ticket: TicketState, visibility: ReporterVisibility, history: readonly HistoryEvent[], now: number): DetailData {
  const f = ticket.fields;
  const grid = ticket.grid ? cb.org.grids.get(ticket.grid) : undefined;
  return {
    number: ticket.number,
    title: ticket.title,
    itemName: cb.bundle.defs.item[ticket.item]?.name ?? ticket.item,
    reportedAt: time(ticket.reportedAt),
    registeredAt: time(ticket.registeredAt),
    channel: vocabularyLabel(cb, 'channel', ticket.channel),
    reporterName: visibility === 'hidden' ? HIDDEN : text(f.reporterName),
    reporterPhone: visibility === 'hidden' ? HIDDEN : text(f.reporterPhone),
    address: [f.address, f.detailAddress].filter((v) => typeof v === 'string' && v !== '').join(' '),
    description: text(f.description),
    urgency: URGENCY_TEXT[ticket.urgency] ?? ticket.urgency,
    gridName: grid?.name ?? text(ticket.grid),
    remarks: text(f.remarks),
    statusText: cb.bindingOf(ticket.flow, ticket.node)?.statusText ?? ticket.node,
    centerName: departmentName(cb, ticket.center),
    exportedAt: time(now),
    history: history.filter((h) => !h.event.startsWith('$')).map((h) => ({
      at: time(h.at), actor: actorText(cb, h.actor), event: cb.buttons[h.event]?.name ?? EVENT_TEXT[h.event] ?? h.event, opinion: text(h.opinion),
    })),
    tasks: world.tasks.map((t) => ({
      department: departmentName(cb, t.department), role: ROLE_TEXT[t.role] ?? t.role, status: cb.bindingOf(t.flow, t.node)?.statusText ?? t.node,
    })),
  };
}
