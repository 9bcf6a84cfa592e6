import { createHash } from 'node:crypto';
import type { RuntimeEffect } from '../../engine/index.js';
import { holdersOfRoleAt, usersOfDepartment, type OrgIndex } from '../../engine/org/index.js';

/** The effects that become 消息中心 messages; the outbox processor delivers only these. */
export type MessageEffect = Extract<RuntimeEffect, { type: 'notify' | 'urge' }>;
export const MESSAGE_EFFECTS: readonly MessageEffect['type'][] = ['notify', 'urge'];

/** What a message says about its ticket. */
export interface TicketLabel {
  readonly number: string;
  readonly title: string;
}

/** What a message is about, without words: the workbench says it in the user's language. */
export interface MessageSubject {
  /** urge | application | return | rejection | notice */
  readonly kind: string;
  /** The application's kind (assist, extension, …) for application, return-application and rejection messages. */
  readonly application?: string;
  /** The ticket's number and title when the ticket was found. */
  readonly number?: string;
  readonly ticketTitle?: string;
}

export interface MessageText {
  /** urge | application | return | rejection | notice */
  readonly kind: string;
  /** A Chinese title, kept for readers that do not know the subject (old clients, plugins, exports). */
  readonly title: string;
  readonly subject: MessageSubject;
}

const APPLICATION_ZH: Record<string, string> = {
  assist: '协办', extension: '延期', suspension: '挂账', transfer: '转派', return: '退回', result: '办结',
};

const isStrings = (v: unknown): v is string[] => Array.isArray(v) && v.every((x) => typeof x === 'string');

/** Checks an outbox payload before delivery: a malformed one fails (and is retried) instead of reaching nobody silently. */
export function parseMessageEffect(payload: unknown): MessageEffect {
  const e = payload as Partial<MessageEffect> | null;
  const to = e?.to as Record<string, unknown> | undefined;
  const ok = e !== null && typeof e === 'object' && (e.type === 'notify' || e.type === 'urge') && typeof e.ticket === 'string' &&
    typeof to === 'object' && to !== null && !Array.isArray(to) &&
    (to.users === undefined || isStrings(to.users)) &&
    (to.department === undefined || typeof to.department === 'string') &&
    (to.role === undefined || typeof to.role === 'string');
  if (!ok) throw new Error(`malformed ${String(e?.type)} effect: ${JSON.stringify(payload).slice(0, 200)}`);
  return e as MessageEffect;
}

/**
 * Who receives a message: the listed users; else the holders of `role` at `department`; else every
 * (enabled) user of `department`. A role without a department reaches nobody.
 */
export function recipientUsers(org: OrgIndex, to: MessageEffect['to']): string[] {
  if (to.users && to.users.length > 0) return [...new Set(to.users)];
  if (!to.department) return [];
  const users = to.role ? holdersOfRoleAt(org, to.department, to.role) : usersOfDepartment(org, to.department);
  return [...new Set(users.map((u) => u.id))];
}

/** The message's kind, its subject and a Chinese title, from the effect (e.g. 催办：DH2025061000001 东桥路口违规广告牌). */
export function messageText(effect: MessageEffect, ticket: TicketLabel | undefined): MessageText {
  const label = ticket ? `${ticket.number} ${ticket.title}` : effect.ticket;
  const cut = (s: string) => (s.length > 255 ? `${s.slice(0, 254)}…` : s);
  const about = ticket ? { number: ticket.number, ticketTitle: ticket.title } : {};
  const text = (kind: string, title: string, application?: string): MessageText =>
    ({ kind, title: cut(title), subject: { kind, ...(application ? { application } : {}), ...about } });
  if (effect.type === 'urge') return text('urge', `催办：${label}`);
  const appKind = typeof effect.data?.kind === 'string' ? effect.data.kind : undefined;
  const appZh = appKind ? (APPLICATION_ZH[appKind] ?? appKind) : '';
  if (effect.reason === 'application:applicant') return text('rejection', `驳回：${appZh}申请未通过 ${label}`, appKind);
  if (effect.reason.startsWith('application:')) {
    return text(appKind === 'return' ? 'return' : 'application', `待审核：${appZh}申请 ${label}`, appKind);
  }
  if (effect.reason === 'ticket:center' || effect.reason === 'ticket:gridWorker') return text('return', `退回：${label}`);
  return text('notice', `通知：${label}`);
}

/** One message per (outbox row, user): a replayed row inserts nothing new. */
export function messageId(outboxId: string, userId: string): string {
  return createHash('sha256').update(`${outboxId}\n${userId}`).digest('hex').slice(0, 40);
}

/** The 消息中心 rows of one message effect (outbox row `outboxId`): one per recipient. */
export function messageRecords(org: OrgIndex, outboxId: string, effect: MessageEffect, ticket: TicketLabel | undefined, createdAt: number) {
  const { kind, title, subject } = messageText(effect, ticket);
  return recipientUsers(org, effect.to).map((userId) => ({
    id: messageId(outboxId, userId), user_id: userId, ticket_id: effect.ticket, kind, title,
    body: JSON.stringify(effect), subject: JSON.stringify(subject), created_at: createdAt, read_at: null,
  }));
}
