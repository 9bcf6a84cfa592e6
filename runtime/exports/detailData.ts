import type { CompiledBundle, HistoryEvent, ReporterVisibility, TaskRole, TicketState, TicketWorld } from '../../engine/index.js';
import { departmentOf } from '../../engine/org/index.js';
import { DEFAULT_UTC_OFFSET_MINUTES, formatLocalDateTime } from '../../engine/sla/index.js';
import { nameIn, type ExportLang } from './lang.js';

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
 * with item, department, grid, user, vocabulary and status names instead of ids, in the user's language.
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

interface Words {
  readonly role: Record<TaskRole, string>;
  readonly urgency: Record<TicketState['urgency'], string>;
  /** Steps that are not buttons. */
  readonly event: Record<string, string>;
  /** Shown instead of a confidential ticket's reporter (ACC-1 是否保密). */
  readonly hidden: string;
  readonly system: string;
  readonly actor: (user: string, department: string) => string;
}

const WORDS: Record<ExportLang, Words> = {
  'zh-CN': {
    role: { main: '主办', assist: '协办', multi: '多部门' },
    urgency: { normal: '一般', urgent: '紧急', veryUrgent: '非常紧急' },
    event: { 'pool.extract': '提取工单' },
    hidden: '（保密）',
    system: '系统',
    actor: (user, department) => `${user}（${department}）`,
  },
  'en-US': {
    role: { main: 'Main', assist: 'Assist', multi: 'Multi-department' },
    urgency: { normal: 'Normal', urgent: 'Urgent', veryUrgent: 'Very urgent' },
    event: { 'pool.extract': 'Extracted from pool' },
    hidden: '(confidential)',
    system: 'System',
    actor: (user, department) => `${user} (${department})`,
  },
};

const time = (at: number) => formatLocalDateTime(at, DEFAULT_UTC_OFFSET_MINUTES);
const text = (value: unknown) => (value === undefined || value === null ? '' : String(value));

function vocabularyLabel(cb: CompiledBundle, vocabulary: string, value: string, lang: ExportLang): string {
  const entry = cb.bundle.defs.vocabulary[vocabulary]?.entries.find((e) => e.value === value);
  return entry ? nameIn(lang, entry.label, entry.labelEn) : value;
}

function departmentName(cb: CompiledBundle, id: string | undefined, lang: ExportLang): string {
  const department = id ? departmentOf(cb.org, id) : undefined;
  return department ? nameIn(lang, department.name, department.nameEn) : (id ?? '');
}

function statusText(cb: CompiledBundle, flow: string, node: string, lang: ExportLang): string {
  const binding = cb.bindingOf(flow, node);
  return binding ? nameIn(lang, binding.statusText, binding.statusTextEn) : node;
}

function actorText(cb: CompiledBundle, actor: HistoryEvent['actor'], lang: ExportLang): string {
  if (!actor) return WORDS[lang].system;
  const user = cb.org.users.get(actor.user)?.name ?? actor.user;
  return WORDS[lang].actor(user, departmentName(cb, actor.department, lang));
}

function eventText(cb: CompiledBundle, event: string, lang: ExportLang): string {
  const button = cb.buttons[event];
  return button ? nameIn(lang, button.name, button.nameEn) : (WORDS[lang].event[event] ?? event);
}

/**
 * a ticket's detail for its export template, as this viewer may see it, in `lang` (names of
 * definitions in English where they have one): `ticket` already has its reporter redacted (X-3, like
 * the detail route) and `visibility` says how. The flow lists the steps people took (internal
 * follow-ups, `$…`, are left out), oldest first.
 */
export function detailData(
  cb: CompiledBundle, world: TicketWorld, ticket: TicketState, visibility: ReporterVisibility, history: readonly HistoryEvent[], now: number, lang: ExportLang = 'zh-CN',
): DetailData {
  const f = ticket.fields;
  const words = WORDS[lang];
  const grid = ticket.grid ? cb.org.grids.get(ticket.grid) : undefined;
  const item = cb.bundle.defs.item[ticket.item];
  return {
    number: ticket.number,
    title: ticket.title,
    itemName: item ? nameIn(lang, item.name, item.nameEn) : ticket.item,
    reportedAt: time(ticket.reportedAt),
    registeredAt: time(ticket.registeredAt),
    channel: vocabularyLabel(cb, 'channel', ticket.channel, lang),
    reporterName: visibility === 'hidden' ? words.hidden : text(f.reporterName),
    reporterPhone: visibility === 'hidden' ? words.hidden : text(f.reporterPhone),
    address: [f.address, f.detailAddress].filter((v) => typeof v === 'string' && v !== '').join(' '),
    description: text(f.description),
    urgency: words.urgency[ticket.urgency] ?? ticket.urgency,
    gridName: grid ? nameIn(lang, grid.name, grid.nameEn) : text(ticket.grid),
    remarks: text(f.remarks),
    statusText: statusText(cb, ticket.flow, ticket.node, lang),
    centerName: departmentName(cb, ticket.center, lang),
    exportedAt: time(now),
    history: history.filter((h) => !h.event.startsWith('$')).map((h) => ({
      at: time(h.at), actor: actorText(cb, h.actor, lang), event: eventText(cb, h.event, lang), opinion: text(h.opinion),
    })),
    tasks: world.tasks.map((t) => ({
      department: departmentName(cb, t.department, lang), role: words.role[t.role] ?? t.role, status: statusText(cb, t.flow, t.node, lang),
    })),
  };
}
