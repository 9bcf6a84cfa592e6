/**
 * An explanation is data: an ordered list of steps, each a stable `code` with `params`.
 * `describeExplanation` turns it into zh-CN or en-US text. Instants are local `YYYY-MM-DD HH:mm`
 * strings, dates `YYYY-MM-DD`, durations milliseconds.
 *
 * | code                    | params                                                    |
 * |-------------------------|-----------------------------------------------------------|
 * | limit                   | amount, unit                                              |
 * | urgency                 | urgency, amount, unit (the urgency amount was chosen)     |
 * | urgencyNotConfigured    | urgency, amount, unit (no amount for it: ordinary used)   |
 * | defaultWarning          | amountMs, kind (warnBefore not set: a quarter)            |
 * | start                   | at                                                        |
 * | reentryReset            | at (single metering: a fresh budget)                      |
 * | reentryContinue         | at, consumedMs, kind (cumulative metering)                |
 * | exit                    | at                                                        |
 * | pause                   | at                                                        |
 * | resume                  | at, pausedMs                                              |
 * | extension               | at, amount, unit                                          |
 * | outsideWorkingHours     | from, to (counting starts at the next working time)       |
 * | skipWeekend             | from, to                                                  |
 * | skipHoliday             | from, to, names, namesEn                                  |
 * | lunchBreak              | from, to (HH:mm), times                                   |
 * | makeupWorkday           | date, name, nameEn                                        |
 * | warnFrom                | at                                                        |
 * | due                     | at, projected                                             |
 * | extensionExceedsOverall | stageDueAt, overallDueAt (HND-6)                          |
 */
export const EXPLANATION_CODES = [
  'limit',
  'urgency',
  'urgencyNotConfigured',
  'defaultWarning',
  'start',
  'reentryReset',
  'reentryContinue',
  'exit',
  'pause',
  'resume',
  'extension',
  'outsideWorkingHours',
  'skipWeekend',
  'skipHoliday',
  'lunchBreak',
  'makeupWorkday',
  'warnFrom',
  'due',
  'extensionExceedsOverall',
] as const;

export type ExplanationCode = (typeof EXPLANATION_CODES)[number];

export type ExplanationParam = string | number | boolean | readonly string[];

export interface ExplanationStep {
  readonly code: ExplanationCode;
  readonly params: Readonly<Record<string, ExplanationParam>>;
}

export type Explanation = readonly ExplanationStep[];

export type ExplanationLocale = 'zh-CN' | 'en-US';
