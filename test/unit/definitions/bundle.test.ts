import { describe, expect, it } from 'vitest';
import { createBundle, formatFinding, lintBundle, type PackageSource } from '../../../engine/index.js';
import { builtInPackagesDir, readPackageWithDependencies } from '../../../runtime/definitions/readPackage.js';

async function builtIn(): Promise<PackageSource[]> {
  return readPackageWithDependencies(`${builtInPackagesDir}/hotline-12345`);
}

function withFile(sources: PackageSource[], pkg: string, path: string, edit: (data: unknown) => unknown): PackageSource[] {
  return sources.map((s) => {
    if ((s.manifest as { name: string }).name !== pkg) return s;
    return { ...s, files: s.files.map((f) => (f.path === path ? { ...f, data: edit(structuredClone(f.data)) } : f)) };
  });
}

describe('definition bundles (DESIGN principle 1 and 2)', () => {
  it('the built-in packages validate into one content-hashed bundle', async () => {
    const { bundle, findings } = createBundle(await builtIn());
    expect(findings.filter((f) => f.severity === 'error').map(formatFinding)).toEqual([]);
    expect(bundle?.hash).toMatch(/^[0-9a-f]{64}$/);
    expect(bundle?.packages.map((p) => p.name)).toEqual(['calendar-cn', 'demo-org', 'hotline-12345', 'linkage']);
    // item-domain links of the hotline package join the linkage items
    expect(bundle?.defs.item['item.bllj']?.domains.map((d) => d.domain)).toContain('linkage');
    expect(Object.values(bundle!.defs.item).some((i) => i.domains.some((d) => d.domain === 'hotline-12345'))).toBe(true);
  });

  it('the hash depends on content, not on key order or file order', async () => {
    const sources = await builtIn();
    const reordered = sources.map((s) => ({ ...s, files: [...s.files].reverse() }));
    const shuffledKeys = withFile(sources, 'linkage', 'domains.json', (d) => (d as Record<string, unknown>[]).map((o) => Object.fromEntries(Object.entries(o).reverse())));
    const changed = withFile(sources, 'linkage', 'domains.json', (d) => (d as { name: string }[]).map((o) => ({ ...o, name: `${o.name}2` })));
    const hash = createBundle(sources).bundle?.hash;
    expect(createBundle(reordered).bundle?.hash).toBe(hash);
    expect(createBundle(shuffledKeys).bundle?.hash).toBe(hash);
    expect(createBundle(changed).bundle?.hash).not.toBe(hash);
  });

  it('a bad definition is reported with file, JSON pointer and plain words, and no bundle is made', async () => {
    const broken = withFile(await builtIn(), 'linkage', 'items.json', (d) => {
      const items = d as Record<string, unknown>[];
      items[3] = { ...items[3], code: '12345', colour: 'red' };
      delete items[5]!.name;
      return items;
    });
    const { bundle, findings } = createBundle(broken);
    expect(bundle).toBeUndefined();
    const lines = findings.map(formatFinding);
    expect(lines).toContain('ERROR ENG_SCHEMA linkage/items.json#/3/code: does not have the expected format (Ten digits, e.g. 2000000001.)');
    expect(lines).toContain('ERROR ENG_SCHEMA linkage/items.json#/3: has an unknown property "colour"');
    expect(lines).toContain('ERROR ENG_SCHEMA linkage/items.json#/5: is missing the required property "name"');
  });

  it('duplicate ids, broken JSON and missing dependencies are findings, never exceptions', async () => {
    const sources = await builtIn();
    const dup = withFile(sources, 'linkage', 'domains.json', (d) => [...(d as unknown[]), (d as unknown[])[0]]);
    expect(createBundle(dup).findings.map((f) => f.code)).toContain('ENG_DUPLICATE_ID');
    const syntax = sources.map((s) => (s.manifest as { name: string }).name === 'linkage'
      ? { ...s, files: [...s.files, { path: 'views.json', parseError: 'Unexpected token } in JSON at position 10' }] } : s);
    expect(createBundle(syntax).findings.map(formatFinding)).toContain('ERROR ENG_JSON_SYNTAX linkage/views.json#: Unexpected token } in JSON at position 10');
    const alone = sources.filter((s) => (s.manifest as { name: string }).name === 'linkage');
    const missing = createBundle(alone).findings.filter((f) => f.code === 'ENG_MISSING_PACKAGE');
    expect(missing.map((f) => f.pointer)).toEqual(['/dependsOn/0', '/dependsOn/1']);
  });

  it('findings about a merged item-domain link point into the link file, not the item', async () => {
    const broken = withFile(await builtIn(), 'hotline-12345', 'item-domain-links.json', (d) => {
      const links = d as { overallLimit?: string }[];
      links[0]!.overallLimit = 'tl.nope';
      return links;
    });
    const { bundle } = createBundle(broken);
    const unknown = lintBundle(bundle!).filter((f) => f.code === 'LINT_UNKNOWN_REFERENCE');
    expect(unknown.map((f) => `${f.file}#${f.pointer}`)).toEqual(['hotline-12345/item-domain-links.json#/0/overallLimit']);
  });
});
