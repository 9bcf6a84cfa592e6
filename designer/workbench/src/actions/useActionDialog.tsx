import type CoreForm from '@rjsf/core';
import { Alert, App, Form, Modal, Space } from 'antd';
import { useCallback, useEffect, useMemo, useRef, useState, type ReactNode } from 'react';
import { api, ApiError } from '../../../shared/api/client';
import { useCatalogue } from '../../../shared/catalogue/CatalogueContext';
import { localName, useI18n } from '../../../shared/i18n';
import { SchemaForm } from '../forms/SchemaForm';
import { uploadsPending } from '../forms/widgets/uploadAttachment';
import { TakenDepartmentsContext } from '../forms/takenDepartments';
import type { TicketDetail } from '../ticket/types';
import { dialogHints } from './applicationLimits';
import { actionBody } from './buildRequest';
import { dialogSchema } from './dialogSchema';
import { branchErrorFilter } from './dialogErrors';
import { OpinionBox } from './OpinionBox';
import { openTaskDepartments, wantsOpenTaskDepartments } from './takenDepartments';
import { LowerCenterPicker, SameLevelDepartmentPicker } from './widgets/OrgSelects';
import './texts';
import './actionDialog.css';
import '../ticket/texts';

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
  /** The detail the press came from: limits, deadlines and what an application asks for are shown from it. */
  detail?: TicketDetail;
}

interface Pending {
  requests: ActionRequest[];
  resolve(done: boolean): void;
}

const dialogWidgets = { lowerCenterPicker: LowerCenterPicker, sameLevelDepartmentPicker: SameLevelDepartmentPicker };

