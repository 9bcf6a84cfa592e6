import type { Knex } from '@mikro-orm/knex';
import type { AttachmentRow } from '../db/entities/support.js';
import { AppError } from '../errors.js';

type Q = Knex | Knex.Transaction;

export async function insertAttachment(q: Q, row: AttachmentRow): Promise<void> {
  await q('attachments').insert({
    id: row.id, ticket_id: row.ticketId ?? null, name: row.name, mime: row.mime, size: row.size, sha256: row.sha256,
    path: row.path, uploaded_by: row.uploadedBy, uploaded_at: row.uploadedAt,
  });
}

export async function findAttachment(q: Q, id: string): Promise<AttachmentRow | undefined> {
  const r = await q('attachments').where({ id }).first();
  if (!r) return undefined;
  return {
    id: String(r.id), ticketId: r.ticket_id === null || r.ticket_id === undefined ? null : String(r.ticket_id), name: String(r.name),
    mime: String(r.mime), size: Number(r.size), sha256: String(r.sha256), path: String(r.path),
    uploadedBy: String(r.uploaded_by), uploadedAt: Number(r.uploaded_at),
  };
}

/**
 * ACC-1: a registration names its uploads in `fields.attachments`; they become the ticket's in the
 * registration's transaction. Only the registering user's own, still unlinked uploads qualify: any
 * other id is a 400 and the whole registration rolls back.
 */
export async function linkAttachments(trx: Knex.Transaction, ticketId: string, userId: string, attachments: unknown): Promise<void> {
  if (attachments === undefined || attachments === null) return;
  if (!Array.isArray(attachments) || attachments.some((a) => typeof a !== 'string' || a.length === 0 || a.length > 40)) {
    throw new AppError('TG_ERR_VALIDATION', { detail: '/fields/attachments must list attachment ids' });
  }
  const ids = [...new Set(attachments as string[])];
  if (ids.length === 0) return;
  const linked = await trx('attachments').update({ ticket_id: ticketId }).whereIn('id', ids).where({ uploaded_by: userId }).whereNull('ticket_id');
  if (Number(linked) === ids.length) return;
  const mine = await trx('attachments').select('id').whereIn('id', ids).where({ uploaded_by: userId, ticket_id: ticketId });
  const refused = ids.filter((id) => !mine.some((r: { id: string }) => r.id === id));
  throw new AppError('TG_ERR_ATTACHMENT_UNKNOWN', { ids: refused.join(', ') }, { attachments: refused });
}
