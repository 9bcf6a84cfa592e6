import { actedByActors, matchesTab, pooledNodes, type CompiledBundle, type ListRow, type Viewer } from '../../../engine/index.js';
import type { View, ViewTab } from '../../../definitions/schemas/index.js';
import { loadWorld } from '../../../runtime/tickets/ticketStore.js';
import type { TestApp } from './testApp.js';

/** Every ticket, task and application in the database as the engine's list rows, acted-by users from the history table. */
export class EngineLists {
  private constructor(private readonly rows: Record<View['entity'], ListRow[]>) {}

  static async load(app: TestApp): Promise<EngineLists> {
    const knex = app.services.knex;
    const acted = (await knex('history').distinct('ticket_id', 'actor_user').whereNotNull('actor_user')) as { ticket_id: string; actor_user: string }[];
    const actedBy = new Map<string, string[]>();
    for (const a of acted) actedBy.set(a.ticket_id, [...(actedBy.get(a.ticket_id) ?? []), a.actor_user]);
    const onApplications = (await knex('history').distinct('entity_id', 'actor_user').where({ entity_kind: 'application' }).whereNotNull('actor_user')) as { entity_id: string; actor_user: string }[];
    const applicationActedBy = new Map<string, string[]>();
    for (const a of onApplications) applicationActedBy.set(a.entity_id, [...(applicationActedBy.get(a.entity_id) ?? []), a.actor_user]);
    const rows: Record<View['entity'], ListRow[]> = { ticket: [], task: [], application: [] };
    for (const { id } of (await knex('tickets').select('id')) as { id: string }[]) {
      const world = (await loadWorld(knex, id))!;
      const users = actedBy.get(id) ?? [];
      rows.ticket.push({ ticket: world.ticket, actedBy: users });
      for (const task of world.tasks) rows.task.push({ ticket: world.ticket, task, actedBy: users });
      for (const application of world.applications) {
        const task = world.tasks.find((t) => t.id === application.task);
        rows.application.push({ ticket: world.ticket, application, ...(task ? { task } : {}), actedBy: users, applicationActedBy: applicationActedBy.get(application.id) ?? [] });
      }
    }
    return new EngineLists(rows);
  }

  /** Ids the engine's reference semantics (matchesTab) list for a viewer, sorted. */
  ids(cb: CompiledBundle, view: View, tab: ViewTab, viewer: Viewer, onlyMine: boolean): string[] {
    const options = { onlyMine, pooledNodes: pooledNodes(cb, viewer.center ?? '') };
    return this.rows[view.entity]
      .filter((row) => matchesTab(view, tab, row, { ...viewer, actors: actedByActors(cb.org, view, tab, viewer) }, options))
      .map((row) => row.application?.id ?? row.task?.id ?? row.ticket.id)
      .sort();
  }

  count(entity: View['entity']): number {
    return this.rows[entity].length;
  }
}
