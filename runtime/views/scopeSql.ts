import type { View, ViewQuery } from '../../definitions/schemas/index.js';
import { CENTER_REVIEW_NODES, type Viewer } from '../../engine/index.js';
import { APPLICATION, entityTable, TASK, TICKET } from './fieldRef.js';
import { jsonPath, type JsonSql } from './jsonSql.js';
import { FALSE, or, placeholders, sql, type Sql } from './sqlFragment.js';

/** Review nodes; an application's `reviewer` column holds the department of its current step there (runtime/tickets/rows.ts). */
const PARENT_REVIEW = 'parentReview';
const CENTER_REVIEWS = CENTER_REVIEW_NODES;

const unassigned = `(${TICKET}.assignee is null or ${TICKET}.assignee = '')`;

/** The column holding the ticket id of the listed row (the entity's own, so its index is used). */
function ticketIdColumn(entity: View['entity']): string {
  return entity === 'ticket' ? `${TICKET}.id` : `${entityTable(entity).alias}.ticket_id`;
}

/** Rows of tickets one of the users acted on (history.actor_user, indexed with ticket_id). */
export function actedBySql(entity: View['entity'], users: readonly string[]): Sql {
  return sql(`${ticketIdColumn(entity)} in (select h.ticket_id from history h where h.actor_user in (${placeholders(users)}))`, users);
}

/** 仅看与我有关: rows of tickets the viewer registered or acted on. */
export function onlyMineSql(entity: View['entity'], user: string): Sql {
  return or([sql(`${TICKET}.registered_by = ?`, [user]), actedBySql(entity, [user])]);
}

/**
 * X-3 data scope of a tab, as engine/views/matchesTab.ts `inScope` decides it (`ticketNodes`: the
 * nodes a ticket list is filtered to, when it is):
 * - center: the viewer's center holds the ticket, and it is extracted by the viewer or not extracted and not at a pooled node;
 * - centerTree: the viewer's center or a center below it holds the ticket (queries; assignment does not matter);
 * - pool: the viewer's center holds the ticket and nobody extracted it;
 * - department: the task (of a task or application row) belongs to the viewer's department;
 * - applicant: the application was made by the viewer's department;
 * - cc: the viewer's department is CC'd on the ticket's dispatch (JSON);
 * - actedBy: the viewer (or, for `everyoneFor` roles, any holder of the view's roles at the center: viewer.actors)
 *   acted on the ticket (history), or for application rows on the application itself;
 * - assignee: the viewer is the grid worker of the task (task lists) or of the ticket;
 * - reviewer: the application awaits review at a parent step by the viewer's department, or at a center/upper step by the viewer's center.
 */
export function scopeSql(
  json: JsonSql, entity: View['entity'], scope: ViewQuery['scope'], viewer: Viewer, pooledNodes: ReadonlySet<string>, ticketNodes?: readonly string[],
): Sql {
  switch (scope) {
    case 'center': {
      if (!viewer.center) return FALSE;
      // with the tab's ticket nodes known, whether they are pooled is known too: the database is
      // not asked what it cannot use an index for (unextracted tickets of a pooled node never show)
      const pooled = [...pooledNodes].filter((n) => !ticketNodes || ticketNodes.includes(n));
      if (ticketNodes && ticketNodes.length > 0 && pooled.length === ticketNodes.length) {
        return sql(`${TICKET}.center = ? and ${TICKET}.assignee = ?`, [viewer.center, viewer.user]);
      }
      const free = pooled.length === 0 ? unassigned : `(${unassigned} and ${TICKET}.node not in (${placeholders(pooled)}))`;
      return sql(`${TICKET}.center = ? and (${TICKET}.assignee = ? or ${free})`, [viewer.center, viewer.user, ...pooled]);
    }
    case 'centerTree': {
      const centers = viewer.centers ?? (viewer.center ? [viewer.center] : []);
      return centers.length ? sql(`${TICKET}.center in (${placeholders(centers)})`, centers) : FALSE;
    }
    case 'pool':
      return viewer.center ? sql(`${TICKET}.center = ? and ${unassigned}`, [viewer.center]) : FALSE;
    case 'department':
      return entity === 'ticket' ? FALSE : sql(`${TASK}.department = ?`, [viewer.department]);
    case 'applicant':
      return entity === 'application' ? sql(`${APPLICATION}.applicant_department = ?`, [viewer.department]) : FALSE;
    case 'cc':
      return json.arrayHolds({ column: `${TICKET}.state`, path: jsonPath(['dispatch', 'cc']) }, viewer.department);
    case 'actedBy': {
      const actors = viewer.actors ?? [viewer.user];
      return entity === 'application'
        ? sql(`${APPLICATION}.id in (select h.entity_id from history h where h.actor_user in (${placeholders(actors)}) and h.entity_kind = 'application')`, actors)
        : actedBySql(entity, actors);
    }
    case 'assignee':
      return sql(`${entity === 'task' ? TASK : TICKET}.grid_worker = ?`, [viewer.user]);
    case 'reviewer': {
      if (entity !== 'application') return FALSE;
      const parent = sql(`${APPLICATION}.node = ? and ${APPLICATION}.reviewer = ?`, [PARENT_REVIEW, viewer.department]);
      if (!viewer.center) return parent;
      const center = sql(`${APPLICATION}.node in (${placeholders(CENTER_REVIEWS)}) and ${APPLICATION}.reviewer = ?`, [...CENTER_REVIEWS, viewer.center]);
      return or([parent, center]);
    }
  }
}
