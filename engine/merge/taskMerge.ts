import { CLOSED_TASK_NODES } from '../decide/progress.js';
import type { HistoryEvent, IdSource } from '../decide/types.js';
import type { TaskState, TicketWorld } from '../model/state.js';

/** HND-3: completed (80), transferred (90), returned (15) and every other closed task stay out of merges. */
const NOT_MERGEABLE: ReadonlySet<string> = new Set(['completed', ...CLOSED_TASK_NODES]);

export interface TaskCandidate {
  readonly world: TicketWorld;
  readonly task: TaskState;
}

/**
 * HND-3: tasks the current task may merge with — same grid, channel, source center and department,
 * their ticket in handling (40), the task not completed (80), transferred (90) or returned (15).
 */
export function taskMergeCandidates(current: TicketWorld, taskId: string, others: readonly TicketWorld[]): { merged: TaskCandidate[]; unmerged: TaskCandidate[] } {
  const task = current.tasks.find((t) => t.id === taskId);
  if (!task) throw new RangeError(`task ${taskId} is not on ticket ${current.ticket.id}`);
  const c = current.ticket;
  const mains = new Set(others.flatMap((w) => w.tasks.map((t) => t.mergedInto)).filter(Boolean));
  const found: TaskCandidate[] = [];
  for (const w of others) {
    const o = w.ticket;
    if (o.id === c.id || o.node !== 'handling' || o.mergedInto || o.grid !== c.grid || o.channel !== c.channel || o.trail[0]?.center !== c.trail[0]?.center) continue;
    for (const t of w.tasks) {
      if (t.department === task.department && !t.mergedInto && !NOT_MERGEABLE.has(t.node)) found.push({ world: w, task: t });
    }
  }
  return { merged: found.filter((x) => mains.has(x.task.id)), unmerged: found.filter((x) => !mains.has(x.task.id)) };
}

/** HND-3 multi-select: the task created first is the main. */
export function chooseMainTask(tasks: readonly TaskState[]): TaskState {
  const sorted = [...tasks].sort((a, b) => a.createdAt - b.createdAt || a.id.localeCompare(b.id));
  if (!sorted[0]) throw new RangeError('no tasks to choose a main from');
  return sorted[0];
}

/** Merges a follower task (on another ticket) into a main task; it takes the main's step. */
export function mergeTask(main: TaskState, follower: TicketWorld, followerTaskId: string, actor: { user: string; department: string }, now: number, ids: IdSource): { world: TicketWorld; history: HistoryEvent } {
  const task = follower.tasks.find((t) => t.id === followerTaskId);
  if (!task) throw new RangeError(`task ${followerTaskId} is not on ticket ${follower.ticket.id}`);
  if (main.mergedInto) throw new RangeError(`${main.id} is itself a follower`);
  if (task.department !== main.department) throw new RangeError('only tasks of the same department merge');
  const tasks = follower.tasks.map((t) => (t.id === task.id ? { ...t, mergedInto: main.id, node: main.node } : t));
  return {
    world: { ...follower, tasks },
    history: { id: ids(), ticket: follower.ticket.id, entity: { kind: 'task', id: task.id }, event: 'merge', fromNode: task.node, toNode: main.node, center: follower.ticket.center, actor, at: now, data: { main: main.id } },
  };
}

/** Splits a follower task (manually from the detail page, or when its main applies/completes). */
export function splitTask(follower: TicketWorld, taskId: string, now: number, ids: IdSource, reason: string): { world: TicketWorld; history: HistoryEvent } {
  const task = follower.tasks.find((t) => t.id === taskId);
  if (!task?.mergedInto) throw new RangeError(`task ${taskId} is not a merged follower`);
  const { mergedInto: main, ...own } = task;
  return {
    world: { ...follower, tasks: follower.tasks.map((t) => (t.id === taskId ? own : t)) },
    history: { id: ids(), ticket: follower.ticket.id, entity: { kind: 'task', id: taskId }, event: 'split', fromNode: task.node, toNode: task.node, center: follower.ticket.center, at: now, data: { main, reason } },
  };
}

/** Task followers (by task merge) mirror their main's step; `split` releases those of one main task. */
export function mirrorTaskFollowers(mainTasks: readonly TaskState[], followers: readonly TicketWorld[], splitMains: ReadonlySet<string>, now: number, ids: IdSource): { followers: TicketWorld[]; history: HistoryEvent[] } {
  const byId = new Map(mainTasks.map((t) => [t.id, t]));
  const history: HistoryEvent[] = [];
  const out = followers.map((w) => {
    let world = w;
    for (const t of w.tasks) {
      const main = t.mergedInto && !t.viaTicketMerge ? byId.get(t.mergedInto) : undefined;
      if (!main) continue;
      // a closed main (e.g. withdrawn when its ticket left handling) releases its followers too
      if (splitMains.has(main.id) || CLOSED_TASK_NODES.has(main.node)) {
        const s = splitTask(world, t.id, now, ids, 'main task applied or completed');
        world = s.world;
        history.push(s.history);
      } else {
        world = { ...world, tasks: world.tasks.map((x) => (x.id === t.id ? { ...x, node: main.node } : x)) };
      }
    }
    return world;
  });
  return { followers: out, history };
}
