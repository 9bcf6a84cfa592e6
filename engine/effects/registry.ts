import type { EffectHandler } from './EffectContext.js';
import { advanceChain, applyApplication, cancelSuspension, createApplication, rejectApplication } from './applicationEffects.js';
import { markReturned, moveCenter, splitMerged } from './centerEffects.js';
import { assignGridWorker, editFields, notify, recordOutcome, settleTasks, urge } from './recordEffects.js';
import { acceptResults, createSubTasks, createTasks, withdrawOpenTasks } from './taskEffects.js';

/** HND-3: the main task's own application splits its followers first; the runtime unlinks them. */
const splitMergedTask: EffectHandler = (ctx) => {
  const task = ctx.draft.task(ctx.ref.id);
  if (!task.viaTicketMerge) ctx.draft.effects.push({ type: 'splitFollowers', ticket: task.ticket, task: task.id });
};

/** Every effect a flow may name (STYLE 9: extension by registry). */
export const effectRegistry: Readonly<Record<string, EffectHandler>> = {
  createTasks,
  createSubTasks,
  withdrawOpenTasks,
  acceptResults,
  moveCenter,
  markReturned,
  splitMerged,
  splitMergedTask,
  createApplication,
  advanceChain,
  applyApplication,
  rejectApplication,
  cancelSuspension,
  assignGridWorker,
  editFields,
  urge,
  settleTasks,
  notify,
  recordReply: recordOutcome('reply'),
  recordVerification: recordOutcome('verification'),
  recordCheck: recordOutcome('check'),
  recordCallback: recordOutcome('callback'),
  recordEvaluation: recordOutcome('evaluation'),
  recordFeedback: (ctx) => ctx.note({ feedback: ctx.opinion ?? '' }),
};

export function isKnownEffect(type: string): boolean {
  return Object.hasOwn(effectRegistry, type);
}
