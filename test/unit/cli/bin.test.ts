import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { repoRoot } from './cliSupport.js';

const exec = promisify(execFile);

async function tongguan(...args: string[]): Promise<{ code: number; stdout: string }> {
  try {
    const { stdout } = await exec(process.execPath, ['bin/tongguan.mjs', ...args], { cwd: repoRoot });
    return { code: 0, stdout };
  } catch (e) {
    const failed = e as { code?: number; stdout?: string };
    return { code: failed.code ?? -1, stdout: failed.stdout ?? '' };
  }
}

describe('bin/tongguan.mjs (a real process, as CI runs it)', () => {
  it('`lint definitions/packages/linkage` exits 0', async () => {
    const { code, stdout } = await tongguan('lint', 'definitions/packages/linkage');
    expect(stdout).toMatch(/^linkage .*: 0 errors, .* — clean$/m);
    expect(code).toBe(0);
  });

  it('`lint` of a broken fixture exits 1', async () => {
    const { code, stdout } = await tongguan('lint', 'test/fixtures/lint/dispatch-unknown-department');
    expect(stdout).toMatch(/^ERROR LINT_DISPATCH_UNKNOWN_DEPARTMENT /m);
    expect(code).toBe(1);
  });
});
