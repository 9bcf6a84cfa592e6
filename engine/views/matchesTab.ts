import type { View, ViewClause, ViewTab } from '../../definitions/schemas/index.js';
import { REVIEW_NODES } from '../decide/reviewChain.js';
import type { ApplicationState, TaskState, TicketState } from '../model/state.js';

/** Who is looking: the list screens filter by these (X-3 data scope). */
export interface Viewer {
  readonly user: string;
  readonly department: string;
  /** The viewer's command center, for center-scoped lists. */
  readonly center?: string;
  /** The viewer's center and every center below it, for `centerTree` queries. */
  readonly centers?: readonly string[];
  /** The viewer's roles (for `everyoneFor` tabs, see `actedByActors`). */
  readonly roles?: readonly string[];
  /** Whose actions count as the viewer's in `actedBy` tabs (see `actedByActors`); the viewer alone when absent. */
  readonly actors?: readonly string[];
}

/** One row of a list: the entity the view lists, with the ticket it belongs to. */
export interface ListRow {
  readonly ticket: TicketState;
  readonly task?: TaskState;
  readonly application?: ApplicationState;
  /** Users who acted on the row's ticket (from its history), for 已受理/已分拨 tabs and 仅看与我有关. */
  readonly actedBy?: readonly string[];
  /** Users who acted on the listed application itself (history entries on it), for 已审核 application tabs. */
  readonly applicationActedBy?: readonly string[];
}

function subjectOf(view: View, row: ListRow): Record<string, unknown> | undefined {
  if (view.entity === 'ticket') return row.ticket as unknown as Record<string, unknown>;
  const own = view.entity === 'task' ? row.task : row.application;
  return own ? { ...own, ticket: row.ticket, ...(row.task && view.entity === 'application' ? { taskInfo: row.task } : {}) } : undefined;
}

export function valueAt(subject: Record<string, unknown>, path: string): unknown {
  let v: unknown = subject;
  for (const key of path.split('.')) {
    if (v === null || typeof v !== 'object') return undefined;
    v = (v as Record<string, unknown>)[key];
  }
  return v;
}

function clauseHolds(subject: Record<string, unknown>, c: ViewClause): boolean {
  const v = valueAt(subject, c.field);
  switch (c.op) {
    case 'eq': return v === c.value;
    case 'ne': return v !== c.value;
    case 'in': return Array.isArray(c.value) && c.value.includes(v);
    case 'notIn': return !(Array.isArray(c.value) && c.value.includes(v));
    case 'exists': return v !== undefined && v !== null;
    case 'notExists': return v === undefined || v === null;
    case 'gt': return typeof v === 'number' && typeof c.value === 'number' && v > c.value;
    case 'lt': return typeof v === 'number' && typeof c.value === 'number' && v < c.value;
  }
}

export interface MatchOptions {
  /** 仅看与我有关: rows the viewer registered or acted on. */
  readonly onlyMine?: boolean;
  /** Nodes whose tickets are pooled at the viewer's center (see `pooledNodes`): only the extractor lists them. */
  readonly pooledNodes?: ReadonlySet<string>;
}

function inScope(view: View, tab: ViewTab, row: ListRow, viewer: Viewer, options: MatchOptions): boolean {
  const { ticket, task, application: app } = row;
  switch (tab.query.scope) {
    case 'center':
      if (ticket.center !== viewer.center) return false;
      return ticket.assignee ? ticket.assignee === viewer.user : !options.pooledNodes?.has(ticket.node);
    case 'centerTree': return (viewer.centers ?? (viewer.center ? [viewer.center] : [])).includes(ticket.center);
    case 'pool': return ticket.center === viewer.center && !ticket.assignee;
    case 'department': return task?.department === viewer.department;
    case 'applicant': return app?.applicant.department === viewer.department;
    case 'cc': return ticket.dispatch?.cc.includes(viewer.department) ?? false;
    // an application tab lists the applications the viewer reviewed, not every application of a ticket they touched
    case 'actedBy': {
      const actors = viewer.actors ?? [viewer.user];
      return (view.entity === 'application' ? row.applicationActedBy : row.actedBy)?.some((u) => actors.includes(u)) ?? false;
    }
    case 'assignee': return (view.entity === 'task' ? task?.gridWorker : ticket.gridWorker) === viewer.user;
    case 'reviewer': {
      const step = app?.chain[app.step];
      if (!step || !REVIEW_NODES.includes(app.node)) return false;
      return step.level === 'parent' ? step.department === viewer.department : step.department === viewer.center;
    }
  }
}

/**
 * Whether a row belongs in a tab of a generated list screen for this viewer: the reference
 * semantics of view queries (nodes, application kinds, scope, where, 仅看与我有关) that the
 * runtime's indexed SQL must agree with.
 */
export function matchesTab(view: View, tab: ViewTab, row: ListRow, viewer: Viewer, options: MatchOptions = {}): boolean {
  const subject = subjectOf(view, row);
  if (!subject) return false;
  const { query } = tab;
  if (query.nodes && !query.nodes.includes(String(subject.node))) return false;
  if (query.applicationKinds && !(row.application && query.applicationKinds.includes(row.application.kind))) return false;
  if (!inScope(view, tab, row, viewer, options)) return false;
  if (!(query.where ?? []).every((c) => clauseHolds(subject, c))) return false;
  if (options.onlyMine && !(row.actedBy?.includes(viewer.user) || row.ticket.registeredBy === viewer.user)) return false;
  return true;
}
