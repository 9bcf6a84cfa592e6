import type { Knex } from '@mikro-orm/knex';
import { innerConnection } from './mariadbDriver.js';

/** A row as the drivers return it. */
export type Row = Record<string, unknown>;

interface SqliteStatement {
  readonly reader: boolean;
  all(params: unknown[]): Row[];
  run(params: unknown[]): { changes: number; lastInsertRowid: number | bigint };
}

interface SqliteConnection {
  prepare(sql: string): SqliteStatement;
  readonly inTransaction: boolean;
}

interface MariaDbConnection {
  query(sql: string, values: unknown[], callback: (error: Error | null, result: unknown) => void): void;
}

const DIRECT = Symbol('direct transaction');

export interface DirectState {
  readonly dialect: string;
  readonly connection: unknown;
  /** Set once the transaction committed or rolled back: a statement after it is an error. */
  done: boolean;
  /** MariaDB's BEGIN, sent but not yet answered: the first statement goes out behind it (pipelined). */
  begun?: Promise<unknown> | undefined;
}

/**
 * A transaction from directSql's `transaction`. It is called like a knex transaction, `trx('table')…`,
 * for the query builder (each builder runs on the transaction's connection), so code written
 * against Knex.Transaction runs in it unchanged; directSql's functions use the connection directly.
 * `trx(table)` builders and `trx.raw` are bound to it; nothing else of knex's transaction API is there.
 */
export type DirectTransaction = Knex.Transaction & { readonly [DIRECT]: DirectState };

export function directState(q: unknown): DirectState | undefined {
  return (q as { [DIRECT]?: DirectState })[DIRECT];
}

/** What directSql uses of knex's client: its dialect and its connection pool. */
export interface ClientLike {
  readonly dialect: string;
  acquireConnection(): Promise<unknown>;
  releaseConnection(connection: unknown): Promise<unknown>;
}

/** knex's client behind a knex instance or a transaction (whose client is a copy sharing the pool). */
export function clientOf(knex: Knex | Knex.Transaction): ClientLike {
  return (knex as unknown as { client: ClientLike }).client;
}

/** A transaction object over `connection` whose statements go straight to the driver. */
export function bindTransaction(knex: Knex, connection: unknown): { trx: DirectTransaction; state: DirectState } {
  const client = clientOf(knex);
  const state: DirectState = { dialect: client.dialect, connection, done: false };
  // a raw statement run on its own goes to this connection too (knex's runner reads the builder's
  // _connection, as QueryBuilder.connection() sets it): from the pool it would wait for this very one
  const raw = (...args: Parameters<Knex['raw']>) => Object.assign(knex.raw(...args), { _connection: connection });
  const trx = Object.assign((table: string) => knex(table).connection(connection), {
    [DIRECT]: state, client, isTransaction: true, isCompleted: () => state.done, raw,
  }) as unknown as DirectTransaction;
  return { trx, state };
}

/** Whether a SQLite connection is inside a transaction (SQLite ends one by itself on some errors). */
export function sqliteInTransaction(connection: unknown): boolean {
  return (connection as SqliteConnection).inTransaction;
}

/** better-sqlite3 binds numbers, strings, bigints, buffers and null (as knex passes them). */
function sqliteValue(value: unknown): unknown {
  if (value === undefined) return null;
  if (typeof value === 'boolean') return value ? 1 : 0;
  if (value instanceof Date) return value.valueOf();
  return value;
}

function mariadbValue(value: unknown): unknown {
  return value === undefined ? null : value;
}

/**
 * What a statement answers: the rows it reads, the number of rows it changed, or the id its insert
 * generated (on MariaDB/MySQL also the value of `last_insert_id(expr)` set by the statement).
 */
export type Answer = 'rows' | 'changes' | 'insertId';

function answerOf(result: unknown, answer: Answer): unknown {
  if (answer === 'rows') return result;
  const ok = result as { affectedRows: number; insertId: number | bigint };
  return answer === 'changes' ? ok.affectedRows : Number(ok.insertId);
}

/** One statement on a connection, answering as asked. SQLite answers synchronously. */
export function onConnection<T>(dialect: string, connection: unknown, sql: string, params: readonly unknown[], answer: Answer): T | Promise<T> {
  if (dialect === 'sqlite3') {
    const statement = (connection as SqliteConnection).prepare(sql);
    const values = params.map(sqliteValue);
    if (answer === 'rows' || statement.reader) return statement.all(values) as T;
    const result = statement.run(values);
    return (answer === 'changes' ? result.changes : Number(result.lastInsertRowid)) as T;
  }
  const inner = innerConnection(connection);
  if (inner) {
    return new Promise<T>((resolve, reject) => {
      inner.query({ sql, values: params.map(mariadbValue) }, (result) => resolve(answerOf(result, answer) as T), reject);
    });
  }
  return new Promise<T>((resolve, reject) => {
    // the text itself, not { sql } as knex passes it: with an options object the driver copies the
    // connection's whole options into every command (Object.assign of some eighty keys per statement)
    (connection as MariaDbConnection).query(sql, params.map(mariadbValue), (error, result) => {
      if (error) reject(error);
      else resolve(answerOf(result, answer) as T);
    });
  });
}
