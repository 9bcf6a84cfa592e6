import './texts';

type Translate = (key: string, options?: Record<string, unknown>) => string;

/** What a message is about, as the server stores it (runtime/outbox/messageOf.ts MessageSubject). */
export interface MessageSubject {
  kind: string;
  application?: string;
  number?: string;
  ticketTitle?: string;
}

export interface MessageLike {
  kind: string;
  title: string;
  subject?: MessageSubject | null;
  /** The outbox effect the message came from. */
  body?: unknown;
}

/** The Chinese words of old titles (催办：…, 驳回：延期申请未通过 …, 待审核：协办申请 …), to read messages written before `subject`. */
const PREFIX = /^[^：:]{1,8}[：:]\s*/;
const APPLICATION_ZH: Record<string, string> = { 协办: 'assist', 延期: 'extension', 挂账: 'suspension', 转派: 'transfer', 退回: 'return', 办结: 'result' };

/**
 * A message's subject: the stored one, or for a message written before the server stored it, one
 * read from its kind, its effect (the application's kind) and its Chinese title (the ticket part
 * after 申请未通过 / 申请, kept as it is).
 */
export function subjectOf(m: MessageLike): MessageSubject & { ticketText?: string } {
  if (m.subject) return m.subject;
  const effectKind = (m.body as { data?: { kind?: unknown } } | null | undefined)?.data?.kind;
  const rest = m.title.replace(PREFIX, '');
  const applied = /^(.{0,4}?)申请(?:未通过)?\s+(.*)$/.exec(rest);
  const application = typeof effectKind === 'string' ? effectKind : applied ? APPLICATION_ZH[applied[1] ?? ''] : undefined;
  const isApplication = m.kind === 'application' || m.kind === 'rejection' || (m.kind === 'return' && application !== undefined);
  const ticketText = isApplication && applied ? applied[2]! : rest;
  return { kind: m.kind, ...(isApplication && application ? { application } : {}), ticketText };
}

/**
 * The message's text in the UI language, without its kind (the kind column says it): the ticket's
 * number and title, with what happened to an application or the ticket.
 */
export function messageText(m: MessageLike, t: Translate): string {
  const s = subjectOf(m);
  const ticket = 'ticketText' in s && s.ticketText !== undefined ? s.ticketText : [s.number, s.ticketTitle].filter(Boolean).join(' ');
  const application = s.application ? t('messages:application.' + s.application, { defaultValue: s.application }) : undefined;
  const say = (key: string) => t(`messages:subject.${key}${application ? '' : 'Any'}`, { ticket, application });
  const text = () => {
    switch (s.kind) {
      case 'urge': return t('messages:subject.urge', { ticket });
      case 'rejection': return say('rejected');
      case 'application': return say('toReview');
      case 'return': return s.application ? say('toReview') : t('messages:subject.returned', { ticket });
      default: return t('messages:subject.notice', { ticket });
    }
  };
  return text().trim();
}
