import type { TimeAmount } from '../../definitions/schemas/index.js';
import { moveClocks, OVERALL, slaContext, stageKey } from '../decide/clocks.js';
import { nodeOfStep, reviewChain } from '../decide/reviewChain.js';
import { Refusal } from '../decide/Refusal.js';
import type { CompiledBundle } from '../compile/compileBundle.js';
import type { ApplicationKind, ApplicationState, TaskState, TicketState, TicketWorld } from '../model/state.js';
import { centerOf, departmentOf } from '../org/index.js';
import { checkExtension, extendClock } from '../sla/index.js';
import type { EffectContext, EffectHandler } from './EffectContext.js';
import { addTask } from './taskEffects.js';

/** HND-6 / REV-3: shown when an approved extension passes the ticket's overall deadline. */
export const EXTENSION_WARNING = '该部门延期后时间将大于事件到期时间';

const COUNTED = { extension: 'extension', suspension: 'suspension', return: 'return' } as const;

function application(ctx: EffectContext): ApplicationState {
  const id = ctx.ref.kind === 'application' ? ctx.ref.id : String(ctx.data?.application ?? '');
  return ctx.draft.application(id);
}

/** HND-1 申请转派: to another department of the same center (同级部门), never to itself or a center. */
function checkTransferTarget(ctx: EffectContext, from: string): void {
  const target = typeof ctx.payload.department === 'string' ? ctx.payload.department : '';
  if (!target) throw new Refusal('ENG_INVALID_PAYLOAD', { pointer: '/department', reason: 'a transfer names the department to transfer to' });
  const center = centerOf(ctx.cb.org, from)?.id;
  if (target === from || target === center || !departmentOf(ctx.cb.org, target) || centerOf(ctx.cb.org, target)?.id !== center) {
    throw new Refusal('ENG_INVALID_PAYLOAD', { pointer: '/department', reason: `${target} is not another department of center ${center ?? '?'}` });
  }
}

/** An extension measured against the stage and overall deadlines (REV-3, HND-6), before or at approval. */
export function checkTaskExtension(cb: CompiledBundle, ticket: TicketState, task: TaskState, app: ApplicationState, now: number) {
  const key = task.clocks[stageKey(task.node)] ? stageKey(task.node) : Object.keys(task.clocks)[0];
  const clock = key ? task.clocks[key] : undefined;
  const amount = Number(app.payload.amount);
  const unit = String(app.payload.unit ?? 'workDay') as TimeAmount['unit'];
  if (!clock || !key || !(amount > 0)) return undefined;
  const limit = cb.timeLimit(clock.limitId);
  if (!limit) return { key, extended: extendClock(clock, { amount, unit }, now), exceedsOverall: false as const };
  const overall = ticket.clocks[OVERALL];
  const overallLimit = cb.timeLimit(overall?.limitId);
  const check = checkExtension({
    stage: { state: clock, limit }, extension: { amount, unit }, context: slaContext(cb, limit, ticket.urgency), now,
    overall: overall && overallLimit ? { state: overall, limit: overallLimit } : undefined,
    overallContext: overallLimit ? slaContext(cb, overallLimit, ticket.urgency) : undefined,
  });
  return { key, ...check };
}

/**
 * HND-6: what the reviewer sees before deciding an extension — the new stage deadline and, when it
 * passes the ticket's overall deadline, the warning "该部门延期后时间将大于事件到期时间".
 */
export function previewExtension(cb: CompiledBundle, world: TicketWorld, applicationId: string, now: number): { stageDueAt?: number; overallDueAt?: number; warning?: string } {
  const app = world.applications.find((a) => a.id === applicationId);
  const task = app && world.tasks.find((t) => t.id === app.task);
  if (!app || !task || app.kind !== 'extension') return {};
  const check = checkTaskExtension(cb, world.ticket, task, app, now);
  if (!check || !('stage' in check)) return {};
  return {
    stageDueAt: check.stage.dueAt,
    ...(check.overall ? { overallDueAt: check.overall.dueAt } : {}),
    ...(check.exceedsOverall ? { warning: EXTENSION_WARNING } : {}),
  };
}

/** Extends the task's stage clock (REV-3) and notes the HND-6 warning when it passes the overall deadline. */
function extendTask(ctx: EffectContext, task: TaskState, app: ApplicationState): void {
  const { cb, draft, now } = ctx;
  const check = checkTaskExtension(cb, draft.ticket, task, app, now);
  if (!check) return;
  draft.patchTask(task.id, { clocks: { ...task.clocks, [check.key]: check.extended } });
  if (check.exceedsOverall && 'overall' in check && check.overall) {
    ctx.note({ warning: EXTENSION_WARNING, stageDueAt: check.stage.dueAt, overallDueAt: check.overall.dueAt });
    draft.trace.push(`extension of ${task.department}: ${EXTENSION_WARNING}`);
  }
}

/** X-2: a to-do for whoever reviews the application at its current step. */
function notifyReviewer(ctx: EffectContext, app: ApplicationState): void {
  const step = app.chain[app.step];
  if (!step) return;
  const role = ctx.cb.bindingOf(app.flow, nodeOfStep(step), app.kind)?.role;
  ctx.draft.effects.push({
    type: 'notify', ticket: app.ticket, reason: `application:${app.kind}`,
    to: { department: step.department, ...(role ? { role } : {}) }, data: { application: app.id, kind: app.kind, task: app.task },
  });
}

/** HND-1: a department applies (assist, extension, suspension, transfer, return) or completes (result). */
export const createApplication: EffectHandler = (ctx, params) => {
  const { cb, draft, now, ids, actor } = ctx;
  const kind = params.kind as ApplicationKind;
  const task = draft.task(ctx.ref.id);
  const flow = cb.flows[draft.ticket.flow]?.flow.applicationFlow;
  if (!flow || !cb.flows[flow]) throw new Refusal('ENG_UNKNOWN_REFERENCE', { kind: 'flow', id: flow ?? '(application flow)' });
  if (kind === 'transfer') checkTransferTarget(ctx, task.department);
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
  notifyReviewer(ctx, app);
  moveClocks(cb, draft, { kind: 'application', id: app.id }, flow, '', node, now, true);
  const counted = COUNTED[kind as keyof typeof COUNTED];
  if (counted) draft.patchTask(task.id, { counts: { ...task.counts, [counted]: task.counts[counted] + 1 } });
  draft.trace.push(`${kind} application ${app.id} goes to ${chain.map((s) => `${s.level}:${s.department}`).join(' → ')}`);
};

/** Moves an application to the next reviewer of its chain. */
export const advanceChain: EffectHandler = (ctx) => {
  const app = application(ctx);
  notifyReviewer(ctx, ctx.draft.patchApplication(app.id, { step: Math.min(app.step + 1, app.chain.length - 1) }));
};

/** What an approved application does to the task and the ticket (HND-5, REV-2..6). */
export const applyApplication: EffectHandler = (ctx) => {
  const { draft, now } = ctx;
  const app = draft.patchApplication(application(ctx).id, { decidedAt: now });
  const task = draft.task(app.task);
  const taskRef = { kind: 'task' as const, id: task.id };
  const sameRound = task.round !== undefined ? { round: task.round } : {};
  if (app.kind === 'extension') {
    extendTask(ctx, task, app);
  } else if (app.kind === 'assist') {
    for (const department of app.payload.departments as string[]) addTask(ctx, department, 'assist', task.parent, sameRound);
  } else if (app.kind === 'transfer') {
    addTask(ctx, String(app.payload.department), task.role, task.parent, sameRound);
  }
  draft.emit(taskRef, '$application.approved', { application: app.id });
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
