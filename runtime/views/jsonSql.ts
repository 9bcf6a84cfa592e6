import type { Knex } from '@mikro-orm/knex';
import { sql, type Sql } from './sqlFragment.js';

export type Dialect = 'sqlite' | 'mariadb';

/** The JSON types the engine's comparisons tell apart (`typeof`, `=== true`, `=== null`). */
export type JsonKind = 'string' | 'number' | 'true' | 'false' | 'null' | 'object' | 'array';

/** A value inside a JSON column: `column` is a qualified, trusted identifier; `path` a JSON path bound as a parameter. */
export interface JsonRef {
  readonly column: string;
  readonly path: string;
}

/**
 * The SQL dialect helper for JSON `state` columns: SQLite's json_type/json_extract/json_each and
 * MariaDB's JSON_TYPE/JSON_EXTRACT/JSON_VALUE/JSON_CONTAINS behind one shape. A missing key and a
 * SQL NULL document (an outer join without a match) both read as "no value".
 */
export interface JsonSql {
  readonly dialect: Dialect;
  /** True when the value at the path has one of these JSON types. */
  typeIs(ref: JsonRef, kinds: readonly JsonKind[]): Sql;
  /** The scalar at the path, for comparing with a bound string or number. */
  scalar(ref: JsonRef): Sql;
  /** True when the value at the path is an array holding this string. */
  arrayHolds(ref: JsonRef, value: string): Sql;
}

const SQLITE_TYPES: Record<JsonKind, string[]> = {
  string: ['text'], number: ['integer', 'real'], true: ['true'], false: ['false'], null: ['null'], object: ['object'], array: ['array'],
};

const MARIADB_TYPES: Record<JsonKind, string[]> = {
  string: ['STRING'], number: ['INTEGER', 'DOUBLE', 'DECIMAL'], true: ['BOOLEAN'], false: ['BOOLEAN'], null: ['NULL'], object: ['OBJECT'], array: ['ARRAY'],
};

const quoted = (values: readonly string[]) => values.map((v) => `'${v}'`).join(', ');

const sqlite: JsonSql = {
  dialect: 'sqlite',
  typeIs(ref, kinds) {
    return sql(`json_type(${ref.column}, ?) in (${quoted(kinds.flatMap((k) => SQLITE_TYPES[k]))})`, [ref.path]);
  },
  scalar(ref) {
    return sql(`json_extract(${ref.column}, ?)`, [ref.path]);
  },
  arrayHolds(ref, value) {
    return sql(
      `(json_type(${ref.column}, ?) = 'array' and exists (select 1 from json_each(${ref.column}, ?) as je where je.type = 'text' and je.value = ?))`,
      [ref.path, ref.path, value],
    );
  },
};

const mariadb: JsonSql = {
  dialect: 'mariadb',
  typeIs(ref, kinds) {
    const type = `JSON_TYPE(JSON_EXTRACT(${ref.column}, ?))`;
    const isBoolean = (k: JsonKind) => k === 'true' || k === 'false';
    // with both booleans the type alone decides; with one, the value is checked too
    const exact: JsonKind[] = kinds.filter(isBoolean).length === 1 ? kinds.filter(isBoolean) : [];
    const types = [...new Set(kinds.filter((k) => !exact.includes(k)).flatMap((k) => MARIADB_TYPES[k]))];
    const parts: string[] = [];
    const bindings: Knex.Value[] = [];
    if (types.length > 0) {
      parts.push(`${type} in (${quoted(types)})`);
      bindings.push(ref.path);
    }
    // JSON_EXTRACT(...) = 'true' also holds for the string "true": the type check tells them apart
    for (const b of exact) {
      parts.push(`(${type} = 'BOOLEAN' and JSON_EXTRACT(${ref.column}, ?) = '${b}')`);
      bindings.push(ref.path, ref.path);
    }
    return sql(parts.length === 0 ? '1 = 0' : `(${parts.join(' or ')})`, bindings);
  },
  scalar(ref) {
    return sql(`JSON_VALUE(${ref.column}, ?)`, [ref.path]);
  },
  arrayHolds(ref, value) {
    return sql(
      `(JSON_TYPE(JSON_EXTRACT(${ref.column}, ?)) = 'ARRAY' and JSON_CONTAINS(JSON_EXTRACT(${ref.column}, ?), JSON_QUOTE(?)))`,
      [ref.path, ref.path, value],
    );
  },
};

export function jsonSql(dialect: Dialect): JsonSql {
  return dialect === 'sqlite' ? sqlite : mariadb;
}

const IDENTIFIER = /^[A-Za-z_$][A-Za-z0-9_$]*$/;

/** A JSON path for dotted field segments; odd keys are quoted, so any key is safe (the path is bound, never spliced). */
export function jsonPath(segments: readonly string[]): string {
  return '$' + segments.map((s) => (IDENTIFIER.test(s) ? `.${s}` : /^\d+$/.test(s) ? `[${s}]` : `."${s.replace(/["\\]/g, (c) => `\\${c}`)}"`)).join('');
}
