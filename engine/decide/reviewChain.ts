import type { CompiledBundle } from '../compile/compileBundle.js';
import type { ApplicationKind, ReviewStep, TaskState, TicketState } from '../model/state.js';
import { upperCenter } from '../org/index.js';

/**
 * Application nodes where a review step is awaited (the chain's current step says whose): a parent
 * department, the center (its reviewer or, REV-2 送值班长, its shift leader), an upper center.
 */
export const REVIEW_NODES: readonly string[] = ['parentReview', 'centerReview', 'shiftLeaderReview', 'upperReview'];
/** Review nodes held by a center (the application's `reviewer` column is then the center). */
export const CENTER_REVIEW_NODES: readonly string[] = ['centerReview', 'shiftLeaderReview', 'upperReview'];

/** Kinds that climb to the upper center's shift leader when the upper center assigned the ticket. */
const CLIMBING: readonly ApplicationKind[] = ['extension', 'suspension', 'transfer'];
/** Kinds a parent department settles alone for its sub-units (HND-5). */
const PARENT_ONLY: readonly ApplicationKind[] = ['assist', 'return'];

/**
 * Who reviews an application, in order (HND-5, REV-2..6, X-8): a sub-unit's parent department first;
 * then the center's shift leader (reviewer for results), unless the parent settles it alone; then,
 * for upper-assigned tickets, the shift leader of every center that assigned it downwards.
 */
export function reviewChain(cb: CompiledBundle, ticket: TicketState, task: TaskState, tasks: ReadonlyMap<string, TaskState>, kind: ApplicationKind): ReviewStep[] {
  const steps: ReviewStep[] = [];
  const parent = task.parent ? tasks.get(task.parent) : undefined;
  if (parent) {
    steps.push({ level: 'parent', department: parent.department });
    if (PARENT_ONLY.includes(kind)) return steps;
  }
  steps.push({ level: 'center', department: task.center });
  if (CLIMBING.includes(kind)) {
    const frames = ticket.trail;
    for (let i = frames.length - 1; i > 0 && frames[i]?.via === 'delegate'; i--) {
      const upper = frames[i - 1]?.center ?? upperCenter(cb.org, frames[i]!.center)?.id;
      if (upper) steps.push({ level: 'upper', department: upper });
    }
  }
  return steps;
}

export function nodeOfStep(step: ReviewStep | undefined): string {
  if (!step) return 'approved';
  return step.level === 'parent' ? 'parentReview' : step.level === 'center' ? 'centerReview' : 'upperReview';
}
