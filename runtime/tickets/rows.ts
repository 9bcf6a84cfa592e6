import { REVIEW_NODES, type ApplicationState, type HistoryEvent, type TaskState, type TicketState } from '../../engine/index.js';

/** JSON columns come back as strings from SQLite and as strings or objects from MariaDB. */
export function parseJson<T>(value: unknown): T {
  return (typeof value === 'string' ? JSON.parse(value) : value) as T;
}

/** A ticket's indexed columns (ticketRow without the JSON of its state, for comparing rows). */
export function ticketColumns(t: TicketState, now: number) {
  return {
    id: t.id, number: t.number, domain: t.domain, item: t.item, flow: t.flow, node: t.node, center: t.center,
    assignee: t.assignee ?? null, grid: t.grid ?? null, grid_worker: t.gridWorker ?? null, channel: t.channel,
    difficult: t.difficult, returned: t.returned, merged_into: t.mergedInto ?? null, registered_by: t.registeredBy,
    title: t.title.slice(0, 200), reported_at: t.reportedAt, registered_at: t.registeredAt, updated_at: now,
    bundle_hash: t.bundleHash, version: t.version,
  };
}

export function ticketRow(t: TicketState, now: number) {
  return { ...ticketColumns(t, now), state: JSON.stringify(t) };
}

export function taskColumns(t: TaskState) {
  return {
    id: t.id, ticket_id: t.ticket, department: t.department, center: t.center, role: t.role, node: t.node,
    parent: t.parent ?? null, merged_into: t.mergedInto ?? null, grid_worker: t.gridWorker ?? null, created_at: t.createdAt,
    version: t.version,
  };
}

export function taskRow(t: TaskState) {
  return { ...taskColumns(t), state: JSON.stringify(t) };
}

const REVIEWING = new Set(REVIEW_NODES);

export function applicationColumns(a: ApplicationState) {
  return {
    id: a.id, ticket_id: a.ticket, task_id: a.task, kind: a.kind, node: a.node,
    reviewer: REVIEWING.has(a.node) ? (a.chain[a.step]?.department ?? null) : null,
    applicant_department: a.applicant.department, created_at: a.createdAt, decided_at: a.decidedAt ?? null,
    version: a.version,
  };
}

export function applicationRow(a: ApplicationState) {
  return { ...applicationColumns(a), state: JSON.stringify(a) };
}

export function historyRow(h: HistoryEvent) {
  return {
    id: h.id, ticket_id: h.ticket, entity_kind: h.entity.kind, entity_id: h.entity.id, event: h.event, from_node: h.fromNode,
    to_node: h.toNode, center: h.center, actor_user: h.actor?.user ?? null, actor_department: h.actor?.department ?? null,
    opinion: h.opinion ?? null, at: h.at, data: h.data === undefined ? null : JSON.stringify(h.data),
  };
}

export interface HistoryRecord {
  id: string; ticket_id: string; entity_kind: string; entity_id: string; event: string; from_node: string; to_node: string;
  center: string; actor_user: string | null; actor_department: string | null; opinion: string | null; at: number; data: unknown;
}

export function historyFromRow(r: HistoryRecord): HistoryEvent {
  return {
    id: r.id, ticket: r.ticket_id, entity: { kind: r.entity_kind as HistoryEvent['entity']['kind'], id: r.entity_id }, event: r.event,
    fromNode: r.from_node, toNode: r.to_node, center: r.center, at: Number(r.at),
    ...(r.actor_user ? { actor: { user: r.actor_user, department: r.actor_department ?? '' } } : {}),
    ...(r.opinion ? { opinion: r.opinion } : {}),
    ...(r.data ? { data: parseJson<Record<string, unknown>>(r.data) } : {}),
  };
}
