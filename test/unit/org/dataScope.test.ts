import { describe, expect, it } from 'vitest';
import { buildOrgIndex, canSee, dataScopeOf } from '../../../engine/org/index.js';
import { demoDefinitions, demoOrg, demoWith } from './demoOrg.js';

describe('data scope (X-3)', () => {
  const org = demoOrg();
  const ysTicket = { centerIds: ['ys'], departmentIds: ['ys.cgzd'] };
  const zjgTicket = { centerIds: ['zjg'], departmentIds: ['zjg.cgj'] };
  const fhTicket = { centerIds: ['fh'], departmentIds: ['fh.xz'] };
  const szTicket = { centerIds: ['sz'], departmentIds: ['sz.cgj'] };

  it('X-3 a county center sees its own and its lower centers\' tickets (zjg sees ys)', () => {
    const scope = dataScopeOf(org, 'zjg.acceptor');
    expect(scope.kind).toBe('center');
    expect([...scope.centerIds].sort()).toEqual(['fh', 'ys', 'zjg']);
    expect(canSee(scope, ysTicket)).toBe(true);
    expect(canSee(scope, fhTicket)).toBe(true);
    expect(canSee(scope, zjgTicket)).toBe(true);
    expect(canSee(scope, szTicket)).toBe(false);
  });

  it('X-3 a town center does not see its upper or sibling centers (ys does not see zjg or fh)', () => {
    const scope = dataScopeOf(org, 'ys.dispatcher');
    expect([...scope.centerIds]).toEqual(['ys']);
    expect(canSee(scope, ysTicket)).toBe(true);
    expect(canSee(scope, zjgTicket)).toBe(false);
    expect(canSee(scope, fhTicket)).toBe(false);
  });

  it('X-3 a ticket escalated from a town to the county stays visible to the town', () => {
    const escalated = { centerIds: ['ys', 'zjg'], departmentIds: ['zjg.cgj'] };
    expect(canSee(dataScopeOf(org, 'ys.acceptor'), escalated)).toBe(true);
    expect(canSee(dataScopeOf(org, 'fh.acceptor'), escalated)).toBe(false);
  });

  it('X-3 the city center sees everything below it', () => {
    const scope = dataScopeOf(org, 'sz.shiftleader');
    for (const t of [ysTicket, zjgTicket, fhTicket, szTicket]) expect(canSee(scope, t)).toBe(true);
  });

  it('X-3 a unit sees its sub-unit\'s tasks but not a sibling unit\'s', () => {
    const scope = dataScopeOf(org, 'zjg.cgj.handler');
    expect(scope.kind).toBe('department');
    expect(scope.centerIds.size).toBe(0);
    expect(canSee(scope, { centerIds: ['zjg'], departmentIds: ['zjg.cgj.hws'] })).toBe(true);
    expect(canSee(scope, { centerIds: ['zjg'], departmentIds: ['zjg.cgj'] })).toBe(true);
    expect(canSee(scope, { centerIds: ['zjg'], departmentIds: ['zjg.sthj'] })).toBe(false);
    // A unit does not see the center's other tickets just because they belong to its center.
    expect(canSee(scope, { centerIds: ['zjg'] })).toBe(false);
  });

  it('X-3 a sub-unit does not see its parent unit\'s own tasks', () => {
    const scope = dataScopeOf(org, 'zjg.cgj.hws.handler');
    expect(canSee(scope, { departmentIds: ['zjg.cgj.hws'] })).toBe(true);
    expect(canSee(scope, { departmentIds: ['zjg.cgj'] })).toBe(false);
    expect(canSee(scope, { departmentIds: ['zjg.cgj.zfdd'] })).toBe(false);
  });

  it('X-3 a 街道办 sees the community below it; a community sees only itself', () => {
    expect(canSee(dataScopeOf(org, 'ys.jdb.handler'), { departmentIds: ['ys.xm'] })).toBe(true);
    expect(canSee(dataScopeOf(org, 'ys.xm.grid'), { departmentIds: ['ys.jdb'] })).toBe(false);
    expect(canSee(dataScopeOf(org, 'fh.xz.grid'), { departmentIds: ['fh.xz'] })).toBe(true);
  });

  it('X-3 unknown and disabled users see nothing; a province user sees all centers', () => {
    expect(dataScopeOf(org, 'nobody').kind).toBe('none');
    expect(canSee(dataScopeOf(org, 'nobody'), ysTicket)).toBe(false);
    const user = demoDefinitions.users.find((u) => u.id === 'zjg.acceptor')!;
    const { org: off } = buildOrgIndex(demoWith({ users: [{ ...user, enabled: false }] }));
    expect(dataScopeOf(off, 'zjg.acceptor').kind).toBe('none');
    const province = dataScopeOf(org, { ...user, id: 'js.viewer', department: 'js' });
    expect(province.kind).toBe('region');
    expect([...province.centerIds].sort()).toEqual(['fh', 'sz', 'ys', 'zjg']);
  });
});
