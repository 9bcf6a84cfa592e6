/** A named date of a workday calendar (a holiday or a make-up working day). */
export interface CalendarDate {
  date: string;
  name: string;
  nameEn?: string;
}

/** Why a cell of an imported row was refused. */
export type CellProblem = 'date' | 'tooLong';

/** A refused cell: 1-based row and column (1 date, 2 name, 3 English name) and its text. */
export interface CellError {
  row: number;
  column: number;
  problem: CellProblem;
  value: string;
}

export interface ParsedDates {
  dates: CalendarDate[];
  /** 1-based line numbers of lines skipped for an error (headers are skipped silently). */
  bad: number[];
  /** What is wrong with the skipped lines, cell by cell. */
  errors: CellError[];
}

/** The longest name a calendar date takes (the schema's `maxLength`). */
export const MAX_NAME = 200;

const pad = (n: number) => String(n).padStart(2, '0');

/** 2027-01-01, 2027/1/1, 2027.1.1, 20270101 → 2027-01-01 (undefined when not a real date). */
export function normaliseDate(text: string): string | undefined {
  const m = /^(\d{4})[-/.年]?(\d{1,2})[-/.月]?(\d{1,2})日?$/.exec(text.trim());
  if (!m) return undefined;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const probe = new Date(Date.UTC(y, mo - 1, d));
  if (probe.getUTCFullYear() !== y || probe.getUTCMonth() !== mo - 1 || probe.getUTCDate() !== d) return undefined;
  return `${y}-${pad(mo)}-${pad(d)}`;
}

/** Rows of cells (a pasted list, a csv, a worksheet): date, name, optional English name. */
export function parseRows(rows: string[][], defaultName: string): ParsedDates {
  const dates = new Map<string, CalendarDate>();
  const errors: CellError[] = [];
  rows.forEach((cells, i) => {
    const [first = '', name = '', nameEn = ''] = cells.map((c) => c.trim());
    if (!first && !name) return;
    const row = i + 1;
    const date = normaliseDate(first);
    // a header row names its columns instead of holding a date
    if (!date && i === 0 && !/\d{4}/.test(first)) return;
    const found: CellError[] = [
      ...(date ? [] : [{ row, column: 1, problem: 'date' as const, value: first }]),
      ...(name.length > MAX_NAME ? [{ row, column: 2, problem: 'tooLong' as const, value: name }] : []),
      ...(nameEn.length > MAX_NAME ? [{ row, column: 3, problem: 'tooLong' as const, value: nameEn }] : []),
    ];
    if (found.length > 0 || !date) {
      errors.push(...found);
      return;
    }
    dates.set(date, { date, name: name || defaultName, ...(nameEn ? { nameEn } : {}) });
  });
  return { dates: [...dates.values()].sort((a, b) => a.date.localeCompare(b.date)), bad: [...new Set(errors.map((e) => e.row))], errors };
}

/** Splits pasted text or a csv file into cells: by comma, tab or (between date and name) spaces. */
export function parseText(text: string, defaultName: string): ParsedDates {
  const rows = text.split(/\r?\n/).map((line) => {
    const trimmed = line.trim();
    if (/[,\t，]/.test(trimmed)) return trimmed.split(/[,\t，]/).map((c) => c.replace(/^"|"$/g, ''));
    const [date = '', ...rest] = trimmed.split(/\s+/);
    const en = rest.findIndex((w) => /^[A-Za-z]/.test(w));
    return en > 0 ? [date, rest.slice(0, en).join(' '), rest.slice(en).join(' ')] : [date, rest.join(' ')];
  });
  return parseRows(rows, defaultName);
}

/** Merges imported dates: the years the import covers are replaced (when `replaceYears`), other dates kept. */
export function mergeDates(current: readonly CalendarDate[], imported: readonly CalendarDate[], replaceYears: boolean): CalendarDate[] {
  const years = new Set(imported.map((d) => d.date.slice(0, 4)));
  const byDate = new Map(current.filter((d) => !(replaceYears && years.has(d.date.slice(0, 4)))).map((d) => [d.date, d]));
  for (const d of imported) byDate.set(d.date, d);
  return [...byDate.values()].sort((a, b) => a.date.localeCompare(b.date));
}
