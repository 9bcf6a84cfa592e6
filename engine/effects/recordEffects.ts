import { Refusal } from '../decide/Refusal.js';
import { communityOf, usersWithRole } from '../org/index.js';
import type { EffectContext, EffectHandler } from './EffectContext.js';

/** Stores what a step produced (reply, verification, check, callback, evaluation) on the ticket. */
export function recordOutcome(key: string): EffectHandler {
  return (ctx) => {
    const { draft, payload, opinion, now, actor } = ctx;
    const entry = { ...payload, ...(opinion ? { opinion } : {}), at: now, ...(actor ? { by: actor.user } : {}) };
    draft.patchTicket({ outcome: { ...(draft.ticket.outcome ?? {}), [key]: entry } });
  };
}

/** ACC-5 edit: changes the ticket's fields; the history event keeps the change records. */
export const editFields: EffectHandler = (ctx) => {
  const { draft, payload } = ctx;
  const changes = (payload.fields ?? {}) as Record<string, unknown>;
  const before = draft.ticket.fields;
  const records = Object.entries(changes)
    .filter(([k, v]) => JSON.stringify(before[k]) !== JSON.stringify(v))
    .map(([field, after]) => ({ field, before: before[field] ?? null, after }));
  const title = typeof changes.title === 'string' ? { title: changes.title } : {};
  draft.patchTicket({ fields: { ...before, ...changes }, ...title });
  draft.trace.push(`changed ${records.map((r) => r.field).join(', ') || 'nothing'}`);
  ctx.note({ changes: records });
};

function gridWorkerFor(ctx: EffectContext): string {
  const { cb, draft, payload } = ctx;
  const wanted = typeof payload.gridWorker === 'string' ? payload.gridWorker : undefined;
  const grid = draft.ticket.grid ? cb.org.grids.get(draft.ticket.grid) : undefined;
  const community = grid?.community ?? (ctx.ref.kind === 'task' ? communityOf(cb.org, draft.task(ctx.ref.id).department)?.id : undefined);
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

/** an urge to-do for whoever handles the current step. */
export const urge: EffectHandler = (ctx) => {
  const { cb, draft, actor, opinion } = ctx;
  const t = draft.ticket;
  const binding = cb.bindingOf(t.flow, t.node);
  const to = t.gridWorker && ['verification', 'check'].includes(t.node)
    ? { users: [t.gridWorker] }
    : t.node === 'handling'
      ? { users: [], department: [...draft.tasks.values()].find((x) => x.node === 'pending')?.department ?? t.center, role: 'handler' }
      : { department: t.center, ...(binding?.role ? { role: binding.role } : {}) };
  draft.effects.push({ type: 'urge', ticket: t.id, to, by: actor?.user ?? '', ...(opinion ? { opinion } : {}) });
};

/** Messages to the applicant (rejections) or the center (returns) for the message centre. */
export const notify: EffectHandler = (ctx, params) => {
  const { draft } = ctx;
  const app = ctx.ref.kind === 'application' ? draft.application(ctx.ref.id) : undefined;
  const to = params.to === 'applicant' && app ? { users: [app.applicant.user], department: app.applicant.department } : { department: draft.ticket.center };
  draft.effects.push({ type: 'notify', ticket: draft.ticket.id, reason: `${ctx.ref.kind}:${String(params.to)}`, to, data: app ? { application: app.id, kind: app.kind } : {} });
};
