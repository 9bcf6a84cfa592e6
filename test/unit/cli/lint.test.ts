import { describe, expect, it } from 'vitest';
import { cliLang } from '../../../runtime/cli/output.js';
import { builtIn, fixture, run } from './cliSupport.js';

describe('tongguan lint <dir>', () => {
  it('exits 0 for the built-in linkage package and prints a summary', async () => {
    const { code, out } = await run('lint', builtIn('linkage'));
    expect(code).toBe(0);
    expect(out).not.toMatch(/^ERROR /m);
    expect(out).toMatch(/^linkage \(calendar-cn@1\.0\.0, demo-org@0\.1\.0, linkage@1\.0\.0\): 0 errors, \d+ warnings?, \d+ infos? — clean$/m);
  });

  it('exits 0 for hotline-12345 (which depends on linkage)', async () => {
    const { code, out } = await run('lint', builtIn('hotline-12345'));
    expect(code).toBe(0);
    expect(out).toMatch(/hotline-12345@1\.0\.0, linkage@1\.0\.0\): 0 errors/);
  });

  it('exits 1 on lint errors and prints them as `SEVERITY CODE file#pointer: message`', async () => {
    const { code, out } = await run('lint', fixture('dispatch-unknown-department'));
    expect(code).toBe(1);
    expect(out).toMatch(/^ERROR LINT_DISPATCH_UNKNOWN_DEPARTMENT dispatch-unknown-department\/items\.json#\/0\/dispatch\/0\/assignment\/main: .*"zjg\.nope"/m);
    expect(out).toMatch(/1 error, .* — failed$/m);
  });

  it('--lang zh-CN words the findings in Chinese (same code, file and pointer); the language defaults from TONGGUAN_LANG or LANG', async () => {
    const { code, out } = await run('lint', fixture('dispatch-unknown-department'), '--lang', 'zh-CN');
    expect(code).toBe(1);
    expect(out).toMatch(/^ERROR LINT_DISPATCH_UNKNOWN_DEPARTMENT dispatch-unknown-department\/items\.json#\/0\/dispatch\/0\/assignment\/main: 事项“.+”：分拨配置的部门“zjg\.nope”不存在$/m);
    expect(out).toMatch(/: 1 个错误，\d+ 个警告，\d+ 条提示 — 未通过$/m);
    expect(cliLang(undefined, { LANG: 'zh_CN.UTF-8' })).toBe('zh-CN');
    expect(cliLang(undefined, { TONGGUAN_LANG: 'en-US', LANG: 'zh_CN.UTF-8' })).toBe('en-US');
    expect(cliLang(undefined, { LANG: 'C.UTF-8' })).toBe('en-US');
    expect(cliLang('zh-CN', {})).toBe('zh-CN');
  });

  it('exits 0 on warnings only, 1 with --strict', async () => {
    const lax = await run('lint', fixture('item-in-no-domain'));
    expect(lax.code).toBe(0);
    expect(lax.out).toMatch(/^WARNING LINT_ITEM_IN_NO_DOMAIN item-in-no-domain\/items\.json#\/0\/domains: /m);
    const strict = await run('lint', fixture('item-in-no-domain'), '--strict');
    expect(strict.code).toBe(1);
    expect(strict.out).toMatch(/— failed \[strict\]$/m);
  });

  it('exits 1 on schema errors (no bundle is built, so lint does not run)', async () => {
    const { code, out } = await run('lint', fixture('eng-schema'));
    expect(code).toBe(1);
    expect(out).toMatch(/^ERROR ENG_SCHEMA eng-schema\/items\.json#\/0\/code: /m);
  });

  it('--json prints the findings and summary as JSON', async () => {
    const { code, out } = await run('lint', fixture('dispatch-unknown-department'), '--json');
    expect(code).toBe(1);
    const report = JSON.parse(out) as { ok: boolean; package: string; summary: { errors: number }; findings: { code: string; file: string; pointer: string }[] };
    expect(report.ok).toBe(false);
    expect(report.package).toBe('dispatch-unknown-department');
    expect(report.summary.errors).toBe(1);
    expect(report.findings).toContainEqual(expect.objectContaining({
      code: 'LINT_DISPATCH_UNKNOWN_DEPARTMENT', severity: 'error', file: 'dispatch-unknown-department/items.json', pointer: '/0/dispatch/0/assignment/main',
    }));
  });

  it('exits 2 when the folder is not a package', async () => {
    const { code, err } = await run('lint', fixture('does-not-exist'));
    expect(code).toBe(2);
    expect(err).toMatch(/is not a definition package/);
  });
});

describe('usage', () => {
  it('exits 2 on a missing argument, an unknown command or no command', async () => {
    expect((await run('lint')).code).toBe(2);
    expect((await run('frobnicate')).code).toBe(2);
    expect((await run()).code).toBe(2);
    expect((await run('lint', '--bogus', builtIn('linkage'))).code).toBe(2);
  });

  it('exits 0 for --help', async () => {
    const { code, out } = await run('--help');
    expect(code).toBe(0);
    expect(out).toMatch(/lint \[options\] <dir>/);
    expect(out).toMatch(/compile \[options\] <dir>/);
  });
});
