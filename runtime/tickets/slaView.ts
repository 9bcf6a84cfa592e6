import type { CompiledBundle, TicketWorld } from '../../engine/index.js';
import { OVERALL, slaContext } from '../../engine/decide/clocks.js';
import type { Urgency } from '../../engine/model/state.js';
import {
  SlaError, describeExplanation, evaluateClock,
  type ClockState, type ClockStatus, type ExplanationLocale, type SlaState, type TimeKind,
} from '../../engine/sla/index.js';

const LOCALES: readonly ExplanationLocale[] = ['zh-CN', 'en-US'];
const STAGE_PREFIX = 'stage:';

/** One clock of a ticket, task or application as the detail page shows it. */
export interface SlaClockView {
  /** `overall` or `stage:<node>` (engine/decide/clocks.ts). */
  readonly key: string;
  /** The node a stage clock belongs to; null for the overall clock. */
  readonly node: string | null;
  readonly limitId: string;
  /** The time limit's name (DEF-6), e.g. 受理环节 1 工作时. */
  readonly limitName: string;
  /** working | natural: the time `budget`, `consumed` and `remaining` are measured in. */
  readonly kind: TimeKind;
  /** running | paused | stopped. */
  readonly status: ClockStatus;
  /** normal | warning | overdue | paused. */
  readonly state: SlaState;
  /** Milliseconds of `kind`. */
  readonly budget: number;
  readonly consumed: number;
  /** Negative once more than the budget was used. */
  readonly remaining: number;
  readonly dueAt: number;
  readonly warnAt: number;
  /** True when `dueAt` is projected (paused, or stopped before running out). */
  readonly projected: boolean;
  /** Why the deadline is what it is, one step per line, in both languages. */
  readonly explanation: Readonly<Record<ExplanationLocale, string>>;
}

/** The SLA block of a ticket's detail: the overall clock and every entity's stage clocks, keyed like `actions`. */
export interface TicketSlaView {
  readonly evaluatedAt: number;
  readonly overall: SlaClockView | null;
  /** The ticket's own stage clocks (acceptance, dispatch, review, …), oldest first. */
  readonly ticket: readonly SlaClockView[];
  readonly tasks: Readonly<Record<string, readonly SlaClockView[]>>;
  readonly applications: Readonly<Record<string, readonly SlaClockView[]>>;
}

function lastEventAt(clock: ClockState): number {
  return clock.events[clock.events.length - 1]?.at ?? Number.NEGATIVE_INFINITY;
}

/**
 * Evaluates one stored clock against the time limit of the ticket's bundle. A clock stamped after
 * `now` (another process's clock running ahead) is evaluated at its last event rather than refused.
 * Undefined when the bundle no longer knows the limit or the clock cannot be read (SlaError): the
 * detail page then shows no deadline for it rather than failing as a whole.
 */
export function clockView(cb: CompiledBundle, key: string, clock: ClockState, urgency: Urgency, now: number): SlaClockView | undefined {
  const limit = cb.timeLimit(clock.limitId);
  if (!limit) return undefined;
  try {
    const e = evaluateClock(clock, limit, slaContext(cb, limit, urgency), Math.max(now, lastEventAt(clock)));
    return {
      key,
      node: key.startsWith(STAGE_PREFIX) ? key.slice(STAGE_PREFIX.length) : null,
      limitId: limit.id,
      limitName: limit.name,
      kind: e.kind,
      status: e.status,
      state: e.sla,
      budget: e.budget,
      consumed: e.consumed,
      remaining: e.remaining,
      dueAt: e.dueAt,
      warnAt: e.warnAt,
      projected: e.projected,
      explanation: Object.fromEntries(LOCALES.map((l) => [l, describeExplanation(e.explanation, l)])) as Record<ExplanationLocale, string>,
    };
  } catch (error) {
    if (error instanceof SlaError) return undefined;
    throw error;
  }
}

/** The stage clocks of one entity, in the order they first started. */
function stageViews(cb: CompiledBundle, clocks: Readonly<Record<string, ClockState>> | undefined, urgency: Urgency, now: number): SlaClockView[] {
  return Object.entries(clocks ?? {})
    .filter(([key]) => key.startsWith(STAGE_PREFIX))
    .sort(([, a], [, b]) => (a.events[0]?.at ?? 0) - (b.events[0]?.at ?? 0))
    .flatMap(([key, clock]) => clockView(cb, key, clock, urgency, now) ?? []);
}

/**
 * X-5 on the detail page: the ticket's overall clock and the stage clocks of the ticket, its tasks
 * and its applications, evaluated at `now` with the calendar, attendance scheme and limits of the
 * bundle the ticket runs on (`cb`), and the ticket's urgency. Pure: no I/O.
 */
export function ticketSla(cb: CompiledBundle, world: TicketWorld, now: number): TicketSlaView {
  const { ticket } = world;
  const overall = ticket.clocks?.[OVERALL];
  return {
    evaluatedAt: now,
    overall: overall ? (clockView(cb, OVERALL, overall, ticket.urgency, now) ?? null) : null,
    ticket: stageViews(cb, ticket.clocks, ticket.urgency, now),
    tasks: Object.fromEntries(world.tasks.map((t) => [t.id, stageViews(cb, t.clocks, ticket.urgency, now)])),
    applications: Object.fromEntries(world.applications.map((a) => [a.id, stageViews(cb, a.clocks, ticket.urgency, now)])),
  };
}
