/**
 * List benchmark (not a test): list-view latency at 100,000 tickets on SQLite and on MariaDB.
 *
 * Seeds a fresh database with BENCH_LIST_TICKETS tickets (default 100,000) spread over the demo
 * organisation's four centers and their departments, at the stages a working system holds them
 * (mostly closed, some in acceptance, dispatch, handling, review and closing), with their tasks,
 * applications and history. The worlds come from the engine's own decide() run through real
 * lifecycles once per (center, department, stage), copied with fresh ids, numbers and report
 * times, and written with bulk inserts through the runtime's row functions (runtime/tickets/rows.ts).
 *
 * Then measures p50/p95 for four tabs as their users see them, and 已分拨 also at a page 60% in and
 * at its last page: the equivalent hand-written SQL (count + the page by offset, the same indexes)
 * run straight on the driver; the runtime's generated SQL for
 * the same list run the same way, with its ratio to the hand-written (goal ≤ 2×); and the whole
 * request GET /api/views/:view/tabs/:tab (through Fastify inject: auth, scope, the generated query,
 * rows, deadlines, masking, serialisation) with its ratio; and the query plans of the runtime's SQL.
 * `npm run bench`; BENCH_LIST_TICKETS, BENCH_LIST_ROUNDS, BENCH_LIST_MARIADB_URL change it; BENCH_PROFILE=<dir>
 * writes a CPU profile of each tab's runtime requests there.
 */
import { randomUUID } from 'node:crypto';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { Session } from 'node:inspector/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Knex } from '@mikro-orm/knex';
import {
  decide, poolEnabled, pooledNodes, type Action, type CompiledBundle, type EntityRef, type HistoryEvent, type Registration, type TicketWorld,
} from '../engine/index.js';
import { createApp, type App } from '../runtime/app/createApp.js';
import { loadConfig } from '../runtime/config.js';
import { insertRows, selectRows, type Row } from '../runtime/db/directSql.js';
import { applicationRow, historyRow, taskRow, ticketRow } from '../runtime/tickets/rows.js';
import { parseListParams } from '../runtime/views/listParams.js';
import { DEEP_OFFSET, viewerOf, ViewService } from '../runtime/views/viewService.js';

const TICKETS = Number(process.env.BENCH_LIST_TICKETS ?? 100_000);
const ROUNDS = Number(process.env.BENCH_LIST_ROUNDS ?? 40);
const WARMUP = 5;
const MARIADB = process.env.BENCH_LIST_MARIADB_URL ?? 'mysql://root@127.0.0.1:3306/tongguan_bench_lists';
/** A directory for the CPU profile of each tab's runtime requests (`<database> <view> <tab>.cpuprofile`). */
const PROFILE = process.env.BENCH_PROFILE;
/** Tickets written per transaction, and rows per insert statement. */
const CHUNK = 2_000;
const ROWS_PER_INSERT = 500;
/** Reports spread over the year before now (open work within the last month: lists evaluate its deadlines against now). */
const END = Math.floor(Date.now() / 60_000) * 60_000;
const YEAR = 365 * 86_400_000;

// ---------------------------------------------------------------------------------------------
// Worlds: real lifecycles through decide(), once per (center, department, stage)

interface CenterSpec {
  readonly center: string;
  /** Share of all tickets. */
  readonly weight: number;
  readonly grid?: string;
  /** The users who dispatch there, with their share of the dispatches. */
  readonly dispatchers: readonly (readonly [string, number])[];
  /** Main departments of dispatched tickets, with their share. */
  readonly departments: readonly (readonly [string, number])[];
}

const CENTERS: readonly CenterSpec[] = [
  { center: 'zjg', weight: 0.5, dispatchers: [['zjg.dispatcher', 0.7], ['zjg.shiftleader2', 0.3]],
    departments: [['zjg.cgj', 0.3], ['zjg.sthj', 0.15], ['zjg.zjj', 0.1], ['zjg.jtj', 0.15], ['zjg.swj', 0.1], ['zjg.scjg', 0.1], ['zjg.gaj', 0.1]] },
  { center: 'ys', weight: 0.2, grid: 'g.ys.dq.01', dispatchers: [['ys.dispatcher', 1]],
    departments: [['ys.cgzd', 0.4], ['ys.jsb', 0.2], ['ys.hbb', 0.2], ['ys.jdb', 0.2]] },
  { center: 'fh', weight: 0.15, grid: 'g.fh.xz.01', dispatchers: [['fh.dispatcher', 1]],
    departments: [['fh.cgzd', 0.5], ['fh.hbb', 0.3], ['fh.nyb', 0.2]] },
  { center: 'sz', weight: 0.15, dispatchers: [['sz.dispatcher', 1]],
    departments: [['sz.cgj', 0.3], ['sz.sthj', 0.2], ['sz.zjj', 0.1], ['sz.jtj', 0.2], ['sz.swj', 0.1], ['sz.scjg', 0.1]] },
];

