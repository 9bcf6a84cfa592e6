import { createHash, randomUUID } from 'node:crypto';
import { createReadStream, type ReadStream } from 'node:fs';
import { mkdir, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { SessionUser } from '../auth/authService.js';
import { recordAudit } from '../audit/audit.js';
import type { AttachmentRow } from '../db/entities/support.js';
import { AppError } from '../errors.js';
import type { Services } from '../http/context.js';
import { findAttachment, insertAttachment } from './attachmentStore.js';
import { ATTACHMENT_EXTS, ATTACHMENT_TYPES, checkContent, isAttachmentExt } from './contentCheck.js';
import { cleanFileName, extensionOf } from './fileName.js';

/** ACC-1: an attachment is at most 50 MB. */
export const MAX_ATTACHMENT_BYTES = 50 * 1024 * 1024;

/** Folders are by month in China time (UTC+8), like everything users read. */
const CHINA_OFFSET_MS = 8 * 3_600_000;

export interface AttachmentOut {
  readonly id: string;
  readonly name: string;
  readonly mime: string;
  readonly size: number;
  readonly sha256: string;
  readonly uploadedAt: number;
}

export interface AttachmentDownload {
  readonly name: string;
  readonly mime: string;
  readonly size: number;
  readonly stream: ReadStream;
}

const out = (row: AttachmentRow): AttachmentOut => ({ id: row.id, name: row.name, mime: row.mime, size: row.size, sha256: row.sha256, uploadedAt: row.uploadedAt });

export function tooLarge(): AppError {
  return new AppError('TG_ERR_ATTACHMENT_TOO_LARGE', { limit: MAX_ATTACHMENT_BYTES / 1024 / 1024 });
}

/**
 * ACC-1 attachments (DESIGN "Data safety"): uploads are checked by size, listed type and content,
 * stored under DATA_DIR/attachments/<yyyy>/<mm>/<id> (never under the client's name), and read
 * back only by their uploader or by users who may see the ticket they belong to, audited.
 */
export class AttachmentService {
  constructor(private readonly services: Services) {}

  private get root(): string {
    return join(this.services.config.dataDir, 'attachments');
  }

  async upload(user: SessionUser, rawName: string, content: Buffer): Promise<AttachmentOut> {
    if (content.length > MAX_ATTACHMENT_BYTES) throw tooLarge();
    const name = cleanFileName(rawName);
    const ext = extensionOf(name);
    if (!isAttachmentExt(ext)) throw new AppError('TG_ERR_ATTACHMENT_TYPE', { ext: ext || name || rawName, allowed: ATTACHMENT_EXTS.join(', ') });
    const wrong = await checkContent(content, ext);
    if (wrong) throw new AppError('TG_ERR_ATTACHMENT_CONTENT', { name, detail: wrong.zh, detailEn: wrong.en });

    const now = this.services.clock();
    const local = new Date(now + CHINA_OFFSET_MS);
    const folder = join(String(local.getUTCFullYear()), String(local.getUTCMonth() + 1).padStart(2, '0'));
    const id = randomUUID();
    const relative = `attachments/${folder.split(/[/\\]/).join('/')}/${id}`;
    const row: AttachmentRow = {
      id, ticketId: null, name, mime: ATTACHMENT_TYPES[ext], size: content.length,
      sha256: createHash('sha256').update(content).digest('hex'), path: relative, uploadedBy: user.id, uploadedAt: now,
    };
    const file = join(this.root, folder, id);
    await mkdir(join(this.root, folder), { recursive: true });
    await writeFile(file, content, { flag: 'wx', mode: 0o600 });
    try {
      await insertAttachment(this.services.knex, row);
    } catch (e) {
      await rm(file, { force: true });
      throw e;
    }
    return out(row);
  }

  /** The attachment's record, if this user may read it (uploader, or the linked ticket is viewable). */
  async get(user: SessionUser, id: string): Promise<AttachmentRow> {
    const row = await findAttachment(this.services.knex, id);
    if (!row) throw new AppError('TG_ERR_NOT_FOUND', { what: `attachment ${id}` });
    if (row.uploadedBy === user.id) return row;
    if (!row.ticketId) throw new AppError('TG_ERR_OUT_OF_SCOPE');
    await this.services.tickets.viewable(user, row.ticketId);
    return row;
  }

  async download(user: SessionUser, id: string): Promise<AttachmentDownload> {
    const row = await this.get(user, id);
    const file = join(this.services.config.dataDir, ...row.path.split('/'));
    const stream = createReadStream(file);
    // open before auditing: a missing file is a 404, not an audited read
    await new Promise<void>((resolve, reject) => {
      stream.once('open', () => resolve());
      stream.once('error', (e: NodeJS.ErrnoException) => reject(e.code === 'ENOENT' ? new AppError('TG_ERR_NOT_FOUND', { what: `attachment ${id}` }) : e));
    });
    try {
      await recordAudit(this.services.knex, {
        userId: user.id, action: 'attachment.download', entityKind: 'attachment', entityId: id, at: this.services.clock(),
        ...(row.ticketId ? { detail: { ticket: row.ticketId } } : {}),
      });
    } catch (e) {
      stream.destroy();
      throw e;
    }
    return { name: row.name, mime: row.mime, size: row.size, stream };
  }
}
