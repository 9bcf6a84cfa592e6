import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { main } from '../../../runtime/cli/main.js';

export const repoRoot = join(dirname(fileURLToPath(import.meta.url)), '../../..');
export const fixture = (name: string) => join(repoRoot, 'test/fixtures/lint', name);
export const builtIn = (name: string) => join(repoRoot, 'definitions/packages', name);

/** Runs the CLI in-process and captures what it writes. */
export async function run(...argv: string[]): Promise<{ code: number; out: string; err: string }> {
  let out = '';
  let err = '';
  const code = await main(argv, { out: (s) => { out += s; }, err: (s) => { err += s; } });
  return { code, out, err };
}
