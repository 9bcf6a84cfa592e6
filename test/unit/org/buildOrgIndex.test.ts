import { describe, expect, it } from 'vitest';
import type { Department, Grid, User } from '../../../definitions/schemas/organisation.js';
import {
  buildOrgIndex,
  centerOf,
  departmentPathName,
  hasOrgErrors,
  OrgFindingCodes,
  upperCenter,
} from '../../../engine/org/index.js';
import { demoDefinitions } from './demoOrg.js';

const dept = (id: string, parent: string | undefined, more: Partial<Department> = {}): Department => ({
  id,
  name: id,
  ...(parent === undefined ? {} : { parent }),
  level: 'town',
  kind: 'unit',
  independent: false,
  enabled: true,
  ...more,
});

/** Every kind of broken data the index must survive. */
const broken = {
  departments: [
    dept('p', undefined, { level: 'province', kind: 'region' }),
    dept('c', 'p', { level: 'city', kind: 'region', independent: true }),
    dept('c.u', 'c', { level: 'city' }),
    dept('t', 'c.u', { level: 'town', kind: 'region', independent: true }), // center under a unit
    dept('orphan', 'nowhere'), // unknown parent
    dept('a', 'b'), // a ⇄ b cycle
    dept('b', 'a'),
    dept('below.cycle', 'a'),
    dept('self', 'self'), // self cycle
    dept('c', 'p', { name: 'duplicate' }), // duplicate id
    dept('up', 't', { level: 'city', kind: 'unit' }), // level above its parent
    dept('p.ind', 'p', { level: 'province', independent: true }), // independent unit: ignored
  ],
  grids: [
    { id: 'g1', name: 'g1', community: 'c.u', keywords: ['路'], enabled: true }, // not a community
    { id: 'g2', name: 'g2', community: 'ghost', enabled: true }, // unknown, unresolvable
    {
      id: 'g3',
      name: 'g3',
      community: 'c.u',
      geometry: { type: 'Polygon', coordinates: [[[0, 0], [1, 0], [1, 1], [0, 1]]] }, // open ring
      enabled: true,
    },
  ] satisfies Grid[],
  users: [
    { id: 'u1', login: 'same', name: '甲', gender: '男', phone: '13800000000', department: 'c.u', roles: ['acceptor'], enabled: true },
    { id: 'u2', login: 'same', name: '乙', gender: '女', phone: '13800000001', department: 'ghost', roles: ['ghostRole'], enabled: true },
  ] satisfies User[],
  roles: demoDefinitions.roles,
};

describe('buildOrgIndex', () => {
  it('ORG-1 the demo organisation builds without findings', () => {
    const { org, findings } = buildOrgIndex(demoDefinitions);
    expect(findings).toEqual([]);
    expect(org.departments.size).toBe(demoDefinitions.departments.length);
    expect(org.roots).toEqual(['js']);
    expect(org.centers).toEqual(['sz', 'zjg', 'ys', 'fh']);
  });

  it('ORG-1 broken data yields findings instead of throwing', () => {
    const { findings } = buildOrgIndex(broken);
    const codes = findings.map((f) => `${f.code} ${f.pointer}`);
    expect(codes).toEqual(expect.arrayContaining([
      'ORG_DUPLICATE_ID /departments/9/id',
      'ORG_UNKNOWN_PARENT /departments/4/parent',
      'ORG_PARENT_CYCLE /departments/5/parent',
      'ORG_PARENT_CYCLE /departments/6/parent',
      'ORG_PARENT_CYCLE /departments/8/parent',
      'ORG_CENTER_UNDER_NON_REGION /departments/3/parent',
      'ORG_LEVEL_ORDER /departments/10/level',
      'ORG_INDEPENDENT_IGNORED /departments/11/independent',
      'ORG_GRID_NOT_IN_COMMUNITY /grids/0/community',
      'ORG_UNKNOWN_REF /grids/1/community',
      'ORG_GRID_UNRESOLVABLE /grids/1',
      'ORG_GRID_RING_OPEN /grids/2/geometry/coordinates/0',
      'ORG_DUPLICATE_LOGIN /users/1/login',
      'ORG_UNKNOWN_REF /users/1/department',
      'ORG_UNKNOWN_REF /users/1/roles/0',
      'ORG_ROLE_PLACEMENT /users/0/roles/0',
    ]));
    expect(findings.filter((f) => f.code === 'ORG_PARENT_CYCLE')).toHaveLength(3);
    expect(hasOrgErrors(findings)).toBe(true);
    for (const f of findings) {
      expect(f.severity).toBe(OrgFindingCodes[f.code]);
      expect(f.message).not.toBe('');
    }
  });

  it('ORG-1 cut parents make departments roots, and lookups still terminate', () => {
    const { org } = buildOrgIndex(broken);
    expect(org.roots).toEqual(expect.arrayContaining(['p', 'orphan', 'a', 'b', 'self']));
    expect(org.parentOf.get('below.cycle')).toBe('a');
    expect(departmentPathName(org, 'below.cycle')).toBe('a-below.cycle');
    expect(departmentPathName(org, 'orphan')).toBe('orphan');
    // The first 'c' wins over the duplicate.
    expect(org.departments.get('c')?.name).toBe('c');
    // A center under a unit is still a center, and its upper center is the one above the unit.
    expect(centerOf(org, 't')?.id).toBe('t');
    expect(upperCenter(org, 't')?.id).toBe('c');
  });

  it('ORG-1 a region under a unit that is not a center is reported too', () => {
    const { findings } = buildOrgIndex({
      departments: [dept('u', undefined, { level: 'county' }), dept('r', 'u', { kind: 'region' })],
    });
    expect(findings.map((f) => f.code)).toContain('ORG_REGION_UNDER_NON_REGION');
  });

  it('ORG-2 without role definitions role references are not checked', () => {
    const { findings } = buildOrgIndex({ ...broken, roles: [] });
    expect(findings.filter((f) => f.pointer.includes('/roles/') && f.code === 'ORG_UNKNOWN_REF')).toEqual([]);
    expect(buildOrgIndex({ ...demoDefinitions, roles: [] }).findings).toEqual([]);
  });

  it('every finding code has a severity in the catalogue', () => {
    for (const [code, severity] of Object.entries(OrgFindingCodes)) {
      expect(code).toMatch(/^ORG_[A-Z_]+$/);
      expect(['error', 'warning', 'info']).toContain(severity);
    }
  });
});
