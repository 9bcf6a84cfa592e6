import type { Knex } from '@mikro-orm/knex';
import { bindTransaction, clientOf, onConnection, sqliteInTransaction, type ClientLike, type DirectTransaction } from './directConnection.js';

/**
 * Group commit on the embedded database. SQLite has one connection, so its transactions run one
 * after another anyway; what each one costs beyond its statements is the commit, which writes every
 * page it touched to the WAL (the tickets' indexes, the history's and the outbox's last pages …),
 * and most of those pages are the same for the next transaction. Transactions that queue while one
 * runs are run in the same SQLite transaction, each inside a savepoint of its own, and committed
 * together: a transaction that fails rolls back to its savepoint and nothing of it is kept, the
 * others go on. Each caller's promise settles only after the commit that holds its writes, so an
 * answer still means the writes are durable (as synchronous=NORMAL makes any commit); if that
 * commit fails, every member of the group gets the error.
 *
 * Statements outside a transaction (reads, single writes) wait in knex's pool while a group holds
 * the connection, at most MAX_GROUP transactions long.
 */
const MAX_GROUP = 32;

interface Member {
  readonly work: (trx: DirectTransaction) => Promise<unknown>;
  readonly resolve: (value: unknown) => void;
  readonly reject: (error: unknown) => void;
}

interface Done {
  readonly member: Member;
  readonly value: unknown;
}

class GroupCommit {
  private readonly queue: Member[] = [];
  private running = false;

  constructor(private readonly knex: Knex, private readonly client: ClientLike) {}

  submit<T>(work: (trx: DirectTransaction) => Promise<T>): Promise<T> {
    return new Promise<T>((resolve, reject) => {
      this.queue.push({ work, resolve: resolve as (value: unknown) => void, reject });
      if (!this.running) void this.run();
    });
  }

  private async run(): Promise<void> {
    this.running = true;
    let connection: unknown;
    try {
      connection = await this.client.acquireConnection();
    } catch (e) {
      for (const member of this.queue.splice(0)) member.reject(e);
      this.running = false;
      return;
    }
    try {
      await this.group(connection);
    } finally {
      await this.client.releaseConnection(connection);
      this.running = false;
      if (this.queue.length > 0) void this.run();
    }
  }

  /** One SQLite transaction: members while they queue (the poll phase gets a turn to add more), then one commit. */
  private async group(connection: unknown): Promise<void> {
    const exec = (sql: string) => onConnection('sqlite3', connection, sql, [], 'changes');
    let done: Done[] = [];
    let current: Member | undefined;
    try {
      exec('begin');
      while (done.length < MAX_GROUP) {
        current = this.queue.shift();
        if (!current) {
          // requests already received get parsed and reach their transaction before the commit
          await new Promise((resolve) => setImmediate(resolve));
          if (this.queue.length === 0) break;
          continue;
        }
        const { trx, state } = bindTransaction(this.knex, connection);
        exec('savepoint action');
        try {
          const value = await current.work(trx);
          state.done = true;
          exec('release action');
          done.push({ member: current, value });
        } catch (e) {
          state.done = true;
          current.reject(e);
          if (!sqliteInTransaction(connection)) {
            // SQLite rolled the whole transaction back (I/O error, disk full …): the members before lost theirs too
            for (const d of done) d.member.reject(e);
            done = [];
            exec('begin');
            continue;
          }
          exec('rollback to action');
          exec('release action');
        }
        current = undefined;
      }
      exec('commit');
    } catch (e) {
      if (sqliteInTransaction(connection)) exec('rollback');
      current?.reject(e);
      for (const d of done) d.member.reject(e);
      return;
    }
    for (const d of done) d.member.resolve(d.value);
  }
}

const groups = new WeakMap<ClientLike, GroupCommit>();

/** Runs `work` in a savepoint of the current group's SQLite transaction; settles after its commit. */
export function groupTransaction<T>(knex: Knex, work: (trx: DirectTransaction) => Promise<T>): Promise<T> {
  const client = clientOf(knex);
  let group = groups.get(client);
  if (!group) groups.set(client, group = new GroupCommit(knex, client));
  return group.submit(work);
}
