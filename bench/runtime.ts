/**
 * Runtime benchmark (not a test): full ticket lifecycles through real HTTP on SQLite and on MariaDB,
 * beside the raw storage limit for the same row shape (one update, two inserts per action) written
 * by plain SQL in the same run, with the ratio; and the server's peak memory and CPU per action.
 * The lifecycle is six actions whose answers name the task and application to act on next; a second
 * run adds the two detail reads the handler's and the reviewer's screens make (not rows of the raw
 * limit's shape, so its ratio is for orientation).
 * The load generator runs in a child process (bench/lifecycleClient.ts), so the server's figures are
 * its own; BENCH_CLIENT=inline runs it inside the server's process as before.
 * `npm run bench` (set BENCH_TICKETS, BENCH_CONCURRENCY to change the load; BENCH_PROFILE=<dir> writes
 * the server's CPU profile of each measured run there).
 */
import { fork } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { Session } from 'node:inspector/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Knex } from '@mikro-orm/knex';
import { createApp, type App } from '../runtime/app/createApp.js';
import { loadConfig } from '../runtime/config.js';
import { lifecycles, type ClientAnswer, type ClientRun } from './lifecycleClient.js';

const TICKETS = Number(process.env.BENCH_TICKETS ?? 300);
const CONCURRENCY = Number(process.env.BENCH_CONCURRENCY ?? 50);
const MARIADB = process.env.BENCH_MARIADB_URL ?? 'mysql://root@127.0.0.1:3306/tongguan_bench';
const INLINE = process.env.BENCH_CLIENT === 'inline';
/** A directory to write the server's CPU profile of each measured run to (`<label>.cpuprofile`). */
const PROFILE = process.env.BENCH_PROFILE;

/** Profiles `work` with the inspector when BENCH_PROFILE is set (the warm-up and the raw SQL stay out). */
async function profiled<T>(label: string, work: () => Promise<T>): Promise<T> {
  if (!PROFILE) return work();
  const session = new Session();
  session.connect();
  await session.post('Profiler.enable');
  await session.post('Profiler.start');
  try {
    return await work();
  } finally {
    const { profile } = await session.post('Profiler.stop');
    await writeFile(join(PROFILE, `${label}.cpuprofile`), JSON.stringify(profile));
    session.disconnect();
  }
}

/** The server's peak resident memory while the measured lifecycles run (with the load generator's when inline). */
let peakRss = 0;
let sampling = false;
// memoryUsage.rss() only: memoryUsage() also collects the heap's statistics, which cost the measured
// server 0.5-1% of its CPU at this rate (profile); every 100 ms, as every 20 ms still cost 1%
const sampler = setInterval(() => { if (sampling) peakRss = Math.max(peakRss, process.memoryUsage.rss()); }, 100);

async function pool<T>(n: number, limit: number, work: (i: number) => Promise<T>): Promise<void> {
  let next = 0;
  await Promise.all(Array.from({ length: Math.min(limit, n) }, async () => {
    while (next < n) await work(next++);
  }));
}

/** One run of lifecycles from the load generator; returns the actions done and the wall time. */
async function drive(run: ClientRun): Promise<{ actions: number; ms: number; cpuMs?: number }> {
  if (INLINE) {
    const t = performance.now();
    return { actions: await lifecycles(run), ms: performance.now() - t };
  }
  const child = fork(new URL('./lifecycleClient.ts', import.meta.url), { stdio: 'inherit' });
  try {
    const answer = await new Promise<ClientAnswer>((resolve, reject) => {
      child.once('message', (m) => resolve(m as ClientAnswer));
      child.once('error', reject);
      child.once('exit', (code) => reject(new Error(`load generator exited with ${code}`)));
      child.send(run);
    });
    if ('error' in answer) throw new Error(answer.error);
    return answer;
  } finally {
    child.kill();
  }
}

