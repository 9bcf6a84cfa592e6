import { describe, expect, it } from 'vitest';
import type { Grid } from '../../../definitions/schemas/organisation.js';
import {
  buildOrgIndex,
  communitiesWithin,
  communityOf,
  gridsOf,
  isCommunity,
  pointInPolygon,
  resolveGrid,
} from '../../../engine/org/index.js';
import { demoDefinitions, demoOrg, demoWith } from './demoOrg.js';

const ids = (list: readonly { id: string }[]) => list.map((d) => d.id);

/** The centre of a demo grid's rectangle. */
function centreOf(grid: Grid): [number, number] {
  const ring = grid.geometry!.coordinates[0]!;
  const lngs = ring.map((p) => p[0]);
  const lats = ring.map((p) => p[1]);
  return [(Math.min(...lngs) + Math.max(...lngs)) / 2, (Math.min(...lats) + Math.max(...lats)) / 2];
}

describe('communities and grids (ORG-4)', () => {
  const org = demoOrg();

  it('ORG-4 every community has at least two grids and the grids of a community are listed', () => {
    for (const community of communitiesWithin(org, 'js')) {
      expect(gridsOf(org, community.id).length, community.id).toBeGreaterThanOrEqual(2);
    }
    expect(ids(gridsOf(org, 'fh.xz'))).toEqual(['g.fh.xz.01', 'g.fh.xz.02']);
    expect(gridsOf(org, 'fh.cgzd')).toEqual([]);
  });

  it('ORG-1 towns have communities; communityOf finds the community at or above a department', () => {
    expect(isCommunity(org, 'fh.xz')).toBe(true);
    expect(isCommunity(org, 'fh')).toBe(false);
    expect(ids(communitiesWithin(org, 'fh'))).toEqual(['fh.xz', 'fh.fh', 'fh.am']);
    expect(ids(communitiesWithin(org, 'ys'))).toEqual(['ys.dq', 'ys.hq', 'ys.xm']);
    expect(communityOf(org, 'ys.xm')?.id).toBe('ys.xm');
    expect(communityOf(org, 'ys.jdb')).toBeUndefined();
  });

  it('ORG-4 the demo grids do not overlap: each grid centre resolves to that grid alone', () => {
    for (const grid of demoDefinitions.grids) {
      const hit = resolveGrid(org, { point: centreOf(grid) });
      expect(hit?.grid.id).toBe(grid.id);
      expect(ids(hit?.candidates ?? [])).toEqual([grid.id]);
    }
  });
});

