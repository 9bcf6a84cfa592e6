import type { ButtonType } from '../../definitions/schemas/index.js';
import type { CompiledBundle } from '../compile/compileBundle.js';
import type { Actor } from '../model/state.js';
import { centerOf, communityOf, departmentOf } from '../org/index.js';
import { engineError, type EngineError } from '../errors.js';
import { Refusal } from './Refusal.js';
import { REVIEW_NODES } from './reviewChain.js';
import { flowOf } from './flowOf.js';
import type { EntityRef } from './types.js';
import type { WorldDraft } from './WorldDraft.js';

/** Roles allowed to press a button here: the button's own list, else the role bound to the node (DEF-11). */
export function rolesFor(cb: CompiledBundle, draft: WorldDraft, ref: EntityRef, button: ButtonType): string[] {
  if (button.roles && button.roles.length > 0) return [...button.roles];
  const kind = ref.kind === 'application' ? draft.application(ref.id).kind : undefined;
  const binding = cb.bindingOf(flowOf(draft, ref), draft.nodeOf(ref), kind);
  return binding?.handlerType === 'role' && binding.role ? [binding.role] : [];
}

function name(cb: CompiledBundle, id: string | undefined): string {
  return (id && departmentOf(cb.org, id)?.name) || id || '?';
}

/**
 * Why the actor may not act here (role and data scope, X-3), or undefined when it may. Returned,
 * not thrown: listing the buttons of a ticket refuses most of them, and an Error per refusal
 * (with its stack) cost more than the checks.
 */
export function permissionError(cb: CompiledBundle, draft: WorldDraft, ref: EntityRef, button: ButtonType, actor: Actor): EngineError | undefined {
  const roles = rolesFor(cb, draft, ref, button);
  const held = roles.filter((r) => actor.roles.includes(r));
  if (held.length === 0) {
    return engineError('ENG_FORBIDDEN_ROLE', { role: roles.join('|') || '(none)', where: draft.nodeOf(ref) });
  }
  const actorCenter = centerOf(cb.org, actor.department)?.id;
  const onlyGrid = held.every((r) => r === 'gridWorker');
  if (ref.kind === 'ticket') {
    const t = draft.ticket;
    if (onlyGrid) {
      const community = t.grid ? cb.org.grids.get(t.grid)?.community : undefined;
      const mine = t.gridWorker ? t.gridWorker === actor.user : community === communityOf(cb.org, actor.department)?.id;
      if (!mine && draft.nodeOf(ref) !== 'registration') return engineError('ENG_OUT_OF_SCOPE', { entity: 'ticket', where: 'grid' });
      return undefined;
    }
    if (actorCenter !== t.center) return engineError('ENG_OUT_OF_SCOPE', { entity: 'ticket', where: name(cb, t.center) });
    // ACC-5: a ticket extracted from a pool belongs to its extractor until it leaves the node
    if (t.assignee && t.assignee !== actor.user) return engineError('ENG_EXTRACTED_BY_OTHER', { id: t.number, assignee: t.assignee });
    return undefined;
  }
  if (ref.kind === 'task') {
    const task = draft.task(ref.id);
    const ok = onlyGrid ? task.gridWorker === actor.user : task.department === actor.department;
    if (!ok) return engineError('ENG_OUT_OF_SCOPE', { entity: 'task', where: name(cb, task.department) });
    return undefined;
  }
  const app = draft.application(ref.id);
  const step = app.chain[app.step];
  const reviewing = REVIEW_NODES.includes(app.node);
  if (!reviewing) {
    if (app.applicant.department !== actor.department) return engineError('ENG_OUT_OF_SCOPE', { entity: 'application', where: name(cb, app.applicant.department) });
    return undefined;
  }
  const ok = step?.level === 'parent' ? actor.department === step.department : actorCenter === step?.department;
  if (!ok) return engineError('ENG_OUT_OF_SCOPE', { entity: 'application', where: name(cb, step?.department) });
  return undefined;
}

/** Checks role and data scope on the server side: throws a Refusal when the actor may not act. */
export function checkPermission(cb: CompiledBundle, draft: WorldDraft, ref: EntityRef, button: ButtonType, actor: Actor): void {
  const error = permissionError(cb, draft, ref, button, actor);
  if (error) throw new Refusal(error.code, error.params);
}
