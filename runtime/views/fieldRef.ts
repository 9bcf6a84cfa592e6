import type { View } from '../../definitions/schemas/index.js';
import { jsonPath, type JsonRef } from './jsonSql.js';

/** Table aliases of a list query: the listed entity joins its ticket (and, for applications, its task). */
export const TICKET = 't';
export const TASK = 'k';
export const APPLICATION = 'a';

export type ColumnType = 'string' | 'number' | 'boolean';

/**
 * Where a dotted field of a view's subject lives: an indexed column (with the same value as the
 * JSON state, see runtime/tickets/rows.ts) or a path inside the JSON `state`.
 */
export type FieldRef =
  | { readonly kind: 'column'; readonly column: string; readonly type: ColumnType; readonly json: JsonRef }
  | { readonly kind: 'json'; readonly json: JsonRef };

type Columns = Readonly<Record<string, readonly [string, ColumnType]>>;

const TICKET_COLUMNS: Columns = {
  id: ['id', 'string'], number: ['number', 'string'], domain: ['domain', 'string'], item: ['item', 'string'], flow: ['flow', 'string'],
  node: ['node', 'string'], center: ['center', 'string'], assignee: ['assignee', 'string'], grid: ['grid', 'string'],
  gridWorker: ['grid_worker', 'string'], channel: ['channel', 'string'], difficult: ['difficult', 'boolean'], returned: ['returned', 'boolean'],
  mergedInto: ['merged_into', 'string'], registeredBy: ['registered_by', 'string'], title: ['title', 'string'],
  reportedAt: ['reported_at', 'number'], registeredAt: ['registered_at', 'number'], version: ['version', 'number'],
};

const TASK_COLUMNS: Columns = {
  id: ['id', 'string'], department: ['department', 'string'], center: ['center', 'string'], role: ['role', 'string'], node: ['node', 'string'],
  parent: ['parent', 'string'], mergedInto: ['merged_into', 'string'], gridWorker: ['grid_worker', 'string'], createdAt: ['created_at', 'number'],
  version: ['version', 'number'],
};

const APPLICATION_COLUMNS: Columns = {
  id: ['id', 'string'], task: ['task_id', 'string'], kind: ['kind', 'string'], node: ['node', 'string'],
  'applicant.department': ['applicant_department', 'string'], createdAt: ['created_at', 'number'], decidedAt: ['decided_at', 'number'],
  version: ['version', 'number'],
};

function own(alias: string, columns: Columns, segments: readonly string[]): FieldRef {
  const json = { column: `${alias}.state`, path: jsonPath(segments) };
  const column = columns[segments.join('.')];
  return column ? { kind: 'column', column: `${alias}.${column[0]}`, type: column[1], json } : { kind: 'json', json };
}

/**
 * Resolves a field of a view's subject as engine/views/matchesTab builds it: the entity itself, with
 * `ticket` replaced by the ticket and, for applications, `taskInfo` holding the task.
 */
export function fieldRef(entity: View['entity'], field: string): FieldRef {
  const segments = field.split('.');
  const [head, ...rest] = segments;
  if (entity === 'ticket') return own(TICKET, TICKET_COLUMNS, segments);
  if (head === 'ticket') return own(TICKET, TICKET_COLUMNS, rest);
  if (entity === 'task') return own(TASK, TASK_COLUMNS, segments);
  if (head === 'taskInfo') return own(TASK, TASK_COLUMNS, rest);
  return own(APPLICATION, APPLICATION_COLUMNS, segments);
}

/** The listed entity's table and alias. */
export function entityTable(entity: View['entity']): { table: string; alias: string } {
  if (entity === 'ticket') return { table: 'tickets', alias: TICKET };
  return entity === 'task' ? { table: 'tasks', alias: TASK } : { table: 'applications', alias: APPLICATION };
}
