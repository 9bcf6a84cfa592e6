import type { Department, DepartmentKind, DepartmentLevel } from '../../definitions/schemas/organisation.js';
import type { OrgIndex } from './buildOrgIndex.js';
import { LevelRank, LevelsByRank } from './levelRank.js';
import { hasOrgErrors, orgFinding, type OrgFinding } from './orgFinding.js';

/** A department the plan would create, before it has an id. */
export interface NewDepartmentDraft {
  readonly name: string;
  readonly parentId: string | undefined;
  /** Names from the root down to this department. */
  readonly pathNames: readonly string[];
  readonly level: DepartmentLevel;
  readonly kind: DepartmentKind;
}

export interface DepartmentShape {
  readonly level: DepartmentLevel;
  readonly kind: DepartmentKind;
}

export interface DepartmentPathOptions {
  /** Id for a new department; called once per new department, parents first. Pure callers pass a counter. */
  readonly newId: (draft: NewDepartmentDraft) => string;
  /** Level and kind of a new department; default {@link inferDepartmentShape}. */
  readonly classify?: (name: string, parent: Department | undefined) => DepartmentShape;
}

export interface DepartmentPathPlan {
  readonly path: string;
  readonly names: readonly string[];
  /** False when any finding is an error; then nothing of this path may be created. */
  readonly ok: boolean;
  /** The existing departments the path runs through, root first. */
  readonly existing: readonly Department[];
  /** The departments that would be created for the missing tail, parents first. */
  readonly toCreate: readonly Department[];
  /** The department the full path names (existing or to be created); undefined when not ok. */
  readonly targetId: string | undefined;
  /** Pointers are `/segments/<index>` into `names`. */
  readonly findings: readonly OrgFinding[];
}

export interface DepartmentPathsPlan {
  /** One plan per path, in input order. A department two paths need is planned once and shared. */
  readonly plans: readonly DepartmentPathPlan[];
  /** Every department to create across the ok plans, each once, parents first. */
  readonly toCreate: readonly Department[];
  readonly ok: boolean;
}

/** Split a full path name (ORG-3) into trimmed segments; empty segments are kept so they can be reported. */
export function splitDepartmentPath(path: string): string[] {
  return path.trim() === '' ? [] : path.split(/[-－]/).map((s) => s.trim());
}

const COMMUNITY = /(社区|村|居委会|村委会|居民委员会|村民委员会)$/;
const REGION_SUFFIXES: readonly (readonly [RegExp, DepartmentLevel])[] = [
  [/(省|自治区)$/, 'province'],
  [/市$/, 'city'],
  [/(区|县|旗)$/, 'county'],
  [/(镇|乡|街道)$/, 'town'],
];

/**
 * Guess a new department's level and kind from its name and parent: 社区/村 → community; a name ending
 * in an administrative suffix (省, 市, 区/县, 镇/乡/街道) under a region → region one level or more below
 * the parent (张家港市 under 苏州市 is a county); anything else → a unit at its parent's level. New
 * regions are never centers: independence is set by an administrator.
 */
export function inferDepartmentShape(name: string, parent: Department | undefined): DepartmentShape {
  if (COMMUNITY.test(name)) return { level: 'village', kind: 'community' };
  const suffixLevel = REGION_SUFFIXES.find(([pattern]) => pattern.test(name))?.[1];
  if (!parent) return { level: suffixLevel ?? 'province', kind: 'region' };
  if (parent.kind === 'region' && suffixLevel !== undefined) {
    const rank = Math.max(LevelRank[suffixLevel], LevelRank[parent.level] + 1);
    const level = LevelsByRank[rank];
    if (level !== undefined && rank <= LevelRank.town) return { level, kind: 'region' };
  }
  return { level: parent.level, kind: 'unit' };
}

interface PlanState {
  /** `parentId \u0000 name` → planned department, across paths. */
  readonly planned: Map<string, Department>;
  readonly plannedIds: Set<string>;
}

const keyOf = (parentId: string | undefined, name: string) => `${parentId ?? ''}\u0000${name}`;

