import type { CompiledBundle, TicketState } from '../../engine/index.js';
import { OVERALL, slaContext, stageKey } from '../../engine/decide/clocks.js';
import { clockDue, type ClockState, type SlaState } from '../../engine/sla/index.js';

export interface SlaValue {
  readonly state: SlaState;
  readonly dueAt: number;
}

/** The `sla` column: the listed entity's clock at its current node, and the ticket's overall clock. */
export interface SlaCell {
  readonly state: SlaState | null;
  readonly dueAt: number | null;
  readonly overall: SlaValue | null;
}

function evaluate(cb: CompiledBundle, clock: ClockState | undefined, ticket: TicketState, now: number): SlaValue | null {
  if (!clock) return null;
  const limit = cb.timeLimit(clock.limitId);
  if (!limit) return null;
  try {
    // the state and deadline only: a list has no use for the explanation of every row's clock
    const e = clockDue(clock, limit, slaContext(cb, limit, ticket.urgency), now);
    return { state: e.sla, dueAt: e.dueAt };
  } catch {
    // a clock stamped after `now` (clock skew between processes) or one the bundle cannot read: show no deadline
    return null;
  }
}

const lastEventAt = (clock: ClockState) => clock.events[clock.events.length - 1]?.at ?? Number.NEGATIVE_INFINITY;

/**
 * The entity's stage clock at its node. At a node without a time limit of its own (a suspended task
 * keeps its handling clock, paused) it is the stage clock still open there, the latest one first.
 */
function stageClock(entity: { node: string; clocks: Readonly<Record<string, ClockState>> }): ClockState | undefined {
  const clocks = entity.clocks ?? {};
  const own = clocks[stageKey(entity.node)];
  if (own) return own;
  const open = Object.entries(clocks).filter(([key, clock]) => key !== OVERALL && clock.status !== 'stopped').map(([, clock]) => clock);
  return open.sort((a, b) => lastEventAt(b) - lastEventAt(a))[0];
}

/**
 * Evaluates the clocks with the calendar and attendance scheme of the bundle the ticket runs on.
 * `entity` is the listed ticket, task or application.
 */
export function slaCell(cb: CompiledBundle, entity: { node: string; clocks: Readonly<Record<string, ClockState>> }, ticket: TicketState, now: number): SlaCell {
  const stage = evaluate(cb, stageClock(entity), ticket, now);
  return { state: stage?.state ?? null, dueAt: stage?.dueAt ?? null, overall: evaluate(cb, ticket.clocks?.[OVERALL], ticket, now) };
}
