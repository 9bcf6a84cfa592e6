/**
 * Findings about organisation data (STYLE 5: findings are data). Index building, path planning and
 * import checks report these instead of throwing; callers (lint, designer, importer) show them at the
 * JSON pointer.
 */

export type OrgFindingSeverity = 'error' | 'warning' | 'info';

/** Every organisation finding code with its severity. Tests assert on codes, never on messages. */
export const OrgFindingCodes = {
  /** A definition id appears twice within its kind; the first one wins. */
  ORG_DUPLICATE_ID: 'error',
  /** A department's parent is not a known department; it is treated as a root. */
  ORG_UNKNOWN_PARENT: 'error',
  /** Departments whose parents form a cycle; every member is treated as a root. */
  ORG_PARENT_CYCLE: 'error',
  /** A command center (independent city/county/town region) sits under a unit or community. */
  ORG_CENTER_UNDER_NON_REGION: 'error',
  /** A region department sits under a unit or community. */
  ORG_REGION_UNDER_NON_REGION: 'error',
  /** A department's administrative level is above its parent's. */
  ORG_LEVEL_ORDER: 'error',
  /** `independent` is set on something that cannot be a center (province, village, unit, community). */
  ORG_INDEPENDENT_IGNORED: 'warning',
  /** A community is not at village level. */
  ORG_COMMUNITY_LEVEL: 'warning',
  /** A unit or community has no command center above it: nothing can dispatch to it. */
  ORG_OUTSIDE_CENTER: 'info',
  /** A reference (grid community, user department, user role) names nothing known. */
  ORG_UNKNOWN_REF: 'error',
  /** A grid's community is a department that is not a community (ORG-4). */
  ORG_GRID_NOT_IN_COMMUNITY: 'error',
  /** A polygon ring is not closed or has fewer than four positions. */
  ORG_GRID_RING_OPEN: 'warning',
  /** A grid has neither geometry nor keywords, so no address or point can resolve to it. */
  ORG_GRID_UNRESOLVABLE: 'warning',
  /** Two users share a login name. */
  ORG_DUPLICATE_LOGIN: 'error',
  /** A built-in role is held by a user in an unusual department (ORG-2); allowed, but worth a look. */
  ORG_ROLE_PLACEMENT: 'warning',
  /** A department path (ORG-3) is empty. */
  ORG_PATH_EMPTY: 'error',
  /** A department path has an empty segment (e.g. `苏州市--凤凰镇`). */
  ORG_PATH_EMPTY_SEGMENT: 'error',
  /** Two departments under the same parent carry the segment's name. */
  ORG_PATH_AMBIGUOUS: 'error',
  /** The first segment matches no root department: a new root would be created. */
  ORG_PATH_NEW_ROOT: 'warning',
  /** A segment matches a disabled department. */
  ORG_PATH_DISABLED: 'warning',
  /** The id generator returned an id that already exists or was already planned. */
  ORG_PATH_ID_TAKEN: 'error',
} as const satisfies Record<string, OrgFindingSeverity>;

export type OrgFindingCode = keyof typeof OrgFindingCodes;

export interface OrgFinding {
  readonly code: OrgFindingCode;
  readonly severity: OrgFindingSeverity;
  /** JSON pointer into the input, e.g. `/departments/3/parent`. */
  readonly pointer: string;
  /** English explanation for logs and developers; UIs translate by code and `params` (engine/lint/lintMessages.ts). */
  readonly message: string;
  readonly params?: Readonly<Record<string, unknown>>;
}

/** Build a finding with the catalogue's severity for its code. */
export function orgFinding(code: OrgFindingCode, pointer: string, message: string, params?: Record<string, unknown>): OrgFinding {
  return { code, severity: OrgFindingCodes[code], pointer, message, ...(params ? { params } : {}) };
}

/** True when any finding is an error. */
export function hasOrgErrors(findings: readonly OrgFinding[]): boolean {
  return findings.some((f) => f.severity === 'error');
}
