/** A finding of validation or lint: data, never thrown (rjsf's `errors` habit). */
export interface Finding {
  readonly code: string;
  readonly severity: 'error' | 'warning' | 'info';
  /** Package-relative file, e.g. `linkage/items.json`. */
  readonly file?: string;
  /** RFC 6901 JSON pointer inside the file. */
  readonly pointer: string;
  readonly message: string;
  readonly params?: Readonly<Record<string, unknown>>;
}

export function hasErrors(findings: readonly Finding[]): boolean {
  return findings.some((f) => f.severity === 'error');
}

export function escapePointerToken(token: string | number): string {
  return String(token).replace(/~/g, '~0').replace(/\//g, '~1');
}

export function pointer(...tokens: (string | number)[]): string {
  return tokens.map((t) => '/' + escapePointerToken(t)).join('');
}

export function formatFinding(f: Finding): string {
  const where = f.file ? `${f.file}#${f.pointer}` : f.pointer || '/';
  return `${f.severity.toUpperCase()} ${f.code} ${where}: ${f.message}`;
}
