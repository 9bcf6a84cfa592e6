import type { DepartmentAssignment } from '../../definitions/schemas/index.js';
import { autoDispatch } from '../dispatch/autoDispatch.js';
import { moveClocks } from '../decide/clocks.js';
import { isOpenTask } from '../decide/progress.js';
import { Refusal } from '../decide/Refusal.js';
import { REVIEW_NODES } from '../decide/reviewChain.js';
import type { TaskRole, TaskState } from '../model/state.js';
import { centerOf, departmentOf, isWithin, lowerCenters } from '../org/index.js';
import type { EffectContext, EffectHandler } from './EffectContext.js';

interface Assigned { department: string; role: TaskRole }

/** Expands a main+assist or multi assignment into departments with their roles; refuses incomplete ones. */
export function assignedDepartments(a: Partial<DepartmentAssignment>): Assigned[] {
  if (a.handling === 'multi') {
    const departments = a.departments ?? [];
    if (departments.length === 0) throw new Refusal('ENG_INVALID_PAYLOAD', { pointer: '/departments', reason: 'multi-department handling needs at least one department' });
    return departments.map((d) => ({ department: d, role: 'multi' }));
  }
  if (!a.main) throw new Refusal('ENG_INVALID_PAYLOAD', { pointer: '/main', reason: 'main+assist handling needs a main department' });
  const assists = (a.assists ?? []).filter((d) => d !== a.main);
  return [{ department: a.main, role: 'main' }, ...assists.map((d) => ({ department: d, role: 'assist' as const }))];
}

function taskFlowOf(ctx: EffectContext): string {
  const { cb, draft } = ctx;
  const item = cb.bundle.defs.item[draft.ticket.item];
  const flow = item?.flow ?? cb.flows[draft.ticket.flow]?.flow.taskFlow;
  if (!flow || !cb.flows[flow]) throw new Refusal('ENG_UNKNOWN_REFERENCE', { kind: 'flow', id: flow ?? '(task flow)' });
  return flow;
}

/** Creates one task and starts its clocks at the flow's initial node. */
export function addTask(ctx: EffectContext, department: string, role: TaskRole, parent?: string, extra: Partial<TaskState> = {}): TaskState {
  const { cb, draft, now } = ctx;
  if (!departmentOf(cb.org, department)) throw new Refusal('ENG_UNKNOWN_REFERENCE', { kind: 'department', id: department });
  const flow = taskFlowOf(ctx);
  const initial = cb.flows[flow]!.flow.initial;
  const round = parent ? draft.task(parent).round : draft.ticket.dispatch?.round;
  const task: TaskState = {
    id: ctx.ids(), ticket: draft.ticket.id, department, center: draft.ticket.center, role, flow, node: initial,
    createdAt: now, counts: { extension: 0, suspension: 0, return: 0 }, clocks: {}, version: 0,
    ...(round !== undefined ? { round } : {}), ...(parent ? { parent } : {}), ...extra,
  };
  draft.addTask(task);
  moveClocks(cb, draft, { kind: 'task', id: task.id }, flow, '', initial, now, true);
  return draft.task(task.id);
}

function checkWithinCenter(ctx: EffectContext, department: string): void {
  const center = ctx.draft.ticket.center;
  if (department === center || centerOf(ctx.cb.org, department)?.id !== center) {
    throw new Refusal('ENG_INVALID_PAYLOAD', { pointer: '/departments', reason: `${department} is not a unit of center ${center}` });
  }
}

