/** SLA clock (DEF-6, DEF-7, X-5, HND-4/HND-6, REV-3/REV-4): pure time arithmetic and clock state. */
export { SLA_ERRORS, SlaError, type SlaErrorCode } from './SlaError.js';
export {
  MS_PER_DAY,
  MS_PER_HOUR,
  MS_PER_MINUTE,
  dayOfIsoDate,
  formatLocalClock,
  formatLocalDateTime,
  isoDateOfDay,
  localDayOf,
  localDayStart,
  localInstant,
  parseClockTime,
  weekdayOfDay,
} from './localTime.js';
export {
  MAX_IDLE_DAYS,
  createWorkingCalendar,
  type DayKind,
  type WorkingCalendar,
  type WorkingDay,
} from './createWorkingCalendar.js';
export { addWorkingTime } from './addWorkingTime.js';
export { isWithinWorkingTime, measureWorkingTime } from './measureWorkingTime.js';
export {
  DEFAULT_UTC_OFFSET_MINUTES,
  createTimeAxis,
  kindOfUnit,
  type CalendarContext,
  type TimeAxis,
  type TimeKind,
} from './createTimeAxis.js';
export {
  EXPLANATION_CODES,
  type Explanation,
  type ExplanationCode,
  type ExplanationLocale,
  type ExplanationParam,
  type ExplanationStep,
} from './explanation.js';
export {
  ClockEventSchema,
  ClockStateSchema,
  ClockStatusSchema,
  parseClockState,
  type ClockEvent,
  type ClockState,
  type ClockStatus,
} from './clockState.js';
export { startClock } from './startClock.js';
export { stopClock } from './stopClock.js';
export { pauseClock } from './pauseClock.js';
export { resumeClock } from './resumeClock.js';
export { extendClock } from './extendClock.js';
export { DEFAULT_WARNING_SHARE, resolveBudget, type Budget, type Urgency } from './resolveBudget.js';
export {
  clockDue,
  evaluateClock,
  type ClockDue,
  type ClockEvaluation,
  type EvaluationContext,
  type SlaState,
} from './evaluateClock.js';
export { describeExplanation, describeStep, formatDuration } from './describeExplanation.js';
export {
  checkExtension,
  exceedsOverall,
  type ClockWithLimit,
  type ExtensionCheck,
  type ExtensionCheckInput,
} from './exceedsOverall.js';
