import { describe, expect, it } from 'vitest';
import {
  allCenters,
  allSubUnits,
  buildOrgIndex,
  centerLevel,
  centerOf,
  centersWithin,
  escalationChain,
  isAboveCenter,
  isCenter,
  lowerCenters,
  memberUnits,
  parentUnitWithinCenter,
  subUnits,
  upperCenter,
} from '../../../engine/org/index.js';
import { demoDefinitions, demoOrg, demoWith } from './demoOrg.js';

const ids = (list: readonly { id: string }[]) => list.map((d) => d.id);
const fh = demoDefinitions.departments.find((d) => d.id === 'fh');

describe('centers (ORG-1, X-8)', () => {
  const org = demoOrg();

  it('ORG-1 a town flagged independent is a center', () => {
    expect(isCenter(org, 'fh')).toBe(true);
    expect(isCenter(org, 'ys')).toBe(true);
    expect(centerLevel(org, 'fh')).toBe('town');
  });

  it('ORG-1 the same town without the independent flag is not a center; its units belong to the county', () => {
    const { org: plain, findings } = buildOrgIndex(demoWith({ departments: [{ ...fh!, independent: false }] }));
    expect(findings.filter((f) => f.severity === 'error')).toEqual([]);
    expect(isCenter(plain, 'fh')).toBe(false);
    expect(centerOf(plain, 'fh.cgzd')?.id).toBe('zjg');
    expect(ids(memberUnits(plain, 'zjg'))).toEqual(expect.arrayContaining(['fh.cgzd', 'fh.xz']));
    expect(ids(lowerCenters(plain, 'zjg'))).toEqual(['ys']);
  });

  it('ORG-1 the province is a region but not a center; city, county and town centers are', () => {
    expect(isCenter(org, 'js')).toBe(false);
    expect(centerLevel(org, 'js')).toBeUndefined();
    expect(ids(allCenters(org))).toEqual(['sz', 'zjg', 'ys', 'fh']);
    expect(['sz', 'zjg', 'ys', 'fh'].map((c) => centerLevel(org, c))).toEqual(['city', 'county', 'town', 'town']);
    expect(isCenter(org, 'zjg.cgj')).toBe(false);
    expect(isCenter(org, 'unknown')).toBe(false);
  });

  it('ORG-1 centerOf is the nearest center at or above a department', () => {
    expect(centerOf(org, 'fh.xz')?.id).toBe('fh');
    expect(centerOf(org, 'ys.xm')?.id).toBe('ys');
    expect(centerOf(org, 'zjg.cgj.hws')?.id).toBe('zjg');
    expect(centerOf(org, 'sz.cgj')?.id).toBe('sz');
    expect(centerOf(org, 'zjg')?.id).toBe('zjg');
    expect(centerOf(org, 'js')).toBeUndefined();
  });

  it('X-8 upper and lower centers: city ← county ← town', () => {
    expect(upperCenter(org, 'fh')?.id).toBe('zjg');
    expect(upperCenter(org, 'zjg')?.id).toBe('sz');
    expect(upperCenter(org, 'sz')).toBeUndefined();
    expect(ids(lowerCenters(org, 'zjg'))).toEqual(['ys', 'fh']);
    expect(ids(lowerCenters(org, 'sz'))).toEqual(['zjg']);
    expect(lowerCenters(org, 'fh')).toEqual([]);
    expect(ids(centersWithin(org, 'sz'))).toEqual(['sz', 'zjg', 'ys', 'fh']);
    expect(centersWithin(org, 'zjg.cgj')).toEqual([]);
  });

  it('X-8 escalation chain runs from a center to the top', () => {
    expect(ids(escalationChain(org, 'fh'))).toEqual(['fh', 'zjg', 'sz']);
    expect(ids(escalationChain(org, 'ys'))).toEqual(['ys', 'zjg', 'sz']);
    expect(ids(escalationChain(org, 'sz'))).toEqual(['sz']);
    expect(escalationChain(org, 'fh.cgzd')).toEqual([]);
    expect(isAboveCenter(org, 'sz', 'fh')).toBe(true);
    expect(isAboveCenter(org, 'fh', 'zjg')).toBe(false);
    expect(isAboveCenter(org, 'fh', 'fh')).toBe(false);
  });
});

describe('member units and sub-units (ORG-1, HND-5)', () => {
  const org = demoOrg();

  it('ORG-1 a center lists its first-level member units', () => {
    expect(ids(memberUnits(org, 'sz'))).toEqual(['sz.cgj', 'sz.sthj', 'sz.zjj', 'sz.jtj', 'sz.swj', 'sz.scjg']);
    expect(ids(memberUnits(org, 'zjg'))).toEqual(['zjg.cgj', 'zjg.sthj', 'zjg.zjj', 'zjg.jtj', 'zjg.swj', 'zjg.scjg', 'zjg.gaj']);
    expect(ids(memberUnits(org, 'fh'))).toEqual(['fh.cgzd', 'fh.hbb', 'fh.nyb', 'fh.xz', 'fh.fh', 'fh.am']);
    // ys.xm sits under the 街道办, so it is a sub-unit, not a member unit.
    expect(ids(memberUnits(org, 'ys'))).toEqual(['ys.cgzd', 'ys.jsb', 'ys.hbb', 'ys.jdb', 'ys.dq', 'ys.hq']);
    expect(memberUnits(org, 'zjg.cgj')).toEqual([]);
  });

  it('ORG-1 a lower center is not a member unit of the upper one', () => {
    expect(ids(memberUnits(org, 'zjg'))).not.toContain('ys');
    expect(ids(memberUnits(org, 'zjg'))).not.toContain('ys.cgzd');
  });

  it('ORG-1 units have sub-units', () => {
    expect(ids(subUnits(org, 'zjg.cgj'))).toEqual(['zjg.cgj.hws', 'zjg.cgj.zfdd']);
    expect(ids(subUnits(org, 'zjg.jtj'))).toEqual(['zjg.jtj.glz']);
    expect(ids(subUnits(org, 'ys.jdb'))).toEqual(['ys.xm']);
    expect(subUnits(org, 'zjg.sthj')).toEqual([]);
    expect(subUnits(org, 'zjg')).toEqual([]);
    expect(ids(allSubUnits(org, 'zjg.cgj'))).toEqual(['zjg.cgj.hws', 'zjg.cgj.zfdd']);
  });

  it('HND-5 a sub-unit is reviewed by its parent unit; a member unit by its center', () => {
    expect(parentUnitWithinCenter(org, 'zjg.cgj.hws')?.id).toBe('zjg.cgj');
    expect(parentUnitWithinCenter(org, 'ys.xm')?.id).toBe('ys.jdb');
    expect(parentUnitWithinCenter(org, 'zjg.cgj')).toBeUndefined();
    expect(parentUnitWithinCenter(org, 'fh.xz')).toBeUndefined();
    expect(parentUnitWithinCenter(org, 'fh')).toBeUndefined();
  });
});
