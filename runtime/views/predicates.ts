import type { ViewClause } from '../../definitions/schemas/index.js';
import type { FieldRef } from './fieldRef.js';
import type { JsonSql } from './jsonSql.js';
import { and, containsPattern, FALSE, not, or, placeholders, sql, TRUE, type Sql } from './sqlFragment.js';

const PRESENT = ['string', 'number', 'true', 'false', 'object', 'array'] as const;

function columnAccepts(type: string, value: unknown): boolean {
  return (type === 'string' && typeof value === 'string') || (type === 'number' && typeof value === 'number' && Number.isFinite(value));
}

/**
 * Field predicates in SQL with the engine's JavaScript semantics (engine/views/matchesTab.ts):
 * strict equality by type, `!==` true for missing values, `exists` meaning neither undefined nor null.
 */
export class Predicates {
  constructor(private readonly json: JsonSql) {}

  /** `value === given` */
  equals(ref: FieldRef, given: unknown): Sql {
    // only the JSON tells an explicit null from a missing value
    if (given === null) return this.json.typeIs(ref.json, ['null']);
    if (typeof given === 'boolean') {
      if (ref.kind === 'column') return ref.type === 'boolean' ? sql(`${ref.column} = ?`, [given ? 1 : 0]) : FALSE;
      return this.json.typeIs(ref.json, [given ? 'true' : 'false']);
    }
    if (typeof given === 'string' || (typeof given === 'number' && Number.isFinite(given))) {
      if (ref.kind === 'column') return columnAccepts(ref.type, given) ? sql(`${ref.column} = ?`, [given]) : FALSE;
      const scalar = this.json.scalar(ref.json);
      return and([this.json.typeIs(ref.json, [typeof given === 'string' ? 'string' : 'number']), sql(`${scalar.sql} = ?`, [...scalar.bindings, given])]);
    }
    return FALSE;
  }

  /** `Array.isArray(values) && values.includes(value)` */
  oneOf(ref: FieldRef, values: unknown): Sql {
    if (!Array.isArray(values)) return FALSE;
    if (ref.kind !== 'column') return or(values.map((v) => this.equals(ref, v)));
    const listed = values.filter((v): v is string | number => columnAccepts(ref.type, v));
    const rest = values.filter((v) => !columnAccepts(ref.type, v));
    const inList = listed.length === 0 ? FALSE : sql(`${ref.column} in (${placeholders(listed)})`, listed);
    return or([inList, ...rest.map((v) => this.equals(ref, v))]);
  }

  /** `value !== undefined && value !== null` */
  present(ref: FieldRef): Sql {
    return ref.kind === 'column' ? sql(`${ref.column} is not null`) : this.json.typeIs(ref.json, PRESENT);
  }

  /** `typeof value === 'number' && value > given` (or `<`, `>=`, `<=`) */
  compare(ref: FieldRef, op: '>' | '<' | '>=' | '<=', given: unknown): Sql {
    if (typeof given !== 'number' || !Number.isFinite(given)) return FALSE;
    if (ref.kind === 'column') return ref.type === 'number' ? sql(`${ref.column} ${op} ?`, [given]) : FALSE;
    const scalar = this.json.scalar(ref.json);
    return and([this.json.typeIs(ref.json, ['number']), sql(`${scalar.sql} ${op} ?`, [...scalar.bindings, given])]);
  }

  /** A view's `where` clause. */
  clause(ref: FieldRef, c: ViewClause): Sql {
    switch (c.op) {
      case 'eq': return this.equals(ref, c.value);
      case 'ne': return not(this.equals(ref, c.value));
      case 'in': return this.oneOf(ref, c.value);
      case 'notIn': return not(this.oneOf(ref, c.value));
      case 'exists': return this.present(ref);
      case 'notExists': return not(this.present(ref));
      case 'gt': return this.compare(ref, '>', c.value);
      case 'lt': return this.compare(ref, '<', c.value);
    }
  }

  /** Text filter: the string value contains the text. */
  contains(ref: FieldRef, text: string): Sql {
    const pattern = containsPattern(text);
    if (ref.kind === 'column') return ref.type === 'string' ? sql(`${ref.column} like ? escape '!'`, [pattern]) : FALSE;
    const scalar = this.json.scalar(ref.json);
    return and([this.json.typeIs(ref.json, ['string']), sql(`${scalar.sql} like ? escape '!'`, [...scalar.bindings, pattern])]);
  }

  /** Select filter: a query-string value equals the field, read as the field's type. */
  selected(ref: FieldRef, raw: string): Sql {
    const asBoolean = raw === 'true' || raw === '1' ? true : raw === 'false' || raw === '0' ? false : undefined;
    const asNumber = raw.trim() !== '' && Number.isFinite(Number(raw)) ? Number(raw) : undefined;
    if (ref.kind === 'column') {
      if (ref.type === 'boolean') return asBoolean === undefined ? FALSE : this.equals(ref, asBoolean);
      if (ref.type === 'number') return asNumber === undefined ? FALSE : this.equals(ref, asNumber);
      return this.equals(ref, raw);
    }
    const options: Sql[] = [this.equals(ref, raw)];
    if (asBoolean !== undefined && (raw === 'true' || raw === 'false')) options.push(this.equals(ref, asBoolean));
    if (asNumber !== undefined) options.push(this.equals(ref, asNumber));
    return or(options);
  }

  /** Date range filter: from ≤ value ≤ to (epoch ms), either end open. */
  between(ref: FieldRef, from: number | undefined, to: number | undefined): Sql {
    return and([
      from === undefined ? TRUE : this.compare(ref, '>=', from),
      to === undefined ? TRUE : this.compare(ref, '<=', to),
    ]);
  }
}