/** Where tickets stand in a system that has run for a year: mostly closed. */
const STAGES = [
  ['acceptance', 0.01], ['acceptanceExtracted', 0.01], ['acceptanceReview', 0.01], ['dispatch', 0.02], ['handling', 0.08],
  ['resultReview', 0.03], ['closing', 0.04], ['closed', 0.8],
] as const;
type Stage = (typeof STAGES)[number][0];

interface Template {
  /** JSON of { world, history } with placeholder ids (`~N~`), number (`~NUMBER~`) and times from START. */
  readonly json: string;
  readonly ids: number;
}

const START = END - YEAR;
const TOKEN = /~(\d+)~/g;

async function lifecycle(cb: CompiledBundle, spec: CenterSpec, department: string, dispatcher: string, stage: Stage): Promise<Template> {
  let seq = 0;
  const ids = () => `~${++seq}~`;
  let now = START;
  let world: TicketWorld | undefined;
  const history: HistoryEvent[] = [];
  const actor = (login: string) => {
    const u = cb.org.users.get(login);
    if (!u) throw new Error(`no demo user ${login}`);
    return { user: u.id, department: u.department, roles: u.roles };
  };
  const act = async (login: string, button: string, target?: EntityRef, payload: Record<string, unknown> = {}) => {
    now += 20 * 60_000;
    const action: Action = { button, target: target ?? { kind: 'ticket', id: world?.ticket.id ?? '' }, actor: actor(login), opinion: '同意', payload };
    const registration: Registration | undefined = world ? undefined : {
      number: '~NUMBER~', domain: 'linkage', item: 'item.wzgg', title: '东桥路口违规广告牌', channel: 'phone', reportedAt: now,
      fields: { reporterName: '张三', reporterPhone: '13812345678', description: '东桥路口有违规广告牌', address: '东桥路' },
      ...(spec.grid ? { grid: spec.grid } : {}),
    };
    const r = await decide(cb, world, action, now, ids, registration);
    if (!r.ok) throw new Error(`${spec.center} ${stage}: ${login} ${button}: ${r.error.message}`);
    world = r.world;
    history.push(...r.history);
  };
  const c = spec.center;
  if (stage === 'acceptance' || stage === 'acceptanceExtracted' || stage === 'acceptanceReview') {
    await act(`${c}.acceptor`, 'acc.toReview');
    if (stage !== 'acceptanceReview') await act(`${c}.shiftleader`, 'accrev.return');
    if (stage === 'acceptanceExtracted') {
      // ACC-5: an acceptor took it from the pool (runtime/pools/poolStore.ts claimTicket, which is not a decision)
      now += 5 * 60_000;
      const ticket = { ...world!.ticket, assignee: `${c}.acceptor`, version: world!.ticket.version + 1 };
      world = { ...world!, ticket };
      history.push({
        id: ids(), ticket: ticket.id, entity: { kind: 'ticket', id: ticket.id }, event: 'pool.extract', fromNode: ticket.node, toNode: ticket.node,
        center: ticket.center, at: now, actor: { user: `${c}.acceptor`, department: c }, data: { pool: 'acceptance' },
      });
    }
  } else {
    await act(`${c}.acceptor`, 'acc.toDispatch');
    if (stage !== 'dispatch') {
      await act(dispatcher, 'dsp.assign', undefined, { handling: 'mainAssist', main: department });
      if (stage !== 'handling') {
        const task = world!.tasks.find((t) => t.department === department)!;
        await act(`${department}.handler`, 'task.complete', { kind: 'task', id: task.id });
        if (stage !== 'resultReview') {
          const app = world!.applications.find((a) => a.task === task.id && a.kind === 'result')!;
          await act(`${c}.reviewer`, 'app.approve', { kind: 'application', id: app.id });
          if (stage === 'closed') await act(`${c}.shiftleader`, 'cls.close');
        }
      }
    }
  }
  const expected: Record<Stage, string> = {
    acceptance: 'acceptance', acceptanceExtracted: 'acceptance', acceptanceReview: 'acceptanceReview', dispatch: 'dispatch', handling: 'handling',
    resultReview: 'handling', closing: 'closing', closed: 'closed',
  };
  if (world!.ticket.node !== expected[stage]) throw new Error(`${c} ${department} ${stage}: the lifecycle ended at ${world!.ticket.node}`);
  return { json: JSON.stringify({ world, history }), ids: seq };
}

