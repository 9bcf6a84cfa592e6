import { EntitySchema } from '@mikro-orm/core';

/** 工单流转: append-only history. */
export interface HistoryRow {
  seq: number; id: string; ticketId: string; entityKind: string; entityId: string; event: string; fromNode: string; toNode: string;
  center: string; actorUser?: string | null; actorDepartment?: string | null; opinion?: string | null; at: number; data?: unknown;
}

export const HistoryEntity = new EntitySchema<HistoryRow>({
  name: 'HistoryRow',
  tableName: 'history',
  properties: {
    seq: { type: 'integer', primary: true, autoincrement: true },
    id: { type: 'string', length: 40, unique: true },
    ticketId: { type: 'string', length: 40 },
    entityKind: { type: 'string', length: 16 },
    entityId: { type: 'string', length: 40 },
    event: { type: 'string', length: 80 },
    fromNode: { type: 'string', length: 40 },
    toNode: { type: 'string', length: 40 },
    center: { type: 'string', length: 80 },
    actorUser: { type: 'string', length: 80, nullable: true },
    actorDepartment: { type: 'string', length: 80, nullable: true },
    opinion: { type: 'text', nullable: true },
    at: { type: 'double' },
    data: { type: 'json', nullable: true },
  },
  indexes: [{ properties: ['ticketId', 'seq'] }, { properties: ['actorUser', 'ticketId'] }, { properties: ['actorUser', 'entityKind', 'entityId'] }],
});

/** Work to do after commit (DESIGN principle 4): notifications, timers, plugin calls. */
export interface OutboxRow {
  id: string; ticketId: string; type: string; payload: unknown; createdAt: number; doneAt?: number | null; attempts: number;
}

export const OutboxEntity = new EntitySchema<OutboxRow>({
  name: 'OutboxRow',
  tableName: 'outbox',
  properties: {
    id: { type: 'string', primary: true, length: 40 },
    ticketId: { type: 'string', length: 40 },
    type: { type: 'string', length: 40 },
    payload: { type: 'json' },
    createdAt: { type: 'double' },
    doneAt: { type: 'double', nullable: true },
    attempts: { type: 'integer' },
  },
  indexes: [{ properties: ['doneAt', 'createdAt'] }],
});

/** Replays of an action with the same idempotency key return the first result. */
export interface IdempotencyRow {
  key: string; userId: string; status: number; response: unknown; createdAt: number;
}

export const IdempotencyEntity = new EntitySchema<IdempotencyRow>({
  name: 'IdempotencyRow',
  tableName: 'idempotency_keys',
  properties: {
    key: { type: 'string', primary: true, length: 200 },
    userId: { type: 'string', length: 80 },
    status: { type: 'integer' },
    response: { type: 'json' },
    createdAt: { type: 'double' },
  },
});

/** ACC-11 numbering: one counter per prefix and local day. */
export interface SequenceRow {
  name: string; value: number;
}

export const SequenceEntity = new EntitySchema<SequenceRow>({
  name: 'SequenceRow',
  tableName: 'sequences',
  properties: {
    name: { type: 'string', primary: true, length: 64 },
    value: { type: 'integer' },
  },
});
