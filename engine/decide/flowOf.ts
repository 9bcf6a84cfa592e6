import type { EntityRef } from './types.js';
import type { WorldDraft } from './WorldDraft.js';

/** The flow that drives an entity: the ticket's pinned flow, the task's flow, the application's flow. */
export function flowOf(draft: WorldDraft, ref: EntityRef): string {
  if (ref.kind === 'ticket') return draft.ticket.flow;
  return ref.kind === 'task' ? draft.task(ref.id).flow : draft.application(ref.id).flow;
}
