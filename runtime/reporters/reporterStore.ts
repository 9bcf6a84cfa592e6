import type { Knex } from '@mikro-orm/knex';
import { RoleIds } from '../../engine/org/index.js';
import type { SessionUser } from '../auth/authService.js';
import { upsertRows } from '../db/directSql.js';
import { AppError } from '../errors.js';

type Q = Knex | Knex.Transaction;

/** What the registration form fills in for a known phone (ACC-1). */
export interface Reporter {
  readonly phone: string;
  readonly name: string;
  readonly gender: string | null;
  readonly birthDate: string | null;
  readonly address: string | null;
  readonly detailAddress: string | null;
  /** When that report was registered. */
  readonly reportedAt: number;
}

function text(value: unknown, max: number): string | null {
  if (typeof value !== 'string') return null;
  const t = value.trim();
  return t === '' ? null : t.slice(0, max);
}

/**
 * ACC-1: keeps the ticket's reporter (fields.reporter*) in `reporters`, apart from the ticket, in the
 * registration's transaction. Drafts are not validated, so values are trimmed and cut to the columns;
 * a registration without a phone has nothing to find again and writes nothing.
 */
export async function saveReporter(trx: Knex.Transaction, ticketId: string, fields: Readonly<Record<string, unknown>>, now: number): Promise<void> {
  const phone = text(fields.reporterPhone, 32);
  if (!phone) return;
  const birthDate = text(fields.reporterBirthDate, 10);
  const row = {
    ticket_id: ticketId, phone, name: text(fields.reporterName, 80) ?? '', gender: text(fields.reporterGender, 4),
    birth_date: birthDate && /^\d{4}-\d{2}-\d{2}$/.test(birthDate) ? birthDate : null,
    address: text(fields.reporterAddress, 255), detail_address: text(fields.reporterDetailAddress, 255), created_at: now,
  };
  // straight to the driver: every registration writes one (runtime/db/directSql)
  await upsertRows(trx, 'reporters', [row], 'ticket_id');
}

interface ReporterRecord {
  phone: string; name: string; gender: string | null; birth_date: string | null; address: string | null; detail_address: string | null; created_at: number;
}

/** ACC-1 auto-fill: the most recent reporter with this phone, for acceptors only. */
export async function lookupReporter(q: Q, user: SessionUser, phone: string): Promise<Reporter | null> {
  if (!user.roles.includes(RoleIds.acceptor)) {
    const err = new AppError('TG_ERR_FORBIDDEN', { detail: 'reporter lookup is for acceptors' });
    throw Object.assign(err, { messageZh: '无权执行此操作：只有受理员可以按号码带出诉求人信息。' });
  }
  const row = (await q('reporters').where({ phone: phone.trim() }).orderBy('created_at', 'desc').first()) as ReporterRecord | undefined;
  if (!row) return null;
  return {
    phone: row.phone, name: row.name, gender: row.gender ?? null, birthDate: row.birth_date ?? null,
    address: row.address ?? null, detailAddress: row.detail_address ?? null, reportedAt: Number(row.created_at),
  };
}
