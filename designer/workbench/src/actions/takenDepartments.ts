import { CLOSED_TASK_NODES } from '../../../../engine/decide/progress';
import type { TicketDetail } from '../ticket/types';

type Json = Record<string, unknown>;

/** Whether a dialog's uiSchema asks a department picker to grey out the departments holding an open task (`ui:options.taken: 'openTasks'`). */
export function wantsOpenTaskDepartments(uiSchema: Json | undefined): boolean {
  if (!uiSchema) return false;
  return Object.values(uiSchema).some((node) => {
    if (!node || typeof node !== 'object') return false;
    const options = (node as Json)['ui:options'] as Json | undefined;
    return options?.taken === 'openTasks' || wantsOpenTaskDepartments(node as Json);
  });
}

/**
 * DSP-3 加派: the departments that hold a task of the ticket not yet closed (the engine's isOpenTask:
 * the server refuses them too), in the order of their tasks.
 */
export function openTaskDepartments(detail: Pick<TicketDetail, 'tasks'>): string[] {
  return [...new Set(detail.tasks.filter((t) => !CLOSED_TASK_NODES.has(t.node)).map((t) => t.department))];
}
