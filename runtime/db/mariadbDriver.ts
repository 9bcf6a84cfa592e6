import { createRequire } from 'node:module';
import type { Configuration } from '@mikro-orm/core';
import { MariaDbKnexDialect } from '@mikro-orm/knex';
import { MariaDbConnection, MariaDbDriver } from '@mikro-orm/mariadb';
import { coalescingSocket } from './coalescingSocket.js';

/** A statement as the driver's inner connection takes it: without `opts`, the command uses the connection's own. */
interface Command { sql: string; values: unknown[] }

/** What directConnection uses of a connection's inner driver object. */
export interface InnerConnection {
  query(command: Command, resolve: (result: unknown) => void, reject: (error: Error) => void): void;
}

const INNER = Symbol('mariadb inner connection');

/**
 * The driver's connection behind knex's callback-style one, for statements that skip the callback
 * wrapper: it gives every statement options of its own (a copy of the connection's some sixty
 * options plus one, per statement), which cost the action path about a quarter of its CPU on
 * MariaDB (profile of bench/runtime.ts: 0.5 ms of 2 ms per action). Undefined for a connection
 * made elsewhere.
 */
export function innerConnection(connection: unknown): InnerConnection | undefined {
  return (connection as { [INNER]?: InnerConnection })[INNER];
}

const require = createRequire(import.meta.url);
const callbackApi = require('mariadb/callback') as Record<string, unknown>;
type Inner = InnerConnection & { connect(): Promise<void>; emit(event: string, error?: Error): void };
const Connection = require('mariadb/lib/connection') as new (options: unknown) => Inner;
const ConnectionOptions = require('mariadb/lib/config/connection-options') as new (options: Record<string, unknown>) => unknown;
const ConnectionCallback = require('mariadb/lib/connection-callback') as new (connection: Inner) => object;

/**
 * `mariadb/callback` for knex, whose connections keep their inner connection for innerConnection
 * and write through a coalescingSocket. createConnection is the package's own, step for step.
 */
const driver = {
  ...callbackApi,
  createConnection(options: Record<string, unknown>) {
    const host = String(options.host ?? 'localhost');
    const port = Number(options.port ?? 3306);
    const socketOptions = options.socketPath ? {} : { stream: () => coalescingSocket(port, host) };
    const conn = new Connection(new ConnectionOptions({ ...options, ...socketOptions }));
    const wrapped = new ConnectionCallback(conn);
    Object.defineProperty(wrapped, INNER, { value: conn });
    conn.connect().then(() => conn.emit('connect'), (e: Error) => conn.emit('connect', e));
    return wrapped;
  },
};

class DirectMariaDbDialect extends MariaDbKnexDialect {
  override _driver() {
    return driver;
  }
}

class DirectMariaDbConnection extends MariaDbConnection {
  override createKnex(): void {
    // knex takes a dialect class as its client (MariaDbConnection passes its own the same way)
    this.client = this.createKnexClient(DirectMariaDbDialect as unknown as string);
    this.connected = true;
  }
}

/** MikroORM's MariaDB driver on the connections above (read replicas are not configured here). */
export class DirectMariaDbDriver extends MariaDbDriver {
  constructor(config: Configuration) {
    super(config);
    // MariaDbDriver names its connection class in its constructor; the field is readonly only for types
    (this as unknown as { connection: MariaDbConnection }).connection = new DirectMariaDbConnection(this.config);
  }
}
