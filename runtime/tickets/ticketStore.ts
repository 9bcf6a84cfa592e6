import { randomUUID } from 'node:crypto';
import type { Knex } from '@mikro-orm/knex';
import type { ApplicationState, Changes, HistoryEvent, RuntimeEffect, TaskState, TicketState, TicketWorld } from '../../engine/index.js';
import { dialectOf, insertId, insertRows, selectRows, updateWhere, type Q } from '../db/directSql.js';
import { AppError } from '../errors.js';
import { stateCacheOf } from './stateCache.js';
import { applicationColumns, applicationRow, historyFromRow, historyRow, parseJson, taskColumns, taskRow, ticketColumns, ticketRow, type HistoryRecord } from './rows.js';

/**
 * Reads a ticket with its tasks and applications (the engine's world). The ids and versions come in
 * one round trip, each part through the same index as its own query would (the ticket by id, tasks
 * and applications by ticket_id), in that order; the states come from the StateCache when it holds
 * those versions, and the rest in a second query.
 */
export async function loadWorld(q: Q, ticketId: string): Promise<TicketWorld | undefined> {
  return (await readWorld(q, ticketId, false))?.world;
}

/**
 * loadWorld plus the tickets that follow this one (ACC-3/HND-3: merged into it, or with a task merged
 * into one of its tasks). An action needs both, and almost no ticket has followers: when this process
 * committed the ticket's version read, the StateCache knows them; otherwise they come with the
 * missing states in the second query. The followers are those of the ticket as read (an action's new
 * tasks have none yet).
 */
export async function loadWorldAndFollowers(trx: Knex.Transaction, ticketId: string): Promise<{ world: TicketWorld; followers: string[] } | undefined> {
  return readWorld(trx, ticketId, true);
}

/** 0 the ticket, 1 a task, 2 an application; 3 and 4 a follower's id (version 0). */
type Part = { k: number | string; id: string; version: number | string };
const KINDS = ['ticket', 'task', 'application'] as const;
const TABLES = ['tickets', 'tasks', 'applications'] as const;

const VERSIONS = 'select 0 as k, `id`, `version` from `tickets` where `id` = ?'
  + ' union all select 1, `id`, `version` from `tasks` where `ticket_id` = ?'
  + ' union all select 2, `id`, `version` from `applications` where `ticket_id` = ?';
const FOLLOWERS = ['select 3 as k, `id`, 0 as `version`, null as `state` from `tickets` where `merged_into` = ?',
  'select 4, `ticket_id`, 0, null from `tasks` where `merged_into` in (select `id` from `tasks` where `ticket_id` = ?)'];
/** The whole world with its states in one statement: the fallback when a second query found other versions. */
const WORLD = 'select 0 as k, `id`, `version`, `state` from `tickets` where `id` = ?'
  + ' union all select 1, `id`, `version`, `state` from `tasks` where `ticket_id` = ?'
  + ' union all select 2, `id`, `version`, `state` from `applications` where `ticket_id` = ?';

type StateRow = Part & { state: unknown };

/**
 * The states of the given parts (by `k:id`), and the followers of `followersOf` when given, in one
 * statement; undefined when one of the parts is no longer at the version read.
 */
async function readStates(q: Q, parts: readonly Part[], followersOf?: string): Promise<{ states: Map<string, unknown>; followers: StateRow[] } | undefined> {
  const selects: string[] = [];
  const params: string[] = [];
  for (const k of [0, 1, 2]) {
    const ids = parts.filter((p) => Number(p.k) === k).map((p) => p.id);
    if (ids.length === 0) continue;
    selects.push(`select ${k} as k, \`id\`, \`version\`, \`state\` from \`${TABLES[k]}\` where \`id\` in (${ids.map(() => '?').join(', ')})`);
    params.push(...ids);
  }
  if (followersOf !== undefined) {
    selects.push(...FOLLOWERS);
    params.push(followersOf, followersOf);
  }
  const rows = await selectRows<StateRow>(q, selects.join(' union all '), params);
  const read = new Map(rows.filter((r) => Number(r.k) < 3).map((r) => [`${Number(r.k)}:${r.id}`, r]));
  const states = new Map<string, unknown>();
  for (const p of parts) {
    const row = read.get(`${Number(p.k)}:${p.id}`);
    if (!row || Number(row.version) !== Number(p.version)) return undefined;
    states.set(`${Number(p.k)}:${p.id}`, parseJson(row.state));
  }
  return { states, followers: rows.filter((r) => Number(r.k) >= 3) };
}