/** The same writes per action as the runtime (update the ticket, insert history, insert outbox) in plain SQL. */
async function rawLimit(knex: Knex, n: number): Promise<number> {
  // outbox rows of a type no processor reads, written done: the runtime's outbox processor must not
  // pick them up, nor wade through them (its pending query walks the rows not done yet; thousands of
  // leftover raw rows made each of its runs in the measured lifecycles cost about 1 ms on SQLite)
  const ids = Array.from({ length: Math.max(1, Math.ceil(n / 6)) }, () => randomUUID());
  const state = JSON.stringify({ filler: 'x'.repeat(1500) });
  // in slices: SQLite refuses a multi-row insert of more than 500 rows (knex writes it as one compound select)
  for (let at = 0; at < ids.length; at += 100) await knex('tickets').insert(ids.slice(at, at + 100).map((id, j) => ({ id, number: `BENCH${at + j}-${id.slice(0, 8)}`, domain: 'linkage', item: 'item.wzgg', flow: 'flow.linkage', node: 'dispatch', center: 'zjg', channel: 'phone', difficult: false, returned: false, registered_by: 'bench', title: 'bench', reported_at: 0, registered_at: 0, updated_at: 0, bundle_hash: 'bench', state, version: 1 })));
  await pool(n, CONCURRENCY, async (i) => {
    const id = ids[i % ids.length]!;
    await knex.transaction(async (trx) => {
      const row = await trx('tickets').select('version').where({ id }).first();
      await trx('tickets').update({ state, version: Number(row.version) + 1, updated_at: i }).where({ id, version: row.version });
      await trx('history').insert({ id: randomUUID(), ticket_id: id, entity_kind: 'ticket', entity_id: id, event: 'bench', from_node: 'a', to_node: 'b', center: 'zjg', actor_user: 'bench', at: i, data: JSON.stringify({ opinion: 'x' }) });
      await trx('outbox').insert({ id: randomUUID(), ticket_id: id, type: 'bench', payload: JSON.stringify({ x: 1 }), created_at: i, done_at: i, attempts: 0 });
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
    const run = { url, tokens, tickets: TICKETS, concurrency: CONCURRENCY, reads: false };
    await drive({ ...run, reads: true }); // warm-up, every route of both runs
    // the raw limit before and after the lifecycles, the higher of the two: on a machine shared with
    // other work a slow moment in either run must not make the ratio look better than it is
    const rawPerSec = async () => {
      const t = performance.now();
      const n = await rawLimit(app!.services.knex, TICKETS * 6);
      return n / ((performance.now() - t) / 1000);
    };
    const rawBefore = await rawPerSec();
    peakRss = 0;
    // the six actions of the lifecycle (ids from the answers), then the same with two detail reads
    const runs = [];
    for (const reads of [false, true]) {
      sampling = true;
      const cpu = process.cpuUsage();
      const { actions, ms, cpuMs } = await profiled(`${label}${reads ? '-reads' : ''}`, () => drive({ ...run, reads }));
      const { user, system } = process.cpuUsage(cpu);
      sampling = false;
      runs.push({ reads, actions, ms, cpuMs, user, system });
    }
    const rawAfter = await rawPerSec();
    const raw = Math.max(rawBefore, rawAfter);
    console.log(`${label}: raw SQL limit ${raw.toFixed(0)} tx/s (before ${rawBefore.toFixed(0)}, after ${rawAfter.toFixed(0)}); server peak RSS ${(peakRss / 1024 / 1024).toFixed(0)} MiB${INLINE ? ' (load generator inside it)' : ''}`);
    for (const { reads, actions, ms, cpuMs, user, system } of runs) {
      const httpPerSec = actions / (ms / 1000);
      const what = reads ? 'with two detail reads per lifecycle' : 'lifecycle actions';
      console.log(`  ${what}: ${actions} actions through HTTP at ${httpPerSec.toFixed(0)}/s (server CPU ${((user + system) / 1000 / actions).toFixed(2)} ms/action: user ${(user / 1000 / actions).toFixed(2)}, system ${(system / 1000 / actions).toFixed(2)}); ratio ${(httpPerSec / raw).toFixed(2)}${reads ? '' : ' (goal ≥ 0.6)'}${INLINE ? '' : `; load generator busy ${(100 * (cpuMs ?? 0) / ms).toFixed(0)}% of its run`}`);
    }
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
