import type { Knex } from '@mikro-orm/knex';
import type { OrgIndex } from '../../engine/org/index.js';
import type { BundleStore } from '../app/bundleStore.js';
import { dialectOf, execute, selectRows, transaction, updateWhere, type Q } from '../db/directSql.js';
import { parseJson } from '../tickets/rows.js';
import { MESSAGE_EFFECTS, messageRecords, parseMessageEffect, type TicketLabel } from './messageOf.js';

/** Rows looked at per run. */
const BATCH = 100;
/** After this many failed attempts a row stays in the outbox for an operator (a dead letter). */
export const MAX_ATTEMPTS = 20;
/** A row that failed k times waits until created_at + k² × this before the next attempt. */
export const RETRY_STEP_MS = 5_000;
const INSERT_CHUNK = 100;

interface OutboxRecord {
  id: string; ticket_id: string; type: string; payload: unknown; created_at: number; attempts: number;
}

export interface OutboxReport {
  /** Rows claimed and marked done. */
  readonly delivered: number;
  /** Messages written (a replay writes none). */
  readonly messages: number;
  /** Rows that failed this time; they stay pending with the attempt counted. */
  readonly failed: readonly { readonly id: string; readonly error: string }[];
}

const EMPTY: OutboxReport = { delivered: 0, messages: 0, failed: [] };

/**
 * The pending message rows, oldest first. The outbox runs after every action: its statements go
 * straight to the driver (runtime/db/directSql.ts) rather than through knex's query builder.
 */
const PENDING = 'select `id`, `ticket_id`, `type`, `payload`, `created_at`, `attempts` from `outbox`'
  + ` where \`done_at\` is null and \`type\` in (${MESSAGE_EFFECTS.map(() => '?').join(', ')}) and \`attempts\` < ?`
  + ` and created_at + attempts * attempts * ? <= ? order by \`created_at\` asc limit ${BATCH}`;

/** Inserts message rows, skipping any whose id is there already (a concurrent delivery of the same row). */
async function insertIgnoringIds(q: Q, rows: readonly Record<string, unknown>[]): Promise<void> {
  if (rows.length === 0) return;
  const columns = Object.keys(rows[0]!);
  const tuple = `(${columns.map(() => '?').join(', ')})`;
  const into = `into \`messages\` (${columns.map((c) => `\`${c}\``).join(', ')}) values ${rows.map(() => tuple).join(', ')}`;
  const sql = dialectOf(q) === 'sqlite3' ? `insert ${into} on conflict (\`id\`) do nothing` : `insert ignore ${into}`;
  await execute(q, sql, rows.flatMap((r) => columns.map((c) => r[c])));
}

/**
 * After commit (DESIGN principle 4): turns `notify` and `urge` outbox rows into 消息中心 messages
 * (X-2), at least once and idempotent. A row is claimed by a conditional update of its attempt
 * count, so two processes that read the same row never both deliver it; the message id comes from
 * (outbox row, user), so a replay after a crash inserts nothing new. `callService` and
 * `splitFollowers` rows belong to other processors and are left alone.
 */
export class OutboxProcessor {
  private current?: Promise<OutboxReport>;
  private queued?: Promise<OutboxReport>;
  private timer?: NodeJS.Timeout;
  private stopped = false;

  constructor(private readonly knex: Knex, private readonly bundles: BundleStore, private readonly clock: () => number = Date.now) {}

  /**
   * Processes what is pending now. Runs never overlap within a process: a call during a run
   * waits for it and then runs once more (calls in between share that run), so everything
   * committed before the call has been looked at when the promise resolves. Never rejects.
   */
  processOutbox(): Promise<OutboxReport> {
    if (this.stopped) return Promise.resolve(EMPTY);
    if (this.queued) return this.queued;
    if (!this.current) {
      this.current = this.run().finally(() => {
        this.current = undefined;
      });
      return this.current;
    }
    this.queued = this.current.then(() => {
      this.queued = undefined;
      return this.processOutbox();
    });
    return this.queued;
  }

  /** Runs processOutbox every `intervalMs` (the timer does not keep the process alive). */
  start(intervalMs: number): void {
    if (this.timer || this.stopped) return;
    this.timer = setInterval(() => void this.processOutbox(), intervalMs);
    this.timer.unref();
  }

  /** Stops the timer and waits for a run in progress; later calls do nothing. */
  async stop(): Promise<void> {
    this.stopped = true;
    if (this.timer) clearInterval(this.timer);
    this.timer = undefined;
    await this.queued;
    await this.current;
  }

  private async run(): Promise<OutboxReport> {
    try {
      const now = this.clock();
      const rows = await selectRows<OutboxRecord>(this.knex, PENDING, [...MESSAGE_EFFECTS, MAX_ATTEMPTS, RETRY_STEP_MS, now]);
      if (rows.length === 0) return EMPTY;
      const { org } = await this.bundles.currentCompiled();
      let delivered = 0;
      let messages = 0;
      const failed: { id: string; error: string }[] = [];
      for (const row of rows) {
        if (!(await this.claim(row))) continue;
        try {
          messages += await this.deliver(org, row, this.clock());
          delivered += 1;
        } catch (e) {
          failed.push({ id: row.id, error: e instanceof Error ? e.message : String(e) });
        }
      }
      return { delivered, messages, failed };
    } catch (e) {
      // the database or the bundle is unavailable: nothing was claimed, the next run tries again
      return { ...EMPTY, failed: [{ id: '*', error: e instanceof Error ? e.message : String(e) }] };
    }
  }

  /** Counts the attempt; false when another process claimed (or finished) the row since it was read. */
  private async claim(row: OutboxRecord): Promise<boolean> {
    const attempts = Number(row.attempts);
    const updated = await execute(this.knex, 'update `outbox` set `attempts` = ? where `id` = ? and `attempts` = ? and `done_at` is null', [attempts + 1, row.id, attempts]);
    return Number(updated) === 1;
  }

  /** Writes the row's messages and marks it done in one transaction; returns how many messages were new. */
  private async deliver(org: OrgIndex, row: OutboxRecord, now: number): Promise<number> {
    const effect = parseMessageEffect(parseJson(row.payload));
    const [ticket] = await selectRows<TicketLabel>(this.knex, 'select `number`, `title` from `tickets` where `id` = ? limit 1', [effect.ticket]);
    const records = messageRecords(org, row.id, effect, ticket, Number(row.created_at));
    return transaction(this.knex, async (trx) => {
      const ids = records.map((r) => r.id);
      const existing = new Set<string>();
      for (let i = 0; i < ids.length; i += INSERT_CHUNK) {
        const chunk = ids.slice(i, i + INSERT_CHUNK);
        const found = await selectRows<{ id: string }>(trx, `select \`id\` from \`messages\` where \`id\` in (${chunk.map(() => '?').join(', ')})`, chunk);
        for (const f of found) existing.add(f.id);
      }
      const fresh = records.filter((r) => !existing.has(r.id));
      for (let i = 0; i < fresh.length; i += INSERT_CHUNK) await insertIgnoringIds(trx, fresh.slice(i, i + INSERT_CHUNK));
      await updateWhere(trx, 'outbox', { done_at: now }, { id: row.id });
      return fresh.length;
    });
  }
}
