import { autoDispatch } from '../dispatch/autoDispatch.js';
import { Refusal } from '../decide/Refusal.js';
import type { CenterFrame, TicketSource } from '../model/state.js';
import { departmentOf, lowerCenters, upperCenter } from '../org/index.js';
import type { EffectHandler } from './EffectContext.js';

function sourceOf(frames: readonly CenterFrame[], registered: TicketSource): TicketSource {
  const last = frames[frames.length - 1];
  if (!last || last.via === 'register') return registered;
  return last.via === 'delegate' ? 'upper' : 'lower';
}

/**
 * moves the ticket between centers. `upper`/`lower` push a hop (escalate 上报 / delegate 交办),
 * `back` returns it to the center that sent it, `upForReview` hands a finished upper-assigned ticket
 * back to the assigning center for its result review.
 */
export const moveCenter: EffectHandler = (ctx, params) => {
  const { cb, draft, now, payload } = ctx;
  const t = draft.ticket;
  const trail = [...t.trail];
  const direction = String(params.direction);
  let target: string | undefined;
  if (direction === 'upper') {
    target = params.source === 'autoDispatch' ? autoDispatch(cb, t).center : upperCenter(cb.org, t.center)?.id;
    if (!target) throw new Refusal('ENG_NO_DISPATCH_TARGET', { direction: 'upper', center: t.center });
    // escalating to the center that delegated the ticket hands it back: that center's own review chain stays
    const handBack = trail[trail.length - 1]?.via === 'delegate' && trail[trail.length - 2]?.center === target;
    if (handBack) trail.pop();
    else trail.push({ center: target, via: 'escalate', at: now });
  } else if (direction === 'lower') {
    target = params.source === 'autoDispatch' ? autoDispatch(cb, t).center : String(payload.center ?? '');
    if (!target || !lowerCenters(cb.org, t.center).some((c) => c.id === target)) {
      throw new Refusal('ENG_INVALID_PAYLOAD', { pointer: '/center', reason: `${target || '(none)'} is not a lower center of ${t.center}` });
    }
    trail.push({ center: target, via: 'delegate', at: now });
  } else {
    if (trail.length < 2) throw new Refusal('ENG_NO_DISPATCH_TARGET', { direction: 'sending', center: t.center });
    trail.pop();
    target = trail[trail.length - 1]!.center;
  }
  draft.patchTicket({ center: target, trail, source: sourceOf(trail, t.origin), gridWorker: undefined });
  draft.trace.push(`ticket moved (${direction}) to ${departmentOf(cb.org, target)?.name ?? target}`);
};

/** DSP-5: back at dispatch after a return, shown under 分拨退回. */
export const markReturned: EffectHandler = (ctx) => {
  ctx.draft.patchTicket({ returned: true });
};

/** DSP-2: returning, escalating or delegating splits merged tickets; the runtime unlinks the followers. */
export const splitMerged: EffectHandler = (ctx) => {
  ctx.draft.effects.push({ type: 'splitFollowers', ticket: ctx.draft.ticket.id });
};
