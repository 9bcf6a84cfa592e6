import type { RJSFSchema, RJSFValidationError, ValidatorType } from '@rjsf/utils';
import type { ButtonType } from '../../../../definitions/schemas/button';
import { prepareSchema } from '../forms/prepareSchema';
import { cleanFields } from './buildRequest';
import type { RegistrationForm } from './registrationForm';
import { emptyErrors } from './serverErrors';
import type { DraftErrors, ErrorTree, TicketDraft } from './ticketDraft';

export interface ValidateTexts {
  required: string;
  methodRequired: string;
  opinionRequired: string;
}

function toTree(errorSchema: unknown): ErrorTree {
  return (errorSchema && typeof errorSchema === 'object' ? errorSchema : {}) as ErrorTree;
}

/**
 * What the client checks before a submit: the tab's form (the same merged schema the server checks),
 * a handling method, its opinion when the button type requires one, and the method's dialog payload.
 */
export function validateDraft(
  draft: TicketDraft, form: RegistrationForm | undefined, method: ButtonType | undefined, validator: ValidatorType, lang: 'zh-CN' | 'en-US', texts: ValidateTexts,
): DraftErrors {
  const out = emptyErrors();
  // "must match the then schema" repeats what the field under the rule says (the engine drops it too)
  const transform = (errors: RJSFValidationError[]) => errors.filter((e) => e.name !== 'if').map((e) => (e.name === 'required' ? { ...e, message: texts.required } : e));
  if (form) {
    const { schema } = prepareSchema(form.schema as Record<string, unknown>, form.uiSchema, lang);
    const r = validator.validateFormData(cleanFields(draft.fields), schema, undefined, transform);
    out.fields = toTree(r.errorSchema);
  }
  if (!method) out.general.push(texts.methodRequired);
  else {
    if (method.dialog?.opinion === 'required' && !draft.opinion.trim()) out.opinion.push(texts.opinionRequired);
    if (method.dialog?.schema) {
      const { schema } = prepareSchema(method.dialog.schema as Record<string, unknown>, {}, lang);
      const r = validator.validateFormData(cleanFields(draft.payload), schema as RJSFSchema, undefined, transform);
      if (r.errors.length > 0) out.general.push(...r.errors.map((e) => `${e.property ?? ''} ${e.message ?? ''}`.trim()));
    }
  }
  return out;
}
