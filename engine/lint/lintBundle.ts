import type { Bundle } from '../definitions/bundleTypes.js';
import type { Finding } from '../findings.js';
import { checkButtons } from './checkButtons.js';
import { englishMessage } from './lintMessages.js';
import { checkCalendars } from './checkCalendars.js';
import { checkCatalogue } from './checkCatalogue.js';
import { checkDispatch } from './checkDispatch.js';
import { checkFlows } from './checkFlows.js';
import { checkFlowUses } from './checkFlowUses.js';
import { checkForms } from './checkForms.js';
import { checkOrganisation } from './checkOrganisation.js';
import { checkReachability } from './checkReachability.js';
import { checkReferences } from './checkReferences.js';
import { checkRoles } from './checkRoles.js';
import { checkStatusBindings } from './checkStatusBindings.js';
import { checkSystemParameters } from './checkSystemParameters.js';
import { checkTimeLimits } from './checkTimeLimits.js';
import { checkViews } from './checkViews.js';
import { createLintContext, type LintContext } from './lintContext.js';
import { lintCodes } from './lintCodes.js';

/** The check groups, in reporting order. Each reads the context and pushes findings; none throws on purpose. */
export const lintChecks: readonly (readonly [string, (ctx: LintContext) => void])[] = [
  ['organisation', checkOrganisation],
  ['references', checkReferences],
  ['flows', checkFlows],
  ['reachability', checkReachability],
  ['flowUses', checkFlowUses],
  ['timeLimits', checkTimeLimits],
  ['buttons', checkButtons],
  ['statusBindings', checkStatusBindings],
  ['roles', checkRoles],
  ['catalogue', checkCatalogue],
  ['dispatch', checkDispatch],
  ['forms', checkForms],
  ['views', checkViews],
  ['systemParameters', checkSystemParameters],
  ['calendars', checkCalendars],
];

const rank = { error: 0, warning: 1, info: 2 } as const;

/** Errors first, then warnings, then infos; within a severity by file and pointer (stable for equal keys). */
export function sortFindings(findings: readonly Finding[]): Finding[] {
  return [...findings].sort((a, b) =>
    rank[a.severity] - rank[b.severity] ||
    (a.file ?? '').localeCompare(b.file ?? '') ||
    a.pointer.localeCompare(b.pointer, 'en', { numeric: true }) ||
    a.code.localeCompare(b.code));
}

/**
 * Lints a bundle (DESIGN principle 3): pure, no I/O, no clock. Returns findings with a stable code
 * (engine/lint/lintCodes.ts, plus the organisation's ORG_* codes), a severity, the file and JSON
 * pointer of the definition at fault, and a plain-English message. It never throws: a check that
 * meets unreadable data becomes a LINT_CHECK_FAILED finding.
 */
export function lintBundle(bundle: Bundle): Finding[] {
  let ctx: LintContext;
  try {
    ctx = createLintContext(bundle);
  } catch (e) {
    return [{ code: 'LINT_CHECK_FAILED', severity: lintCodes.LINT_CHECK_FAILED.severity, pointer: '', message: englishMessage('LINT_CHECK_FAILED', { variant: 'bundle', error: String((e as Error)?.message ?? e) }), params: { variant: 'bundle', error: String((e as Error)?.message ?? e) } }];
  }
  for (const [name, check] of lintChecks) {
    try {
      check(ctx);
    } catch (e) {
      ctx.reportAt('LINT_CHECK_FAILED', undefined, '', { variant: 'check', check: name, error: String((e as Error)?.message ?? e) });
    }
  }
  return sortFindings(ctx.findings);
}
