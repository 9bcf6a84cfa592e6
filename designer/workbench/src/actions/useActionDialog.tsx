import type CoreForm from '@rjsf/core';
import { App, Form, Input, Modal } from 'antd';
import { useCallback, useRef, useState, type ReactNode } from 'react';
import { api, ApiError } from '../../../shared/api/client';
import { useCatalogue } from '../../../shared/catalogue/CatalogueContext';
import { localName, useI18n } from '../../../shared/i18n';
import { SchemaForm } from '../forms/SchemaForm';
import './texts';

export interface ActionTarget {
  kind: 'task' | 'application';
  id: string;
}

/** One press of a button on a ticket (or one of its tasks or applications). */
export interface ActionRequest {
  ticketId: string;
  button: string;
  target?: ActionTarget;
  /** The ticket version the user saw (optimistic check); omitted for batch presses. */
  version?: number;
}

interface Pending {
  requests: ActionRequest[];
  resolve(done: boolean): void;
}

/**
 * The dialog a button type defines (DEF-8 `dialog`: opinion rule and label, JSON Schema payload),
 * generated for any button; for several requests (batch buttons) the same answer goes to each.
 * `run` resolves true when at least one action went through.
 */
export function useActionDialog(): { run(requests: ActionRequest | ActionRequest[]): Promise<boolean>; element: ReactNode } {
  const catalogue = useCatalogue();
  const { t, lang } = useI18n(['actions', 'common']);
  const { message } = App.useApp();
  const [pending, setPending] = useState<Pending | null>(null);
  const [busy, setBusy] = useState(false);
  const [payload, setPayload] = useState<Record<string, unknown>>({});
  const [form] = Form.useForm<{ opinion?: string }>();
  const schemaForm = useRef<CoreForm>(null);

  const run = useCallback((requests: ActionRequest | ActionRequest[]) => new Promise<boolean>((resolve) => {
    form.resetFields();
    setPayload({});
    setPending({ requests: Array.isArray(requests) ? requests : [requests], resolve });
  }), [form]);

  const button = pending ? catalogue.button(pending.requests[0]!.button) : undefined;
  const dialog = button?.dialog;
  const opinionRule = dialog?.opinion ?? 'optional';
  const opinionLabel = (lang === 'en-US' ? undefined : dialog?.opinionLabel) ?? t('opinion');
  const name = button ? localName(button, lang) : '';

  const close = (done: boolean) => {
    pending?.resolve(done);
    setPending(null);
  };

  const submit = async () => {
    if (!pending) return;
    const { opinion } = await form.validateFields();
    if (dialog?.schema && schemaForm.current && !schemaForm.current.validateForm()) return;
    setBusy(true);
    let ok = 0;
    const failures: string[] = [];
    for (const r of pending.requests) {
      try {
        await api.post(`/api/tickets/${r.ticketId}/actions`, {
          button: r.button,
          ...(r.target ? { target: r.target } : {}),
          ...(opinion ? { opinion } : {}),
          ...(dialog?.schema ? { payload } : {}),
          ...(r.version ? { version: r.version } : {}),
        });
        ok++;
      } catch (e) {
        failures.push(e instanceof ApiError ? e.localized(lang) : String(e));
      }
    }
    setBusy(false);
    if (pending.requests.length > 1) message.info(t('batchDone', { name, ok, failed: failures.length }));
    else if (ok) message.success(t('done', { name }));
    else message.error(t('failed', { name, message: failures[0] }));
    if (ok || pending.requests.length > 1) close(ok > 0);
  };

  const element = (
    <Modal
      open={Boolean(pending)}
      title={name}
      onCancel={() => close(false)}
      onOk={() => void submit()}
      confirmLoading={busy}
      okText={t('common:ok')}
      cancelText={t('common:cancel')}
      destroyOnHidden
      width={dialog?.schema ? 640 : 520}
      data-testid="action-dialog"
    >
      {dialog?.schema && (
        <SchemaForm ref={schemaForm} schema={dialog.schema as Record<string, unknown>} uiSchema={dialog.uiSchema as Record<string, unknown> | undefined}
          formData={payload} onChange={setPayload} hideSubmit idPrefix="action" />
      )}
      {opinionRule !== 'none' && (
        <Form form={form} layout="vertical">
          <Form.Item name="opinion" label={opinionLabel} rules={opinionRule === 'required' ? [{ required: true, whitespace: true, message: t('opinionRequired', { label: opinionLabel }) }] : []}>
            <Input.TextArea rows={3} maxLength={2000} showCount id="action-opinion" />
          </Form.Item>
        </Form>
      )}
    </Modal>
  );
  return { run, element };
}
