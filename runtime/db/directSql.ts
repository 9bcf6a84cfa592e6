import type { Knex } from '@mikro-orm/knex';
import { bindTransaction, clientOf, directState, onConnection, type Answer, type DirectTransaction, type Row } from './directConnection.js';
import { groupTransaction } from './sqliteGroupCommit.js';

/**
 * The action path's statements sent straight to the driver, on the connection knex holds for the
 * caller (the transaction's own, or one lent by knex's pool for a single statement). Knex builds,
 * compiles and runs each query through several layers of promises and events; on the action path
 * that cost more than SQLite spent executing the statements (profile of bench/runtime.ts). The SQL
 * here is fixed text with `?` placeholders and backquoted names, which SQLite and MariaDB both read;
 * SQLite's statements are prepared once per connection (createOrm's statement cache).
 *
 * Transactions, pooling and everything off the hot path stay with knex.
 */
export type Q = Knex | Knex.Transaction;
export type { DirectTransaction, Row };

async function run<T>(q: Q, sql: string, params: readonly unknown[], answer: Answer): Promise<T> {
  const direct = directState(q);
  if (direct) {
    if (direct.done) throw new Error(`Transaction query already complete: ${sql}`);
    const result = onConnection<T>(direct.dialect, direct.connection, sql, params, answer);
    if (direct.begun) {
      const begun = direct.begun;
      direct.begun = undefined;
      try {
        await begun;
      } catch (e) {
        void Promise.resolve(result).catch(() => undefined);
        throw e;
      }
    }
    return result;
  }
  const trx = q as Partial<Knex.Transaction>;
  if (trx.isTransaction && trx.isCompleted?.()) throw new Error(`Transaction query already complete: ${sql}`);
  const client = clientOf(q);
  const connection = await client.acquireConnection();
  try {
    return await onConnection<T>(client.dialect, connection, sql, params, answer);
  } finally {
    await client.releaseConnection(connection);
  }
}

/**
 * Runs `work` in one transaction on one connection of knex's pool, with BEGIN and COMMIT (or
 * ROLLBACK when it throws) sent straight to the driver: knex.transaction builds a knex instance,
 * an event emitter and several promise layers per transaction, which cost the action path about as
 * much CPU as the statements inside it. On SQLite, transactions that queue up share one commit
 * (sqliteGroupCommit); each still resolves only once its writes are committed.
 */
export async function transaction<T>(knex: Knex, work: (trx: DirectTransaction) => Promise<T>): Promise<T> {
  const client = clientOf(knex);
  if (client.dialect === 'sqlite3') return groupTransaction(knex, work);
  const connection = await client.acquireConnection();
  const { trx, state } = bindTransaction(knex, connection);
  try {
    state.begun = onConnection(state.dialect, connection, 'start transaction', [], 'changes') as Promise<unknown>;
    let result: T;
    try {
      result = await work(trx);
      if (state.begun) await state.begun; // a transaction that sent nothing still answers for its BEGIN
    } catch (e) {
      state.done = true;
      await Promise.resolve(state.begun).catch(() => undefined);
      await onConnection(state.dialect, connection, 'rollback', [], 'changes');
      throw e;
    }
    state.done = true;
    await onConnection(state.dialect, connection, 'commit', [], 'changes');
    return result;
  } finally {
    await client.releaseConnection(connection);
  }
}

/** The database behind a query target: 'sqlite3' or 'mysql' (knex's names). */
export function dialectOf(q: Q): string {
  return directState(q)?.dialect ?? clientOf(q).dialect;
}

/** The rows of a select. */
export function selectRows<T = Row>(q: Q, sql: string, params: readonly unknown[] = []): Promise<T[]> {
  return run<T[]>(q, sql, params, 'rows');
}

/** An insert, update or delete; returns the number of rows it changed. */
export function execute(q: Q, sql: string, params: readonly unknown[] = []): Promise<number> {
  return run<number>(q, sql, params, 'changes');
}

/** An insert; returns the id it generated (MariaDB/MySQL: or the `last_insert_id(expr)` it set). */
export function insertId(q: Q, sql: string, params: readonly unknown[] = []): Promise<number> {
  return run<number>(q, sql, params, 'insertId');
}

const name = (identifier: string) => `\`${identifier}\``;

/** Inserts rows that all have the same columns (those of the first row), in one statement. */
export async function insertRows(q: Q, table: string, rows: readonly Row[]): Promise<void> {
  if (rows.length === 0) return;
  const columns = Object.keys(rows[0]!);
  const tuple = `(${columns.map(() => '?').join(', ')})`;
  const sql = `insert into ${name(table)} (${columns.map(name).join(', ')}) values ${rows.map(() => tuple).join(', ')}`;
  await execute(q, sql, rows.flatMap((r) => columns.map((c) => r[c])));
}

/**
 * Inserts rows that all have the same columns, in one statement; a row whose `key` (a unique
 * column) is there already has its other columns set from it instead (knex's onConflict().merge()).
 */
export async function upsertRows(q: Q, table: string, rows: readonly Row[], key: string): Promise<void> {
  if (rows.length === 0) return;
  const columns = Object.keys(rows[0]!);
  const tuple = `(${columns.map(() => '?').join(', ')})`;
  const others = columns.filter((c) => c !== key);
  const merge = dialectOf(q) === 'sqlite3'
    ? `on conflict (${name(key)}) do update set ${others.map((c) => `${name(c)} = excluded.${name(c)}`).join(', ')}`
    : `on duplicate key update ${others.map((c) => `${name(c)} = values(${name(c)})`).join(', ')}`;
  const sql = `insert into ${name(table)} (${columns.map(name).join(', ')}) values ${rows.map(() => tuple).join(', ')} ${merge}`;
  await execute(q, sql, rows.flatMap((r) => columns.map((c) => r[c])));
}

/** `update table set … where k = ? and …`; returns the number of rows changed. */
export function updateWhere(q: Q, table: string, set: Row, where: Row): Promise<number> {
  const columns = Object.keys(set);
  const keys = Object.keys(where);
  const sql = `update ${name(table)} set ${columns.map((c) => `${name(c)} = ?`).join(', ')} where ${keys.map((k) => `${name(k)} = ?`).join(' and ')}`;
  return execute(q, sql, [...columns.map((c) => set[c]), ...keys.map((k) => where[k])]);
}
