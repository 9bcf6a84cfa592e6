import type { TaskState, TicketState } from '../model/state.js';

/** Where the ticket's department tasks stand, as the flow's `$tasks.settled` guards read it. */
export interface Progress {
  /** `done`: handling finished; `returned`: back to dispatch; null: still waiting. */
  readonly outcome: 'done' | 'returned' | null;
  /** REV-1 send to check: main+assist after the main is done, multi after all are done. */
  readonly readyForCheck: boolean;
  /** DSP-3: tasks of the current dispatch still being handled (待处置), which add-dispatch needs. */
  readonly pendingTasks: number;
}

const OPEN = new Set(['pending', 'gridHandling', 'suspended', 'completed']);
const FINISHED = new Set(['completed', 'approved']);
/** Tasks still being handled by their department: not yet completed (办结) and not closed. */
const IN_HAND = new Set(['pending', 'gridHandling', 'suspended']);

/** Task nodes where a department's share is over (the task flow's outcome nodes). */
export const CLOSED_TASK_NODES: ReadonlySet<string> = new Set(['approved', 'returned', 'transferred', 'withdrawn']);

export function isOpenTask(task: TaskState): boolean {
  return !CLOSED_TASK_NODES.has(task.node);
}

/** Tasks of the ticket's current dispatch round (a re-dispatch or 重派 leaves earlier rounds behind). */
export function currentRound(ticket: Pick<TicketState, 'dispatch'>, tasks: readonly TaskState[]): TaskState[] {
  const round = ticket.dispatch?.round ?? 0;
  return tasks.filter((t) => (t.round ?? 0) === round);
}

/** Top-level tasks that count for the ticket: this round, not sub-tasks, not replaced by a transfer, not followers. */
export function decidingTasks(ticket: Pick<TicketState, 'dispatch'>, tasks: readonly TaskState[]): TaskState[] {
  return currentRound(ticket, tasks).filter((t) => !t.parent && t.node !== 'transferred' && !t.mergedInto);
}

export function progressOf(ticket: TicketState, tasks: readonly TaskState[]): Progress {
  const pendingTasks = currentRound(ticket, tasks).filter((t) => !t.mergedInto && IN_HAND.has(t.node)).length;
  const top = decidingTasks(ticket, tasks);
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
