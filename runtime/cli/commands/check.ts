import { join } from 'node:path';
import { compileBundle } from '../../../engine/compile/compileBundle.js';
import { builtInPackagesDir } from '../../definitions/readPackage.js';
import { loadPackage } from '../loadPackage.js';
import { ExitCodes, findingLines, summarise, summaryLine, type CliIo } from '../output.js';

/** The built-in packages `start` serves; hotline-12345 depends on linkage, which depends on the rest. */
export const builtInPackages = ['linkage', 'hotline-12345'] as const;

/**
 * `tongguan check`: validates, lints and compiles the built-in packages and prints a short summary.
 * Exit 0 when every package is free of errors.
 */
export async function checkCommand(io: CliIo): Promise<number> {
  let code: number = ExitCodes.clean;
  for (const name of builtInPackages) {
    const loaded = await loadPackage(join(builtInPackagesDir, name));
    const summary = summarise(loaded.findings);
    let status = summaryLine(summary);
    if (loaded.bundle) {
      try {
        const cb = compileBundle(loaded.bundle);
        const { defs } = loaded.bundle;
        status = `bundle ${loaded.bundle.hash.slice(0, 12)} · ${Object.keys(cb.flows).length} flows · ${Object.keys(defs.item).length} items · ${Object.keys(defs.view).length} views · ${status}`;
      } catch (e) {
        status = `not compiled (${(e as Error).message}) · ${status}`;
        code = ExitCodes.findings;
      }
    }
    if (summary.errors > 0) {
      code = ExitCodes.findings;
      io.out(findingLines(loaded.findings.filter((f) => f.severity === 'error')));
    }
    io.out(`${name}: ${status}\n`);
  }
  io.out(code === ExitCodes.clean ? 'Built-in definitions are valid, lint-clean and compiled.\n' : 'Built-in definitions have errors (above).\n');
  return code;
}
