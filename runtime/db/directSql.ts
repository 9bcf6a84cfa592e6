import type { Knex } from '@mikro-orm/knex';

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
export type Row = Record<string, unknown>;

interface SqliteStatement {
  readonly reader: boolean;
  all(params: unknown[]): Row[];
  run(params: unknown[]): { changes: number };
}

interface SqliteConnection {
  prepare(sql: string): SqliteStatement;
}

interface MariaDbConnection {
  query(options: { sql: string }, values: unknown[], callback: (error: Error | null, result: unknown) => void): void;
}

interface ClientLike {
  readonly dialect: string;
  acquireConnection(): Promise<unknown>;
  releaseConnection(connection: unknown): Promise<unknown>;
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

async function run<T>(q: Q, sql: string, params: readonly unknown[], read: boolean): Promise<T> {
  const trx = q as Partial<Knex.Transaction>;
  if (trx.isTransaction && trx.isCompleted?.()) throw new Error(`Transaction query already complete: ${sql}`);
  const client = (q as unknown as { client: ClientLike }).client;
  const connection = await client.acquireConnection();
  try {
    if (client.dialect === 'sqlite3') {
      const statement = (connection as SqliteConnection).prepare(sql);
      const values = params.map(sqliteValue);
      return (read || statement.reader ? statement.all(values) : statement.run(values).changes) as T;
    }
    return await new Promise<T>((resolve, reject) => {
      (connection as MariaDbConnection).query({ sql }, params.map(mariadbValue), (error, result) => {
        if (error) reject(error);
        else resolve((read ? result : (result as { affectedRows: number }).affectedRows) as T);
      });
    });
  } finally {
    await client.releaseConnection(connection);
  }
}

/** The rows of a select. */
export function selectRows<T = Row>(q: Q, sql: string, params: readonly unknown[] = []): Promise<T[]> {
  return run<T[]>(q, sql, params, true);
}

/** An insert, update or delete; returns the number of rows it changed. */
export function execute(q: Q, sql: string, params: readonly unknown[] = []): Promise<number> {
  return run<number>(q, sql, params, false);
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

/** `update table set … where k = ? and …`; returns the number of rows changed. */
export function updateWhere(q: Q, table: string, set: Row, where: Row): Promise<number> {
  const columns = Object.keys(set);
  const keys = Object.keys(where);
  const sql = `update ${name(table)} set ${columns.map((c) => `${name(c)} = ?`).join(', ')} where ${keys.map((k) => `${name(k)} = ?`).join(' and ')}`;
  return execute(q, sql, [...columns.map((c) => set[c]), ...keys.map((k) => where[k])]);
}
