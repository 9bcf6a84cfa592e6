import type { ButtonType } from '../../../../definitions/schemas/button';
import type { CatalogueIndex } from '../../../shared/catalogue/CatalogueContext';
import type { ActionRequest, ActionTarget } from '../actions/useActionDialog';
import type { ListRow, ListView } from './types';

/**
 * The buttons of a list (toolbar, row or batch) the user may press, in the view's order: the button
 * type must exist, be enabled and — when it names roles — name one of the roles the user works as.
 * The server still decides each press; this only keeps buttons off screens where they cannot work.
 */
export function listButtons(ids: readonly string[] | undefined, catalogue: Pick<CatalogueIndex, 'button'>, roles: readonly string[]): ButtonType[] {
  const out: ButtonType[] = [];
  for (const id of ids ?? []) {
    const button = catalogue.button(id);
    if (!button || button.enabled === false) continue;
    if (button.roles?.length && !button.roles.some((r) => roles.includes(r))) continue;
    out.push(button);
  }
  return out;
}

/** The roles a list screen acts as: the one chosen in the header, else all of the user's. */
export const actingRoles = (userRoles: readonly string[], activeRole: string): string[] => (activeRole ? [activeRole] : [...userRoles]);

/** What a task or application row's button acts on; ticket-scope buttons and ticket rows act on the ticket. */
export function targetOf(row: Pick<ListRow, 'entity' | 'id'>, button?: Pick<ButtonType, 'scope'>): ActionTarget | undefined {
  if (button?.scope === 'ticket') return undefined;
  if (row.entity === 'task') return { kind: 'task', id: row.id };
  if (row.entity === 'application') return { kind: 'application', id: row.id };
  return undefined;
}

/**
 * The presses of an action button on rows. One row carries the ticket version the user saw
 * (a stale list gets the server's 409); a batch presses the button on each row as it is now.
 */
export function actionRequests(button: Pick<ButtonType, 'id' | 'scope'>, rows: readonly ListRow[]): ActionRequest[] {
  const single = rows.length === 1;
  return rows.map((row) => {
    const target = targetOf(row, button);
    return {
      ticketId: row.ticketId, button: button.id,
      ...(target ? { target } : {}),
      ...(single && row.entity === 'ticket' ? { version: row.version } : {}),
    };
  });
}

/** The pool a list's 提取工单 draws from: the view's own, else that of a pool view of the same module the user may open. */
type PoolView = Pick<ListView, 'pool' | 'module' | 'poolEnabled'>;
export function poolOf(view: PoolView, views: readonly PoolView[]): { pool: NonNullable<ListView['pool']>; enabled: boolean | null } | undefined {
  if (view.pool) return { pool: view.pool, enabled: view.poolEnabled };
  const sibling = views.find((v) => v.module === view.module && v.pool);
  return sibling?.pool ? { pool: sibling.pool, enabled: sibling.poolEnabled } : undefined;
}

/** ACC-3 / HND-3 merge requests from selected rows: tickets with an optional chosen main, or tasks. */
export function mergeRequest(view: Pick<ListView, 'entity'>, rows: readonly ListRow[], main?: string): { path: string; body: Record<string, unknown> } {
  if (view.entity === 'task') return { path: '/api/tasks/merge', body: { taskIds: rows.map((r) => r.id) } };
  const ticketIds = [...new Set(rows.map((r) => r.ticketId))];
  const versions = Object.fromEntries(rows.filter((r) => r.entity === 'ticket').map((r) => [r.ticketId, r.version]));
  return { path: '/api/tickets/merge', body: { ticketIds, ...(main ? { main } : {}), ...(Object.keys(versions).length ? { versions } : {}) } };
}
