import { EntitySchema } from '@mikro-orm/core';

/** A published, immutable definition bundle (DESIGN principle 2). */
export interface BundleRow {
  version: number; hash: string; createdAt: number; createdBy: string; packages: unknown; content: string;
}

export const BundleEntity = new EntitySchema<BundleRow>({
  name: 'BundleRow',
  tableName: 'bundles',
  properties: {
    version: { type: 'integer', primary: true, autoincrement: true },
    // not unique: publishing an earlier configuration again is a new version with the same content
    hash: { type: 'string', length: 64, index: true },
    createdAt: { type: 'double' },
    createdBy: { type: 'string', length: 80 },
    packages: { type: 'json' },
    content: { type: 'text', columnType: 'longtext' },
  },
});

export interface UserRow {
  id: string; login: string; name: string; gender: string; phone: string; department: string; roles: string[];
  passwordHash: string; failedLogins: number; lockedUntil?: number | null; enabled: boolean;
}

export const UserEntity = new EntitySchema<UserRow>({
  name: 'UserRow',
  tableName: 'users',
  properties: {
    id: { type: 'string', primary: true, length: 80 },
    login: { type: 'string', length: 80, unique: true },
    name: { type: 'string', length: 80 },
    gender: { type: 'string', length: 4 },
    phone: { type: 'string', length: 32 },
    department: { type: 'string', length: 80 },
    roles: { type: 'json' },
    passwordHash: { type: 'string', length: 100 },
    failedLogins: { type: 'integer' },
    lockedUntil: { type: 'double', nullable: true },
    enabled: { type: 'boolean' },
  },
  indexes: [{ properties: ['department'] }],
});

export interface SessionRow {
  tokenHash: string; userId: string; createdAt: number; expiresAt: number;
}

export const SessionEntity = new EntitySchema<SessionRow>({
  name: 'SessionRow',
  tableName: 'sessions',
  properties: {
    tokenHash: { type: 'string', primary: true, length: 64 },
    userId: { type: 'string', length: 80 },
    createdAt: { type: 'double' },
    expiresAt: { type: 'double' },
  },
  indexes: [{ properties: ['userId'] }, { properties: ['expiresAt'] }],
});

/** Departments and grids live in the database so delivery staff can edit them (ORG-1..4). */
export interface DepartmentRow {
  id: string; name: string; nameEn?: string | null; parent?: string | null; level: string; kind: string; independent: boolean; regionCode?: string | null; enabled: boolean;
}

export const DepartmentEntity = new EntitySchema<DepartmentRow>({
  name: 'DepartmentRow',
  tableName: 'departments',
  properties: {
    id: { type: 'string', primary: true, length: 80 },
    name: { type: 'string', length: 200 },
    nameEn: { type: 'string', length: 200, nullable: true },
    parent: { type: 'string', length: 80, nullable: true },
    level: { type: 'string', length: 16 },
    kind: { type: 'string', length: 16 },
    independent: { type: 'boolean' },
    regionCode: { type: 'string', length: 32, nullable: true },
    enabled: { type: 'boolean' },
  },
  indexes: [{ properties: ['parent'] }],
});

export interface GridRow {
  id: string; name: string; nameEn?: string | null; community: string; geometry?: unknown; keywords?: unknown; enabled: boolean;
}

export const GridEntity = new EntitySchema<GridRow>({
  name: 'GridRow',
  tableName: 'grids',
  properties: {
    id: { type: 'string', primary: true, length: 80 },
    name: { type: 'string', length: 200 },
    nameEn: { type: 'string', length: 200, nullable: true },
    community: { type: 'string', length: 80 },
    geometry: { type: 'json', nullable: true },
    keywords: { type: 'json', nullable: true },
    enabled: { type: 'boolean' },
  },
  indexes: [{ properties: ['community'] }],
});
