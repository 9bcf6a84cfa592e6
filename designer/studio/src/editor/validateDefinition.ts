import Ajv, { type ErrorObject, type ValidateFunction } from 'ajv';
import addFormats from 'ajv-formats';
import localizeZh from 'ajv-i18n/localize/zh';
import type { Json } from '../definitionsApi';

const compiled = new Map<string, ValidateFunction>();

function validatorOf(kind: string, schema: Json): ValidateFunction {
  let v = compiled.get(kind);
  if (!v) {
    // one Ajv per kind: kinds share nested schema ids (urn:tongguan:condition)
    const ajv = new Ajv({ allErrors: true, strict: false });
    addFormats(ajv);
    v = ajv.compile(schema);
    compiled.set(kind, v);
  }
  return v;
}

export interface SchemaError {
  pointer: string;
  message: string;
}

function pointerOf(e: ErrorObject): string {
  const missing = (e.params as { missingProperty?: string }).missingProperty;
  const extra = (e.params as { additionalProperty?: string }).additionalProperty;
  return e.instancePath + (missing ? `/${missing}` : extra ? `/${extra}` : '');
}

/** Checks a definition against its kind's JSON Schema (the same one the server checks), messages in the UI language. */
export function validateDefinition(kind: string, schema: Json, data: unknown, lang: 'zh-CN' | 'en-US'): SchemaError[] {
  const validate = validatorOf(kind, schema);
  if (validate(data)) return [];
  const errors = [...(validate.errors ?? [])];
  if (lang === 'zh-CN') localizeZh(errors);
  // anyOf branches repeat the same complaint for each alternative: keep one per pointer and text
  const seen = new Set<string>();
  return errors
    .filter((e) => e.keyword !== 'if')
    .map((e) => {
      const extra = (e.params as { additionalProperty?: string }).additionalProperty;
      return { pointer: pointerOf(e), message: extra ? `${e.message ?? ''}: ${extra}` : e.message ?? e.keyword };
    })
    .filter((e) => !seen.has(`${e.pointer} ${e.message}`) && seen.add(`${e.pointer} ${e.message}`));
}
