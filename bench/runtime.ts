/**
 * Runtime benchmark (not a test): full ticket lifecycles through real HTTP on SQLite and on MariaDB,
 * beside the raw storage limit for the same row shape (one update, two inserts per action) written
 * by plain SQL in the same run, with the ratio; and the server's peak memory.
 * `npm run bench` (set BENCH_TICKETS, BENCH_CONCURRENCY to change the load).
 */
import { randomUUID } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Knex } from '@mikro-orm/knex';
import { createApp, type App } from '../runtime/app/createApp.js';
import { loadConfig } from '../runtime/config.js';

const TICKETS = Number(process.env.BENCH_TICKETS ?? 300);
const CONCURRENCY = Number(process.env.BENCH_CONCURRENCY ?? 50);
const MARIADB = process.env.BENCH_MARIADB_URL ?? 'mysql://root@127.0.0.1:3306/tongguan_bench';

let peakRss = 0;
const sampler = setInterval(() => { peakRss = Math.max(peakRss, process.memoryUsage().rss); }, 50);

async function pool<T>(n: number, limit: number, work: (i: number) => Promise<T>): Promise<void> {
  let next = 0;
  await Promise.all(Array.from({ length: Math.min(limit, n) }, async () => {
    while (next < n) await work(next++);
  }));
}

async function lifecycles(url: string, tokens: Record<string, string>): Promise<number> {
  let actions = 0;
  const call = async (login: string, path: string, body: unknown) => {
    const res = await fetch(`${url}${path}`, { method: 'POST', headers: { 'content-type': 'application/json', authorization: `Bearer ${tokens[login]}` }, body: JSON.stringify(body) });
    if (!res.ok) throw new Error(`${path}: ${res.status} ${await res.text()}`);
    actions++;
    return res.json() as Promise<{ ticket: { id: string } }>;
  };
  const fields = { reportTime: '2025-06-10T09:00:00+08:00', channel: 'phone', reporterName: '张三', reporterPhone: '13812345678', reporterGender: '男', title: '违规广告牌', description: '东桥路口', regionCode: '320582', address: '东桥路', grid: 'g.ys.dq.01', item: 'item.wzgg', eventType: 'complaint', difficult: false };
  await pool(TICKETS, CONCURRENCY, async () => {
    const { ticket } = await call('zjg.acceptor', '/api/tickets', { domain: 'linkage', item: 'item.wzgg', title: '违规广告牌', channel: 'phone', grid: 'g.ys.dq.01', fields, button: 'acc.toReview', opinion: '请审核' });
    await call('zjg.shiftleader', `/api/tickets/${ticket.id}/actions`, { button: 'acc.toDispatch', opinion: '受理' });
    const assigned = await fetch(`${url}/api/tickets/${ticket.id}/actions`, { method: 'POST', headers: { 'content-type': 'application/json', authorization: `Bearer ${tokens['zjg.dispatcher']}` }, body: JSON.stringify({ button: 'dsp.assign', opinion: '交办', payload: { handling: 'mainAssist', main: 'zjg.cgj' } }) });
    actions++;
    if (!assigned.ok) throw new Error(await assigned.text());
    const detail = await (await fetch(`${url}/api/tickets/${ticket.id}`, { headers: { authorization: `Bearer ${tokens['zjg.cgj.handler']}` } })).json() as { tasks: { id: string }[]; applications: { id: string }[] };
    await call('zjg.cgj.handler', `/api/tickets/${ticket.id}/actions`, { button: 'task.complete', target: { kind: 'task', id: detail.tasks[0]!.id }, opinion: '已拆除' });
    const after = await (await fetch(`${url}/api/tickets/${ticket.id}`, { headers: { authorization: `Bearer ${tokens['zjg.reviewer']}` } })).json() as { applications: { id: string }[] };
    await call('zjg.reviewer', `/api/tickets/${ticket.id}/actions`, { button: 'app.approve', target: { kind: 'application', id: after.applications[0]!.id }, opinion: '通过' });
    await call('zjg.shiftleader', `/api/tickets/${ticket.id}/actions`, { button: 'cls.close', opinion: '结案' });
  });
  return actions;
}

