import { Ajv, type ValidateFunction } from 'ajv';
import addFormatsModule from 'ajv-formats';
import type { Bundle } from '../definitions/bundleTypes.js';
import { mergeForm, ticketFormId } from './mergeForm.js';

const addFormats = ((addFormatsModule as unknown as { default?: unknown }).default ?? addFormatsModule) as (a: Ajv) => Ajv;
const ajv = addFormats(new Ajv({ allErrors: true, strict: false }));
const cache = new Map<string, ValidateFunction>();

export interface FieldError {
  /** JSON pointer of the field, e.g. `/dangerousGoodsDescription`. */
  readonly pointer: string;
  readonly message: string;
}

/** Validates a ticket's form data against the merged form of its item and domain (ACC-1, DEF-14). */
export function validateTicketFields(bundle: Bundle, domain: string, item: string, fields: Readonly<Record<string, unknown>>): FieldError[] {
  const formId = ticketFormId(bundle, domain, item);
  if (!formId) return [{ pointer: '', message: `no form for item ${item} in domain ${domain}` }];
  const key = `${bundle.hash}|${formId}`;
  let validate = cache.get(key);
  if (!validate) {
    validate = ajv.compile(mergeForm(bundle, formId).schema);
    cache.set(key, validate);
  }
  if (validate(fields)) return [];
  return (validate.errors ?? [])
    .filter((e) => e.keyword !== 'if')
    .map((e) => {
      const missing = (e.params as { missingProperty?: string }).missingProperty;
      return { pointer: `${e.instancePath}${missing ? `/${missing}` : ''}`, message: e.message ?? e.keyword };
    });
}
