import { Ajv, type ErrorObject, type ValidateFunction } from 'ajv';
import addFormatsModule from 'ajv-formats';
import type { TSchema } from '@sinclair/typebox';
import { definitionKinds } from '../../definitions/schemas/index.js';
import { ManifestSchema } from '../../definitions/schemas/manifest.js';
import type { Finding } from '../findings.js';

// ajv-formats ships CommonJS; under ESM interop its default export may be nested.
const addFormats = ((addFormatsModule as unknown as { default?: unknown }).default ?? addFormatsModule) as (a: Ajv) => Ajv;

function createAjv(): Ajv {
  const ajv = new Ajv({ allErrors: true, verbose: true, strict: true, strictTypes: false, strictTuples: false, useDefaults: false });
  addFormats(ajv);
  ajv.addKeyword({ keyword: 'x-ref', schemaType: 'string' });
  return ajv;
}

const ajv = createAjv();
const validators = new Map<string, ValidateFunction>();

function validatorFor(kind: string, schema: TSchema): ValidateFunction {
  let v = validators.get(kind);
  if (!v) {
    v = ajv.compile(schema);
    validators.set(kind, v);
  }
  return v;
}

const schemaByKind = new Map<string, TSchema>([
  ...definitionKinds.map((k) => [k.kind, k.schema] as [string, TSchema]),
  ['manifest', ManifestSchema],
]);

export function schemaOf(kind: string): TSchema | undefined {
  return schemaByKind.get(kind);
}

function plainWords(e: ErrorObject): string {
  const p = e.params as Record<string, unknown>;
  switch (e.keyword) {
    case 'required': return `is missing the required property "${String(p.missingProperty)}"`;
    case 'additionalProperties': return `has an unknown property "${String(p.additionalProperty)}"`;
    case 'enum': return `must be one of: ${(p.allowedValues as unknown[]).map(String).join(', ')}`;
    case 'type': return `must be of type ${String(p.type)}`;
    case 'pattern': {
      const description = (e.parentSchema as { description?: string } | undefined)?.description;
      return `does not have the expected format${description ? ` (${description})` : ` ${String(p.pattern)}`}`;
    }
    case 'minItems': return `must have at least ${String(p.limit)} entries`;
    case 'minLength': return p.limit === 1 ? 'must not be empty' : `must have at least ${String(p.limit)} characters`;
    case 'maxLength': return `must have at most ${String(p.limit)} characters`;
    case 'minimum': case 'exclusiveMinimum': return `must be ${e.keyword === 'minimum' ? '≥' : '>'} ${String(p.limit)}`;
    case 'uniqueItems': return `has duplicate entries (${String(p.j)} and ${String(p.i)})`;
    case 'const': return `must be ${JSON.stringify(p.allowedValue)}`;
    case 'format': return `must be a valid ${String(p.format)}`;
    default: return e.message ?? e.keyword;
  }
}

/** Keeps the most specific errors: drops union summaries when a branch already explains the problem. */
function mostSpecific(errors: ErrorObject[]): ErrorObject[] {
  const concrete = errors.filter((e) => e.keyword !== 'anyOf' && e.keyword !== 'oneOf' && e.keyword !== 'if');
  const pool = concrete.length > 0 ? concrete : errors;
  const seen = new Set<string>();
  return pool.filter((e) => {
    const key = `${e.instancePath}|${e.keyword}|${JSON.stringify(e.params)}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

/** Validates one definition against its kind's schema; errors name the file and JSON pointer. */
export function validateDefinition(kind: string, value: unknown, file: string, basePointer: string): Finding[] {
  const schema = schemaByKind.get(kind);
  if (!schema) {
    return [{ code: 'ENG_UNKNOWN_KIND', severity: 'error', file, pointer: basePointer, message: `unknown definition kind "${kind}"` }];
  }
  const validate = validatorFor(kind, schema);
  if (validate(value)) return [];
  return mostSpecific(validate.errors ?? []).map((e) => {
    const ptr = basePointer + e.instancePath;
    return {
      code: 'ENG_SCHEMA',
      severity: 'error' as const,
      file,
      pointer: ptr,
      message: plainWords(e),
      params: { keyword: e.keyword, ...e.params },
    };
  });
}
