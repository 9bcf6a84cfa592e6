import type { DepartmentAssignment, DispatchConfig } from '../../definitions/schemas/index.js';
import type { CompiledBundle } from '../compile/compileBundle.js';
import type { TicketState } from '../model/state.js';
import { centerOf, departmentOf, isWithin, lowerCenters, upperCenter } from '../org/index.js';
import { dispatchStepText, type DispatchStep, type DispatchStepCode } from './dispatchSteps.js';

export interface AutoDispatch {
  readonly mode: 'departments' | 'lowerCenter' | 'upperCenter' | 'none';
  readonly center?: string;
  readonly assignment?: DepartmentAssignment;
  readonly subDispatch?: DispatchConfig['subDispatch'];
  /** Human-readable steps that led to the decision (English; `steps` word them in any language). */
  readonly trace: readonly string[];
  /** The same steps as codes and parameters (the designer's rule tester words them in the UI language). */
  readonly steps: readonly DispatchStep[];
}

/** A department's English name, when the definitions give one. */
const englishName = (d: object | undefined): string | undefined => (d as { nameEn?: string } | undefined)?.nameEn;

/** ACC-4: where "send to dispatch" goes, from the item's dispatch configuration (DEF-4) at the ticket's center. */
export function autoDispatch(cb: CompiledBundle, ticket: Pick<TicketState, 'item' | 'center' | 'grid' | 'trail'>): AutoDispatch {
  const steps: DispatchStep[] = [];
  const step = (code: DispatchStepCode, params: Record<string, string> = {}) => { steps.push({ code, params }); };
  const done = (result: Omit<AutoDispatch, 'trace' | 'steps'>): AutoDispatch => ({ ...result, steps, trace: steps.map((s) => dispatchStepText(s, 'en-US', false)) });
  const item = cb.bundle.defs.item[ticket.item];
  if (!item) {
    step('DSP_ITEM_UNKNOWN', { item: ticket.item });
    return done({ mode: 'none' });
  }
  const config = item.dispatch.find((c) => c.region === ticket.center && c.enabled !== false);
  const centerName = departmentOf(cb.org, ticket.center)?.name ?? ticket.center;
  const centerEn = englishName(departmentOf(cb.org, ticket.center)) ?? centerName;
  const itemEn = item.nameEn ?? item.name;
  if (!config) {
    step('DSP_NO_CONFIG', { item: item.name, itemEn, center: centerName, centerEn });
    return done({ mode: 'none' });
  }
  step('DSP_DEFAULT_MODE', { item: item.name, itemEn, center: centerName, centerEn, mode: config.mode });
  const previous = ticket.trail.length > 1 ? ticket.trail[ticket.trail.length - 2]?.center : undefined;

  if (config.mode === 'departments') {
    if (!config.assignment) {
      step('DSP_NO_DEPARTMENTS');
      return done({ mode: 'none' });
    }
    step('DSP_ASSIGN', { handling: config.assignment.handling });
    return done({ mode: 'departments', assignment: config.assignment, subDispatch: config.subDispatch });
  }
  let target: string | undefined;
  if (config.mode === 'upperCenter') {
    target = upperCenter(cb.org, ticket.center)?.id;
    if (!target) {
      step('DSP_TOP_CENTER', { center: centerName, centerEn });
      return done({ mode: 'none' });
    }
  } else {
    target = config.lowerCenter;
    if (!target && ticket.grid) {
      const community = cb.org.grids.get(ticket.grid)?.community;
      target = lowerCenters(cb.org, ticket.center).find((c) => community && isWithin(cb.org, community, c.id))?.id;
      if (target) step('DSP_GRID_IN', { grid: ticket.grid, target });
      else step('DSP_GRID_NOWHERE', { grid: ticket.grid });
    }
    if (!target || centerOf(cb.org, target)?.id !== target || !lowerCenters(cb.org, ticket.center).some((c) => c.id === target)) {
      step('DSP_NO_LOWER');
      return done({ mode: 'none' });
    }
  }
  if (target === previous) {
    step('DSP_NOT_BACK', { target });
    return done({ mode: 'none' });
  }
  const to = departmentOf(cb.org, target);
  step('DSP_TO', { target: to?.name ?? target, targetEn: englishName(to) ?? to?.name ?? target });
  return done({ mode: config.mode, center: target });
}
