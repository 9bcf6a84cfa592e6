import type { Knex } from '@mikro-orm/knex';
import { dialectOf, insertRows, transaction } from '../db/directSql.js';

/** What an audit row records about a read of personal data (DESIGN "Data safety"). */
export type AuditAction = 'ticket.read' | 'ticket.export' | 'attachment.download';

export interface AuditEntry {
  readonly userId: string;
  readonly action: AuditAction;
  readonly entityKind: 'ticket' | 'attachment';
  readonly entityId: string;
  readonly at: number;
  readonly detail?: Readonly<Record<string, unknown>>;
}

/**
 * Appends one row to `audit_log`. Callers await it before they hand the data out: a read that
 * cannot be audited fails instead of going unrecorded.
 */
export async function recordAudit(q: Knex | Knex.Transaction, entry: AuditEntry): Promise<void> {
  // every detail read writes one: straight to the driver (runtime/db/directSql)
  const rows = [{
    at: entry.at, user_id: entry.userId, action: entry.action, entity_kind: entry.entityKind, entity_id: entry.entityId,
    detail: entry.detail === undefined ? null : JSON.stringify(entry.detail),
  }];
  // on its own on SQLite it joins the transactions queued for the connection and shares their commit
  // (runtime/db/sqliteGroupCommit) instead of paying for one of its own
  const alone = !(q as Partial<Knex.Transaction>).isTransaction;
  if (alone && dialectOf(q) === 'sqlite3') await transaction(q as Knex, (trx) => insertRows(trx, 'audit_log', rows));
  else await insertRows(q, 'audit_log', rows);
}

export interface AuditRecord {
  readonly seq: number;
  readonly at: number;
  readonly userId: string;
  readonly action: string;
  readonly entityKind: string;
  readonly entityId: string;
  readonly detail?: unknown;
}

/** The audit trail of one record, oldest first (for checks and, later, an audit screen). */
export async function auditTrail(q: Knex, entityKind: string, entityId: string): Promise<AuditRecord[]> {
  const rows = await q('audit_log').where({ entity_kind: entityKind, entity_id: entityId }).orderBy('seq');
  return rows.map((r: Record<string, unknown>) => ({
    seq: Number(r.seq), at: Number(r.at), userId: String(r.user_id), action: String(r.action),
    entityKind: String(r.entity_kind), entityId: String(r.entity_id),
    ...(r.detail === null || r.detail === undefined ? {} : { detail: typeof r.detail === 'string' ? JSON.parse(r.detail) : r.detail }),
  }));
}
