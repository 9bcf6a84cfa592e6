import type { LintContext } from './lintContext.js';

/** The system parameters the seed names and the engine reads (DEF-13): counts, all non-negative integers. */
export const requiredSystemParameters = ['EXTRACT_ACCEPT_CASE_NUMBER', 'YQ_APPLY_COUNT', 'GZ_APPLY_COUNT', 'TH_APPLY_COUNT'] as const;

/**
 * System parameters (DEF-13): the seed's four are present and hold counts. A missing one is reported
 * at the file that holds the others (or with no file when the bundle has none).
 */
export function checkSystemParameters(ctx: LintContext): void {
  const params = ctx.defs.systemParameter;
  const anyId = Object.keys(params)[0];
  const file = anyId === undefined ? undefined : ctx.bundle.locations.systemParameter[anyId]?.file;
  for (const id of requiredSystemParameters) {
    const param = params[id];
    if (!param) {
      ctx.reportAt('LINT_MISSING_SYSTEM_PARAMETER', file, '', { id });
    } else if (typeof param.value !== 'number' || !Number.isInteger(param.value) || param.value < 0) {
      ctx.report('LINT_SYSTEM_PARAMETER_TYPE', 'systemParameter', id, ['value'], { id, value: String(param.value) });
    }
  }
}