/**
 * The dialog a button type defines (DEF-10 `dialog`: opinion rule and label, JSON Schema payload,
 * confirmation), generated for any button; for several requests (batch buttons) the same answer goes
 * to each. `run` resolves true when at least one action went through, or when the ticket turned out
 * to be stale (the caller reloads either way).
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

  const first = pending?.requests[0];
  const button = first ? catalogue.button(first.button) : undefined;
  const dialog = button?.dialog;
  const opinionRule = dialog?.opinion ?? 'optional';
  const opinionLabel = (lang === 'en-US' ? dialog?.opinionLabelEn : dialog?.opinionLabel) ?? t('opinion');
  const name = button ? localName(button, lang) : '';
  const prepared = useMemo(() => (dialog?.schema ? dialogSchema(dialog.schema, dialog.uiSchema, catalogue, lang) : null), [dialog, catalogue, lang]);
  const hints = pending?.requests.length === 1 && first ? dialogHints(catalogue, first.detail, first.button, first.target, t, lang) : [];
  const confirm = lang === 'en-US' ? dialog?.confirmEn ?? dialog?.confirm : dialog?.confirm;

  // DSP-3 加派: departments already handling the ticket are shown greyed out; a press from a list row
  // has no detail, so the ticket is read for it
  const wantsTaken = pending?.requests.length === 1 && wantsOpenTaskDepartments(dialog?.uiSchema);
  const [fetched, setFetched] = useState<{ ticketId: string; detail: TicketDetail } | null>(null);
  const ticketId = wantsTaken && !first?.detail ? first?.ticketId : undefined;
  useEffect(() => {
    if (!ticketId) return;
    let live = true;
    api.get<TicketDetail>(`/api/tickets/${encodeURIComponent(ticketId)}`)
      .then((d) => { if (live) setFetched({ ticketId, detail: d }); })
      .catch(() => undefined);
    return () => { live = false; };
  }, [ticketId]);
  const takenDetail = wantsTaken ? first?.detail ?? (fetched && fetched.ticketId === first?.ticketId ? fetched.detail : undefined) : undefined;
  const taken = useMemo(() => {
    if (!takenDetail) return null;
    const reason = t('takenByTask');
    return new Map(openTaskDepartments(takenDetail).map((d) => [d, reason]));
  }, [takenDetail, t]);

  const close = (done: boolean) => {
    pending?.resolve(done);
    setPending(null);
  };

  const submit = async () => {
    if (!pending) return;
    if (uploadsPending() > 0) {
      message.warning(t('uploadsPending'));
      return;
    }
    // both parts show what is missing at once
    const payloadValid = !prepared || !schemaForm.current || schemaForm.current.validateForm();
    let opinion: string | undefined;
    try {
      opinion = (await form.validateFields()).opinion;
    } catch {
      return;
    }
    if (!payloadValid) return;
    setBusy(true);
    let ok = 0;
    let stale = false;
    const failures: string[] = [];
    for (const r of pending.requests) {
      try {
        await api.post(`/api/tickets/${encodeURIComponent(r.ticketId)}/actions`, actionBody(r, opinion, prepared ? payload : undefined));
        ok++;
      } catch (e) {
        if (e instanceof ApiError && e.code === 'TG_ERR_STALE_VERSION') stale = true;
        failures.push(e instanceof ApiError ? e.localized(lang) : String(e));
      }
    }
    setBusy(false);
    if (pending.requests.length > 1) message.info(t('batchDone', { name, ok, failed: failures.length }));
    else if (ok) message.success(t('done', { name }));
    else if (stale) message.warning(t('stale'));
    else message.error(t('failed', { name, message: failures[0] }));
    if (ok || stale || pending.requests.length > 1) close(ok > 0 || stale);
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
      okButtonProps={{ 'data-testid': 'action-ok' } as Record<`data-${string}`, string>}
      destroyOnHidden
      width={prepared ? 640 : 520}
      data-testid="action-dialog"
      className="tg-action-dialog"
      style={{ top: 40 }}
    >
      <div data-testid="action-dialog-body" data-button={first?.button}>
        {(confirm || hints.length > 0 || (pending?.requests.length ?? 0) > 1) && (
          <Space orientation="vertical" style={{ width: '100%', marginBottom: 12 }} size={6}>
            {confirm && <Alert type="warning" showIcon title={confirm} />}
            {(pending?.requests.length ?? 0) > 1 && <Alert type="info" showIcon title={t('batchCount', { count: pending?.requests.length })} />}
            {hints.map((h) => <Alert key={h.testId} type={h.type} showIcon title={h.text} data-testid={h.testId} />)}
          </Space>
        )}
        {takenDetail && (
          <Alert type="info" showIcon style={{ marginBottom: 12 }} data-testid="hint-taken"
            title={[
              taken && taken.size > 0 ? t('takenHint', { departments: [...taken.keys()].map((d) => catalogue.departmentName(d)).join(lang === 'en-US' ? ', ' : '、') }) : '',
              // the engine gives added departments the ticket's way of handling, whatever the dialog's branch
              takenDetail.ticket.dispatch ? t('addedRole', { role: t(`ticket:role.${takenDetail.ticket.dispatch.handling === 'multi' ? 'multi' : 'assist'}`) }) : '',
            ].filter(Boolean).join(lang === 'en-US' ? '. ' : '；')} />
        )}
        {prepared && (
          <TakenDepartmentsContext.Provider value={taken}>
            <SchemaForm ref={schemaForm} schema={prepared.schema} uiSchema={prepared.uiSchema} extraWidgets={dialogWidgets} transformErrors={branchErrorFilter(prepared.schema)}
              formData={payload} onChange={setPayload} hideSubmit idPrefix="action" />
          </TakenDepartmentsContext.Provider>
        )}
        {opinionRule !== 'none' && (
          <Form form={form} layout="vertical">
            <Form.Item name="opinion" label={opinionLabel} rules={opinionRule === 'required' ? [{ required: true, whitespace: true, message: t('opinionRequired', { label: opinionLabel }) }] : []}>
              <OpinionBox id="action-opinion" />
            </Form.Item>
          </Form>
        )}
      </div>
    </Modal>
  );
  return { run, element };
}