/** DSP-2/DSP-3/CLS-3/ACC-4: assign departments from the dialog or the item's dispatch configuration. */
export const createTasks: EffectHandler = (ctx, params) => {
  const { cb, draft, now, payload } = ctx;
  const fromAuto = params.source === 'autoDispatch';
  const auto = fromAuto ? autoDispatch(cb, draft.ticket) : undefined;
  const assignment = (auto?.assignment ?? payload) as Partial<DepartmentAssignment> & { forced?: boolean; cc?: string[] };
  const wanted = assignedDepartments(assignment);
  const open = new Set([...draft.tasks.values()].filter(isOpenTask).map((t) => t.department));
  if (params.add) {
    const taken = wanted.filter((w) => open.has(w.department));
    if (taken.length > 0) {
      const names = taken.map((t) => `${departmentOf(cb.org, t.department)?.name ?? t.department}（${t.department}）`).join('、');
      throw new Refusal('ENG_INVALID_PAYLOAD', { pointer: '/departments', reason: `${names} 已在处置本工单，不能加派 (already handling this ticket)` });
    }
  }
  for (const w of wanted) checkWithinCenter(ctx, w.department);
  const existing = draft.ticket.dispatch;
  if (!params.add || !existing) {
    draft.patchTicket({
      dispatch: {
        handling: assignment.handling ?? 'mainAssist', forced: Boolean(assignment.forced), cc: [...(assignment.cc ?? [])], at: now,
        round: (existing?.round ?? 0) + 1, ...(ctx.actor ? { by: ctx.actor.user } : {}),
      },
      returned: false,
    });
  }
  const roleFor = (w: Assigned): TaskRole => (params.add && existing ? (existing.handling === 'multi' ? 'multi' : 'assist') : w.role);
  const created = wanted.map((w) => addTask(ctx, w.department, roleFor(w)));
  for (const sub of auto?.subDispatch ?? []) {
    const parent = created.find((t) => t.department === sub.department);
    if (!parent) continue;
    for (const w of assignedDepartments(sub)) addTask(ctx, w.department, w.role, parent.id);
  }
  if (auto) draft.trace.push(...auto.trace);
  draft.trace.push(`tasks created for ${created.map((t) => `${t.department}(${t.role})`).join(', ')}`);
};

/**
 * When the ticket leaves handling, tasks still being worked (e.g. assists after the main is done)
 * are withdrawn, and so are their applications awaiting review. Completed tasks keep their result review,
 * unless `completed: true` (REV-2 重派: the reviewer rejects the handling, results awaiting review included).
 */
export const withdrawOpenTasks: EffectHandler = (ctx, params) => {
  const { draft } = ctx;
  const all = params.completed === true;
  const withdrawn = new Set<string>();
  for (const t of draft.tasks.values()) {
    if (isOpenTask(t) && (all || t.node !== 'completed') && !t.mergedInto) {
      withdrawn.add(t.id);
      draft.emit({ kind: 'task', id: t.id }, '$task.withdrawn');
    }
  }
  for (const a of draft.applications.values()) {
    if (withdrawn.has(a.task) && (all || a.kind !== 'result')) draft.emit({ kind: 'application', id: a.id }, '$task.withdrawn');
  }
};

/**
 * REV-2 不核查结案: the reviewer passes the handling as a whole, so the results of completed tasks
 * still awaiting review are approved with it (`$handling.accepted`); none stays behind in 结果审核.
 */
export const acceptResults: EffectHandler = (ctx) => {
  const { draft } = ctx;
  for (const a of draft.applications.values()) {
    if (a.kind !== 'result' || !REVIEW_NODES.includes(a.node)) continue;
    const task = draft.task(a.task);
    if (task.node === 'completed' && !task.mergedInto) draft.emit({ kind: 'application', id: a.id }, '$handling.accepted');
  }
};

/** HND-1 下派: a department hands its task to its sub-units or to units of a lower center. */
export const createSubTasks: EffectHandler = (ctx) => {
  const { cb, draft, ref, payload } = ctx;
  const task = draft.task(ref.id);
  const wanted = assignedDepartments(payload as Partial<DepartmentAssignment>);
  const lowers = lowerCenters(cb.org, task.center).map((c) => c.id);
  for (const w of wanted) {
    const ok = isWithin(cb.org, w.department, task.department) && w.department !== task.department;
    const viaLower = lowers.some((c) => isWithin(cb.org, w.department, c) && w.department !== c);
    if (!ok && !viaLower) throw new Refusal('ENG_INVALID_PAYLOAD', { pointer: '/departments', reason: `${w.department} is neither a sub-unit of ${task.department} nor a unit of a lower center` });
    addTask(ctx, w.department, w.role, task.id);
  }
};
