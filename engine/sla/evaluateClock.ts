import type { TimeLimit } from '../../definitions/schemas/time-limit.js';
import { assertNotBefore, closeSegments, type ClockState, type ClockStatus } from './clockState.js';
import { createTimeAxis, kindOfUnit, type CalendarContext, type TimeAxis, type TimeKind } from './createTimeAxis.js';
import type { Explanation, ExplanationStep } from './explanation.js';
import { formatLocalDateTime } from './localTime.js';
import { resolveBudget, type Urgency } from './resolveBudget.js';
import { SlaError } from './SlaError.js';

/** SLA state shown to users: warning before the deadline, overdue after, paused while suspended. */
export type SlaState = 'normal' | 'warning' | 'overdue' | 'paused';

export interface EvaluationContext extends CalendarContext {
  readonly urgency?: Urgency | undefined;
}

export interface ClockEvaluation {
  readonly limitId: string;
  readonly kind: TimeKind;
  readonly status: ClockStatus;
  readonly sla: SlaState;
  /** Effective budget (urgency amount + extensions), ms of `kind`. */
  readonly budget: number;
  /** Time counted so far, ms of `kind` (may exceed the budget). */
  readonly consumed: number;
  /** `budget - consumed`; negative once more than the budget was used. */
  readonly remaining: number;
  /** When the budget runs out. Projected (as if counting resumed now / went on after the exit) when paused or stopped before running out. */
  readonly dueAt: number;
  /** When the warning state starts (budget minus the warning threshold). */
  readonly warnAt: number;
  /** True when `dueAt` is a projection rather than a point on a counted spell. */
  readonly projected: boolean;
  readonly explanation: Explanation;
}

/** A clock's state and deadline at `now`: what a list shows (evaluateClock without the explanation). */
export interface ClockDue {
  readonly sla: SlaState;
  readonly dueAt: number;
}

/**
 * Evaluates a clock at `now`. A running clock is overdue strictly after `dueAt` and warning from
 * `warnAt` until `dueAt`; a stopped clock is overdue when it stopped after `dueAt`; a paused clock
 * is `paused` whatever its remaining time.
 */
export function evaluateClock(state: ClockState, limit: TimeLimit, context: EvaluationContext, now: number): ClockEvaluation {
  return evaluate(state, limit, context, now, true);
}

/** evaluateClock's state and deadline only, without building the explanation (the same checks and errors). */
export function clockDue(state: ClockState, limit: TimeLimit, context: EvaluationContext, now: number): ClockDue {
  const { sla, dueAt } = evaluate(state, limit, context, now, false);
  return { sla, dueAt };
}

function evaluate(state: ClockState, limit: TimeLimit, context: EvaluationContext, now: number, explain: boolean): ClockEvaluation {
  if (state.limitId !== limit.id) throw new SlaError('ENG_SLA_LIMIT_MISMATCH', { state: state.limitId, limit: limit.id });
  assertNotBefore(state, now);
  const axis = createTimeAxis(kindOfUnit(limit.unit), context);
  const budget = resolveBudget(limit, state, context.urgency ?? 'normal', axis);

  const closed = state.status === 'running' ? closeSegments(state, now) : state.segments;
  const consumed = closed.reduce((sum, s) => sum + axis.measure(s.from, s.to ?? now), 0);
  const lastSegment = closed[closed.length - 1];
  const anchor = state.status === 'paused' ? now : (lastSegment?.to ?? now);

  const dueTrace: ExplanationStep[] | undefined = explain ? [] : undefined;
  const due = reach(state, axis, budget.totalMs, anchor, dueTrace);
  const warn = reach(state, axis, Math.max(0, budget.totalMs - budget.warnMs), anchor);

  let sla: SlaState;
  if (state.status === 'paused') sla = 'paused';
  else {
    const reference = state.status === 'stopped' ? anchor : now;
    sla = reference > due.at ? 'overdue' : state.status === 'running' && reference >= warn.at ? 'warning' : 'normal';
  }

  return {
    limitId: limit.id,
    kind: axis.kind,
    status: state.status,
    sla,
    budget: budget.totalMs,
    consumed,
    remaining: budget.totalMs - consumed,
    dueAt: due.at,
    warnAt: warn.at,
    projected: due.projected,
    explanation: explain ? explanationOf(state, axis, budget.steps, dueTrace!, warn.at, due) : [],
  };
}

function explanationOf(state: ClockState, axis: TimeAxis, budgetSteps: readonly ExplanationStep[], dueTrace: readonly ExplanationStep[], warnAt: number, due: { at: number; projected: boolean }): ExplanationStep[] {
  const fmt = (at: number) => formatLocalDateTime(at, axis.utcOffsetMinutes);
  return [
    ...budgetSteps,
    ...historySteps(state, axis, fmt),
    ...dueTrace,
    { code: 'warnFrom', params: { at: fmt(warnAt) } },
    { code: 'due', params: { at: fmt(due.at), projected: due.projected } },
  ];
}

/** The instant at which the counted time reaches `threshold`, walking the spells in order. */
function reach(
  state: ClockState,
  axis: TimeAxis,
  threshold: number,
  anchor: number,
  trace?: ExplanationStep[],
): { at: number; projected: boolean } {
  let accumulated = 0;
  for (const segment of state.segments) {
    if (segment.to === undefined) return { at: axis.add(segment.from, threshold - accumulated, trace), projected: false };
    const measured = axis.measure(segment.from, segment.to);
    if (accumulated + measured >= threshold) {
      return { at: axis.add(segment.from, threshold - accumulated, trace), projected: false };
    }
    accumulated += measured;
  }
  return { at: axis.add(anchor, threshold - accumulated, trace), projected: true };
}

function historySteps(state: ClockState, axis: TimeAxis, fmt: (at: number) => string): ExplanationStep[] {
  const steps: ExplanationStep[] = [];
  let pausedAt: number | undefined;
  for (const event of state.events) {
    const at = fmt(event.at);
    switch (event.type) {
      case 'start':
        steps.push({ code: 'start', params: { at } });
        break;
      case 'reenter':
        if (event.reset) steps.push({ code: 'reentryReset', params: { at } });
        else {
          const consumedMs = state.segments
            .filter((s) => s.from < event.at)
            .reduce((sum, s) => sum + axis.measure(s.from, Math.min(s.to ?? event.at, event.at)), 0);
          steps.push({ code: 'reentryContinue', params: { at, consumedMs, kind: axis.kind } });
        }
        pausedAt = undefined;
        break;
      case 'stop':
        steps.push({ code: 'exit', params: { at } });
        break;
      case 'pause':
        pausedAt = event.at;
        steps.push({ code: 'pause', params: { at } });
        break;
      case 'resume':
        steps.push({ code: 'resume', params: { at, pausedMs: pausedAt === undefined ? 0 : event.at - pausedAt } });
        pausedAt = undefined;
        break;
      case 'extend':
        steps.push({ code: 'extension', params: { at, amount: event.amount, unit: event.unit } });
        break;
    }
  }
  return steps;
}
