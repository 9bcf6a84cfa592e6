import { EntitySchema } from '@mikro-orm/core';

/** Uploaded files (ACC-1 图片/视频/附件), stored under DATA_DIR; a ticket links them after registration. */
export interface AttachmentRow {
  id: string; ticketId?: string | null; name: string; mime: string; size: number; sha256: string; path: string;
  uploadedBy: string; uploadedAt: number;
}

export const AttachmentEntity = new EntitySchema<AttachmentRow>({
  name: 'AttachmentRow',
  tableName: 'attachments',
  properties: {
    id: { type: 'string', primary: true, length: 40 },
    ticketId: { type: 'string', length: 40, nullable: true },
    name: { type: 'string', length: 255 },
    mime: { type: 'string', length: 120 },
    size: { type: 'double' },
    sha256: { type: 'string', length: 64 },
    path: { type: 'string', length: 500 },
    uploadedBy: { type: 'string', length: 80 },
    uploadedAt: { type: 'double' },
  },
  indexes: [{ properties: ['ticketId'] }, { properties: ['uploadedBy', 'uploadedAt'] }],
});

/** 消息中心: urges, to-dos, rejections and returns for one user. */
export interface MessageRow {
  id: string; userId: string; ticketId?: string | null; kind: string; title: string; body?: unknown;
  /** What the message is about, language-free ({ kind, application?, number, ticketTitle }); the client words it. Null on old rows. */
  subject?: unknown; createdAt: number; readAt?: number | null;
}

export const MessageEntity = new EntitySchema<MessageRow>({
  name: 'MessageRow',
  tableName: 'messages',
  properties: {
    id: { type: 'string', primary: true, length: 40 },
    userId: { type: 'string', length: 80 },
    ticketId: { type: 'string', length: 40, nullable: true },
    kind: { type: 'string', length: 40 },
    title: { type: 'string', length: 255 },
    body: { type: 'json', nullable: true },
    subject: { type: 'json', nullable: true },
    createdAt: { type: 'double' },
    readAt: { type: 'double', nullable: true },
  },
  indexes: [{ properties: ['userId', 'readAt', 'createdAt'] }, { properties: ['ticketId'] }],
});

/** 常用意见 (ACC-1): a user's saved opinions. */
export interface CommonOpinionRow {
  id: string; userId: string; text: string; createdAt: number;
}

export const CommonOpinionEntity = new EntitySchema<CommonOpinionRow>({
  name: 'CommonOpinionRow',
  tableName: 'common_opinions',
  properties: {
    id: { type: 'string', primary: true, length: 40 },
    userId: { type: 'string', length: 80 },
    text: { type: 'string', length: 2000 },
    createdAt: { type: 'double' },
  },
  indexes: [{ properties: ['userId', 'createdAt'] }],
});

/** 知识库 (ACC-2 知识推荐). */
export interface KnowledgeRow {
  id: string; topic: string; title: string; body: string; keywords?: unknown; enabled: boolean; updatedAt: number;
}

export const KnowledgeEntity = new EntitySchema<KnowledgeRow>({
  name: 'KnowledgeRow',
  tableName: 'knowledge_articles',
  properties: {
    id: { type: 'string', primary: true, length: 40 },
    topic: { type: 'string', length: 80 },
    title: { type: 'string', length: 255 },
    body: { type: 'text' },
    keywords: { type: 'json', nullable: true },
    enabled: { type: 'boolean' },
    updatedAt: { type: 'double' },
  },
  indexes: [{ properties: ['topic'] }],
});

/** Every state change and every read of personal data (DESIGN "Data safety"). */
export interface AuditRow {
  seq: number; at: number; userId: string; action: string; entityKind: string; entityId: string; detail?: unknown;
}

export const AuditEntity = new EntitySchema<AuditRow>({
  name: 'AuditRow',
  tableName: 'audit_log',
  properties: {
    seq: { type: 'integer', primary: true, autoincrement: true },
    at: { type: 'double' },
    userId: { type: 'string', length: 80 },
    action: { type: 'string', length: 80 },
    entityKind: { type: 'string', length: 40 },
    entityId: { type: 'string', length: 80 },
    detail: { type: 'json', nullable: true },
  },
  indexes: [{ properties: ['entityKind', 'entityId'] }, { properties: ['userId', 'at'] }],
});

/** A ticket's reporter, kept apart from the ticket (personal data), found again by phone (ACC-1 auto-fill). */
export interface ReporterRow {
  ticketId: string; phone: string; name: string; gender?: string | null; birthDate?: string | null; address?: string | null;
  detailAddress?: string | null; createdAt: number;
}

export const ReporterEntity = new EntitySchema<ReporterRow>({
  name: 'ReporterRow',
  tableName: 'reporters',
  properties: {
    ticketId: { type: 'string', primary: true, length: 40 },
    phone: { type: 'string', length: 32 },
    name: { type: 'string', length: 80 },
    gender: { type: 'string', length: 4, nullable: true },
    birthDate: { type: 'string', length: 10, nullable: true },
    address: { type: 'string', length: 255, nullable: true },
    detailAddress: { type: 'string', length: 255, nullable: true },
    createdAt: { type: 'double' },
  },
  indexes: [{ properties: ['phone', 'createdAt'] }],
});
