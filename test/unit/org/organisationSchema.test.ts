import type { TSchema } from '@sinclair/typebox';
import { Ajv } from 'ajv';
import { describe, expect, it } from 'vitest';
import {
  DepartmentSchema,
  GridSchema,
  RoleSchema,
  UserSchema,
} from '../../../definitions/schemas/organisation.js';
import { demoDefinitions, demoManifest } from './demoOrg.js';

function validator() {
  const ajv = new Ajv({ allErrors: true });
  ajv.addKeyword({ keyword: 'x-ref', schemaType: 'string' });
  return ajv;
}

describe('organisation schemas', () => {
  const ajv = validator();
  const cases: [string, TSchema, readonly { id: string }[]][] = [
    ['department', DepartmentSchema, demoDefinitions.departments],
    ['grid', GridSchema, demoDefinitions.grids],
    ['user', UserSchema, demoDefinitions.users],
    ['role', RoleSchema, demoDefinitions.roles],
  ];

  it.each(cases)('ORG-1 demo %s definitions validate against their schema', (_kind, schema, items) => {
    const validate = ajv.compile(schema);
    const valid = (item: unknown): boolean => validate(item);
    const failures = items
      .map((item) => (valid(item) ? undefined : { id: item.id, errors: validate.errors }))
      .filter(Boolean);
    expect(failures).toEqual([]);
    expect(items.length).toBeGreaterThan(0);
  });

  it('schemas carry their kind id, a Chinese title and reject unknown properties', () => {
    expect(DepartmentSchema.$id).toBe('tongguan/department');
    expect(GridSchema.$id).toBe('tongguan/grid');
    expect(UserSchema.$id).toBe('tongguan/user');
    expect(RoleSchema.$id).toBe('tongguan/role');
    expect([DepartmentSchema, GridSchema, UserSchema, RoleSchema].map((s) => s.title)).toEqual(['部门', '网格', '用户', '角色']);
    const validate = ajv.compile(DepartmentSchema);
    expect(validate({ id: 'x', name: 'X', level: 'town', kind: 'region', independent: true, enabled: true, extra: 1 })).toBe(false);
  });

  it('ORG-3 user phones are mainland mobiles and genders are 男/女', () => {
    const validate = ajv.compile(UserSchema);
    const base = { id: 'u', login: 'u', name: '张三', gender: '男', department: 'fh', roles: [], enabled: true };
    expect(validate({ ...base, phone: '13977777777' })).toBe(true);
    expect(validate({ ...base, phone: '1397777777' })).toBe(false);
    expect(validate({ ...base, phone: '23977777777' })).toBe(false);
    expect(validate({ ...base, phone: '13977777777', gender: 'M' })).toBe(false);
  });

  it('ORG-4 grid geometry is a GeoJSON Polygon of [lng, lat] positions', () => {
    const validate = ajv.compile(GridSchema);
    const base = { id: 'g', name: '网格', community: 'fh.xz', enabled: true };
    const ring = [[120.6, 31.7], [120.61, 31.7], [120.61, 31.71], [120.6, 31.7]];
    expect(validate({ ...base, geometry: { type: 'Polygon', coordinates: [ring] } })).toBe(true);
    expect(validate({ ...base, geometry: { type: 'Point', coordinates: [120.6, 31.7] } })).toBe(false);
    expect(validate({ ...base, geometry: { type: 'Polygon', coordinates: [[[200, 31.7], ...ring.slice(1)]] } })).toBe(false);
  });

  it('the demo package has a manifest without dependencies', () => {
    expect(demoManifest).toMatchObject({ name: 'demo-org', dependsOn: [] });
    expect(typeof demoManifest.version).toBe('string');
  });

  it('definition ids and logins are unique within their kind', () => {
    const kinds: readonly (readonly { id: string }[])[] = [demoDefinitions.departments, demoDefinitions.grids, demoDefinitions.users, demoDefinitions.roles];
    for (const items of kinds) {
      expect(new Set(items.map((i) => i.id)).size).toBe(items.length);
    }
    const logins = demoDefinitions.users.map((u) => u.login);
    expect(new Set(logins).size).toBe(logins.length);
    const phones = demoDefinitions.users.map((u) => u.phone);
    expect(phones.every((p) => /^1[358]\d{9}$/.test(p))).toBe(true);
  });
});