/** A small deterministic random source (the same data on both databases and every run). */
function random(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function pick<T>(rnd: () => number, options: readonly (readonly [T, number])[]): T {
  let x = rnd() * options.reduce((s, [, w]) => s + w, 0);
  for (const [value, weight] of options) {
    x -= weight;
    if (x < 0) return value;
  }
  return options[options.length - 1]![0];
}

class Worlds {
  private readonly templates = new Map<string, Template>();
  constructor(private readonly cb: CompiledBundle) {}

  async template(spec: CenterSpec, department: string, dispatcher: string, stage: Stage): Promise<Template> {
    const key = `${spec.center}|${department}|${dispatcher}|${stage}`;
    let t = this.templates.get(key);
    if (!t) {
      t = await lifecycle(this.cb, spec, department, dispatcher, stage);
      this.templates.set(key, t);
    }
    return t;
  }

  /** Ticket `i`: a template copied with fresh ids, its own number and its report time shifted into the year. */
  async world(i: number, rnd: () => number): Promise<{ world: TicketWorld; history: HistoryEvent[] }> {
    const spec = pick(rnd, CENTERS.map((c) => [c, c.weight] as const));
    const department = pick(rnd, spec.departments);
    const dispatcher = pick(rnd, spec.dispatchers);
    let stage: Stage = pick(rnd, STAGES);
    // only a center with an acceptance pool has extracted tickets
    if (stage === 'acceptanceExtracted' && !poolEnabled(this.cb, 'acceptance', spec.center)) stage = 'acceptance';
    const t = await this.template(spec, department, dispatcher, stage);
    const fresh = Array.from({ length: t.ids }, () => randomUUID());
    // open work was reported recently; closed tickets over the whole year
    const shift = Math.floor((stage === 'closed' ? rnd() * (YEAR - 30 * 86_400_000) : YEAR - 30 * 86_400_000 + rnd() * 29 * 86_400_000));
    const json = t.json
      .replace(TOKEN, (_, n: string) => fresh[Number(n) - 1]!)
      .replace('~NUMBER~', `BL${String(i).padStart(10, '0')}`)
      .replace(/\b1\d{12}\b/g, (ms) => String(Number(ms) + shift));
    return JSON.parse(json) as { world: TicketWorld; history: HistoryEvent[] };
  }
}

/**
 * Writes the same tickets into every database, a chunk at a time: each chunk is made once and
 * inserted into all of them at once (MariaDB works on its own core while SQLite writes here).
 */
async function seed(targets: readonly Knex[], worlds: Worlds, n: number): Promise<Record<string, number>> {
  const rnd = random(20250610);
  const counts = { tickets: 0, tasks: 0, applications: 0, history: 0 };
  for (let from = 0; from < n; from += CHUNK) {
    const tickets: Row[] = [];
    const tasks: Row[] = [];
    const applications: Row[] = [];
    const history: Row[] = [];
    for (let i = from; i < Math.min(n, from + CHUNK); i++) {
      const { world, history: events } = await worlds.world(i, rnd);
      const last = events[events.length - 1]?.at ?? world.ticket.registeredAt;
      tickets.push(ticketRow(world.ticket, last));
      tasks.push(...world.tasks.map(taskRow));
      applications.push(...world.applications.map(applicationRow));
      history.push(...events.map(historyRow));
    }
    // MariaDB's statements go out first, so that its server works while SQLite (synchronous) writes
    await Promise.all([...targets].reverse().map((knex) => knex.transaction(async (trx) => {
      for (const [table, rows] of [['tickets', tickets], ['tasks', tasks], ['applications', applications], ['history', history]] as const) {
        for (let i = 0; i < rows.length; i += ROWS_PER_INSERT) await insertRows(trx, table, rows.slice(i, i + ROWS_PER_INSERT));
      }
    })));
    counts.tickets += tickets.length;
    counts.tasks += tasks.length;
    counts.applications += applications.length;
    counts.history += history.length;
  }
  return counts;
}

// ---------------------------------------------------------------------------------------------
// The tabs, and the SQL one would write for each by hand

interface HandSql {
  readonly count: string;
  /** The page's statement without its limit and offset. */
  readonly page: string;
  readonly params: readonly unknown[];
}

interface TabCase {
  readonly label: string;
  readonly login: string;
  readonly view: string;
  readonly tab: string;
  /** A page this far into the list instead of the first (0.6: 60% in, 1: the last page): what walking to an offset costs. */
  readonly at?: number;
  hand(cb: CompiledBundle): HandSql;
}

const PAGE_SIZE = 20;

const CASES: readonly TabCase[] = [
  {
    label: '事件受理 · 待受理 (zjg.acceptor)', login: 'zjg.acceptor', view: 'view.acc.acceptance', tab: 'pending',
    hand(cb) {
      // center scope: the viewer's own extractions, or unextracted tickets at a node not pooled here
      const pooled = pooledNodes(cb, 'zjg').has('acceptance');
      const where = `center = ? and node = 'acceptance' and (assignee = ?${pooled ? '' : " or assignee is null or assignee = ''"})`;
      return {
        count: `select count(*) as n from tickets where ${where}`,
        page: `select id, state from tickets where ${where} order by reported_at asc, id asc`,
        params: ['zjg', 'zjg.acceptor'],
      };
    },
  },
  {
    label: '事件分拨 · 已分拨 (zjg.dispatcher, actedBy)', login: 'zjg.dispatcher', view: 'view.dsp.dispatch', tab: 'dispatched',
    hand: () => {
      const where = "id in (select ticket_id from history where actor_user = ?) and node <> 'dispatch'";
      return {
        count: `select count(*) as n from tickets where ${where}`,
        page: `select id, state from tickets where ${where} order by reported_at desc, id desc`,
        params: ['zjg.dispatcher'],
      };
    },
  },
  ...[0.6, 1].map((at) => ({
    label: `事件分拨 · 已分拨 (zjg.dispatcher), ${at === 1 ? 'the last page' : `a page ${at * 100}% in`}`, login: 'zjg.dispatcher', view: 'view.dsp.dispatch', tab: 'dispatched', at,
    hand: () => {
      const where = "id in (select ticket_id from history where actor_user = ?) and node <> 'dispatch'";
      return {
        count: `select count(*) as n from tickets where ${where}`,
        page: `select id, state from tickets where ${where} order by reported_at desc, id desc`,
        params: ['zjg.dispatcher'],
      };
    },
  })),
  {
    label: '事件处置 · 待处置 (zjg.cgj.handler)', login: 'zjg.cgj.handler', view: 'view.hnd.tasks', tab: 'pending',
    hand: () => {
      const where = "k.department = ? and k.node in ('pending', 'gridHandling', 'suspended')";
      return {
        count: `select count(*) as n from tasks k where ${where}`,
        page: `select k.id, k.state, t.state as ticket_state from tasks k join tickets t on t.id = k.ticket_id where ${where} order by k.created_at asc, k.id asc`,
        params: ['zjg.cgj'],
      };
    },
  },
  {
    label: '结果审核 · 待审核 (zjg.reviewer)', login: 'zjg.reviewer', view: 'view.rev.result', tab: 'pending',
    hand: () => {
      const where = "a.reviewer = ? and a.node = 'centerReview' and a.kind = 'result'";
      return {
        count: `select count(*) as n from applications a where ${where}`,
        page: 'select a.id, a.state, t.state as ticket_state, k.state as task_state from applications a join tickets t on t.id = a.ticket_id'
          + ` left join tasks k on k.id = a.task_id where ${where} order by a.created_at asc, a.id asc`,
        params: ['zjg'],
      };
    },
  },
];

// ---------------------------------------------------------------------------------------------
// Measuring

function quantile(sorted: readonly number[], q: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))]!;
}

