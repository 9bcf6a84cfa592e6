import { Alert, Card, Result, Select, Space, Typography, Button } from 'antd';
import { useEffect, useRef } from 'react';
import { Link } from 'react-router-dom';
import { api } from '../../../shared/api/client';
import { useCatalogue } from '../../../shared/catalogue/CatalogueContext';
import { localName, useI18n } from '../../../shared/i18n';
import { formatDateTime } from '../common/format';
import { TWO_COLUMNS } from '../forms/layout';
import { SchemaForm } from '../forms/SchemaForm';
import { loadGridShapes, resolveGridOf } from '../forms/widgets/gridGeometry';
import { HandlingMethod } from './HandlingMethod';
import { withoutHidden } from './registrationForm';
import type { TicketDraft } from './ticketDraft';
import { useTicketForm } from './useTicketForm';
import './texts';

interface Reporter { name: string; gender: string | null; birthDate: string | null; address: string | null; detailAddress: string | null; reportedAt: number }

/** fields.reporter* the runtime keeps per phone (runtime/reporters/reporterStore.ts) ← the lookup's answer. */
const REPORTER_FIELDS: Record<string, keyof Reporter> = {
  reporterName: 'name', reporterGender: 'gender', reporterBirthDate: 'birthDate', reporterAddress: 'address', reporterDetailAddress: 'detailAddress',
};

interface Props {
  draft: TicketDraft;
  onChange(update: (d: TicketDraft) => TicketDraft): void;
  busy?: boolean;
}

/** One registration tab: domain, the merged form, handling method and opinion; once registered, its number. */
export function TicketForm({ draft, onChange, busy }: Props) {
  const { t, lang } = useI18n(['register', 'common']);
  const catalogue = useCatalogue();
  const { form, buttons } = useTicketForm(draft);
  const filledFor = useRef<string | undefined>(undefined);
  const autoGrid = useRef<string | undefined>(undefined);

  // ACC-1: a known phone fills the last report's reporter data
  const phone = typeof draft.fields.reporterPhone === 'string' ? draft.fields.reporterPhone : '';
  const phonePattern = (form?.schema.properties.reporterPhone as { pattern?: string } | undefined)?.pattern;
  useEffect(() => {
    if (!phone || phone === filledFor.current || (phonePattern && !new RegExp(phonePattern).test(phone))) return;
    const timer = setTimeout(() => {
      api.get<{ reporter: Reporter | null }>('/api/reporters/lookup', { phone }).then(({ reporter }) => {
        filledFor.current = phone;
        if (!reporter) return;
        onChange((d) => {
          const fields = { ...d.fields };
          for (const [field, key] of Object.entries(REPORTER_FIELDS)) if (reporter[key]) fields[field] = reporter[key];
          return { ...d, fields, filledFrom: reporter.reportedAt };
        });
      }, () => undefined);
    }, 300);
    return () => clearTimeout(timer);
  }, [phone, phonePattern, onChange]);

  // ACC-1: the grid follows the address (map point first, then address keywords) unless picked by hand
  const address = typeof draft.fields.address === 'string' ? draft.fields.address : '';
  const location = draft.fields.location as { lng?: number; lat?: number } | undefined;
  useEffect(() => {
    if (!address && !location) return;
    let alive = true;
    const timer = setTimeout(() => {
      loadGridShapes().then((grids) => {
        const hit = resolveGridOf(grids, location, address);
        if (!alive || !hit) return;
        onChange((d) => {
          if (d.fields.grid && d.fields.grid !== autoGrid.current) return d;
          autoGrid.current = hit.id;
          return d.fields.grid === hit.id ? d : { ...d, fields: { ...d.fields, grid: hit.id } };
        });
      }, () => undefined);
    }, 400);
    return () => { alive = false; clearTimeout(timer); };
  }, [address, location, onChange]);

  if (draft.done) {
    const button = catalogue.button(draft.done.button);
    return (
      <Result status="success" data-testid="register-success"
        title={draft.done.mergedInto ? t('mergedDone', { number: draft.done.number, main: draft.done.mergedInto }) : t(button?.dialog?.opinion === 'none' ? 'drafted' : 'registered', { number: draft.done.number, method: localName(button, lang) })}
        extra={<Link to={`/tickets/${draft.done.id}`} data-testid="register-success-link"><Button type="primary">{t('viewTicket')}</Button></Link>} />
    );
  }

  const filledFrom = draft.filledFrom;
  const general = draft.errors?.general ?? [];
  return (
    <Space orientation="vertical" size={12} style={{ width: '100%' }}>
      {general.length > 0 && <Alert type="error" showIcon title={general.join('；')} data-testid="register-general-error" />}
      <Card size="small" title={form ? (lang === 'en-US' && form.titleEn ? form.titleEn : form.title) : t('noForm')}
        extra={catalogue.domains.length > 1 && (
          <Space>
            <Typography.Text type="secondary">{t('domain')}</Typography.Text>
            <Select size="small" value={draft.domain} style={{ minWidth: 140 }} onChange={(domain) => onChange((d) => ({ ...d, domain, method: undefined, fields: keepItemOf(domain, d.fields, catalogue.item) }))}
              options={catalogue.domains.map((d) => ({ value: d.id, label: localName(d, lang) }))} data-testid="domain" />
          </Space>
        )}>
        {filledFrom !== undefined && <Alert type="info" showIcon title={t('reporterFilled', { time: formatDateTime(filledFrom) })} style={{ marginBottom: 12 }} data-testid="reporter-filled" closable />}
        {form && (
          <div className="register-form">
            <SchemaForm schema={form.schema as Record<string, unknown>} uiSchema={form.renderUi} formData={draft.fields} hideSubmit idPrefix={`f-${draft.key}`}
              formContext={{ domain: draft.domain, regionCode: draft.fields.regionCode, colSpan: TWO_COLUMNS, rowGutter: 16 }} extraErrors={draft.errors?.fields as never} disabled={busy}
              onChange={(data) => onChange((d) => ({ ...d, fields: withoutHidden(data, form.hidden) }))} />
          </div>
        )}
      </Card>
      <Card size="small" title={t('method')}>
        {buttons.methods.length === 0 ? <Typography.Text type="secondary">{t('noMethods')}</Typography.Text> : (
          <HandlingMethod draft={draft} methods={buttons.methods} errors={draft.errors?.opinion ?? []} disabled={busy}
            onChange={(p) => onChange((d) => ({ ...d, ...p }))} />
        )}
      </Card>
    </Space>
  );
}

/** A domain change keeps the picked item only when the item is registrable in the new domain. */
function keepItemOf(domain: string, fields: Record<string, unknown>, item: (id: string) => { domains: { domain: string }[] } | undefined): Record<string, unknown> {
  const picked = typeof fields.item === 'string' ? item(fields.item) : undefined;
  if (!picked || picked.domains.some((d) => d.domain === domain)) return fields;
  const { item: _dropped, ...rest } = fields;
  return rest;
}