function planOne(org: OrgIndex, path: string, options: DepartmentPathOptions, state: PlanState): DepartmentPathPlan {
  const names = splitDepartmentPath(path);
  const findings: OrgFinding[] = [];
  const existing: Department[] = [];
  const toCreate: Department[] = [];
  const local = new Map<string, Department>();
  const fail = (): DepartmentPathPlan => ({ path, names, ok: false, existing, toCreate, targetId: undefined, findings });

  if (names.length === 0) {
    findings.push(orgFinding('ORG_PATH_EMPTY', '', 'The department path is empty.'));
    return fail();
  }
  names.forEach((name, i) => {
    if (name === '') findings.push(orgFinding('ORG_PATH_EMPTY_SEGMENT', `/segments/${i}`, `Segment ${i + 1} of '${path}' is empty.`));
  });
  if (findings.length > 0) return fail();

  const classify = options.classify ?? inferDepartmentShape;
  let parent: Department | undefined;
  for (const [i, name] of names.entries()) {
    const pointer = `/segments/${i}`;
    const siblings = parent ? (org.childrenOf.get(parent.id) ?? []) : org.roots;
    const matches = siblings.map((id) => org.departments.get(id) as Department).filter((d) => d.name === name);
    if (matches.length > 1) {
      findings.push(orgFinding('ORG_PATH_AMBIGUOUS', pointer, `'${name}' names ${matches.length} departments under the same parent (${matches.map((d) => d.id).join(', ')}).`));
      return fail();
    }
    const match = matches[0];
    if (match) {
      if (!match.enabled) findings.push(orgFinding('ORG_PATH_DISABLED', pointer, `Department '${match.id}' (${name}) is disabled.`));
      existing.push(match);
      parent = match;
      continue;
    }
    const key = keyOf(parent?.id, name);
    const planned = local.get(key) ?? state.planned.get(key);
    if (planned) {
      toCreate.push(planned);
      parent = planned;
      continue;
    }
    if (i === 0) findings.push(orgFinding('ORG_PATH_NEW_ROOT', pointer, `No root department is named '${name}'; a new root would be created.`));
    const shape = classify(name, parent);
    const id = options.newId({ name, parentId: parent?.id, pathNames: names.slice(0, i + 1), ...shape });
    if (org.departments.has(id) || state.plannedIds.has(id) || toCreate.some((d) => d.id === id)) {
      findings.push(orgFinding('ORG_PATH_ID_TAKEN', pointer, `The id '${id}' generated for '${name}' is already taken.`));
      return fail();
    }
    const created: Department = {
      id,
      name,
      ...(parent ? { parent: parent.id } : {}),
      level: shape.level,
      kind: shape.kind,
      independent: false,
      enabled: true,
    };
    local.set(key, created);
    toCreate.push(created);
    parent = created;
  }
  // Only a path that plans cleanly shares its new departments with later paths.
  for (const [key, department] of local) {
    state.planned.set(key, department);
    state.plannedIds.add(department.id);
  }
  return { path, names, ok: !hasOrgErrors(findings), existing, toCreate, targetId: parent?.id, findings };
}

/**
 * Plan several department paths at once (ORG-3 import): a department missing from two rows is created
 * once. Pure: returns the plan and creates nothing.
 */
export function planDepartmentPaths(
  org: OrgIndex,
  paths: readonly string[],
  options: DepartmentPathOptions,
): DepartmentPathsPlan {
  const state: PlanState = { planned: new Map(), plannedIds: new Set() };
  const plans = paths.map((path) => planOne(org, path, options, state));
  const toCreate = [...state.planned.values()];
  return { plans, toCreate, ok: plans.every((p) => p.ok) };
}

/**
 * Plan one department path (ORG-3), e.g. `江苏省-苏州市-张家港市-凤凰镇-西张社区`: which departments
 * already exist along it and which would be created for the missing tail. Pure: creates nothing.
 */
export function planDepartmentPath(org: OrgIndex, path: string, options: DepartmentPathOptions): DepartmentPathPlan {
  return planDepartmentPaths(org, [path], options).plans[0] as DepartmentPathPlan;
}