/** The runtime's SQL for one list request (count and the page) as the list endpoint builds it. */
function runtimeStatements(app: App, cb: CompiledBundle, c: TabCase, page: number, total: number): { sql: string; bindings: readonly unknown[] }[] {
  const view = cb.bundle.defs.view[c.view]!;
  const tab = view.tabs.find((t) => t.key === c.tab)!;
  const user = cb.org.users.get(c.login)!;
  const params = parseListParams(view, tab, { page: String(page), pageSize: String(PAGE_SIZE) });
  const service = new ViewService(app.services.knex, app.services.bundles, app.db.dialect, app.services.clock);
  const offset = (page - 1) * params.pageSize;
  return service.tabQuery(cb, view, tab, viewerOf(cb, user), params).statements(params.pageSize, offset, offset >= DEEP_OFFSET ? total : undefined);
}

/** The query plan in a line: which tables are scanned whole, which go through which index. */
async function plan(app: App, sql: string, bindings: readonly unknown[]): Promise<string> {
  if (app.db.dialect === 'sqlite') {
    const rows = await selectRows<{ detail: string }>(app.services.knex, `explain query plan ${sql}`, bindings);
    return rows.map((r) => r.detail).filter((d) => /SCAN|SEARCH/.test(d)).join('; ');
  }
  const rows = await selectRows<{ table: string; type: string; key: string | null; rows: number; Extra: string | null }>(app.services.knex, `explain ${sql}`, bindings);
  return rows.map((r) => `${r.table}: ${r.type === 'ALL' ? 'FULL SCAN' : r.type}${r.key ? ` ${r.key}` : ''} ~${r.rows}${r.Extra ? ` (${r.Extra})` : ''}`).join('; ');
}