async function readWorld(q: Q, ticketId: string, withFollowers: boolean): Promise<{ world: TicketWorld; followers: string[] } | undefined> {
  const parts = await selectRows<Part>(q, VERSIONS, [ticketId, ticketId, ticketId]);
  const ticket = parts.find((p) => Number(p.k) === 0);
  if (!ticket) return undefined;
  const cache = stateCacheOf(q);
  let followers = withFollowers ? cache.followers(ticketId, Number(ticket.version)) : [];
  const states = new Map<string, unknown>();
  const missing: Part[] = [];
  for (const p of parts) {
    const k = Number(p.k);
    const state = cache.get(KINDS[k]!, p.id, Number(p.version));
    if (state) states.set(`${k}:${p.id}`, state);
    else missing.push(p);
  }
  let world: TicketWorld | undefined;
  if (missing.length === 0 && followers) world = assemble(parts, states);
  else {
    const read = await readStates(q, missing, followers ? undefined : ticketId);
    if (read) {
      world = assemble(parts, new Map([...states, ...read.states]));
      followers ??= read.followers.map((r) => String(r.id));
    } else {
      // changed between the two reads (outside a transaction): read the whole world in one statement
      const rows = await selectRows<StateRow>(q, [WORLD, ...(followers ? [] : FOLLOWERS)].join(' union all '), [ticketId, ticketId, ticketId, ...(followers ? [] : [ticketId, ticketId])]);
      world = assemble(rows.filter((r) => Number(r.k) < 3));
      followers ??= rows.filter((r) => Number(r.k) >= 3).map((r) => String(r.id));
    }
  }
  if (!world) return undefined;
  const ids = new Set(followers);
  ids.delete(ticketId);
  // a stable order: concurrent writers lock follower rows in the same sequence
  return { world, followers: [...ids].sort() };
}

/** The world from its parts in the order read, with states from `states` (by `k:id`) or the rows' own. */
function assemble(parts: readonly (Part & { state?: unknown })[], states?: ReadonlyMap<string, unknown>): TicketWorld | undefined {
  let ticket: TicketState | undefined;
  const tasks: TaskState[] = [];
  const applications: ApplicationState[] = [];
  for (const p of parts) {
    const k = Number(p.k);
    const state = states ? states.get(`${k}:${p.id}`) : parseJson(p.state);
    if (k === 0) ticket = state as TicketState;
    else if (k === 1) tasks.push(state as TaskState);
    else applications.push(state as ApplicationState);
  }
  return ticket ? { ticket, tasks, applications } : undefined;
}

export async function loadHistory(q: Q, ticketId: string): Promise<HistoryEvent[]> {
  const rows = await selectRows<HistoryRecord>(q, 'select * from `history` where `ticket_id` = ? order by `seq` asc', [ticketId]);
  return rows.map(historyFromRow);
}

type Row = { readonly id: string; readonly version: number } & Record<string, unknown>;

/**
 * Inserts a new row (version 1) or updates it from the version before. With the row as stored
 * before (`previous`, from the state read in the same transaction), only the columns that changed
 * are set: SQLite rewrites every index whose columns an UPDATE sets, changed or not, and the
 * tickets table has six. `state` and `version` always change and are not compared.
 */
async function write(q: Q, table: string, row: Row, what: string, previous?: Record<string, unknown>, always: readonly string[] = []): Promise<void> {
  if (row.version === 1) {
    await insertRows(q, table, [row]);
    return;
  }
  let set: Record<string, unknown> = row;
  if (previous && previous.id === row.id && previous.version === row.version - 1) {
    set = {};
    for (const [column, value] of Object.entries(row)) {
      if (column !== 'id' && (column === 'state' || column === 'version' || value !== previous[column] || always.includes(column))) set[column] = value;
    }
  }
  const updated = await updateWhere(q, table, set, { id: row.id, version: row.version - 1 });
  if (updated === 0) throw new AppError('TG_ERR_STALE_VERSION', { detail: `${what} ${row.id}` });
}

export interface SaveOptions {
  /** Effects the caller handles in this same transaction: their rows are written done. */
  readonly handled?: (effect: RuntimeEffect) => boolean;
  /**
   * The 消息中心 rows of an effect (given its outbox row's id), written in this transaction with
   * the outbox row done; undefined leaves the row to the outbox processor.
   */
  readonly messages?: (effect: RuntimeEffect, outboxId: string) => readonly Record<string, unknown>[] | undefined;
  /** The worlds as read in this transaction: updates then set only the columns that changed. */
  readonly before?: readonly TicketWorld[];
}

/**
 * Writes one decision in the caller's transaction: new and changed entities with an optimistic
 * version check, the history events, and outbox rows for the runtime effects (DESIGN principle 4),
 * with the messages of those the caller delivers here. Returns the effects left pending.
 */
