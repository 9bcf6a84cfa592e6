import type { RJSFSchema, ValidatorType } from '@rjsf/utils';
import { useMemo } from 'react';
import type { CatalogueIndex } from '../../../shared/catalogue/CatalogueContext';
import { useAuth } from '../../../shared/auth/AuthContext';
import { useCatalogue } from '../../../shared/catalogue/CatalogueContext';
import { useI18n } from '../../../shared/i18n';
import { validators } from '../forms/SchemaForm';
import { registrationButtons } from './registrationButtons';
import { registrationForm } from './registrationForm';
import type { TicketDraft } from './ticketDraft';

/** A tab's merged form and registration buttons, outside React (submit all validates every tab). */
export function prepareDraft(draft: TicketDraft, catalogue: CatalogueIndex, roles: readonly string[], validator: ValidatorType) {
  const domain = catalogue.domains.find((d) => d.id === draft.domain);
  const itemId = typeof draft.fields.item === 'string' ? draft.fields.item : undefined;
  const item = itemId ? catalogue.item(itemId) : undefined;
  const form = registrationForm(domain, item, catalogue.form, draft.fields, (schema, data) => validator.isValid(schema as RJSFSchema, data, schema as RJSFSchema));
  return { domain, item, form, buttons: registrationButtons(domain, catalogue.flows, catalogue.button, roles, catalogue.binding) };
}

/** A tab's domain, item, merged form (with hidden conditional fields) and the buttons its flow offers at registration. */
export function useTicketForm(draft: TicketDraft) {
  const catalogue = useCatalogue();
  const { me } = useAuth();
  const { lang } = useI18n();
  const validator = validators[lang];
  return useMemo(() => prepareDraft(draft, catalogue, me?.user.roles ?? [], validator), [draft, catalogue, me, validator]);
}
