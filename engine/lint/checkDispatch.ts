import type { DepartmentAssignment, DispatchConfig, Item } from '../../definitions/schemas/index.js';
import { isCenter, isWithin, lowerCenters, upperCenter } from '../org/index.js';
import type { LintCode } from './lintCodes.js';
import { q, type LintContext, type PathToken } from './lintContext.js';

/** Departments an assignment names, with where each sits. */
function namedDepartments(a: Partial<DepartmentAssignment>): { id: string; path: PathToken[] }[] {
  return [
    ...(a.main === undefined ? [] : [{ id: a.main, path: ['main'] }]),
    ...(a.assists ?? []).map((id, k) => ({ id, path: ['assists', k] })),
    ...(a.departments ?? []).map((id, k) => ({ id, path: ['departments', k] })),
  ];
}

class DispatchChecker {
  constructor(private readonly ctx: LintContext, private readonly item: Item) {}

  report(code: LintCode, path: PathToken[], message: string): void {
    this.ctx.report(code, 'item', this.item.id, path, `item ${q(this.item.id)}: ${message}`);
  }

  known(id: string, path: PathToken[]): boolean {
    if (this.ctx.org.departments.has(id)) return true;
    this.report('LINT_DISPATCH_UNKNOWN_DEPARTMENT', path, `dispatch names department ${q(id)}, which does not exist`);
    return false;
  }

  /** main+assist needs a main, multi needs departments, and every department must pass `allowed`. */
  assignment(a: Partial<DepartmentAssignment>, at: PathToken[], allowed: (id: string) => boolean, code: LintCode, why: string): void {
    if (a.handling === 'mainAssist' && a.main === undefined) this.report('LINT_DISPATCH_ASSIGNMENT_INCOMPLETE', at, 'main+assist handling (主协办) names no main department');
    if (a.handling === 'multi' && (a.departments ?? []).length === 0) this.report('LINT_DISPATCH_ASSIGNMENT_INCOMPLETE', at, 'multi-department handling (多部门) names no departments');
    for (const { id, path } of namedDepartments(a)) {
      if (this.known(id, [...at, ...path]) && !allowed(id)) this.report(code, [...at, ...path], `department ${q(id)} ${why}`);
    }
  }

  config(config: DispatchConfig, k: number, regions: Set<string>): void {
    const { org } = this.ctx;
    const at: PathToken[] = ['dispatch', k];
    const region = config.region;
    if (!this.known(region, [...at, 'region'])) return;
    if (!isCenter(org, region)) {
      this.report('LINT_NOT_A_CENTER', [...at, 'region'], `the dispatch region ${q(region)} is not a command center (an independent city, county or town region)`);
      return;
    }
    if (regions.has(region)) this.report('LINT_DISPATCH_DUPLICATE_REGION', [...at, 'region'], `a dispatch configuration for ${q(region)} is given twice; only the first is used`);
    regions.add(region);
    const lowers = lowerCenters(org, region).map((c) => c.id);
    if (config.mode === 'lowerCenter' && lowers.length === 0) {
      this.report('LINT_DISPATCH_NO_LOWER_CENTER', [...at, 'mode'], `${q(region)} is a lowest center and has no lower center to delegate to`);
    } else if (config.mode === 'lowerCenter' && config.lowerCenter !== undefined && this.known(config.lowerCenter, [...at, 'lowerCenter']) && !lowers.includes(config.lowerCenter)) {
      this.report('LINT_DISPATCH_NOT_LOWER_CENTER', [...at, 'lowerCenter'], `${q(config.lowerCenter)} is not a lower center of ${q(region)} (lower centers: ${lowers.map(q).join(', ')})`);
    }
    if (config.mode === 'upperCenter' && !upperCenter(org, region)) {
      this.report('LINT_DISPATCH_NO_UPPER_CENTER', [...at, 'mode'], `${q(region)} is the top center and has no upper center to escalate to`);
    }
    if (config.mode !== 'departments') return;
    if (!config.assignment) {
      this.report('LINT_DISPATCH_ASSIGNMENT_INCOMPLETE', [...at, 'mode'], `dispatch to departments at ${q(region)} names no departments`);
      return;
    }
    const unitOfRegion = (id: string) => id !== region && org.centerOf.get(id) === region;
    this.assignment(config.assignment, [...at, 'assignment'], unitOfRegion, 'LINT_DISPATCH_UNKNOWN_DEPARTMENT', `is not a unit of center ${q(region)}`);
    const assigned = new Set(namedDepartments(config.assignment).map((d) => d.id));
    (config.subDispatch ?? []).forEach((sub, j) => {
      const subAt: PathToken[] = [...at, 'subDispatch', j];
      if (!this.known(sub.department, [...subAt, 'department'])) return;
      if (!assigned.has(sub.department)) {
        this.report('LINT_SUB_DISPATCH_UNASSIGNED', [...subAt, 'department'], `sub-dispatch is configured for ${q(sub.department)}, which this configuration does not assign, so it is never used`);
      }
      const allowed = (id: string) =>
        (id !== sub.department && isWithin(org, id, sub.department)) || lowers.some((c) => id !== c && isWithin(org, id, c));
      this.assignment(sub, subAt, allowed, 'LINT_DISPATCH_NOT_SUB_UNIT', `is neither a sub-unit of ${q(sub.department)} nor a unit of a lower center of ${q(region)}`);
    });
  }
}

/**
 * Dispatch configurations (DEF-4, ACC-4) against the organisation: regions are command centers;
 * "lower center" is impossible at the lowest center and "upper center" at the top one; assigned
 * departments exist and are units of that center; sub-dispatch goes to sub-units (HND-1).
 * Distribution rules (DEF-13) name command centers too.
 */
export function checkDispatch(ctx: LintContext): void {
  for (const item of Object.values(ctx.defs.item)) {
    const checker = new DispatchChecker(ctx, item);
    const regions = new Set<string>();
    item.dispatch.forEach((config, k) => checker.config(config, k, regions));
  }
  for (const rule of Object.values(ctx.defs.distributionRule)) {
    if (rule.center !== undefined && ctx.org.departments.has(rule.center) && !isCenter(ctx.org, rule.center)) {
      ctx.report('LINT_NOT_A_CENTER', 'distributionRule', rule.id, ['center'], `distribution rule ${q(rule.id)} applies at ${q(rule.center)}, which is not a command center`);
    }
  }
}
