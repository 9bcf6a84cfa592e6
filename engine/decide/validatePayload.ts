import { Ajv, type ValidateFunction } from 'ajv';
import type { ButtonType } from '../../definitions/schemas/index.js';
import { Refusal } from './Refusal.js';

// Dialog schemas carry UI hints (format: department, enumNames …): validate structure, ignore those.
const ajv = new Ajv({ allErrors: false, strict: false, validateFormats: false });
const cache = new Map<string, ValidateFunction>();

/** Checks a button's dialog input: opinion when required, then the dialog's JSON Schema. */
export function validatePayload(button: ButtonType, opinion: string | undefined, payload: Record<string, unknown>): void {
  if (button.dialog?.opinion === 'required' && !(opinion && opinion.trim())) {
    throw new Refusal('ENG_OPINION_REQUIRED', { button: button.name });
  }
  const schema = button.dialog?.schema;
  if (!schema) return;
  let validate = cache.get(button.id);
  if (!validate) {
    validate = ajv.compile(schema);
    cache.set(button.id, validate);
  }
  if (!validate(payload)) {
    const e = validate.errors?.[0];
    const missing = (e?.params as { missingProperty?: string } | undefined)?.missingProperty;
    throw new Refusal('ENG_INVALID_PAYLOAD', {
      pointer: `${e?.instancePath ?? ''}${missing ? `/${missing}` : ''}` || '/',
      reason: e?.message ?? 'invalid',
    });
  }
}