/** Timed requests of one kind per tab: up to ROUNDS, fewer when a tab is slow (at least five). */
const BUDGET_MS = Number(process.env.BENCH_LIST_BUDGET_MS ?? 8_000);

async function timed(rounds: number, work: () => Promise<unknown>): Promise<{ p50: number; p95: number; n: number }> {
  const t0 = performance.now();
  await work();
  const warmup = performance.now() - t0 < BUDGET_MS / 20 ? WARMUP - 1 : 0;
  for (let i = 0; i < warmup; i++) await work();
  const ms: number[] = [];
  const start = performance.now();
  while (ms.length < rounds && (ms.length < 5 || performance.now() - start < BUDGET_MS)) {
    const t = performance.now();
    await work();
    ms.push(performance.now() - t);
  }
  ms.sort((a, b) => a - b);
  return { p50: quantile(ms, 0.5), p95: quantile(ms, 0.95), n: ms.length };
}

async function profiled<T>(name: string, work: () => Promise<T>): Promise<T> {
  if (!PROFILE) return work();
  const session = new Session();
  session.connect();
  await session.post('Profiler.enable');
  await session.post('Profiler.start');
  try {
    return await work();
  } finally {
    const { profile } = await session.post('Profiler.stop');
    await writeFile(join(PROFILE, `${name}.cpuprofile`), JSON.stringify(profile));
    session.disconnect();
  }
}

