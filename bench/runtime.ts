/**
 * Runtime benchmark (not a test): full ticket lifecycles through real HTTP on SQLite and on MariaDB,
 * beside the raw storage limit for the same row shape (one update, two inserts per action) written
 * by plain SQL in the same run, with the ratio; and the server's peak memory and CPU per action.
 * The lifecycle is six actions whose answers name the task and application to act on next; a second
 * run adds the two detail reads the handler's and the reviewer's screens make (not rows of the raw
 * limit's shape, so its ratio is for orientation).
 * The load generator runs in a child process (bench/lifecycleClient.ts), so the server's figures are
 * its own; BENCH_CLIENT=inline runs it inside the server's process as before. Both paths are warmed
 * up, then raw limit and lifecycles alternate for BENCH_ROUNDS rounds (default 3): a round's ratio
 * pairs runs seconds apart, and the medians move least with the machine's slow moments.
 * `npm run bench` (BENCH_TICKETS, BENCH_CONCURRENCY change the load; BENCH_ONLY=sqlite|mariadb
 * measures one database; BENCH_PROFILE=<dir> writes the server's CPU profile of each run of the
 * first round there).
 */
import { execFileSync, fork } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
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
/** Rounds of raw limit and lifecycles per database; the medians are reported. */
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 3);
/** `sqlite` or `mariadb` to measure only that database. */
const ONLY = process.env.BENCH_ONLY?.toLowerCase();

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

/**
 * CPU time (ms) the local MariaDB server has used so far, read from /proc; undefined when it is not
 * a process of this machine. The lifecycles and the raw limit share two cores with it, so what the
 * database spends per action is part of the ratio.
 */
function databaseCpuMs(): number | undefined {
  try {
    const pid = execFileSync('pgrep', ['-o', '-x', 'mariadbd|mysqld'], { encoding: 'utf8' }).trim();
    const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
    // utime and stime, fields 14 and 15 of stat (11 and 12 after the command), in clock ticks of 10 ms
    return (Number(fields[11]) + Number(fields[12])) * 10;
  } catch {
    return undefined;
  }
}

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

/** One measured run: units done (transactions or actions), their rate and the CPU each cost. */
interface Sample {
  readonly perSec: number;
  /** Server process CPU per unit, ms (the raw SQL runs in the server's process too). */
  readonly serverMs: number;
  /** Database server CPU per unit, ms, when the database is a local process. */
  readonly databaseMs?: number;
  /** Share of its run the load generator was busy. */
  readonly clientBusy?: number;
}

function sample(units: number, ms: number, cpu: NodeJS.CpuUsage, dbBefore: number | undefined, dbAfter: number | undefined): Sample {
  return {
    perSec: units / (ms / 1000), serverMs: (cpu.user + cpu.system) / 1000 / units,
    ...(dbBefore !== undefined && dbAfter !== undefined ? { databaseMs: (dbAfter - dbBefore) / units } : {}),
  };
}

