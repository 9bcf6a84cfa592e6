import type { DepartmentAssignment, DispatchConfig, Item } from '../../definitions/schemas/index.js';
import { isCenter, isWithin, lowerCenters, upperCenter } from '../org/index.js';
import type { LintCode } from './lintCodes.js';
import type { LintContext, PathToken } from './lintContext.js';

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

  report(code: LintCode, path: PathToken[], params: Record<string, unknown>): void {
    this.ctx.report(code, 'item', this.item.id, path, { item: this.item.id, ...params });
  }

  known(id: string, path: PathToken[]): boolean {
    if (this.ctx.org.departments.has(id)) return true;
    this.report('LINT_DISPATCH_UNKNOWN_DEPARTMENT', path, { variant: 'missing', department: id });
    return false;
  }

  /** main+assist needs a main, multi needs departments, and every department must pass `allowed`. */
  assignment(a: Partial<DepartmentAssignment>, at: PathToken[], allowed: (id: string) => boolean, code: LintCode, why: Record<string, unknown>): void {
    if (a.handling === 'mainAssist' && a.main === undefined) this.report('LINT_DISPATCH_ASSIGNMENT_INCOMPLETE', at, { variant: 'noMain' });
    if (a.handling === 'multi' && (a.departments ?? []).length === 0) this.report('LINT_DISPATCH_ASSIGNMENT_INCOMPLETE', at, { variant: 'noDepartments' });
    for (const { id, path } of namedDepartments(a)) {
      if (this.known(id, [...at, ...path]) && !allowed(id)) this.report(code, [...at, ...path], { ...why, department: id });
    }
  }

  config(config: DispatchConfig, k: number, regions: Set<string>): void {
    const { org } = this.ctx;
    const at: PathToken[] = ['dispatch', k];
    const region = config.region;
    if (!this.known(region, [...at, 'region'])) return;
    if (!isCenter(org, region)) {
      this.report('LINT_NOT_A_CENTER', [...at, 'region'], { variant: 'dispatch', region });
      return;
    }
    if (regions.has(region)) this.report('LINT_DISPATCH_DUPLICATE_REGION', [...at, 'region'], { region });
    regions.add(region);
    const lowers = lowerCenters(org, region).map((c) => c.id);
    if (config.mode === 'lowerCenter' && lowers.length === 0) {
      this.report('LINT_DISPATCH_NO_LOWER_CENTER', [...at, 'mode'], { region });
    } else if (config.mode === 'lowerCenter' && config.lowerCenter !== undefined && this.known(config.lowerCenter, [...at, 'lowerCenter']) && !lowers.includes(config.lowerCenter)) {
      this.report('LINT_DISPATCH_NOT_LOWER_CENTER', [...at, 'lowerCenter'], { lowerCenter: config.lowerCenter, region, lowers });
    }
    if (config.mode === 'upperCenter' && !upperCenter(org, region)) {
      this.report('LINT_DISPATCH_NO_UPPER_CENTER', [...at, 'mode'], { region });
    }
    if (config.mode !== 'departments') return;
    if (!config.assignment) {
      this.report('LINT_DISPATCH_ASSIGNMENT_INCOMPLETE', [...at, 'mode'], { variant: 'noAssignment', region });
      return;
    }
    const unitOfRegion = (id: string) => id !== region && org.centerOf.get(id) === region;
    this.assignment(config.assignment, [...at, 'assignment'], unitOfRegion, 'LINT_DISPATCH_UNKNOWN_DEPARTMENT', { variant: 'notUnit', region });
    const assigned = new Set(namedDepartments(config.assignment).map((d) => d.id));
    (config.subDispatch ?? []).forEach((sub, j) => {
      const subAt: PathToken[] = [...at, 'subDispatch', j];
      if (!this.known(sub.department, [...subAt, 'department'])) return;
      if (!assigned.has(sub.department)) {
        this.report('LINT_SUB_DISPATCH_UNASSIGNED', [...subAt, 'department'], { department: sub.department });
      }
      const allowed = (id: string) =>
        (id !== sub.department && isWithin(org, id, sub.department)) || lowers.some((c) => id !== c && isWithin(org, id, c));
      this.assignment(sub, subAt, allowed, 'LINT_DISPATCH_NOT_SUB_UNIT', { parent: sub.department, region });
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
      ctx.report('LINT_NOT_A_CENTER', 'distributionRule', rule.id, ['center'], { variant: 'rule', rule: rule.id, region: rule.center });
    }
  }
}
