import type { View } from '../../definitions/schemas/index.js';
import {
  maskName, maskPhone, redactReporter, REPORTER_FIELDS, reporterVisibility, valueAt,
  type ApplicationState, type CompiledBundle, type TaskState, type TicketState, type Viewer,
} from '../../engine/index.js';
import { parseState } from './parsedStates.js';
import { slaCell } from './slaCell.js';
import type { StoredRow } from './tabQuery.js';

/** A row of a generated list: ids to open the detail, and one cell per view column keyed by its field. */
export interface ListRowOut {
  readonly id: string;
  readonly entity: View['entity'];
  readonly ticketId: string;
  readonly taskId?: string;
  readonly version: number;
  /** DEF-11 flow-status binding of the row's node: the text and colours its status column shows. */
  readonly status: { readonly node: string; readonly text: string; readonly textEn?: string; readonly textColor?: string; readonly backgroundColor?: string };
  readonly cells: Record<string, unknown>;
}

export interface RowContext {
  readonly view: View;
  readonly viewer: Viewer;
  readonly now: number;
  /** The compiled bundle a ticket runs on (preloaded for the page). */
  bundleOf(ticket: TicketState): CompiledBundle;
}

const REPORTER_PATHS = new Set(REPORTER_FIELDS.flatMap((f) => [`fields.${f}`, `ticket.fields.${f}`]));

export function isReporterColumn(column: View['columns'][number]): boolean {
  return REPORTER_PATHS.has(column.field) || column.format === 'maskedName' || column.format === 'maskedPhone';
}

/**
 * Turns a stored row into a list row. Reporter data is masked (X-3: 测**, 138****5678) and, on a
 * confidential ticket seen from outside its centers, left out of the row entirely.
 */
export function listRow(stored: StoredRow, ctx: RowContext): ListRowOut {
  const { view, viewer } = ctx;
  const ticket = parseState<TicketState>(stored.ticketState);
  // center staff sit at the center department itself (ORG-2); its member units are handling units, from which
  // a confidential ticket's reporter is hidden (ACC-1 是否保密)
  const staffOf = viewer.center !== undefined && viewer.department === viewer.center ? viewer.center : undefined;
  const visibility = reporterVisibility(ticket, { ...(staffOf ? { center: staffOf } : {}), inList: true });
  const shown: TicketState = { ...ticket, fields: redactReporter(ticket.fields ?? {}, visibility) };
  let subject: Record<string, unknown>;
  let entity: { id: string; flow: string; node: string; version: number; clocks: TicketState['clocks'] };
  let taskId: string | undefined;
  let kind: ApplicationState['kind'] | undefined;
  if (view.entity === 'ticket') {
    subject = shown as unknown as Record<string, unknown>;
    entity = ticket;
  } else if (view.entity === 'task') {
    const task = parseState<TaskState>(stored.state);
    subject = { ...task, ticket: shown };
    entity = task;
    taskId = task.id;
  } else {
    const app = parseState<ApplicationState>(stored.state);
    const task = stored.taskState ? parseState<TaskState>(stored.taskState) : undefined;
    // views name the application's task `task.*` in columns (its id is `task` on the application)
    subject = { ...app, ticket: shown, ...(task ? { taskInfo: task, task } : {}) };
    entity = app;
    taskId = app.task;
    kind = app.kind;
  }
  const cb = ctx.bundleOf(ticket);
  const binding = cb.bindingOf(entity.flow, entity.node, kind);
  const status = {
    node: entity.node, text: binding?.statusText ?? entity.node, ...(binding?.statusTextEn ? { textEn: binding.statusTextEn } : {}),
    ...(binding?.textColor ? { textColor: binding.textColor } : {}), ...(binding?.backgroundColor ? { backgroundColor: binding.backgroundColor } : {}),
  };
  const cells: Record<string, unknown> = {};
  for (const column of view.columns) {
    if (column.field === 'sla' || column.format === 'sla') {
      cells[column.field] = slaCell(cb, entity, ticket, ctx.now);
      continue;
    }
    if (visibility === 'hidden' && isReporterColumn(column)) continue;
    const value = valueAt(subject, column.field);
    if (column.format === 'maskedName' && typeof value === 'string') cells[column.field] = maskName(value);
    else if (column.format === 'maskedPhone' && typeof value === 'string') cells[column.field] = maskPhone(value);
    // a login (grid worker …) as the person's name, as the detail names people; exports read the same cell
    else if (column.format === 'user' && typeof value === 'string') cells[column.field] = cb.org.users.get(value)?.name ?? value;
    else cells[column.field] = value ?? null;
  }
  return { id: entity.id, entity: view.entity, ticketId: ticket.id, ...(taskId ? { taskId } : {}), version: entity.version, status, cells };
}
