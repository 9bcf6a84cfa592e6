import { once } from 'node:events';
import { createServer, type AddressInfo, type Server } from 'node:net';
import { createConnection } from 'mariadb';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../runtime/config.js';
import { coalescingSocket } from '../../runtime/db/coalescingSocket.js';
import { clientOf } from '../../runtime/db/directConnection.js';
import { createOrm, type Database } from '../../runtime/db/createOrm.js';
import { execute, insertRows, selectRows, transaction } from '../../runtime/db/directSql.js';
import { innerConnection } from '../../runtime/db/mariadbDriver.js';
import { MARIADB_URL } from './support/testApp.js';

describe('coalescingSocket', () => {
  let server: Server;
  let received = '';

  beforeAll(async () => {
    server = createServer((s) => s.on('data', (chunk: Buffer) => { received += chunk.toString(); }));
    server.listen(0, '127.0.0.1');
    await once(server, 'listening');
  });

  afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

  it('holds the writes of one tick and sends them together on the next, in order', async () => {
    const socket = coalescingSocket((server.address() as AddressInfo).port, '127.0.0.1');
    await once(socket, 'connect');
    socket.write('BEGIN;');
    expect(socket.writableCorked).toBe(1);
    socket.write('SELECT;');
    socket.write('UPDATE;');
    expect(socket.writableCorked).toBe(1); // one cork for the whole tick
    expect(socket.writableLength).toBe('BEGIN;SELECT;UPDATE;'.length);
    await new Promise((resolve) => process.nextTick(resolve));
    expect(socket.writableCorked).toBe(0);
    await Promise.resolve();
    socket.write('COMMIT;'); // a later turn corks again
    expect(socket.writableCorked).toBe(1);
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(received).toBe('BEGIN;SELECT;UPDATE;COMMIT;');
    socket.destroy();
  });
});

/**
 * The action path's statements go to the mariadb driver's inner connection (runtime/db/mariadbDriver):
 * results, errors and the order of pipelined statements must be those of the driver's own API.
 */
describe('MariaDB direct statements', () => {
  const name = `tg_driver_${process.pid}`;
  let db: Database;

  beforeAll(async () => {
    const base = new URL(MARIADB_URL);
    const admin = await createConnection({ host: base.hostname, port: Number(base.port || 3306), user: decodeURIComponent(base.username || 'root') });
    await admin.query(`DROP DATABASE IF EXISTS \`${name}\``);
    await admin.query(`CREATE DATABASE \`${name}\``);
    await admin.end();
    base.pathname = `/${name}`;
    db = await createOrm(loadConfig({ DATABASE_URL: base.toString() }));
    await execute(db.knex, 'create table `counters` (`name` varchar(20) primary key, `value` int not null)');
  }, 60_000);

  afterAll(async () => {
    await execute(db.knex, `drop database \`${name}\``);
    await db.close();
  });

  it('uses the inner connection of every pooled connection', async () => {
    const client = clientOf(db.knex);
    const connection = await client.acquireConnection();
    try {
      expect(innerConnection(connection)).toBeDefined();
    } finally {
      await client.releaseConnection(connection);
    }
  });

  it('answers pipelined statements in the order they were sent', async () => {
    const values = await transaction(db.knex, async (trx) => {
      const sent = [];
      for (let i = 0; i < 5; i++) {
        sent.push(execute(trx, 'insert into `counters` (`name`, `value`) values (?, 1) on duplicate key update `value` = `value` + 1', ['a']));
        sent.push(selectRows<{ value: number }>(trx, 'select `value` from `counters` where `name` = ?', ['a']));
      }
      const answers = await Promise.all(sent);
      return answers.filter((a) => Array.isArray(a)).map((rows) => Number((rows as { value: number }[])[0]!.value));
    });
    expect(values).toEqual([1, 2, 3, 4, 5]);
    expect(await execute(db.knex, 'update `counters` set `value` = ? where `name` = ?', [0, 'nobody'])).toBe(0);
  });

  it('rejects with the driver error of a failing statement and rolls back the rest', async () => {
    const failed = transaction(db.knex, async (trx) => {
      await Promise.all([
        insertRows(trx, 'counters', [{ name: 'b', value: 1 }]),
        insertRows(trx, 'counters', [{ name: 'a', value: 9 }]), // 'a' is there: duplicate key
      ]);
    });
    await expect(failed).rejects.toMatchObject({ errno: 1062, code: 'ER_DUP_ENTRY' });
    expect(await selectRows(db.knex, 'select * from `counters` where `name` = ?', ['b'])).toEqual([]);
  });
});
