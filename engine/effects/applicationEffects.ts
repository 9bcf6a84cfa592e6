import { moveClocks, stageKey } from '../decide/clocks.js';
import { nodeOfStep, reviewChain } from '../decide/reviewChain.js';
import { Refusal } from '../decide/Refusal.js';
import type { ApplicationKind, ApplicationState } from '../model/state.js';
import { extendClock } from '../sla/index.js';
import type { EffectContext, EffectHandler } from './EffectContext.js';
import { addTask } from './taskEffects.js';

const COUNTED = { extension: 'extension', suspension: 'suspension', return: 'return' } as const;

function application(ctx: EffectContext): ApplicationState {
  const id = ctx.ref.kind === 'application' ? ctx.ref.id : String(ctx.data?.application ?? '');
  return ctx.draft.application(id);
}

/** HND-1: a department applies (assist, extension, suspension, transfer, return) or completes (result). */
export const createApplication: EffectHandler = (ctx, params) => {
  const { cb, draft, now, ids, actor } = ctx;
  const kind = params.kind as ApplicationKind;
  const task = draft.task(ctx.ref.id);
  const flow = cb.flows[draft.ticket.flow]?.flow.applicationFlow;
  if (!flow || !cb.flows[flow]) throw new Refusal('ENG_UNKNOWN_REFERENCE', { kind: 'flow', id: flow ?? '(application flow)' });
  if (kind === 'transfer' && !ctx.payload.department) {
    throw new Refusal('ENG_INVALID_PAYLOAD', { pointer: '/department', reason: 'a transfer names the department to transfer to' });
  }
  if (kind === 'assist' && !(Array.isArray(ctx.payload.departments) && ctx.payload.departments.length > 0)) {
    throw new Refusal('ENG_INVALID_PAYLOAD', { pointer: '/departments', reason: 'an assist application names at least one unit' });
  }
  const chain = reviewChain(cb, draft.ticket, task, draft.tasks, kind);
  const node = nodeOfStep(chain[0]);
  const app: ApplicationState = {
    id: ids(), ticket: draft.ticket.id, task: task.id, kind, flow, node, chain, step: 0,
    applicant: { user: actor?.user ?? '', department: task.department },
    payload: { ...ctx.payload, ...(ctx.opinion ? { opinion: ctx.opinion } : {}) },
    createdAt: now, clocks: {}, version: 0,
  };
  draft.addApplication(app);
  moveClocks(cb, draft, { kind: 'application', id: app.id }, flow, '', node, now, true);
  const counted = COUNTED[kind as keyof typeof COUNTED];
  if (counted) draft.patchTask(task.id, { counts: { ...task.counts, [counted]: task.counts[counted] + 1 } });
  draft.trace.push(`${kind} application ${app.id} goes to ${chain.map((s) => `${s.level}:${s.department}`).join(' → ')}`);
};

/** Moves an application to the next reviewer of its chain. */
export const advanceChain: EffectHandler = (ctx) => {
  const app = application(ctx);
  ctx.draft.patchApplication(app.id, { step: Math.min(app.step + 1, app.chain.length - 1) });
};

/** What an approved application does to the task and the ticket (HND-5, REV-2..6). */
export const applyApplication: EffectHandler = (ctx) => {
  const { cb, draft, now } = ctx;
  const app = draft.patchApplication(application(ctx).id, { decidedAt: now });
  const task = draft.task(app.task);
  const taskRef = { kind: 'task' as const, id: task.id };
  if (app.kind === 'extension') {
    const clock = task.clocks[stageKey(task.node)] ?? Object.values(task.clocks)[0];
    const key = Object.entries(task.clocks).find(([, c]) => c === clock)?.[0];
    const amount = Number(app.payload.amount);
    const unit = String(app.payload.unit ?? 'workDay') as 'workDay' | 'workHour' | 'naturalDay' | 'naturalHour';
    if (clock && key && amount > 0) {
      draft.patchTask(task.id, { clocks: { ...task.clocks, [key]: extendClock(clock, { amount, unit }, now) } });
    }
  } else if (app.kind === 'assist') {
    for (const department of app.payload.departments as string[]) addTask(ctx, department, 'assist', task.parent);
  } else if (app.kind === 'transfer') {
    addTask(ctx, String(app.payload.department), task.role, task.parent);
  }
  draft.emit(taskRef, '$application.approved', { application: app.id });
  void cb;
};

/** A refusal: the applicant is told and goes on; a refused result sends the task back to handling. */
export const rejectApplication: EffectHandler = (ctx) => {
  const app = ctx.draft.patchApplication(application(ctx).id, { decidedAt: ctx.now });
  ctx.draft.emit({ kind: 'task', id: app.task }, '$application.rejected', { application: app.id });
};

/** HND-4 取消挂账: the applicant cancels an approved suspension and the task resumes. */
export const cancelSuspension: EffectHandler = (ctx) => {
  const app = application(ctx);
  ctx.draft.emit({ kind: 'task', id: app.task }, '$application.cancelled', { application: app.id });
};
