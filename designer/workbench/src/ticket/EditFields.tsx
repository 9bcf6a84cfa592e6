import type CoreForm from '@rjsf/core';
import type { RJSFSchema } from '@rjsf/utils';
import { Alert, App, Button, Modal, Typography } from 'antd';
import { EditOutlined } from '@ant-design/icons';
import { useEffect, useMemo, useRef, useState } from 'react';
import { useSearchParams } from 'react-router-dom';
import { api, ApiError } from '../../../shared/api/client';
import { useCatalogue } from '../../../shared/catalogue/CatalogueContext';
import { localName, useI18n } from '../../../shared/i18n';
import { TWO_COLUMNS } from '../forms/layout';
import { SchemaForm, validators } from '../forms/SchemaForm';
import { registrationForm, withoutHidden } from '../register/registrationForm';
import { changedFields } from './changedFields';
import type { TicketDetail } from './types';
import './editTexts';

/**
 * ACC-5 修改: buttons of front-end method `edit` the engine offers on the ticket open the ticket's
 * own registration form (domain form merged with the item's, as at registration) filled with its
 * current values; saving presses the button with the changed fields as its payload (`{fields}`),
 * and the engine records each change. `?edit=1` (the lists' 编辑) opens it at once.
 */
export function useEditFields(detail: TicketDetail | null, onSaved: () => Promise<void>) {
  const catalogue = useCatalogue();
  const { t, lang } = useI18n(['ticketEdit', 'common']);
  const { message } = App.useApp();
  const [params, setParams] = useSearchParams();
  const [open, setOpen] = useState<string | null>(null);
  const [data, setData] = useState<Record<string, unknown>>({});
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const formRef = useRef<CoreForm>(null);

  const button = detail?.actions.ticket.find((a) => a.allowed && catalogue.button(a.button)?.method === 'edit')?.button;
  const ticket = detail?.ticket;

  // the registration facts the ticket keeps itself (engine editFields) are shown as the ticket has them
  const current = useMemo(() => (ticket ? {
    ...ticket.fields, title: ticket.title, urgency: ticket.urgency, difficult: ticket.difficult, callbackWanted: ticket.callbackWanted,
    confidential: ticket.confidential, ...(ticket.grid ? { grid: ticket.grid } : {}),
  } : {}), [ticket]);

  const start = (b: string) => {
    if (!ticket) return;
    setData(structuredClone(current));
    setError(null);
    setOpen(b);
  };
  const wanted = params.get('edit') === '1';
  useEffect(() => {
    if (!wanted || !detail) return;
    if (button && !open) start(button);
    setParams((p) => { p.delete('edit'); return p; }, { replace: true });
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [wanted, detail, button]);

  const form = useMemo(() => {
    if (!ticket) return undefined;
    const domain = catalogue.domains.find((d) => d.id === ticket.domain);
    const itemId = typeof data.item === 'string' ? data.item : ticket.item;
    const validator = validators[lang];
    return registrationForm(domain, catalogue.item(itemId), catalogue.form, data, (schema, value) => validator.isValid(schema as RJSFSchema, value, schema as RJSFSchema));
  }, [catalogue, ticket, data, lang]);

  const save = async () => {
    if (!ticket || !open) return;
    if (formRef.current && !formRef.current.validateForm()) return;
    const fields = changedFields(current, data);
    if (Object.keys(fields).length === 0) {
      message.info(t('nothing'));
      setOpen(null);
      return;
    }
    setBusy(true);
    try {
      await api.post(`/api/tickets/${encodeURIComponent(ticket.id)}/actions`, { button: open, payload: { fields }, version: ticket.version });
      message.success(t('saved', { count: Object.keys(fields).length }));
      setOpen(null);
      await onSaved();
    } catch (e) {
      setError(e instanceof ApiError ? e.localized(lang) : String(e));
    } finally {
      setBusy(false);
    }
  };

  const trigger = button ? (
    <Button size="small" icon={<EditOutlined />} data-testid="edit-fields" data-button={button} onClick={() => start(button)}>
      {localName(catalogue.button(button), lang)}
    </Button>
  ) : null;

  const element = (
    <Modal open={Boolean(open)} title={open ? `${localName(catalogue.button(open), lang)} · ${ticket?.number ?? ''}` : ''} width={1000} style={{ top: 24 }} styles={{ body: { maxHeight: 'calc(100vh - 170px)', overflowY: 'auto', overflowX: 'hidden' } }}
      onCancel={() => setOpen(null)} onOk={() => void save()} confirmLoading={busy} destroyOnHidden
      okText={t('save')} cancelText={t('common:cancel')} okButtonProps={{ 'data-testid': 'edit-save' } as Record<`data-${string}`, string>}>
      <div data-testid="edit-dialog">
        <Typography.Paragraph type="secondary" style={{ marginBottom: 8 }}>{t('hint')}</Typography.Paragraph>
        {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 8 }} data-testid="edit-error" />}
        {form ? (
          <div className="register-form">
            <SchemaForm ref={formRef} schema={form.schema as Record<string, unknown>} uiSchema={form.renderUi} formData={data} hideSubmit idPrefix="edit"
              formContext={{ domain: ticket?.domain, regionCode: data.regionCode, colSpan: TWO_COLUMNS, rowGutter: 16 }} disabled={busy}
              onChange={(d) => setData(withoutHidden(d, form.hidden))} />
          </div>
        ) : <Alert type="warning" showIcon title={t('noForm')} />}
      </div>
    </Modal>
  );
  return { trigger, element };
}
