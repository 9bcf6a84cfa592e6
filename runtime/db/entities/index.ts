import { DefinitionDraftEntity } from './definitions.js';
import { HistoryEntity, IdempotencyEntity, OutboxEntity, SequenceEntity } from './journal.js';
import { BundleEntity, DepartmentEntity, GridEntity, SessionEntity, UserEntity } from './platform.js';
import { ApplicationEntity, TaskEntity, TicketEntity } from './tickets.js';

export const entities = [
  TicketEntity, TaskEntity, ApplicationEntity, HistoryEntity, OutboxEntity, IdempotencyEntity, SequenceEntity,
  BundleEntity, UserEntity, SessionEntity, DepartmentEntity, GridEntity, DefinitionDraftEntity,
];

export * from './definitions.js';
export * from './journal.js';
export * from './platform.js';
export * from './tickets.js';
