import type { HistoryEvent, IdSource } from '../decide/types.js';
import { isOpenTask } from '../decide/progress.js';
import type { TaskState, TicketState, TicketWorld } from '../model/state.js';

/** ACC-3 status order: a main is chosen by 待处置 > 分拨审核 > 待分拨 > 受理审核 > 待受理. */
export const TICKET_MERGE_RANK: Readonly<Record<string, number>> = {
  acceptance: 1, acceptanceReview: 2, dispatch: 3, dispatchReview: 4, handling: 5,
};

const rank = (node: string) => TICKET_MERGE_RANK[node] ?? 0;
const sourceCenter = (t: TicketState) => t.trail[0]?.center;
const isOpen = (t: TaskState) => isOpenTask(t);

export interface TicketMergeCandidates {
  /** Mains that already have followers (已合并). */
  readonly merged: readonly TicketState[];
  /** Tickets never merged (未合并). */
  readonly unmerged: readonly TicketState[];
}

function hasTaskMerges(world: TicketWorld, all: readonly TicketWorld[]): boolean {
  const ids = new Set(world.tasks.map((t) => t.id));
  return world.tasks.some((t) => t.mergedInto) || all.some((w) => w.tasks.some((t) => t.mergedInto && ids.has(t.mergedInto) && !t.viaTicketMerge));
}

/**
 * ACC-3: tickets the current one may merge into — same grid, same channel, same source center,
 * at a merge-able step not behind the current one (待处置 only when no task merge is involved).
 */
export function ticketMergeCandidates(current: TicketState, others: readonly TicketWorld[]): TicketMergeCandidates {
  const mains = new Set(others.map((w) => w.ticket.mergedInto).filter((id): id is string => Boolean(id)));
  const fits = others.filter(({ ticket: o }) =>
    o.id !== current.id && !o.mergedInto && o.grid !== undefined && o.grid === current.grid && o.channel === current.channel &&
    sourceCenter(o) === sourceCenter(current) && rank(o.node) > 0 && rank(o.node) >= rank(current.node));
  const eligible = fits.filter((w) => w.ticket.node !== 'handling' || !hasTaskMerges(w, others)).map((w) => w.ticket);
  return { merged: eligible.filter((t) => mains.has(t.id)), unmerged: eligible.filter((t) => !mains.has(t.id)) };
}

/** ACC-3 multi-select: the furthest step wins, then the earliest report time. */
export function chooseMainTicket(tickets: readonly TicketState[]): TicketState {
  const sorted = [...tickets].sort((a, b) => rank(b.node) - rank(a.node) || a.reportedAt - b.reportedAt || a.id.localeCompare(b.id));
  if (!sorted[0]) throw new RangeError('no tickets to choose a main from');
  return sorted[0];
}

/** The follower takes the main's step, center and dispatch; in handling it gets mirror tasks. */
function mirrorTicket(main: TicketState, follower: TicketState): TicketState {
  return {
    ...follower, node: main.node, center: main.center, trail: main.trail, source: main.source, returned: main.returned,
    ...(main.dispatch ? { dispatch: main.dispatch } : {}), ...(main.gridWorker ? { gridWorker: main.gridWorker } : {}),
    mergedInto: main.id,
  };
}

function mirrorTasks(main: TicketWorld, follower: TicketWorld, now: number, ids: IdSource): TaskState[] {
  const mapped = new Map<string, string>();
  const out: TaskState[] = [...follower.tasks];
  for (const t of main.tasks.filter((x) => isOpen(x) && !x.mergedInto)) {
    const existing = out.find((x) => x.mergedInto === t.id);
    if (existing) {
      out[out.indexOf(existing)] = { ...existing, node: t.node };
      mapped.set(t.id, existing.id);
      continue;
    }
    const id = ids();
    mapped.set(t.id, id);
    out.push({
      ...t, id, ticket: follower.ticket.id, createdAt: now, mergedInto: t.id, viaTicketMerge: true, clocks: t.clocks,
      counts: { extension: 0, suspension: 0, return: 0 }, version: 0,
      ...(t.parent ? { parent: mapped.get(t.parent) ?? t.parent } : {}),
    });
  }
  return out;
}

export interface MergeResult {
  readonly followers: readonly TicketWorld[];
  readonly history: readonly HistoryEvent[];
}

/** Merges followers into a main (ACC-3): they follow the main and cannot be operated alone. */
export function mergeTickets(main: TicketWorld, followers: readonly TicketWorld[], actor: { user: string; department: string }, now: number, ids: IdSource): MergeResult {
  if (main.ticket.mergedInto) throw new RangeError(`${main.ticket.id} is itself a follower`);
  const history: HistoryEvent[] = [];
  const merged = followers.map((f) => {
    if (f.ticket.id === main.ticket.id) throw new RangeError('a ticket cannot merge into itself');
    const ticket = mirrorTicket(main.ticket, f.ticket);
    history.push({ id: ids(), ticket: f.ticket.id, entity: { kind: 'ticket', id: f.ticket.id }, event: 'merge', fromNode: f.ticket.node, toNode: ticket.node, center: ticket.center, actor, at: now, data: { main: main.ticket.id } });
    const world = { ...f, ticket };
    return { ...world, tasks: ticket.node === 'handling' ? mirrorTasks(main, world, now, ids) : f.tasks };
  });
  return { followers: merged, history };
}

/** Manual or automatic split (DSP-2, 拆单): the follower keeps its current state and runs alone. */
export function splitTicket(follower: TicketWorld, now: number, ids: IdSource, reason: string): { world: TicketWorld; history: HistoryEvent } {
  const { mergedInto: main, ...rest } = follower.ticket;
  const tasks = follower.tasks.map((t) => {
    if (!t.viaTicketMerge) return t;
    const { mergedInto: _m, ...own } = t;
    return own;
  });
  return {
    world: { ...follower, ticket: rest, tasks },
    history: { id: ids(), ticket: rest.id, entity: { kind: 'ticket', id: rest.id }, event: 'split', fromNode: rest.node, toNode: rest.node, center: rest.center, at: now, data: { main: main ?? null, reason } },
  };
}

/**
 * After the main ticket moved, brings its followers along: a ticket-level split (return, escalate,
 * delegate) releases them where they stand; otherwise they mirror the main and their mirror tasks
 * mirror the main's tasks, splitting once the main task's result is approved (HND-3).
 */
export function mirrorFollowers(main: TicketWorld, followers: readonly TicketWorld[], split: boolean, now: number, ids: IdSource): MergeResult {
  const history: HistoryEvent[] = [];
  const out = followers.map((f) => {
    if (split) {
      const s = splitTicket(f, now, ids, 'main ticket returned, escalated or delegated');
      history.push(s.history);
      return s.world;
    }
    const ticket = mirrorTicket(main.ticket, f.ticket);
    let tasks = ticket.node === 'handling' ? mirrorTasks(main, { ...f, ticket }, now, ids) : f.tasks;
    tasks = tasks.map((t) => {
      const mainTask = t.viaTicketMerge && t.mergedInto ? main.tasks.find((m) => m.id === t.mergedInto) : undefined;
      if (!mainTask) return t;
      if (mainTask.node === 'approved') {
        const { mergedInto: _m, ...own } = t;
        return { ...own, node: 'approved' };
      }
      return { ...t, node: mainTask.node };
    });
    return { ...f, ticket, tasks };
  });
  return { followers: out, history };
}
