import { Refusal } from '../decide/Refusal.js';
import { communityOf, usersWithRole } from '../org/index.js';
import type { Recipients } from '../decide/types.js';
import type { EffectContext, EffectHandler } from './EffectContext.js';

/** Stores what a step produced (reply, verification, check, callback, evaluation) on the ticket. */
export function recordOutcome(key: string): EffectHandler {
  return (ctx) => {
    const { draft, payload, opinion, now, actor } = ctx;
    const entry = { ...payload, ...(opinion ? { opinion } : {}), at: now, ...(actor ? { by: actor.user } : {}) };
    draft.patchTicket({ outcome: { ...(draft.ticket.outcome ?? {}), [key]: entry } });
  };
}

/** Registration facts kept on the ticket itself rather than in its form data (ACC-1). */
const TICKET_KEYS = ['title', 'grid', 'urgency', 'difficult', 'callbackWanted', 'confidential'] as const;
const URGENCIES: readonly unknown[] = ['normal', 'urgent', 'veryUrgent'];

/** ACC-5 edit: changes the ticket's fields; the history event keeps the change records (before → after). */
export const editFields: EffectHandler = (ctx) => {
  const { cb, draft, payload } = ctx;
  const changes = (payload.fields ?? {}) as Record<string, unknown>;
  const ticket = draft.ticket as unknown as Record<string, unknown>;
  const onTicket = (k: string) => (TICKET_KEYS as readonly string[]).includes(k);
  if ('grid' in changes && !cb.org.grids.has(String(changes.grid))) {
    throw new Refusal('ENG_INVALID_PAYLOAD', { pointer: '/fields/grid', reason: `grid ${String(changes.grid)} is unknown` });
  }
  if ('urgency' in changes && !URGENCIES.includes(changes.urgency)) {
    throw new Refusal('ENG_INVALID_PAYLOAD', { pointer: '/fields/urgency', reason: 'urgency is normal, urgent or veryUrgent' });
  }
  const before = (k: string) => (onTicket(k) ? ticket[k] : draft.ticket.fields[k]);
  const records = Object.entries(changes)
    .filter(([k, v]) => JSON.stringify(before(k)) !== JSON.stringify(v))
    .map(([field, after]) => ({ field, before: before(field) ?? null, after }));
  // the form data keeps every field; registration facts the engine reads are mirrored on the ticket
  const own = Object.fromEntries(Object.entries(changes).filter(([k]) => onTicket(k)));
  draft.patchTicket({ fields: { ...draft.ticket.fields, ...changes }, ...own });
  draft.trace.push(`changed ${records.map((r) => r.field).join(', ') || 'nothing'}`);
  ctx.note({ changes: records });
};

function gridWorkerFor(ctx: EffectContext): string {
  const { cb, draft, payload } = ctx;
  const wanted = typeof payload.gridWorker === 'string' ? payload.gridWorker : undefined;
  const grid = draft.ticket.grid ? cb.org.grids.get(draft.ticket.grid) : undefined;
  // HND-1: a community department sends its task to its own grid workers; the ticket's steps to the grid's
  const own = ctx.ref.kind === 'task' ? communityOf(cb.org, draft.task(ctx.ref.id).department)?.id : undefined;
  const community = own ?? grid?.community;
  const workers = community ? usersWithRole(cb.org, 'gridWorker', community).map((u) => u.id) : [];
  if (wanted) {
    const user = cb.org.users.get(wanted);
    if (!user || !user.roles.includes('gridWorker')) throw new Refusal('ENG_INVALID_PAYLOAD', { pointer: '/gridWorker', reason: `${wanted} is not a grid worker` });
    return wanted;
  }
  if (!workers[0]) throw new Refusal('ENG_INVALID_PAYLOAD', { pointer: '/gridWorker', reason: 'no grid worker serves this grid' });
  return workers[0];
}

/** ACC-7/REV-7/HND-1: picks (or changes) the grid worker of the ticket's grid. */
export const assignGridWorker: EffectHandler = (ctx) => {
  const worker = gridWorkerFor(ctx);
  if (ctx.ref.kind === 'task') ctx.draft.patchTask(ctx.ref.id, { gridWorker: worker });
  else ctx.draft.patchTicket({ gridWorker: worker });
  ctx.draft.trace.push(`grid worker ${worker}`);
};

/**
 * Who handles the ticket's current step, from its status binding (DEF-11): the assigned grid worker
 * for grid-worker steps, every department still handling a task for steps no role holds, else the
 * bound role at the ticket's center.
 */
function currentHandlers(ctx: EffectContext): Recipients[] {
  const { cb, draft } = ctx;
  const t = draft.ticket;
  const binding = cb.bindingOf(t.flow, t.node);
  if (binding?.role === 'gridWorker' && t.gridWorker) return [{ users: [t.gridWorker] }];
  if (!binding?.role) {
    const inHand = [...draft.tasks.values()].filter((x) => !x.mergedInto && (x.node === 'pending' || x.node === 'gridHandling'));
    const departments = [...new Set(inHand.filter((x) => x.node === 'pending').map((x) => x.department))];
    const workers = [...new Set(inHand.flatMap((x) => (x.node === 'gridHandling' && x.gridWorker ? [x.gridWorker] : [])))];
    const to: Recipients[] = [...departments.map((department) => ({ department, role: 'handler' })), ...(workers.length > 0 ? [{ users: workers }] : [])];
    if (to.length > 0) return to;
  }
  return [{ department: t.center, ...(binding?.role ? { role: binding.role } : {}) }];
}

/** X-2 / ACC-5: an urge to-do for whoever handles the current step (one per recipient group). */
export const urge: EffectHandler = (ctx) => {
  const { draft, actor, opinion } = ctx;
  for (const to of currentHandlers(ctx)) {
    draft.effects.push({ type: 'urge', ticket: draft.ticket.id, to, by: actor?.user ?? '', ...(opinion ? { opinion } : {}) });
  }
};

/** Re-reads the tasks after the ticket comes back to handling (e.g. from a check): a settled outcome moves it on. */
export const settleTasks: EffectHandler = (ctx) => {
  ctx.draft.emit({ kind: 'ticket', id: ctx.draft.ticket.id }, '$tasks.settled');
};

/**
 * Messages for the message centre: `to: applicant` (rejections), `to: gridWorker` (a grid report
 * returned to the worker who made it) or `to: center` (returns; `role` narrows to e.g. the dispatchers
 * of the center now holding the ticket).
 */
export const notify: EffectHandler = (ctx, params) => {
  const { draft } = ctx;
  const app = ctx.ref.kind === 'application' ? draft.application(ctx.ref.id) : undefined;
  const role = typeof params.role === 'string' ? params.role : undefined;
  let to: Recipients;
  if (params.to === 'applicant' && app) to = { users: [app.applicant.user], department: app.applicant.department };
  else if (params.to === 'gridWorker') {
    if (!draft.ticket.gridWorker) return;
    to = { users: [draft.ticket.gridWorker] };
  } else to = { department: draft.ticket.center, ...(role ? { role } : {}) };
  draft.effects.push({ type: 'notify', ticket: draft.ticket.id, reason: `${ctx.ref.kind}:${String(params.to)}`, to, data: app ? { application: app.id, kind: app.kind } : {} });
};
