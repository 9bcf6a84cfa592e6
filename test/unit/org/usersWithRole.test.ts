import { describe, expect, it } from 'vitest';
import {
  allCenters,
  buildOrgIndex,
  CenterRoleIds,
  communitiesWithin,
  holdersOfRoleAt,
  RoleIds,
  rolesNobodyHolds,
  userByLogin,
  userHasRole,
  usersOfDepartment,
  usersWithRole,
} from '../../../engine/org/index.js';
import { demoDefinitions, demoOrg, demoWith } from './demoOrg.js';

const ids = (list: readonly { id: string }[]) => list.map((d) => d.id);

describe('users and roles (ORG-2)', () => {
  const org = demoOrg();

  it('ORG-2 the demo defines exactly the built-in roles', () => {
    expect(ids(demoDefinitions.roles).sort()).toEqual(Object.values(RoleIds).sort());
  });

  it('ORG-2 every center role is held at every center', () => {
    for (const center of allCenters(org)) {
      expect(rolesNobodyHolds(org, CenterRoleIds, center.id), center.id).toEqual([]);
    }
    expect(rolesNobodyHolds(org, Object.values(RoleIds))).toEqual([]);
    expect(holdersOfRoleAt(org, 'sz', RoleIds.admin)).toHaveLength(1);
  });

  it('ORG-2 every unit, sub-unit and community has a handler; every community a grid worker', () => {
    for (const d of demoDefinitions.departments.filter((x) => x.kind !== 'region')) {
      expect(usersOfDepartment(org, d.id).filter((u) => userHasRole(u, 'handler')).length, d.id).toBeGreaterThan(0);
    }
    for (const c of communitiesWithin(org, 'js')) {
      expect(usersWithRole(org, RoleIds.gridWorker, c.id).length, c.id).toBeGreaterThan(0);
    }
  });

  it('DSP-3 a zjg shift leader also holds the dispatcher role', () => {
    const both = holdersOfRoleAt(org, 'zjg', RoleIds.shiftLeader).filter((u) => userHasRole(u, RoleIds.dispatcher));
    expect(ids(both)).toEqual(['zjg.shiftleader2']);
    expect(ids(holdersOfRoleAt(org, 'zjg', RoleIds.dispatcher))).toEqual(['zjg.dispatcher', 'zjg.shiftleader2']);
  });

  it('ORG-2 holders at a center are the center\'s own users, not its units\' or lower centers\'', () => {
    expect(ids(holdersOfRoleAt(org, 'zjg', RoleIds.acceptor))).toEqual(['zjg.acceptor']);
    expect(holdersOfRoleAt(org, 'zjg', RoleIds.handler)).toEqual([]);
    expect(ids(usersWithRole(org, RoleIds.acceptor, 'zjg'))).toEqual(['zjg.acceptor', 'ys.acceptor', 'fh.acceptor']);
    expect(ids(usersWithRole(org, RoleIds.handler, 'zjg.cgj'))).toEqual(['zjg.cgj.handler', 'zjg.cgj.hws.handler', 'zjg.cgj.zfdd.handler']);
    expect(ids(usersWithRole(org, RoleIds.gridWorker, 'fh.xz'))).toEqual(['fh.xz.grid', 'fh.xz.grid2']);
  });

  it('ORG-2 disabled users hold nothing unless asked for', () => {
    const user = demoDefinitions.users.find((u) => u.id === 'fh.reviewer')!;
    const { org: off } = buildOrgIndex(demoWith({ users: [{ ...user, enabled: false }] }));
    expect(rolesNobodyHolds(off, CenterRoleIds, 'fh')).toEqual(['reviewer']);
    expect(holdersOfRoleAt(off, 'fh', 'reviewer', { includeDisabled: true })).toHaveLength(1);
    expect(usersOfDepartment(off, 'fh').map((u) => u.id)).not.toContain('fh.reviewer');
  });

  it('ORG-3 users are found by login', () => {
    expect(userByLogin(org, 'zjg.cgj.handler')?.department).toBe('zjg.cgj');
    expect(userByLogin(org, 'nobody')).toBeUndefined();
  });

  it('ORG-2 user count per role in the demo', () => {
    const count = Object.fromEntries(Object.values(RoleIds).map((r) => [r, usersWithRole(org, r).length]));
    expect(count).toEqual({
      acceptor: 4,
      dispatcher: 5,
      shiftLeader: 5,
      reviewer: 4,
      handler: 29,
      gridWorker: 7,
      admin: 1,
    });
  });
});
