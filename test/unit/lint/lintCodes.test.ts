import { beforeAll, describe, expect, it } from 'vitest';
import type { Bundle } from '../../../engine/definitions/bundleTypes.js';
import type { Finding } from '../../../engine/findings.js';
import { lintBundle, lintCodes } from '../../../engine/lint/index.js';
import { definitionCases } from './definitionCases.js';
import { flowCases } from './flowCases.js';
import { builtInBundle, copyOf, whereOf } from './lintSupport.js';

const cases = [...flowCases, ...definitionCases];
const key = (f: Finding) => `${f.code} ${whereOf(f)}`;

let linkage: Bundle;
let baseline: Set<string>;

beforeAll(async () => {
  linkage = await builtInBundle('linkage');
  baseline = new Set(lintBundle(linkage).map(key));
});

describe('lint code catalogue (STYLE-4: one catalogue per layer, checked by a test)', () => {
  it('every code is LINT_*, has a severity and a one-line description', () => {
    for (const [code, spec] of Object.entries(lintCodes)) {
      expect(code).toMatch(/^LINT_[A-Z_]+$/);
      expect(['error', 'warning', 'info']).toContain(spec.severity);
      expect(spec.description).toMatch(/^\S.*[.)]$/);
      expect(spec.description).not.toContain('\n');
    }
  });

  it('every code has exactly one negative fixture, and every fixture names a catalogued code', () => {
    const covered = cases.map((c) => c.code);
    expect([...covered].sort()).toEqual(Object.keys(lintCodes).sort());
  });
});

describe('negative fixtures: each broken copy of linkage yields its code at the expected pointer', () => {
  it.each(cases.map((c) => [c.code, c.title, c] as const))('%s — %s', (code, _title, c) => {
    const broken = copyOf(linkage);
    const expected = c.breakIt(broken);
    const findings = lintBundle(broken as unknown as Bundle);
    const fresh = findings.filter((f) => !baseline.has(key(f)));
    expect(fresh.filter((f) => f.code === code).map(whereOf)).toEqual([expected]);
    expect(fresh.find((f) => f.code === code)?.severity).toBe(lintCodes[code].severity);
    const unexpected = fresh.filter((f) => f.code !== code && !(c.also ?? []).includes(f.code)).map(key);
    expect(unexpected).toEqual([]);
  });
});