/** The same writes per action as the runtime (update the ticket, insert history, insert outbox) in plain SQL. */
async function rawLimit(knex: Knex, n: number): Promise<number> {
  const ids = Array.from({ length: Math.max(1, Math.ceil(n / 6)) }, () => randomUUID());
  const state = JSON.stringify({ filler: 'x'.repeat(1500) });
  await knex('tickets').insert(ids.map((id, i) => ({ id, number: `BENCH${i}-${id.slice(0, 8)}`, domain: 'linkage', item: 'item.wzgg', flow: 'flow.linkage', node: 'dispatch', center: 'zjg', channel: 'phone', difficult: false, returned: false, registered_by: 'bench', title: 'bench', reported_at: 0, registered_at: 0, updated_at: 0, bundle_hash: 'bench', state, version: 1 })));
  await pool(n, CONCURRENCY, async (i) => {
    const id = ids[i % ids.length]!;
    await knex.transaction(async (trx) => {
      const row = await trx('tickets').select('version').where({ id }).first();
      await trx('tickets').update({ state, version: Number(row.version) + 1, updated_at: i }).where({ id, version: row.version });
      await trx('history').insert({ id: randomUUID(), ticket_id: id, entity_kind: 'ticket', entity_id: id, event: 'bench', from_node: 'a', to_node: 'b', center: 'zjg', actor_user: 'bench', at: i, data: JSON.stringify({ opinion: 'x' }) });
      await trx('outbox').insert({ id: randomUUID(), ticket_id: id, type: 'notify', payload: JSON.stringify({ x: 1 }), created_at: i, attempts: 0 });
    });
  });
  return n;
}

async function measure(label: string, env: Record<string, string>, cleanup: () => Promise<void>): Promise<void> {
  let app: App | undefined;
  try {
    app = await createApp(loadConfig({ ...env, PORT: '0', DEMO_PASSWORD: 'bench-pass' }));
    const url = await app.server.listen({ port: 0, host: '127.0.0.1' });
    const tokens: Record<string, string> = {};
    for (const login of ['zjg.acceptor', 'zjg.shiftleader', 'zjg.dispatcher', 'zjg.cgj.handler', 'zjg.reviewer']) {
      tokens[login] = (await app.services.auth.login(login, 'bench-pass', Date.now())).token;
    }
    await lifecycles(url, tokens);
    let t = performance.now();
    const actions = await lifecycles(url, tokens);
    const httpPerSec = actions / ((performance.now() - t) / 1000);
    t = performance.now();
    const raw = await rawLimit(app.services.knex, actions);
    const rawPerSec = raw / ((performance.now() - t) / 1000);
    console.log(`${label}: ${actions} actions through HTTP at ${httpPerSec.toFixed(0)}/s; raw SQL limit ${rawPerSec.toFixed(0)} tx/s; ratio ${(httpPerSec / rawPerSec).toFixed(2)} (goal ≥ 0.6)`);
  } finally {
    await app?.close();
    await cleanup();
  }
}

const dir = await mkdtemp(join(tmpdir(), 'tongguan-bench-'));
await measure('SQLite', { DATA_DIR: dir }, () => rm(dir, { recursive: true, force: true }));
try {
  const { createConnection } = await import('mariadb');
  const url = new URL(MARIADB);
  const admin = await createConnection({ host: url.hostname, port: Number(url.port || 3306), user: url.username || 'root', password: url.password });
  const db = url.pathname.slice(1);
  await admin.query(`DROP DATABASE IF EXISTS \`${db}\``);
  await measure('MariaDB', { DATABASE_URL: MARIADB }, async () => { await admin.query(`DROP DATABASE IF EXISTS \`${db}\``); await admin.end(); });
} catch (e) {
  console.log(`MariaDB: not measured (${(e as Error).message})`);
}
clearInterval(sampler);
console.log(`peak RSS of the process (server and load generator together): ${(peakRss / 1024 / 1024).toFixed(0)} MiB`);
