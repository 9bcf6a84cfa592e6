import type { Knex } from '@mikro-orm/knex';

/** A piece of SQL with its `?` bindings, combined before it reaches knex (`whereRaw`, `orderByRaw`). */
export interface Sql {
  readonly sql: string;
  readonly bindings: readonly Knex.Value[];
}

export function sql(text: string, bindings: readonly Knex.Value[] = []): Sql {
  return { sql: text, bindings };
}

export const TRUE = sql('1 = 1');
export const FALSE = sql('1 = 0');

function join(parts: readonly Sql[], glue: string): Sql {
  return { sql: parts.map((p) => `(${p.sql})`).join(glue), bindings: parts.flatMap((p) => p.bindings) };
}

export function and(parts: readonly Sql[]): Sql {
  const kept = parts.filter((p) => p !== TRUE);
  if (kept.includes(FALSE)) return FALSE;
  return kept.length === 0 ? TRUE : kept.length === 1 ? kept[0]! : join(kept, ' and ');
}

export function or(parts: readonly Sql[]): Sql {
  const kept = parts.filter((p) => p !== FALSE);
  if (kept.includes(TRUE)) return TRUE;
  return kept.length === 0 ? FALSE : kept.length === 1 ? kept[0]! : join(kept, ' or ');
}

/** Negation that treats SQL NULL (unknown) as false first, so `not` means what `!` means in the engine. */
export function not(part: Sql): Sql {
  if (part === TRUE) return FALSE;
  if (part === FALSE) return TRUE;
  return { sql: `not coalesce((${part.sql}), 0)`, bindings: part.bindings };
}

/** `?, ?, ?` for a list of values. */
export function placeholders(values: readonly unknown[]): string {
  return values.map(() => '?').join(', ');
}

/** A LIKE pattern for "contains", escaped with `!` (the same escape character works on SQLite and MariaDB). */
export function containsPattern(text: string): string {
  return `%${text.replace(/[!%_]/g, (c) => `!${c}`)}%`;
}
