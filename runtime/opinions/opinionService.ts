import { createHash } from 'node:crypto';
import type { Knex } from '@mikro-orm/knex';
import type { SessionUser } from '../auth/authService.js';
import { AppError } from '../errors.js';

export const OPINION_MAX_LENGTH = 2000;

/** A saved common opinion (常用意见, ACC-1). */
export interface CommonOpinion {
  readonly id: string;
  readonly text: string;
  readonly createdAt: number;
}

interface OpinionRecord { id: string; text: string; created_at: number }

const toOpinion = (r: OpinionRecord): CommonOpinion => ({ id: r.id, text: r.text, createdAt: Number(r.created_at) });

/** The same text saved twice by one user has one id: the primary key keeps a user's opinions unique, even under a race. */
export function opinionId(userId: string, text: string): string {
  return createHash('sha256').update(`${userId}\n${text}`).digest('hex').slice(0, 40);
}

function isDuplicateKey(e: unknown): boolean {
  const err = e as { errno?: number; code?: string } | undefined;
  return err?.errno === 1062 || String(err?.code).startsWith('SQLITE_CONSTRAINT');
}

/** 常用意见 (ACC-1): opinions a user saves and picks again; each user sees and changes only their own. */
export class OpinionService {
  constructor(private readonly knex: Knex, private readonly clock: () => number = Date.now) {}

  async list(user: SessionUser): Promise<CommonOpinion[]> {
    const rows = (await this.knex('common_opinions').select('id', 'text', 'created_at').where({ user_id: user.id })
      .orderBy([{ column: 'created_at', order: 'desc' }, { column: 'id' }])) as OpinionRecord[];
    return rows.map(toOpinion);
  }

  async create(user: SessionUser, raw: string): Promise<CommonOpinion> {
    const text = raw.trim();
    if (text.length === 0 || text.length > OPINION_MAX_LENGTH) {
      throw new AppError('TG_ERR_VALIDATION', { detail: `/text 1..${OPINION_MAX_LENGTH} characters` });
    }
    const row = { id: opinionId(user.id, text), user_id: user.id, text, created_at: this.clock() };
    const exists = await this.knex('common_opinions').first('id').where({ id: row.id, user_id: user.id });
    if (exists) throw new AppError('TG_ERR_OPINION_DUPLICATE');
    try {
      await this.knex('common_opinions').insert(row);
    } catch (e) {
      if (isDuplicateKey(e)) throw new AppError('TG_ERR_OPINION_DUPLICATE');
      throw e;
    }
    return toOpinion(row);
  }

  async remove(user: SessionUser, id: string): Promise<void> {
    const deleted = await this.knex('common_opinions').where({ id, user_id: user.id }).delete();
    if (Number(deleted) === 0) throw new AppError('TG_ERR_NOT_FOUND', { what: `opinion ${id}` });
  }
}
