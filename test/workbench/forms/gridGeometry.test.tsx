import { describe, expect, it } from 'vitest';
import grids from '../../../definitions/packages/demo-org/grids.json';
import departments from '../../../definitions/packages/demo-org/departments.json';
import { resolveGridOf, type GridShape } from '../../../designer/workbench/src/forms/widgets/gridGeometry';
import { gridsWithin, isWithin, regionsOf } from '../../../designer/workbench/src/forms/widgets/orgTree';
import type { OrgDepartment } from '../../../designer/shared/catalogue/CatalogueContext';

const shapes = grids as unknown as GridShape[];
const org = departments.map((d) => ({ id: d.id, name: d.name, parent: (d as { parent?: string }).parent ?? null, kind: d.kind, level: d.level, regionCode: (d as { regionCode?: string }).regionCode })) as unknown as OrgDepartment[];

describe('ACC-1 grid from the event\u2019s location and the pickers\u2019 scope (demo organisation)', () => {
  it('the map point\u2019s polygon wins; else the longest keyword in the address; else none', () => {
    expect(resolveGridOf(shapes, { lng: 120.567, lat: 31.872 }, '东桥路 1 号')?.id).toBe('g.ys.dq.02');
    expect(resolveGridOf(shapes, undefined, '东桥路 88 号')?.id).toBe('g.ys.dq.01');
    expect(resolveGridOf(shapes, { lng: 0, lat: 0 }, '凤凰村村委会旁')?.id).toBe('g.fh.fh.01');
    expect(resolveGridOf(shapes, undefined, '火星路')).toBeUndefined();
    expect(resolveGridOf(shapes, { lng: 120.567 }, '')).toBeUndefined();
  });

  it('regions with a code at and below a center; grids of its communities', () => {
    expect(regionsOf(org, 'zjg').map((d) => d.regionCode)).toEqual(['320582']);
    expect(regionsOf(org, 'sz').map((d) => d.regionCode).sort()).toEqual(['320500', '320582']);
    // a town center without a code of its own registers under the county's code
    expect(regionsOf(org, 'ys').map((d) => d.regionCode)).toEqual(['320582']);
    expect(isWithin(org, 'ys.xm', 'ys')).toBe(true);
    expect(isWithin(org, 'ys.xm', 'fh')).toBe(false);
    const inYs = gridsWithin(org, shapes, 'ys').map((g) => g.id);
    expect(inYs).toHaveLength(6);
    expect(inYs.every((id) => id.startsWith('g.ys.'))).toBe(true);
    expect(gridsWithin(org, shapes, null)).toHaveLength(12);
  });
});
