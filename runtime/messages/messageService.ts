import type { Knex } from '@mikro-orm/knex';
import type { SessionUser } from '../auth/authService.js';
import { AppError } from '../errors.js';
import type { MessageSubject } from '../outbox/messageOf.js';
import { parseJson } from '../tickets/rows.js';

export const MESSAGE_PAGE_SIZE = 20;
export const MESSAGE_MAX_PAGE_SIZE = 100;

/** One 消息中心 entry. */
export interface Message {
  readonly id: string;
  readonly kind: string;
  /** A Chinese title (older clients and plugins); the workbench words `subject` in the user's language instead. */
  readonly title: string;
  /** What the message is about, language-free (see runtime/outbox/messageOf.ts); null on messages written before it existed. */
  readonly subject: MessageSubject | null;
  readonly ticketId: string | null;
  /** The outbox effect the message came from (urge opinion, application, …). */
  readonly body: unknown;
  readonly createdAt: number;
  readonly readAt: number | null;
}

export interface MessagePage {
  readonly total: number;
  readonly page: number;
  readonly pageSize: number;
  readonly unreadCount: number;
  readonly rows: readonly Message[];
}

interface MessageRecord {
  id: string; kind: string; title: string; subject: unknown; ticket_id: string | null; body: unknown; created_at: number; read_at: number | null;
}

function toMessage(r: MessageRecord): Message {
  return {
    id: r.id, kind: r.kind, title: r.title, subject: r.subject === null || r.subject === undefined ? null : parseJson<MessageSubject>(r.subject), ticketId: r.ticket_id ?? null, body: r.body === null || r.body === undefined ? null : parseJson(r.body),
    createdAt: Number(r.created_at), readAt: r.read_at === null || r.read_at === undefined ? null : Number(r.read_at),
  };
}

const count = async (query: Knex.QueryBuilder) => Number(((await query.count({ n: '*' })) as { n: number | string }[])[0]?.n ?? 0);

/** The message centre (消息中心, X-2): a user's urges, reviews to do, rejections and returns. */
export class MessageService {
  constructor(private readonly knex: Knex, private readonly clock: () => number = Date.now) {}

  async list(user: SessionUser, options: { unread: boolean; page: number; pageSize: number }): Promise<MessagePage> {
    const mine = () => {
      const q = this.knex('messages').where({ user_id: user.id });
      return options.unread ? q.whereNull('read_at') : q;
    };
    const [total, unreadCount, rows] = await Promise.all([
      count(mine()),
      count(this.knex('messages').where({ user_id: user.id }).whereNull('read_at')),
      mine().select('id', 'kind', 'title', 'subject', 'ticket_id', 'body', 'created_at', 'read_at')
        .orderBy([{ column: 'created_at', order: 'desc' }, { column: 'id', order: 'desc' }])
        .limit(options.pageSize).offset((options.page - 1) * options.pageSize) as Promise<MessageRecord[]>,
    ]);
    return { total, page: options.page, pageSize: options.pageSize, unreadCount, rows: rows.map(toMessage) };
  }

  /** Marks one of the user's messages read (reading it again keeps the first time); another user's message is not found. */
  async markRead(user: SessionUser, id: string): Promise<Message> {
    await this.knex('messages').update({ read_at: this.clock() }).where({ id, user_id: user.id }).whereNull('read_at');
    const row = (await this.knex('messages').where({ id, user_id: user.id }).first()) as MessageRecord | undefined;
    if (!row) throw new AppError('TG_ERR_NOT_FOUND', { what: `message ${id}` });
    return toMessage(row);
  }

  async markAllRead(user: SessionUser): Promise<{ updated: number }> {
    const updated = await this.knex('messages').update({ read_at: this.clock() }).where({ user_id: user.id }).whereNull('read_at');
    return { updated: Number(updated) };
  }
}
