import type { CompiledBundle } from '../compile/compileBundle.js';
import { autoDispatch } from '../dispatch/autoDispatch.js';
import type { Actor, ApplicationState, TaskState } from '../model/state.js';
import { centerOf, departmentOf, lowerCenters, subUnits, upperCenter } from '../org/index.js';
import { progressOf } from './progress.js';
import type { EntityRef } from './types.js';
import type { WorldDraft } from './WorldDraft.js';

const SETTLED_APPLICATION = new Set(['approved', 'rejected', 'cancelled', 'withdrawn']);

export function pendingApplicationKinds(apps: Iterable<ApplicationState>, task: string): string[] {
  return [...apps].filter((a) => a.task === task && !SETTLED_APPLICATION.has(a.node)).map((a) => a.kind);
}

export function isAssistLine(task: TaskState, tasks: ReadonlyMap<string, TaskState>): boolean {
  for (let t: TaskState | undefined = task; t; t = t.parent ? tasks.get(t.parent) : undefined) {
    if (t.role === 'assist') return true;
  }
  return false;
}

/** The facts json-rules-engine sees for one action (STYLE: rule results go to the machine's guards). */
export function buildFacts(cb: CompiledBundle, draft: WorldDraft, ref: EntityRef, actor: Actor | undefined, payload: Record<string, unknown>): Record<string, unknown> {
  const ticket = draft.ticket;
  const facts: Record<string, unknown> = {
    ticket,
    params: cb.params,
    payload,
    progress: progressOf(ticket, [...draft.tasks.values()]),
    center: {
      id: ticket.center,
      hasUpper: upperCenter(cb.org, ticket.center) !== undefined,
      hasLower: lowerCenters(cb.org, ticket.center).length > 0,
    },
    autoDispatch: autoDispatch(cb, ticket),
  };
  if (actor) {
    facts.actor = { ...actor, center: centerOf(cb.org, actor.department)?.id, departmentKind: departmentOf(cb.org, actor.department)?.kind };
  }
  if (ref.kind === 'task') {
    const task = draft.task(ref.id);
    facts.task = {
      ...task,
      pendingApplications: pendingApplicationKinds(draft.applications.values(), task.id),
      assistLine: isAssistLine(task, draft.tasks),
      departmentKind: departmentOf(cb.org, task.department)?.kind,
      canSubDispatch: subUnits(cb.org, task.department).length > 0 || lowerCenters(cb.org, task.center).length > 0,
    };
  }
  if (ref.kind === 'application') {
    const app = draft.application(ref.id);
    facts.application = { ...app, moreSteps: app.step < app.chain.length - 1 };
    facts.task = draft.tasks.get(app.task);
  }
  return facts;
}