async function measure(label: string, app: App): Promise<void> {
  const cb = await app.services.bundles.currentCompiled();
  // statistics as MariaDB keeps them anyway (SQLite keeps none unless asked: left as the runtime leaves it)
  if (app.db.dialect === 'mariadb') await app.services.knex.raw('analyze table tickets, tasks, applications, history');
  console.log(`${label}:`);
  for (const c of CASES) {
    const token = (await app.services.auth.login(c.login, 'bench-pass', Date.now())).token;
    const hand = c.hand(cb);
    const [total] = await selectRows<{ n: number }>(app.services.knex, hand.count, hand.params);
    const pages = Math.max(1, Math.ceil(Number(total!.n) / PAGE_SIZE));
    const pageNo = c.at ? Math.max(1, Math.min(pages, Math.floor(pages * c.at))) : 1;
    const url = `/api/views/${c.view}/tabs/${c.tab}?pageSize=${PAGE_SIZE}&page=${pageNo}`;
    // the response as a client receives it (status and body), not parsed: the client's work is not the server's
    const request = async () => {
      const res = await app.server.inject({ method: 'GET', url, headers: { authorization: `Bearer ${token}` } });
      if (res.statusCode !== 200) throw new Error(`${url}: ${res.statusCode} ${res.body}`);
      return res;
    };
    const handPage = `${hand.page} limit ${PAGE_SIZE} offset ${(pageNo - 1) * PAGE_SIZE}`;
    const direct = () => Promise.all([
      selectRows<{ n: number }>(app.services.knex, hand.count, hand.params),
      selectRows(app.services.knex, handPage, hand.params),
    ]);
    const page = (await request()).json() as { total: number; rows: { id: string }[] };
    const [[count], rows] = await direct();
    if (Number(count!.n) !== page.total || JSON.stringify(rows.map((r) => (r as { id: string }).id)) !== JSON.stringify(page.rows.map((r) => r.id))) {
      throw new Error(`${c.label}: the hand-written SQL finds ${count!.n} (${rows.length} on page ${pageNo}), the runtime ${page.total} (${page.rows.length}), or other rows`);
    }
    const statements = runtimeStatements(app, cb, c, pageNo, page.total);
    const plans = await Promise.all(statements.map((q) => plan(app, q.sql, q.bindings)));
    // the runtime's generated statements straight on the driver, as the hand-written ones run
    const generated = () => Promise.all(statements.map((q) => selectRows(app.services.knex, q.sql, q.bindings)));
    const runtime = await profiled(`${label} ${c.view} ${c.tab}`, () => timed(ROUNDS, request));
    const gen = await timed(ROUNDS, generated);
    const sql = await timed(ROUNDS, direct);
    const ratio = (a: { p50: number; p95: number }) => `p50 ${(a.p50 / sql.p50).toFixed(2)}× p95 ${(a.p95 / sql.p95).toFixed(2)}×`;
    console.log(`  ${c.label}: ${page.total} rows${pageNo > 1 ? `, page ${pageNo}` : ''}; hand SQL p50 ${sql.p50.toFixed(1)} ms p95 ${sql.p95.toFixed(1)} ms; `
      + `generated SQL p50 ${gen.p50.toFixed(1)} ms p95 ${gen.p95.toFixed(1)} ms, ratio ${ratio(gen)} (goal ≤ 2×); `
      + `whole request p50 ${runtime.p50.toFixed(1)} ms p95 ${runtime.p95.toFixed(1)} ms, ratio ${ratio(runtime)}`
      + (runtime.n < ROUNDS || sql.n < ROUNDS || gen.n < ROUNDS ? ` [${runtime.n}/${gen.n}/${sql.n} timed]` : ''));
    for (const p of plans) console.log(`      plan: ${p}`);
  }
}

const start = (env: Record<string, string>) => createApp(loadConfig({ ...env, PORT: '0', DEMO_PASSWORD: 'bench-pass' }), { outboxIntervalMs: 3_600_000 });
const dir = await mkdtemp(join(tmpdir(), 'tongguan-lists-'));
const apps: { label: string; app: App }[] = [];
let dropMariaDb: (() => Promise<void>) | undefined;
try {
  apps.push({ label: 'SQLite', app: await start({ DATA_DIR: dir }) });
  try {
    const { createConnection } = await import('mariadb');
    const url = new URL(MARIADB);
    const admin = await createConnection({ host: url.hostname, port: Number(url.port || 3306), user: url.username || 'root', password: url.password });
    const db = url.pathname.slice(1);
    dropMariaDb = async () => {
      await admin.query(`DROP DATABASE IF EXISTS \`${db}\``);
      await admin.end();
    };
    await admin.query(`DROP DATABASE IF EXISTS \`${db}\``);
    apps.push({ label: 'MariaDB', app: await start({ DATABASE_URL: MARIADB }) });
  } catch (e) {
    console.log(`MariaDB: not measured (${(e as Error).message})`);
  }
  // the same bundle and organisation on both: the worlds are made once
  const worlds = new Worlds(await apps[0]!.app.services.bundles.currentCompiled());
  const t = performance.now();
  const counts = await seed(apps.map((a) => a.app.services.knex), worlds, TICKETS);
  console.log(`seeded ${apps.map((a) => a.label).join(' and ')} with ${Object.entries(counts).map(([k, v]) => `${v} ${k}`).join(', ')} in ${((performance.now() - t) / 1000).toFixed(0)} s`);
  for (const { label, app } of apps) await measure(label, app);
} finally {
  for (const { app } of apps) await app.close();
  await dropMariaDb?.();
  await rm(dir, { recursive: true, force: true });
}
