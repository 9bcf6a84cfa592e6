import { beforeAll, describe, expect, it } from 'vitest';
import type { Bundle } from '../../../engine/definitions/bundleTypes.js';
import type { Finding } from '../../../engine/findings.js';
import { lintBundle, lintCodes } from '../../../engine/lint/index.js';
import { lintMessage, lintMessages } from '../../../engine/lint/lintMessages.js';
import { OrgFindingCodes } from '../../../engine/org/orgFinding.js';
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
    // the finding carries parameters the catalogue words in both languages, the English one being its message
    for (const f of fresh.filter((x) => x.code === code)) {
      expect(f.params).toBeDefined();
      expect(lintMessage(f, 'en-US')).toBe(f.message);
      const zh = lintMessage(f, 'zh-CN');
      expect(zh).not.toBe(f.message);
      expect(zh).toMatch(/[\u4e00-\u9fff]/);
      expect(zh).not.toMatch(/\{\w+\}/);
    }
  });
});

describe('lint messages (a stable code plus parameters, worded in zh-CN and en-US)', () => {
  const lintTemplates = (code: string) => {
    const entry = (lintMessages as Record<string, unknown>)[code] as Record<string, unknown> | undefined;
    if (!entry) return [];
    return ('en-US' in entry ? [entry] : Object.values(entry)) as { 'en-US': string; 'zh-CN': string }[];
  };
  const names = (t: string) => [...t.matchAll(/\{(\w+)→?\}/g)].map((x) => x[1]).sort();

  it('every lint code and every organisation code lint surfaces has wordings with the same parameters in both languages', () => {
    const surfaced = Object.keys(OrgFindingCodes).filter((c) => !c.startsWith('ORG_PATH_'));
    for (const code of [...Object.keys(lintCodes), ...surfaced]) {
      const templates = lintTemplates(code);
      expect(templates.length, code).toBeGreaterThan(0);
      for (const t of templates) {
        expect(names(t['zh-CN']), code).toEqual(names(t['en-US']));
        expect(t['zh-CN'], code).toMatch(/[\u4e00-\u9fff]/);
      }
    }
  });

  it('words a finding in the asked language, translating kinds and scopes, and falls back to the message', () => {
    const f = { code: 'LINT_FLOW_SCOPE_MISMATCH', message: 'x', params: { variant: 'item', id: 'item.a', flow: 'flow.t', expectedScope: 'task', actualScope: 'ticket' } };
    expect(lintMessage(f, 'en-US')).toBe('the personalised flow "flow.t" of item "item.a" must be a task flow, but it drives a ticket');
    expect(lintMessage(f, 'zh-CN')).toBe('事项“item.a”的个性化流程“flow.t”应为部门任务流程，但它驱动的是工单');
    expect(lintMessage({ code: 'LINT_UNKNOWN_REFERENCE', message: 'kept', params: { kind: 'domain' } }, 'zh-CN')).toBe('kept');
    expect(lintMessage({ code: 'NOT_A_CODE', message: 'kept' }, 'zh-CN')).toBe('kept');
    expect(lintMessage({ code: 'LINT_FORM_EXTENDS_CYCLE', message: '', params: { form: 'a', cycle: ['a', 'b', 'a'] } }, 'zh-CN')).toBe('表单“a”通过 “a” → “b” → “a” 继承了自己');
  });

  it('the organisation findings of a broken copy of linkage are worded in Chinese too', () => {
    const broken = copyOf(linkage);
    const users = broken.defs.user as Record<string, { department: string; roles: string[] }>;
    const first = Object.values(users)[0]!;
    first.department = 'no.such.department';
    const org = lintBundle(broken as unknown as Bundle).filter((f) => f.code === 'ORG_UNKNOWN_REF');
    expect(org.length).toBeGreaterThan(0);
    for (const f of org) {
      expect(lintMessage(f, 'zh-CN')).toMatch(/^用户“.+”所属的部门“no\.such\.department”不存在$/);
      expect(lintMessage(f, 'en-US')).toBe(f.message);
    }
  });
});
