import type { TaskState, TicketState } from '../model/state.js';

/** Where the ticket's department tasks stand, as the flow's `$tasks.settled` guards read it. */
export interface Progress {
  /** `done`: handling finished; `returned`: back to dispatch; null: still waiting. */
  readonly outcome: 'done' | 'returned' | null;
  /** REV-1 send to check: main+assist after the main is done, multi after all are done. */
  readonly readyForCheck: boolean;
  readonly pendingTasks: number;
}

const OPEN = new Set(['pending', 'gridHandling', 'suspended', 'completed']);
const FINISHED = new Set(['completed', 'approved']);

export function isOpenTask(task: TaskState): boolean {
  return !['approved', 'returned', 'transferred'].includes(task.node);
}

/** Top-level tasks that count for the ticket: not sub-tasks, not replaced by a transfer, not followers. */
export function decidingTasks(tasks: readonly TaskState[]): TaskState[] {
  return tasks.filter((t) => !t.parent && t.node !== 'transferred' && !t.mergedInto);
}

export function progressOf(ticket: TicketState, tasks: readonly TaskState[]): Progress {
  const pendingTasks = tasks.filter((t) => !t.mergedInto && isOpenTask(t)).length;
  const top = decidingTasks(tasks);
  if (top.length === 0 || !ticket.dispatch) return { outcome: null, readyForCheck: false, pendingTasks };
  if (ticket.dispatch.handling === 'mainAssist') {
    const main = top.find((t) => t.role === 'main');
    if (!main) return { outcome: null, readyForCheck: false, pendingTasks };
    const outcome = main.node === 'approved' ? 'done' : main.node === 'returned' ? 'returned' : null;
    return { outcome, readyForCheck: FINISHED.has(main.node), pendingTasks };
  }
  const multi = top.filter((t) => t.role === 'multi');
  const open = multi.filter((t) => OPEN.has(t.node));
  const outcome = open.length > 0 ? null : multi.every((t) => t.node === 'returned') ? 'returned' : 'done';
  const readyForCheck =
    multi.every((t) => FINISHED.has(t.node) || t.node === 'returned') && multi.some((t) => FINISHED.has(t.node));
  return { outcome, readyForCheck, pendingTasks };
}
