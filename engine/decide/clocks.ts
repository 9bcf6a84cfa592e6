import type { CompiledBundle } from '../compile/compileBundle.js';
import type { TimeLimit } from '../../definitions/schemas/index.js';
import type { ClockState, EvaluationContext } from '../sla/index.js';
import { pauseClock, resumeClock, startClock, stopClock } from '../sla/index.js';
import type { TicketState, Urgency } from '../model/state.js';
import { CLOSED_TASK_NODES } from './progress.js';
import type { EntityRef } from './types.js';
import type { WorldDraft } from './WorldDraft.js';

export const OVERALL = 'overall';
export const stageKey = (node: string) => `stage:${node}`;


function clocksOf(draft: WorldDraft, ref: EntityRef): Readonly<Record<string, ClockState>> {
  if (ref.kind === 'ticket') return draft.ticket.clocks;
  return ref.kind === 'task' ? draft.task(ref.id).clocks : draft.application(ref.id).clocks;
}

function setClocks(draft: WorldDraft, ref: EntityRef, clocks: Record<string, ClockState>): void {
  draft.patch(ref, { clocks });
}

function mapRunning(clocks: Readonly<Record<string, ClockState>>, fn: (c: ClockState) => ClockState, status: ClockState['status']) {
  return Object.fromEntries(Object.entries(clocks).map(([k, c]) => [k, c.status === status ? fn(c) : c]));
}

export function overallLimitOf(cb: CompiledBundle, ticket: Pick<TicketState, 'item' | 'domain'>) {
  const link = cb.bundle.defs.item[ticket.item]?.domains.find((d) => d.domain === ticket.domain);
  return cb.timeLimit(link?.overallLimit);
}

/** The calendar, attendance scheme and urgency a limit is evaluated with (DEF-6, DEF-7). */
export function slaContext(cb: CompiledBundle, limit: TimeLimit, urgency?: Urgency): EvaluationContext {
  const { calendar, attendance } = cb.bundle.defs;
  return {
    calendar: limit.calendar ? calendar[limit.calendar] : undefined,
    attendance: limit.attendance ? attendance[limit.attendance] : undefined,
    urgency,
  };
}

/**
 * Moves the clocks of an entity from one node to another: stage clocks stop on exit and (re)start on
 * entry (X-5, DEF-6 metering), nodes flagged `pauseClocks` pause and resume them (挂账: the stage
 * clock is paused rather than stopped, and resumed rather than re-entered), and the ticket's overall
 * clock runs from registration to closing.
 */
export function moveClocks(cb: CompiledBundle, draft: WorldDraft, ref: EntityRef, flowId: string, from: string, to: string, now: number, reentered: boolean): void {
  if (from === to && !reentered) return;
  const nodes = cb.flows[flowId]?.nodes ?? {};
  let clocks: Record<string, ClockState> = { ...clocksOf(draft, ref) };
  const leaving = nodes[from];
  const entering = nodes[to];
  const resumed = new Set<string>();
  if (leaving?.pauseClocks) {
    for (const [key, c] of Object.entries(clocks)) if (c.status === 'paused') resumed.add(key);
    clocks = mapRunning(clocks, (c) => resumeClock(c, now), 'paused');
  }
  if (leaving?.stageLimit && !entering?.pauseClocks && clocks[stageKey(from)]?.status === 'running') {
    clocks[stageKey(from)] = stopClock(clocks[stageKey(from)]!, now);
  }
  const limit = cb.timeLimit(entering?.stageLimit);
  if (limit && !resumed.has(stageKey(to))) clocks[stageKey(to)] = startClock(clocks[stageKey(to)], limit, now);
  if (ref.kind === 'ticket') {
    const overall = overallLimitOf(cb, draft.ticket);
    const current = clocks[OVERALL];
    const counts = entering !== undefined && !entering.final && entering.overallClock !== false;
    if (overall && counts && (!current || current.status === 'stopped')) {
      clocks[OVERALL] = startClock(current, overall, now);
    } else if (current?.status === 'running' && !counts) {
      clocks[OVERALL] = stopClock(current, now);
    }
  }
  if (entering?.pauseClocks) clocks = mapRunning(clocks, (c) => pauseClock(c, now), 'running');
  setClocks(draft, ref, clocks);
}

/** Pauses (or resumes) the ticket's overall clock while every deciding task is suspended (REV-4, X-5). */
export function syncOverallPause(draft: WorldDraft, deciding: readonly { node: string }[], now: number): void {
  const overall = draft.ticket.clocks[OVERALL];
  if (!overall) return;
  const open = deciding.filter((t) => !CLOSED_TASK_NODES.has(t.node));
  const allSuspended = open.length > 0 && open.every((t) => t.node === 'suspended');
  if (allSuspended && overall.status === 'running') {
    draft.patchTicket({ clocks: { ...draft.ticket.clocks, [OVERALL]: pauseClock(overall, now) } });
  } else if (!allSuspended && overall.status === 'paused') {
    draft.patchTicket({ clocks: { ...draft.ticket.clocks, [OVERALL]: resumeClock(overall, now) } });
  }
}
