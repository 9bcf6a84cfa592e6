import type { Finding } from '../../engine/findings.js';
import { formatFinding } from '../../engine/findings.js';
import { lintMessage, type MessageLang } from '../../engine/lint/lintMessages.js';

/** Where the CLI writes: process streams in production, buffers in tests. */
export interface CliIo {
  out(text: string): void;
  err(text: string): void;
}

let pipeGuarded = false;

/** `tongguan compile … | head` closes stdout early: stop writing quietly instead of crashing on EPIPE. */
function guardPipe(): void {
  if (pipeGuarded) return;
  pipeGuarded = true;
  process.stdout.on('error', (e: NodeJS.ErrnoException) => {
    if (e.code !== 'EPIPE') throw e;
  });
}

export const processIo: CliIo = {
  out: (text) => { guardPipe(); process.stdout.write(text); },
  err: (text) => { process.stderr.write(text); },
};

/** Exit codes CI can branch on. */
export const ExitCodes = {
  /** No errors (and, with --strict, no warnings). */
  clean: 0,
  /** Errors were found (or warnings, with --strict). */
  findings: 1,
  /** Bad usage, or a package that could not be read. */
  usage: 2,
} as const;

export interface Summary {
  readonly errors: number;
  readonly warnings: number;
  readonly infos: number;
}

export function summarise(findings: readonly Finding[]): Summary {
  const count = (s: Finding['severity']) => findings.filter((f) => f.severity === s).length;
  return { errors: count('error'), warnings: count('warning'), infos: count('info') };
}

export function exitCodeFor(summary: Summary, strict: boolean): number {
  return summary.errors > 0 || (strict && summary.warnings > 0) ? ExitCodes.findings : ExitCodes.clean;
}

const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;

export function summaryLine(summary: Summary, lang: MessageLang = 'en-US'): string {
  if (lang === 'zh-CN') return `${summary.errors} 个错误，${summary.warnings} 个警告，${summary.infos} 条提示`;
  return `${plural(summary.errors, 'error')}, ${plural(summary.warnings, 'warning')}, ${plural(summary.infos, 'info')}`;
}

/** The verdict after the summary: ` — clean` / ` — failed`, or in Chinese. */
export function verdict(ok: boolean, lang: MessageLang = 'en-US'): string {
  if (lang === 'zh-CN') return ok ? ' — 通过' : ' — 未通过';
  return ok ? ' — clean' : ' — failed';
}

/** One line per finding: `ERROR LINT_X linkage/flows/general.json#/transitions/3: message`, worded in `lang`. */
export function findingLines(findings: readonly Finding[], lang: MessageLang = 'en-US'): string {
  return findings.map((f) => `${formatFinding({ ...f, message: lintMessage(f, lang) })}\n`).join('');
}

/**
 * The language of finding messages: `--lang`, else TONGGUAN_LANG or LANG (`zh…` is Chinese);
 * English by default.
 */
export function cliLang(option: string | undefined, env: Readonly<Record<string, string | undefined>> = process.env): MessageLang {
  const v = option ?? env.TONGGUAN_LANG ?? env.LANG ?? '';
  return /^zh/i.test(v) ? 'zh-CN' : 'en-US';
}

export function json(value: unknown): string {
  return `${JSON.stringify(value, null, 2)}\n`;
}
