import { EntitySchema } from '@mikro-orm/core';

/** Rows keep the engine's state as JSON plus the columns every list view filters and sorts on. */
export interface TicketRow {
  id: string; number: string; domain: string; item: string; flow: string; node: string; center: string;
  assignee?: string | null; grid?: string | null; channel: string; difficult: boolean; returned: boolean;
  mergedInto?: string | null; gridWorker?: string | null; registeredBy: string; reportedAt: number; registeredAt: number;
  updatedAt: number; bundleHash: string; title: string; state: unknown; version: number;
}

export const TicketEntity = new EntitySchema<TicketRow>({
  name: 'TicketRow',
  tableName: 'tickets',
  properties: {
    id: { type: 'string', primary: true, length: 40 },
    number: { type: 'string', length: 32, unique: true },
    domain: { type: 'string', length: 80 },
    item: { type: 'string', length: 80 },
    flow: { type: 'string', length: 80 },
    node: { type: 'string', length: 40 },
    center: { type: 'string', length: 80 },
    assignee: { type: 'string', length: 80, nullable: true },
    grid: { type: 'string', length: 80, nullable: true },
    gridWorker: { type: 'string', length: 80, nullable: true },
    channel: { type: 'string', length: 40 },
    difficult: { type: 'boolean' },
    returned: { type: 'boolean' },
    mergedInto: { type: 'string', length: 40, nullable: true },
    registeredBy: { type: 'string', length: 80 },
    title: { type: 'string', length: 200 },
    reportedAt: { type: 'double' },
    registeredAt: { type: 'double' },
    updatedAt: { type: 'double' },
    bundleHash: { type: 'string', length: 64 },
    state: { type: 'json' },
    version: { type: 'integer' },
  },
  indexes: [
    { properties: ['center', 'node', 'reportedAt'] },
    { properties: ['assignee'] },
    { properties: ['mergedInto'] },
    { properties: ['gridWorker', 'node'] },
    { properties: ['grid', 'channel'] },
    // lists of what a user acted on (scope actedBy) match thousands of rows: their pages walk this in
    // order, and with id and node in it a deep page's offset is walked in the index without reading rows
    { properties: ['reportedAt', 'id', 'node'] },
  ],
});

export interface TaskRow {
  id: string; ticketId: string; department: string; center: string; role: string; node: string;
  parent?: string | null; mergedInto?: string | null; gridWorker?: string | null; createdAt: number; state: unknown; version: number;
}

export const TaskEntity = new EntitySchema<TaskRow>({
  name: 'TaskRow',
  tableName: 'tasks',
  properties: {
    id: { type: 'string', primary: true, length: 40 },
    ticketId: { type: 'string', length: 40 },
    department: { type: 'string', length: 80 },
    center: { type: 'string', length: 80 },
    role: { type: 'string', length: 16 },
    node: { type: 'string', length: 40 },
    parent: { type: 'string', length: 40, nullable: true },
    mergedInto: { type: 'string', length: 40, nullable: true },
    gridWorker: { type: 'string', length: 80, nullable: true },
    createdAt: { type: 'double' },
    state: { type: 'json' },
    version: { type: 'integer' },
  },
  indexes: [{ properties: ['department', 'node', 'createdAt'] }, { properties: ['ticketId'] }, { properties: ['mergedInto'] }],
});

export interface ApplicationRow {
  id: string; ticketId: string; taskId: string; kind: string; node: string; reviewer?: string | null;
  applicantDepartment: string; createdAt: number; decidedAt?: number | null; state: unknown; version: number;
}

export const ApplicationEntity = new EntitySchema<ApplicationRow>({
  name: 'ApplicationRow',
  tableName: 'applications',
  properties: {
    id: { type: 'string', primary: true, length: 40 },
    ticketId: { type: 'string', length: 40 },
    taskId: { type: 'string', length: 40 },
    kind: { type: 'string', length: 16 },
    node: { type: 'string', length: 40 },
    reviewer: { type: 'string', length: 80, nullable: true },
    applicantDepartment: { type: 'string', length: 80 },
    createdAt: { type: 'double' },
    decidedAt: { type: 'double', nullable: true },
    state: { type: 'json' },
    version: { type: 'integer' },
  },
  indexes: [
    { properties: ['reviewer', 'node', 'kind'] },
    { properties: ['applicantDepartment', 'kind', 'node'] },
    { properties: ['ticketId'] },
    { properties: ['decidedAt'] },
  ],
});
