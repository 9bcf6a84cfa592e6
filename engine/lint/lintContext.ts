import type { Flow, FlowScope } from '../../definitions/schemas/index.js';
import type { Bundle, IdentifiedKind } from '../definitions/bundleTypes.js';
import { pointer, type Finding } from '../findings.js';
import { buildOrgIndex, type OrgFinding, type OrgIndex } from '../org/index.js';
import { lintCodes, type LintCode } from './lintCodes.js';
import { englishMessage } from './lintMessages.js';

export type PathToken = string | number;

/** What every check reads and writes: the bundle, an organisation index and the findings so far. */
export interface LintContext {
  readonly bundle: Bundle;
  readonly defs: Bundle['defs'];
  readonly org: OrgIndex;
  readonly orgFindings: readonly OrgFinding[];
  readonly findings: Finding[];
  /**
   * Reports a finding inside a definition: `path` is the JSON pointer below the definition. The
   * message is worded from the code and `params` (engine/lint/lintMessages.ts; `variant` picks a wording).
   */
  report(code: LintCode, kind: IdentifiedKind, id: string, path: readonly PathToken[], params: Record<string, unknown>): void;
  /** Reports a finding at an explicit file and pointer (for what is missing rather than wrong). */
  reportAt(code: LintCode, file: string | undefined, at: string, params: Record<string, unknown>): void;
  flowsOfScope(scope: FlowScope): Flow[];
}

export function createLintContext(bundle: Bundle): LintContext {
  const { defs } = bundle;
  const { org, findings: orgFindings } = buildOrgIndex({
    departments: Object.values(defs.department),
    grids: Object.values(defs.grid),
    users: Object.values(defs.user),
    roles: Object.values(defs.role),
  });
  const findings: Finding[] = [];
  const reportAt: LintContext['reportAt'] = (code, file, at, params) => {
    findings.push({
      code,
      severity: lintCodes[code].severity,
      ...(file === undefined ? {} : { file }),
      pointer: at,
      message: englishMessage(code, params),
      params,
    });
  };
  return {
    bundle,
    defs,
    org,
    orgFindings,
    findings,
    reportAt,
    report(code, kind, id, path, params) {
      // an item's domain entry may come from another package's item-domain-links.json
      const link = kind === 'item' && path[0] === 'domains' ? bundle.linkLocations?.[`${id}/domains/${String(path[1])}`] : undefined;
      if (link) {
        reportAt(code, link.file, link.pointer + pointer(...path.slice(2)), params);
        return;
      }
      const location = bundle.locations[kind]?.[id];
      reportAt(code, location?.file, (location?.pointer ?? '') + pointer(...path), params);
    },
    flowsOfScope(scope) {
      return Object.values(defs.flow).filter((f) => f.scope === scope);
    },
  };
}

/** `enabled: false` marks a disabled definition; kinds without the flag are always enabled. */
export function isDisabled(definition: unknown): boolean {
  return (definition as { enabled?: unknown } | undefined)?.enabled === false;
}

/** Quotes an id for messages. */
export function q(id: string | number): string {
  return `"${id}"`;
}
