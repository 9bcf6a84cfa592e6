import { describe, expect, it } from 'vitest';
import type { Department } from '../../../definitions/schemas/organisation.js';
import {
  buildOrgIndex,
  departmentPath,
  departmentPathName,
  inferDepartmentShape,
  planDepartmentPath,
  planDepartmentPaths,
  splitDepartmentPath,
  type NewDepartmentDraft,
} from '../../../engine/org/index.js';
import { demoDefinitions, demoOrg, demoWith } from './demoOrg.js';

const ids = (list: readonly { id: string }[]) => list.map((d) => d.id);

/** A deterministic id generator, as the importer would pass one. */
function counter(prefix = 'new') {
  let n = 0;
  const drafts: NewDepartmentDraft[] = [];
  return {
    drafts,
    newId: (draft: NewDepartmentDraft) => {
      drafts.push(draft);
      n += 1;
      return `${prefix}.${n}`;
    },
  };
}

describe('department paths (ORG-3)', () => {
  const org = demoOrg();

  it('ORG-3 full path names are joined by "-" from the root', () => {
    expect(departmentPathName(org, 'fh.xz')).toBe('江苏省-苏州市-张家港市-凤凰镇-西张社区');
    expect(departmentPathName(org, 'zjg.cgj.hws')).toBe('江苏省-苏州市-张家港市-张家港市城市管理局-环境卫生管理所');
    expect(departmentPathName(org, 'ys.xm')).toBe('江苏省-苏州市-张家港市-杨舍镇-杨舍镇街道办-西门社区');
    expect(departmentPathName(org, 'js')).toBe('江苏省');
    expect(departmentPathName(org, 'nope')).toBe('');
    expect(ids(departmentPath(org, 'fh.xz'))).toEqual(['js', 'sz', 'zjg', 'fh', 'fh.xz']);
  });

  it('ORG-3 every demo department round-trips through its path name', () => {
    const gen = counter();
    for (const d of demoDefinitions.departments) {
      const plan = planDepartmentPath(org, departmentPathName(org, d.id), gen);
      expect(plan, d.id).toMatchObject({ ok: true, targetId: d.id, toCreate: [] });
    }
    expect(gen.drafts).toEqual([]);
  });

  it('ORG-3 splitDepartmentPath trims segments and keeps empty ones for reporting', () => {
    expect(splitDepartmentPath('江苏省 - 苏州市-张家港市')).toEqual(['江苏省', '苏州市', '张家港市']);
    expect(splitDepartmentPath('江苏省--苏州市')).toEqual(['江苏省', '', '苏州市']);
    expect(splitDepartmentPath('江苏省－苏州市')).toEqual(['江苏省', '苏州市']);
    expect(splitDepartmentPath('  ')).toEqual([]);
  });

  it('ORG-3 planning a path creates only the missing tail', () => {
    const gen = counter();
    const plan = planDepartmentPath(org, '江苏省-苏州市-张家港市-凤凰镇-新庄村-新庄村三组', gen);
    expect(plan.ok).toBe(true);
    expect(ids(plan.existing)).toEqual(['js', 'sz', 'zjg', 'fh']);
    expect(plan.toCreate).toEqual<Department[]>([
      { id: 'new.1', name: '新庄村', parent: 'fh', level: 'village', kind: 'community', independent: false, enabled: true },
      { id: 'new.2', name: '新庄村三组', parent: 'new.1', level: 'village', kind: 'unit', independent: false, enabled: true },
    ]);
    expect(plan.targetId).toBe('new.2');
    expect(gen.drafts[0]).toMatchObject({ name: '新庄村', parentId: 'fh', pathNames: ['江苏省', '苏州市', '张家港市', '凤凰镇', '新庄村'] });
    // Pure: the index is untouched.
    expect(org.departments.has('new.1')).toBe(false);
  });

  it('ORG-3 the planned departments build into a clean index with the right path name', () => {
    const plan = planDepartmentPath(org, '江苏省-苏州市-张家港市-锦丰镇-锦丰镇城管中队', counter('jf'));
    expect(plan.toCreate.map((d) => [d.name, d.kind, d.level])).toEqual([
      ['锦丰镇', 'region', 'town'],
      ['锦丰镇城管中队', 'unit', 'town'],
    ]);
    const { org: grown, findings } = buildOrgIndex(demoWith({ departments: [...plan.toCreate] }));
    expect(findings).toEqual([]);
    expect(departmentPathName(grown, plan.targetId!)).toBe('江苏省-苏州市-张家港市-锦丰镇-锦丰镇城管中队');
  });

  it('ORG-3 rows sharing a missing department plan it once', () => {
    const batch = planDepartmentPaths(org, [
      '江苏省-苏州市-张家港市-凤凰镇-新庄村',
      '江苏省-苏州市-张家港市-凤凰镇-新庄村',
      '江苏省-苏州市-张家港市-凤凰镇-西张社区',
    ], counter());
    expect(batch.ok).toBe(true);
    expect(ids(batch.toCreate)).toEqual(['new.1']);
    expect(batch.plans.map((p) => p.targetId)).toEqual(['new.1', 'new.1', 'fh.xz']);
  });

  it('ORG-3 a new root is planned with a warning', () => {
    const plan = planDepartmentPath(org, '浙江省-杭州市', counter());
    expect(plan.ok).toBe(true);
    expect(plan.findings.map((f) => f.code)).toEqual(['ORG_PATH_NEW_ROOT']);
    expect(plan.toCreate.map((d) => [d.name, d.level, d.kind, d.parent])).toEqual([
      ['浙江省', 'province', 'region', undefined],
      ['杭州市', 'city', 'region', 'new.1'],
    ]);
  });

  it('ORG-3 empty paths, empty segments, ambiguous names and taken ids are errors', () => {
    expect(planDepartmentPath(org, '', counter()).findings.map((f) => f.code)).toEqual(['ORG_PATH_EMPTY']);
    const gap = planDepartmentPath(org, '江苏省--凤凰镇', counter());
    expect(gap).toMatchObject({ ok: false, targetId: undefined });
    expect(gap.findings.map((f) => [f.code, f.pointer])).toEqual([['ORG_PATH_EMPTY_SEGMENT', '/segments/1']]);

    const twin: Department = { id: 'fh.xz2', name: '西张社区', parent: 'fh', level: 'village', kind: 'community', independent: false, enabled: true };
    const { org: twins } = buildOrgIndex(demoWith({ departments: [twin] }));
    const ambiguous = planDepartmentPath(twins, '江苏省-苏州市-张家港市-凤凰镇-西张社区', counter());
    expect(ambiguous.ok).toBe(false);
    expect(ambiguous.findings.map((f) => [f.code, f.pointer])).toEqual([['ORG_PATH_AMBIGUOUS', '/segments/4']]);

    const taken = planDepartmentPath(org, '江苏省-苏州市-张家港市-凤凰镇-新庄村', { newId: () => 'fh.xz' });
    expect(taken.ok).toBe(false);
    expect(taken.findings.map((f) => f.code)).toEqual(['ORG_PATH_ID_TAKEN']);
  });

  it('ORG-3 a failed row shares nothing with later rows', () => {
    let n = 0;
    const batch = planDepartmentPaths(org, ['江苏省-苏州市-张家港市-凤凰镇-新庄村-x', '江苏省-苏州市-张家港市-凤凰镇-新庄村'], {
      newId: () => (++n === 2 ? 'fh' : `n${n}`),
    });
    expect(batch.plans.map((p) => p.ok)).toEqual([false, true]);
    expect(batch.toCreate.map((d) => [d.id, d.name])).toEqual([['n3', '新庄村']]);
    expect(batch.ok).toBe(false);
  });

  it('ORG-3 a disabled department on the path is used but flagged', () => {
    const fh = demoDefinitions.departments.find((d) => d.id === 'fh.am')!;
    const { org: off } = buildOrgIndex(demoWith({ departments: [{ ...fh, enabled: false }] }));
    const plan = planDepartmentPath(off, '江苏省-苏州市-张家港市-凤凰镇-安庆村', counter());
    expect(plan).toMatchObject({ ok: true, targetId: 'fh.am' });
    expect(plan.findings.map((f) => f.code)).toEqual(['ORG_PATH_DISABLED']);
  });

  it('ORG-3 new departments are classified from their name and parent', () => {
    const dept = (id: string, level: Department['level'], kind: Department['kind']): Department =>
      ({ id, name: id, level, kind, independent: false, enabled: true });
    const city = dept('c', 'city', 'region');
    const county = dept('k', 'county', 'region');
    const unit = dept('u', 'county', 'unit');
    expect(inferDepartmentShape('江苏省', undefined)).toEqual({ level: 'province', kind: 'region' });
    expect(inferDepartmentShape('张家港市', city)).toEqual({ level: 'county', kind: 'region' });
    expect(inferDepartmentShape('姑苏区', city)).toEqual({ level: 'county', kind: 'region' });
    expect(inferDepartmentShape('杨舍镇', county)).toEqual({ level: 'town', kind: 'region' });
    expect(inferDepartmentShape('南丰街道', county)).toEqual({ level: 'town', kind: 'region' });
    expect(inferDepartmentShape('杨舍镇街道办', county)).toEqual({ level: 'county', kind: 'unit' });
    expect(inferDepartmentShape('苏州市城市管理局', city)).toEqual({ level: 'city', kind: 'unit' });
    expect(inferDepartmentShape('东桥社区', unit)).toEqual({ level: 'village', kind: 'community' });
    expect(inferDepartmentShape('执法一中队', unit)).toEqual({ level: 'county', kind: 'unit' });
    expect(inferDepartmentShape('某某镇', unit)).toEqual({ level: 'county', kind: 'unit' });
  });

  it('ORG-3 a caller may classify new departments itself', () => {
    const plan = planDepartmentPath(org, '江苏省-苏州市-张家港市-张家港市城厢镇', {
      newId: () => 'zjg.cx',
      classify: (_name, parent) => ({ level: parent!.level, kind: 'unit' }),
    });
    expect(plan.toCreate).toMatchObject([{ id: 'zjg.cx', level: 'county', kind: 'unit', parent: 'zjg' }]);
  });
});