const median = (values: readonly number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;
const spread = (values: readonly number[], digits = 0) => values.map((v) => v.toFixed(digits)).join(', ');

function report(label: string, rounds: readonly { raw: Sample; actions: Sample; reads: Sample }[], local: boolean): void {
  const cpu = (samples: readonly Sample[]) => `server CPU ${median(samples.map((s) => s.serverMs)).toFixed(2)} ms` +
    (local ? `, database ${median(samples.map((s) => s.databaseMs ?? 0)).toFixed(2)} ms` : '');
  const raws = rounds.map((r) => r.raw);
  console.log(`${label}: raw SQL limit ${median(raws.map((s) => s.perSec)).toFixed(0)} tx/s (median of ${rounds.length} runs: ${spread(raws.map((s) => s.perSec))}; ${cpu(raws)} per tx); server peak RSS ${(peakRss / 1024 / 1024).toFixed(0)} MiB${INLINE ? ' (load generator inside it)' : ''}`);
  for (const reads of [false, true]) {
    const samples = rounds.map((r) => (reads ? r.reads : r.actions));
    const ratios = rounds.map((r, i) => samples[i]!.perSec / r.raw.perSec);
    const what = reads ? 'with two detail reads per lifecycle' : 'lifecycle actions';
    const client = INLINE ? '' : `; load generator busy ${(100 * median(samples.map((s) => s.clientBusy ?? 0))).toFixed(0)}% of its run`;
    console.log(`  ${what}: ${median(samples.map((s) => s.perSec)).toFixed(0)} actions/s through HTTP (${spread(samples.map((s) => s.perSec))}; ${cpu(samples)} per action${client}); ratio ${median(ratios).toFixed(2)} (each round: ${spread(ratios, 2)})${reads ? '' : ' (goal ≥ 0.6)'}`);
  }
}

async function measure(label: string, env: Record<string, string>, cleanup: () => Promise<void>, databaseCpu: () => number | undefined = () => undefined): Promise<void> {
  let app: App | undefined;
  try {
    app = await createApp(loadConfig({ ...env, PORT: '0', DEMO_PASSWORD: 'bench-pass' }));
    const url = await app.server.listen({ port: 0, host: '127.0.0.1' });
    const tokens: Record<string, string> = {};
    for (const login of ['zjg.acceptor', 'zjg.shiftleader', 'zjg.dispatcher', 'zjg.cgj.handler', 'zjg.reviewer']) {
      tokens[login] = (await app.services.auth.login(login, 'bench-pass', Date.now())).token;
    }
    const run = { url, tokens, tickets: TICKETS, concurrency: CONCURRENCY, reads: false };
    const rawRun = async (): Promise<Sample> => {
      const t = performance.now();
      const db = databaseCpu();
      const cpu = process.cpuUsage();
      const n = await rawLimit(app!.services.knex, TICKETS * 6);
      return sample(n, performance.now() - t, process.cpuUsage(cpu), db, databaseCpu());
    };
    const lifecycleRun = async (reads: boolean, round: number): Promise<Sample> => {
      sampling = true;
      const cpu = process.cpuUsage();
      const db = databaseCpu();
      const work = () => drive({ ...run, reads });
      const { actions, ms, cpuMs } = round === 0 ? await profiled(`${label}${reads ? '-reads' : ''}`, work) : await work();
      const used = process.cpuUsage(cpu);
      sampling = false;
      return { ...sample(actions, ms, used, db, databaseCpu()), clientBusy: (cpuMs ?? 0) / ms };
    };
    // warm-up of both paths (every route of the lifecycles, knex's builder and fresh tables of the raw SQL)
    await drive({ ...run, reads: true });
    await rawRun();
    peakRss = 0;
    // rounds of raw limit, lifecycle actions, lifecycle with two detail reads: each ratio pairs runs
    // minutes apart at most, and the median of the rounds is what a slow moment of the machine moves least
    const rounds: { raw: Sample; actions: Sample; reads: Sample }[] = [];
    for (let round = 0; round < ROUNDS; round++) {
      rounds.push({ raw: await rawRun(), actions: await lifecycleRun(false, round), reads: await lifecycleRun(true, round) });
    }
    report(label, rounds, databaseCpu() !== undefined);
  } finally {
    await app?.close();
    await cleanup();
  }
}

const dir = await mkdtemp(join(tmpdir(), 'tongguan-bench-'));
if (ONLY !== 'mariadb') await measure('SQLite', { DATA_DIR: dir }, () => rm(dir, { recursive: true, force: true }));
if (ONLY !== 'sqlite') try {
  const { createConnection } = await import('mariadb');
  const url = new URL(MARIADB);
  const admin = await createConnection({ host: url.hostname, port: Number(url.port || 3306), user: url.username || 'root', password: url.password });
  const db = url.pathname.slice(1);
  await admin.query(`DROP DATABASE IF EXISTS \`${db}\``);
  const local = ['127.0.0.1', 'localhost', '::1'].includes(url.hostname);
  await measure('MariaDB', { DATABASE_URL: MARIADB }, async () => { await admin.query(`DROP DATABASE IF EXISTS \`${db}\``); await admin.end(); }, local ? databaseCpuMs : undefined);
} catch (e) {
  console.log(`MariaDB: not measured (${(e as Error).message})`);
}
clearInterval(sampler);
