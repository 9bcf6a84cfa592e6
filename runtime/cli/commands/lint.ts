import { loadPackage, packageList } from '../loadPackage.js';
import { cliLang, exitCodeFor, findingLines, json, summarise, summaryLine, verdict, type CliIo } from '../output.js';

export interface LintOptions {
  readonly json?: boolean;
  readonly strict?: boolean;
  /** zh-CN or en-US (default: TONGGUAN_LANG or LANG, else English). */
  readonly lang?: string;
}

/**
 * `tongguan lint <dir>`: validates a package and its dependencies against the schemas, builds the
 * bundle and lints it. Exit 0 clean, 1 errors (or warnings with --strict); unreadable packages
 * throw PackageReadError (exit 2, handled by main).
 */
export async function lintCommand(dir: string, options: LintOptions, io: CliIo): Promise<number> {
  const loaded = await loadPackage(dir);
  const summary = summarise(loaded.findings);
  const code = exitCodeFor(summary, options.strict === true);
  if (options.json) {
    io.out(json({
      package: loaded.name,
      packages: loaded.bundle?.packages.map((p) => ({ name: p.name, version: p.version })) ?? [],
      hash: loaded.bundle?.hash ?? null,
      ok: code === 0,
      summary,
      findings: loaded.findings,
    }));
    return code;
  }
  const lang = cliLang(options.lang);
  io.out(findingLines(loaded.findings, lang));
  const noBundle = lang === 'zh-CN' ? '（未生成定义包：有结构错误）' : ' (no bundle: schema errors)';
  const scope = loaded.bundle ? ` (${packageList(loaded.bundle)})` : noBundle;
  io.out(`${loaded.name}${scope}: ${summaryLine(summary, lang)}${verdict(code === 0, lang)}${options.strict ? ' [strict]' : ''}\n`);
  return code;
}
