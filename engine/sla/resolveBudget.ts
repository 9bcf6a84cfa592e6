import type { TimeLimit } from '../../definitions/schemas/time-limit.js';
import type { ClockState } from './clockState.js';
import type { TimeAxis } from './createTimeAxis.js';
import type { ExplanationStep } from './explanation.js';
import { MS_PER_MINUTE } from './localTime.js';

/** Ticket urgency (DEF-15: 一般, 紧急, 非常紧急). */
export type Urgency = 'normal' | 'urgent' | 'veryUrgent';

/** The budget a clock is measured against, in milliseconds of the limit's kind of time. */
export interface Budget {
  /** Amount chosen for the urgency, in the limit's unit. */
  readonly amount: number;
  readonly baseMs: number;
  readonly extensionsMs: number;
  readonly totalMs: number;
  /** The warning state starts when this much remains. */
  readonly warnMs: number;
  readonly steps: ExplanationStep[];
}

/** Share of the effective limit that remains when the warning starts, if `warnBefore` is not set. */
export const DEFAULT_WARNING_SHARE = 0.25;

/**
 * Effective budget: the urgency's amount (紧急配置; a missing one falls back to the ordinary amount, as
 * the seed says for "紧急配置: 否") plus the extensions granted since the last budget reset. The warning
 * threshold is `warnBefore` or, by default, a quarter of that effective budget (rounded to the minute).
 */
export function resolveBudget(limit: TimeLimit, state: ClockState, urgency: Urgency, axis: TimeAxis): Budget {
  const steps: ExplanationStep[] = [{ code: 'limit', params: { amount: limit.amount, unit: limit.unit } }];
  let amount = limit.amount;
  if (urgency !== 'normal') {
    const special = limit.urgencyAmounts?.[urgency];
    if (special !== undefined) {
      amount = special;
      steps.push({ code: 'urgency', params: { urgency, amount, unit: limit.unit } });
    } else {
      steps.push({ code: 'urgencyNotConfigured', params: { urgency, amount, unit: limit.unit } });
    }
  }
  const baseMs = axis.toMs(amount, limit.unit);
  const extensionsMs = state.extensions.reduce((sum, e) => sum + axis.toMs(e.amount, e.unit), 0);
  const totalMs = baseMs + extensionsMs;
  let warnMs: number;
  if (limit.warnBefore) {
    warnMs = axis.toMs(limit.warnBefore.amount, limit.warnBefore.unit);
  } else {
    warnMs = Math.round((totalMs * DEFAULT_WARNING_SHARE) / MS_PER_MINUTE) * MS_PER_MINUTE;
    steps.push({ code: 'defaultWarning', params: { amountMs: warnMs, kind: axis.kind } });
  }
  return { amount, baseMs, extensionsMs, totalMs, warnMs, steps };
}
