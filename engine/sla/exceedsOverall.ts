import type { TimeAmount, TimeLimit } from '../../definitions/schemas/time-limit.js';
import type { ClockState } from './clockState.js';
import { DEFAULT_UTC_OFFSET_MINUTES } from './createTimeAxis.js';
import { evaluateClock, type ClockEvaluation, type EvaluationContext } from './evaluateClock.js';
import type { ExplanationStep } from './explanation.js';
import { extendClock } from './extendClock.js';
import { formatLocalDateTime } from './localTime.js';

/** HND-6: whether a (possibly extended) stage deadline falls after the ticket's overall deadline. */
export function exceedsOverall(stageDueAt: number, overallDueAt: number): boolean {
  return stageDueAt > overallDueAt;
}

export interface ClockWithLimit {
  readonly state: ClockState;
  readonly limit: TimeLimit;
}

export interface ExtensionCheckInput {
  readonly stage: ClockWithLimit;
  /** The ticket's overall clock; omitted when the item has no overall limit. */
  readonly overall?: ClockWithLimit | undefined;
  readonly extension: TimeAmount;
  readonly context: EvaluationContext;
  /** Context of the overall limit when its calendar or attendance differ. */
  readonly overallContext?: EvaluationContext | undefined;
  readonly now: number;
}

export interface ExtensionCheck {
  /** The stage clock as it would be with the extension granted. */
  readonly extended: ClockState;
  readonly stage: ClockEvaluation;
  readonly overall?: ClockEvaluation | undefined;
  readonly exceedsOverall: boolean;
  /** `extensionExceedsOverall` step (该部门延期后时间将大于事件到期时间) when the warning applies. */
  readonly warning?: ExplanationStep | undefined;
}

/**
 * REV-3 / HND-6: previews an extension on a stage clock and compares the extended deadline with the
 * overall deadline. Nothing is decided here: the reviewer sees the warning and may still approve.
 */
export function checkExtension(input: ExtensionCheckInput): ExtensionCheck {
  const extended = extendClock(input.stage.state, input.extension, input.now);
  const stage = evaluateClock(extended, input.stage.limit, input.context, input.now);
  if (!input.overall) return { extended, stage, exceedsOverall: false };
  const overall = evaluateClock(input.overall.state, input.overall.limit, input.overallContext ?? input.context, input.now);
  const exceeds = exceedsOverall(stage.dueAt, overall.dueAt);
  if (!exceeds) return { extended, stage, overall, exceedsOverall: false };
  const offset = input.context.attendance?.utcOffsetMinutes ?? DEFAULT_UTC_OFFSET_MINUTES;
  const warning: ExplanationStep = {
    code: 'extensionExceedsOverall',
    params: { stageDueAt: formatLocalDateTime(stage.dueAt, offset), overallDueAt: formatLocalDateTime(overall.dueAt, offset) },
  };
  return { extended, stage, overall, exceedsOverall: true, warning };
}