describe('resolveGrid (ORG-4)', () => {
  const org = demoOrg();

  it('ORG-4 a map point resolves to the grid whose polygon contains it', () => {
    const hit = resolveGrid(org, { point: [120.6415, 31.7615] });
    expect(hit).toMatchObject({ grid: { id: 'g.fh.xz.01', community: 'fh.xz' }, by: 'point' });
  });

  it('ORG-4 an address resolves by keyword when there is no point', () => {
    const hit = resolveGrid(org, { address: '张家港市凤凰镇凤凰大道 88 号' });
    expect(hit).toMatchObject({ grid: { id: 'g.fh.fh.01' }, by: 'keyword', keyword: '凤凰大道' });
  });

  it('ORG-4 the point wins over the address', () => {
    const hit = resolveGrid(org, { point: [120.5615, 31.8715], address: '凤凰镇凤凰大道' });
    expect(hit).toMatchObject({ grid: { id: 'g.ys.dq.01' }, by: 'point' });
  });

  it('ORG-4 a point outside every grid falls back to the address', () => {
    const hit = resolveGrid(org, { point: [121.0, 31.0], address: '杨舍镇河东路12号' });
    expect(hit).toMatchObject({ grid: { id: 'g.ys.hq.01' }, by: 'keyword' });
  });

  it('ORG-4 the longest keyword the address contains wins', () => {
    // '西张' (g.fh.xz.02) and '西张老街' (g.fh.xz.01) both occur; the longer one is more specific.
    expect(resolveGrid(org, { address: '凤凰镇西张老街5号' })?.grid.id).toBe('g.fh.xz.01');
    expect(resolveGrid(org, { address: '凤凰镇西张菜场门口' })?.grid.id).toBe('g.fh.xz.02');
  });

  it('ORG-4 the longest keyword wins whatever the definition order', () => {
    const grid = (id: string, keywords: string[]): Grid => ({ id, name: id, community: 'fh.am', keywords, enabled: true });
    const { org: own } = buildOrgIndex({
      departments: demoDefinitions.departments,
      grids: [grid('generic', ['人民路']), grid('specific', ['人民路东段', '人民']), grid('other', ['人民'])],
    });
    expect(resolveGrid(own, { address: '杨舍镇人民路东段9号' })).toMatchObject({ grid: { id: 'specific' }, keyword: '人民路东段' });
    expect(resolveGrid(own, { address: '杨舍镇人民路西段' })).toMatchObject({ grid: { id: 'generic' }, keyword: '人民路' });
    const tie = resolveGrid(own, { address: '人民广场' });
    expect(tie?.candidates.map((g) => g.id)).toEqual(['specific', 'other']);
  });

  it('ORG-4 nothing matches: undefined, the acceptor picks the grid by hand', () => {
    expect(resolveGrid(org, { address: '南京市鼓楼区中山路' })).toBeUndefined();
    expect(resolveGrid(org, { point: [121.0, 31.0] })).toBeUndefined();
    expect(resolveGrid(org, {})).toBeUndefined();
    expect(resolveGrid(org, { address: '   ' })).toBeUndefined();
  });

  it('ORG-4 equally good keyword matches are all returned as candidates', () => {
    const extra: Grid = { id: 'g.fh.am.03', name: '安庆村第3网格', community: 'fh.am', keywords: ['凤凰大道'], enabled: true };
    const { org: twice } = buildOrgIndex(demoWith({ grids: [extra] }));
    const hit = resolveGrid(twice, { address: '凤凰大道1号' });
    expect(hit?.grid.id).toBe('g.fh.fh.01');
    expect(ids(hit?.candidates ?? [])).toEqual(['g.fh.fh.01', 'g.fh.am.03']);
  });

  it('ORG-4 disabled grids are skipped and `within` limits the search to a department', () => {
    const g = demoDefinitions.grids.find((x) => x.id === 'g.fh.fh.01')!;
    const { org: off } = buildOrgIndex(demoWith({ grids: [{ ...g, enabled: false }] }));
    expect(resolveGrid(off, { address: '凤凰大道' })).toBeUndefined();
    expect(resolveGrid(org, { address: '凤凰大道', within: 'ys' })).toBeUndefined();
    expect(resolveGrid(org, { address: '凤凰大道', within: 'fh' })?.grid.id).toBe('g.fh.fh.01');
    expect(resolveGrid(org, { address: '凤凰大道', within: 'zjg' })?.grid.id).toBe('g.fh.fh.01');
  });
});

describe('pointInPolygon', () => {
  const square = {
    type: 'Polygon' as const,
    coordinates: [
      [[0, 0], [10, 0], [10, 10], [0, 10], [0, 0]] as [number, number][],
      [[4, 4], [6, 4], [6, 6], [4, 6], [4, 4]] as [number, number][],
    ],
  };

  it('ORG-4 inside the outline and outside holes', () => {
    expect(pointInPolygon([1, 1], square)).toBe(true);
    expect(pointInPolygon([5, 5], square)).toBe(false); // in the hole
    expect(pointInPolygon([11, 5], square)).toBe(false);
    expect(pointInPolygon([-1, -1], square)).toBe(false);
  });

  it('ORG-4 concave outlines', () => {
    const l = { type: 'Polygon' as const, coordinates: [[[0, 0], [4, 0], [4, 1], [1, 1], [1, 4], [0, 4], [0, 0]] as [number, number][]] };
    expect(pointInPolygon([0.5, 3], l)).toBe(true);
    expect(pointInPolygon([3, 3], l)).toBe(false);
  });
});
