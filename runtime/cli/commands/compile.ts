import { compileBundle, type CompiledBundle } from '../../../engine/compile/compileBundle.js';
import { describeFlow, flowText } from '../describeFlow.js';
import { loadPackage, packageList } from '../loadPackage.js';
import { ExitCodes, exitCodeFor, findingLines, json, summarise, summaryLine, type CliIo } from '../output.js';

export interface CompileOptions {
  readonly json?: boolean;
  readonly strict?: boolean;
}

/**
 * `tongguan compile <dir>`: builds and lints the bundle, compiles it into machines and rule sets,
 * and prints the bundle hash, the packages, per flow its states (with status text, value and
 * handler), transitions and rule count, then the lint errors and warnings. Exit codes as `lint`.
 */
export async function compileCommand(dir: string, options: CompileOptions, io: CliIo): Promise<number> {
  const loaded = await loadPackage(dir);
  const shown = loaded.findings.filter((f) => f.severity !== 'info');
  const summary = summarise(loaded.findings);
  let code = exitCodeFor(summary, options.strict === true);
  let compiled: CompiledBundle | undefined;
  let failure: string | undefined;
  if (loaded.bundle) {
    try {
      compiled = compileBundle(loaded.bundle);
    } catch (e) {
      failure = `the bundle could not be compiled: ${(e as Error).message}`;
      code = ExitCodes.findings;
    }
  }
  const flows = compiled ? Object.values(compiled.bundle.defs.flow).map((f) => describeFlow(compiled, f)) : [];
  if (options.json) {
    io.out(json({
      package: loaded.name,
      hash: loaded.bundle?.hash ?? null,
      packages: loaded.bundle?.packages.map((p) => ({ name: p.name, version: p.version })) ?? [],
      ok: code === 0,
      ...(failure ? { failure } : {}),
      flows,
      summary,
      findings: shown,
    }));
    return code;
  }
  if (loaded.bundle) {
    io.out(`bundle ${loaded.bundle.hash}\npackages: ${packageList(loaded.bundle)}\n\n`);
  }
  for (const f of flows) io.out(`${flowText(f)}\n`);
  if (failure) io.out(`ERROR ${failure}\n`);
  io.out(findingLines(shown));
  io.out(`${loaded.name}: ${compiled ? `${flows.length} flows compiled` : 'not compiled'}; lint ${summaryLine(summary)}${code === 0 ? ' — clean' : ' — failed'}\n`);
  return code;
}
