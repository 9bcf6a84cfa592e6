import { describe, expect, it } from 'vitest';
import { byId, directories, duplicates, forms, items, limits } from './support/linkageData.js';

/**
 * The `linkage` package's catalogue (DEF-2, DEF-3): directories and the items filed under them,
 * with their codes, texts, domains, time limits and personalised forms.
 */

describe('DEF-2 catalogue directories', () => {
  const top = directories.filter((d) => d.parent === undefined);
  const second = directories.filter((d) => d.parent !== undefined);

  it('has at least 8 top-level directories with second-level directories under them', () => {
    expect(top.length).toBeGreaterThanOrEqual(8);
    expect(top.map((d) => d.name)).toEqual(
      expect.arrayContaining(['市容环境', '环境保护', '交通运输', '市政设施', '住房建设', '水务管理', '市场监管']),
    );
    expect(second.length).toBeGreaterThanOrEqual(8);
    const srhj = directories.find((d) => d.id === 'dir.srhj');
    expect(srhj?.name).toBe('市容环境');
    expect(second.filter((d) => d.parent === 'dir.srhj').map((d) => d.name)).toEqual(
      expect.arrayContaining(['环境卫生', '市容秩序']),
    );
  });

  it('parents resolve to top-level directories; every directory has a version and a description', () => {
    const ids = new Set(top.map((d) => d.id));
    expect(second.filter((d) => !ids.has(d.parent ?? ''))).toEqual([]);
    for (const d of directories) {
      expect(d.version, d.id).toBe('2024版');
      expect(d.description?.length ?? 0, d.id).toBeGreaterThan(0);
    }
  });

  it('an enabled item is never filed under a disabled directory', () => {
    const dirs = byId(directories);
    const bad = items.filter((i) => i.enabled && !dirs.get(i.directory)?.enabled);
    expect(bad.map((i) => i.id)).toEqual([]);
  });
});

describe('DEF-3 items', () => {
  const dirs = byId(directories);
  const overall = byId(limits);

  it('has at least 40 items with unique 10-digit codes and names', () => {
    expect(items.length).toBeGreaterThanOrEqual(40);
    expect(duplicates(items.map((i) => i.code))).toEqual([]);
    expect(duplicates(items.map((i) => i.name))).toEqual([]);
    for (const i of items) expect(i.code, i.id).toMatch(/^\d{10}$/);
  });

  it('codes are grouped by directory: 20 + top-level index + second-level index + sequence', () => {
    const top = directories.filter((d) => d.parent === undefined).map((d) => d.id);
    for (const i of items) {
      const dir = dirs.get(i.directory);
      expect(dir, i.id).toBeDefined();
      const topId = dir?.parent ?? dir?.id ?? '';
      const topIndex = top.indexOf(topId);
      const subIndex = directories.filter((d) => d.parent === topId).findIndex((d) => d.id === i.directory);
      expect(i.code.slice(0, 6), i.id).toBe(`20${String(topIndex).padStart(2, '0')}${String(subIndex).padStart(2, '0')}`);
    }
  });

  it('every item carries a region, description, legal basis and handling standard', () => {
    for (const i of items) {
      expect(['苏州市', '张家港市'], i.id).toContain(i.region);
      expect(i.description?.length ?? 0, i.id).toBeGreaterThan(10);
      expect(i.legalBasis ?? '', i.id).toMatch(/《[^》]+》/);
      expect(i.handlingStandard ?? '', i.id).toMatch(/1\. .+2\. /);
    }
  });

  it('exactly two items are disabled', () => {
    expect(items.filter((i) => !i.enabled).length).toBe(2);
  });

  it('every item joins the linkage domain with an enabled overall time limit', () => {
    for (const i of items) {
      expect(i.domains.map((d) => d.domain), i.id).toEqual(['linkage']);
      const limit = overall.get(i.domains[0]?.overallLimit ?? '');
      expect(limit?.type, i.id).toBe('overall');
      expect(limit?.enabled, i.id).toBe(true);
    }
  });

  it('personalised forms resolve to forms extending the default form', () => {
    const allForms = byId(forms);
    for (const i of items.filter((x) => x.form !== undefined)) {
      expect(allForms.get(i.form ?? '')?.extends, i.id).toBe('form.default');
    }
  });

  it('暴露垃圾 is item.bllj 2000000001 with form.bllj and the 1-natural-day limit', () => {
    const bllj = items.find((i) => i.id === 'item.bllj');
    expect(bllj).toMatchObject({
      code: '2000000001',
      name: '暴露垃圾',
      directory: 'dir.srhj.hjws',
      enabled: true,
      form: 'form.bllj',
      domains: [{ domain: 'linkage', overallLimit: 'tl.overall.1nd' }],
    });
  });
});
