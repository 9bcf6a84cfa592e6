import type { DepartmentAssignment, DispatchConfig } from '../../definitions/schemas/index.js';
import type { CompiledBundle } from '../compile/compileBundle.js';
import type { TicketState } from '../model/state.js';
import { centerOf, departmentOf, isWithin, lowerCenters, upperCenter } from '../org/index.js';

export interface AutoDispatch {
  readonly mode: 'departments' | 'lowerCenter' | 'upperCenter' | 'none';
  readonly center?: string;
  readonly assignment?: DepartmentAssignment;
  readonly subDispatch?: DispatchConfig['subDispatch'];
  /** Human-readable steps that led to the decision (shown by the designer's rule tester). */
  readonly trace: readonly string[];
}

/** ACC-4: where "send to dispatch" goes, from the item's dispatch configuration (DEF-4) at the ticket's center. */
export function autoDispatch(cb: CompiledBundle, ticket: Pick<TicketState, 'item' | 'center' | 'grid' | 'trail'>): AutoDispatch {
  const trace: string[] = [];
  const item = cb.bundle.defs.item[ticket.item];
  if (!item) return { mode: 'none', trace: [`item ${ticket.item} is unknown`] };
  const config = item.dispatch.find((c) => c.region === ticket.center && c.enabled !== false);
  const centerName = departmentOf(cb.org, ticket.center)?.name ?? ticket.center;
  if (!config) {
    return { mode: 'none', trace: [`item ${item.name} has no dispatch configuration at ${centerName}: manual dispatch`] };
  }
  trace.push(`item ${item.name} at ${centerName}: default mode ${config.mode}`);
  const previous = ticket.trail.length > 1 ? ticket.trail[ticket.trail.length - 2]?.center : undefined;

  if (config.mode === 'departments') {
    if (!config.assignment) return { mode: 'none', trace: [...trace, 'no departments configured: manual dispatch'] };
    trace.push(`assign departments (${config.assignment.handling})`);
    return { mode: 'departments', assignment: config.assignment, subDispatch: config.subDispatch, trace };
  }
  let target: string | undefined;
  if (config.mode === 'upperCenter') {
    target = upperCenter(cb.org, ticket.center)?.id;
    if (!target) return { mode: 'none', trace: [...trace, `${centerName} is the top center: manual dispatch`] };
  } else {
    target = config.lowerCenter;
    if (!target && ticket.grid) {
      const community = cb.org.grids.get(ticket.grid)?.community;
      target = lowerCenters(cb.org, ticket.center).find((c) => community && isWithin(cb.org, community, c.id))?.id;
      trace.push(target ? `grid ${ticket.grid} lies in ${target}` : `grid ${ticket.grid} lies in no lower center`);
    }
    if (!target || centerOf(cb.org, target)?.id !== target || !lowerCenters(cb.org, ticket.center).some((c) => c.id === target)) {
      return { mode: 'none', trace: [...trace, 'no lower center to delegate to: manual dispatch'] };
    }
  }
  if (target === previous) {
    return { mode: 'none', trace: [...trace, `${target} sent the ticket here: not sent back automatically`] };
  }
  trace.push(`to ${departmentOf(cb.org, target)?.name ?? target}`);
  return { mode: config.mode, center: target, trace };
}