export async function saveDecision(
  trx: Knex.Transaction, changes: Changes, history: readonly HistoryEvent[], effects: readonly RuntimeEffect[], now: number,
  { handled = () => false, messages = () => undefined, before = [] }: SaveOptions = {},
): Promise<readonly RuntimeEffect[]> {
  const tickets = new Map(before.map((w) => [w.ticket.id, w.ticket]));
  const tasks = new Map(before.flatMap((w) => w.tasks.map((t) => [t.id, t] as const)));
  const applications = new Map(before.flatMap((w) => w.applications.map((a) => [a.id, a] as const)));
  const delivered: Record<string, unknown>[] = [];
  const outbox = effects.map((e) => {
    const id = randomUUID();
    const rows = messages(e, id);
    if (rows) delivered.push(...rows);
    return { id, ticket_id: e.ticket, type: e.type, payload: JSON.stringify(e), created_at: now, done_at: handled(e) || rows ? now : null, attempts: 0 };
  });
  const was = <T, R>(states: Map<string, T>, id: string, columns: (state: T) => R) => {
    const state = states.get(id);
    return state === undefined ? undefined : columns(state);
  };
  // sent together: MariaDB's driver pipelines them on the connection (one round trip instead of one
  // each), SQLite runs them in this order; the first failure rejects and the caller rolls back
  await Promise.all([
    ...changes.tickets.map((t) => write(trx, 'tickets', ticketRow(t, now), 'ticket', was(tickets, t.id, (s) => ticketColumns(s, now)), ['updated_at'])),
    ...changes.tasks.map((t) => write(trx, 'tasks', taskRow(t), 'task', was(tasks, t.id, taskColumns))),
    ...changes.applications.map((a) => write(trx, 'applications', applicationRow(a), 'application', was(applications, a.id, applicationColumns))),
    insertRows(trx, 'history', history.map(historyRow)),
    insertRows(trx, 'outbox', outbox),
    ...chunks(delivered, MESSAGE_CHUNK).map((rows) => insertRows(trx, 'messages', rows)),
  ]);
  return effects.filter((_, i) => outbox[i]!.done_at === null);
}

const MESSAGE_CHUNK = 100;

function chunks<T>(rows: readonly T[], size: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < rows.length; i += size) out.push(rows.slice(i, i + size));
  return out;
}

/**
 * STYLE 8: the database's lock conflicts (MariaDB deadlock or lock wait timeout, SQLite busy) are a
 * concurrent action on the same rows; the runtime answers them like a failed version check (409).
 */
export function isLockConflict(e: unknown): boolean {
  const err = e as { errno?: number; code?: string } | undefined;
  return err?.errno === 1213 || err?.errno === 1205 || ['ER_LOCK_DEADLOCK', 'ER_LOCK_WAIT_TIMEOUT', 'SQLITE_BUSY'].includes(String(err?.code));
}

/** MariaDB/MySQL: moves a counter and answers its new value as the statement's insert id, in one statement. */
const NEXT_VALUE = 'insert into `sequences` (`name`, `value`) values (?, last_insert_id(1)) on duplicate key update `value` = last_insert_id(`value` + 1)';

/**
 * The next value of a counter (sequences table), atomic within the caller's transaction: the row
 * stays locked until it commits, so the values are gap-free. One upsert, so concurrent callers queue
 * on the row instead of deadlocking on its gap.
 */
export async function nextSequence(trx: Knex.Transaction, name: string): Promise<number> {
  if (dialectOf(trx) === 'sqlite3') {
    const [row] = await selectRows<{ value: number }>(trx, 'insert into `sequences` (`name`, `value`) values (?, 1) on conflict (`name`) do update set `value` = `value` + 1 returning `value`', [name]);
    return Number(row!.value);
  }
  return insertId(trx, NEXT_VALUE, [name]);
}

/**
 * ACC-11: the sequence number of a new ticket on MariaDB/MySQL, taken in a statement of its own
 * before the registration's transaction. Taken inside it, every registration of the same prefix and
 * day queued on the counter's row until the one before had committed: with 50 connections most of
 * them waited there, and the database spent more CPU on the queue than on the rows (0.9 against
 * 0.6 ms per action in bench/runtime.ts). A registration that fails after taking its number leaves
 * that number unused. Undefined on SQLite, which has one writer anyway: there nextSequence takes the
 * number in the registration's transaction, gap-free.
 */
export async function sequenceBeforeTransaction(knex: Knex, name: string): Promise<number | undefined> {
  if (dialectOf(knex) === 'sqlite3') return undefined;
  return insertId(knex, NEXT_VALUE, [name]);
}
