import { describe, expect, it } from 'vitest';
import type { DepartmentAssignment, DispatchConfig } from '../../../definitions/schemas/catalogue.js';
import type { Department } from '../../../definitions/schemas/organisation.js';
import { byId, departments, duplicates, items } from './support/linkageData.js';

/**
 * The `linkage` items' dispatch configurations (DEF-4) against the demo organisation's command
 * centers and member units.
 */

describe('DEF-4 dispatch configurations', () => {
  const departmentsById = byId(departments);
  const isCenter = (d: Department | undefined) => d !== undefined && d.kind === 'region' && d.independent;
  const centerOf = (id: string): string | undefined => {
    for (let d = departmentsById.get(id); d; d = d.parent ? departmentsById.get(d.parent) : undefined) {
      if (isCenter(d)) return d.id;
    }
    return undefined;
  };
  const centers = departments.filter(isCenter).map((d) => d.id);
  const upperOf = (center: string) => {
    const parent = departmentsById.get(center)?.parent;
    return parent ? centerOf(parent) : undefined;
  };
  const lowerOf = (center: string) => centers.filter((c) => upperOf(c) === center);
  const configs = items.flatMap((i) => i.dispatch.map((c) => ({ item: i.id, ...c })));

  it('the demo organisation has the four centers the configurations use', () => {
    expect(centers.sort()).toEqual(['fh', 'sz', 'ys', 'zjg']);
    expect(lowerOf('sz')).toEqual(['zjg']);
    expect(lowerOf('zjg').sort()).toEqual(['fh', 'ys']);
  });

  it('at least 25 items have a configuration and some are left to manual dispatch', () => {
    const configured = items.filter((i) => i.dispatch.length > 0);
    expect(configured.length).toBeGreaterThanOrEqual(25);
    expect(items.filter((i) => i.enabled && i.dispatch.length === 0).length).toBeGreaterThanOrEqual(5);
  });

  it('every mode and handling appears several times', () => {
    const count = (pred: (c: DispatchConfig) => boolean) => configs.filter(pred).length;
    expect(count((c) => c.mode === 'lowerCenter' && c.lowerCenter !== undefined)).toBeGreaterThanOrEqual(3);
    expect(count((c) => c.mode === 'lowerCenter' && c.lowerCenter === undefined)).toBeGreaterThanOrEqual(3);
    expect(count((c) => c.mode === 'upperCenter')).toBeGreaterThanOrEqual(3);
    expect(count((c) => c.assignment?.handling === 'mainAssist')).toBeGreaterThanOrEqual(3);
    expect(count((c) => c.assignment?.handling === 'mainAssist' && (c.assignment.assists?.length ?? 0) > 0)).toBeGreaterThanOrEqual(3);
    expect(count((c) => c.assignment?.handling === 'multi')).toBeGreaterThanOrEqual(3);
    expect(count((c) => (c.subDispatch?.length ?? 0) > 0)).toBeGreaterThanOrEqual(3);
    expect(count((c) => c.region === 'sz' && c.mode === 'departments')).toBeGreaterThanOrEqual(1);
  });

  it('each item configures a center at most once, and only command centers', () => {
    for (const i of items) {
      expect(duplicates(i.dispatch.map((c) => c.region)), i.id).toEqual([]);
    }
    expect(configs.filter((c) => !centers.includes(c.region))).toEqual([]);
  });

  it('the lowest centers never delegate down, the top center never escalates, a delegation names a lower center', () => {
    for (const c of configs) {
      if (c.mode === 'lowerCenter') {
        expect(lowerOf(c.region).length, c.item).toBeGreaterThan(0);
        if (c.lowerCenter !== undefined) expect(lowerOf(c.region), c.item).toContain(c.lowerCenter);
        expect(c.assignment, c.item).toBeUndefined();
      }
      if (c.mode === 'upperCenter') {
        expect(upperOf(c.region), c.item).toBeDefined();
        expect(c.assignment, c.item).toBeUndefined();
      }
      if (c.mode !== 'lowerCenter') expect(c.lowerCenter, c.item).toBeUndefined();
      if (c.mode !== 'departments') expect(c.subDispatch, c.item).toBeUndefined();
    }
    expect(configs.filter((c) => ['ys', 'fh'].includes(c.region) && c.mode === 'lowerCenter')).toEqual([]);
    expect(configs.filter((c) => c.region === 'sz' && c.mode === 'upperCenter')).toEqual([]);
  });

  const assigned = (a: DepartmentAssignment) =>
    a.handling === 'mainAssist' ? [a.main ?? '', ...(a.assists ?? [])] : (a.departments ?? []);
  const wellFormed = (a: DepartmentAssignment, where: string) => {
    if (a.handling === 'mainAssist') {
      expect(a.main, where).toBeDefined();
      expect(a.departments, where).toBeUndefined();
      expect(a.assists ?? [], where).not.toContain(a.main);
    } else {
      expect(a.main, where).toBeUndefined();
      expect(a.assists, where).toBeUndefined();
      expect(a.departments?.length ?? 0, where).toBeGreaterThanOrEqual(2);
    }
  };

  it('assigned departments are member units of the configured center; sub-dispatch goes to their sub-units', () => {
    for (const c of configs.filter((x) => x.mode === 'departments')) {
      const where = `${c.item}@${c.region}`;
      expect(c.assignment, where).toBeDefined();
      if (!c.assignment) continue;
      wellFormed(c.assignment, where);
      const mine = assigned(c.assignment);
      for (const id of mine) {
        expect(departmentsById.get(id)?.kind, `${where}: ${id}`).toBe('unit');
        expect(centerOf(id), `${where}: ${id}`).toBe(c.region);
      }
      for (const sub of c.subDispatch ?? []) {
        expect(mine, where).toContain(sub.department);
        wellFormed(sub, `${where} > ${sub.department}`);
        for (const id of assigned(sub)) {
          expect(departmentsById.get(id)?.parent, `${where} > ${sub.department}: ${id}`).toBe(sub.department);
        }
      }
    }
  });

  it('暴露垃圾: sz → zjg; zjg → 城管局 (环卫所) with 生态环境局; ys and fh → their 城管中队', () => {
    const bllj = items.find((i) => i.id === 'item.bllj');
    expect(bllj?.dispatch).toEqual([
      { region: 'sz', mode: 'lowerCenter', lowerCenter: 'zjg' },
      {
        region: 'zjg',
        mode: 'departments',
        assignment: { handling: 'mainAssist', main: 'zjg.cgj', assists: ['zjg.sthj'] },
        subDispatch: [{ department: 'zjg.cgj', handling: 'mainAssist', main: 'zjg.cgj.hws' }],
      },
      { region: 'ys', mode: 'departments', assignment: { handling: 'mainAssist', main: 'ys.cgzd' } },
      { region: 'fh', mode: 'departments', assignment: { handling: 'mainAssist', main: 'fh.cgzd' } },
    ]);
  });
});
