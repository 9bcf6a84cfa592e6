import { DefinitionDraftEntity } from './definitions.js';
import { HistoryEntity, IdempotencyEntity, OutboxEntity, SequenceEntity } from './journal.js';
import { BundleEntity, DepartmentEntity, GridEntity, SessionEntity, UserEntity } from './platform.js';
import { AttachmentEntity, AuditEntity, CommonOpinionEntity, KnowledgeEntity, MessageEntity, ReporterEntity } from './support.js';
import { ApplicationEntity, TaskEntity, TicketEntity } from './tickets.js';

export const entities = [
  TicketEntity, TaskEntity, ApplicationEntity, HistoryEntity, OutboxEntity, IdempotencyEntity, SequenceEntity,
  BundleEntity, UserEntity, SessionEntity, DepartmentEntity, GridEntity, DefinitionDraftEntity,
  AttachmentEntity, MessageEntity, CommonOpinionEntity, KnowledgeEntity, AuditEntity, ReporterEntity,
];

export * from './definitions.js';
export * from './journal.js';
export * from './platform.js';
export * from './support.js';
export * from './tickets.js';
