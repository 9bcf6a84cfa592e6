import { App, Button, Form, Input, Radio, Select, Space } from 'antd';
import { useCallback, useEffect, useState } from 'react';
import type { ButtonType } from '../../../../definitions/schemas/button';
import { api, ApiError } from '../../../shared/api/client';
import { localName, useI18n } from '../../../shared/i18n';
import { SchemaForm } from '../forms/SchemaForm';
import type { TicketDraft } from './ticketDraft';
import './texts';

interface Opinion { id: string; text: string }

/** 常用意见: the user's saved opinions (GET/POST /api/opinions). */
function useOpinions() {
  const [opinions, setOpinions] = useState<Opinion[]>([]);
  const load = useCallback(() => api.get<{ opinions: Opinion[] }>('/api/opinions').then((r) => setOpinions(r.opinions), () => undefined), []);
  useEffect(() => { void load(); }, [load]);
  return { opinions, reload: load };
}

interface Props {
  draft: TicketDraft;
  methods: ButtonType[];
  errors: string[];
  disabled?: boolean;
  onChange(patch: Partial<TicketDraft>): void;
}

/** 处办方式 (the flow's buttons at registration), the method's dialog fields, and 拟办意见 with common opinions. */
export function HandlingMethod({ draft, methods, errors, disabled, onChange }: Props) {
  const { t, lang } = useI18n(['register', 'common']);
  const { message } = App.useApp();
  const { opinions, reload } = useOpinions();
  const method = methods.find((m) => m.id === draft.method);
  const opinionRule = method?.dialog?.opinion ?? 'required';
  const dialog = method?.dialog as { opinionLabel?: string; opinionLabelEn?: string } | undefined;
  const label = (lang === 'zh-CN' ? dialog?.opinionLabel : dialog?.opinionLabelEn) ?? t('opinion');
  const save = async () => {
    try {
      await api.post('/api/opinions', { text: draft.opinion.trim() });
      message.success(t('opinionSaved'));
      void reload();
    } catch (e) {
      message.error(e instanceof ApiError ? e.localized(lang) : String(e));
    }
  };
  return (
    <Form layout="vertical" component="div" disabled={disabled}>
      <Form.Item label={t('method')} required data-testid="method">
        <Radio.Group value={draft.method} onChange={(e) => onChange({ method: e.target.value as string, payload: {} })}
          options={methods.map((m) => ({ value: m.id, label: localName(m, lang) }))} optionType="button" buttonStyle="solid" />
      </Form.Item>
      {method?.dialog?.schema && (
        <div className="register-form">
          <SchemaForm schema={method.dialog.schema as Record<string, unknown>} uiSchema={method.dialog.uiSchema as Record<string, unknown> | undefined}
            formData={draft.payload} onChange={(payload) => onChange({ payload })} hideSubmit idPrefix={`payload-${draft.key}`} disabled={disabled} />
        </div>
      )}
      {opinionRule !== 'none' && (
        <>
          <Form.Item label={label} required={opinionRule === 'required'} validateStatus={errors.length ? 'error' : undefined} help={errors.length ? errors.join('；') : undefined}
            htmlFor={`opinion-${draft.key}`} style={{ marginBottom: 8 }}>
            <Input.TextArea id={`opinion-${draft.key}`} data-testid="opinion" rows={3} maxLength={2000} showCount value={draft.opinion}
              onChange={(e) => onChange({ opinion: e.target.value })} />
          </Form.Item>
          <Space wrap style={{ marginTop: 8 }}>
            <Select style={{ width: 280 }} placeholder={t('pickOpinion')} value={null} data-testid="common-opinions"
              notFoundContent={t('noOpinions')} aria-label={t('commonOpinions')}
              options={opinions.map((o) => ({ value: o.id, label: o.text }))}
              onChange={(id) => { const o = opinions.find((x) => x.id === id); if (o) onChange({ opinion: o.text }); }} />
            <Button onClick={() => void save()} disabled={disabled || !draft.opinion.trim()} data-testid="save-opinion">{t('saveOpinion')}</Button>
          </Space>
        </>
      )}
    </Form>
  );
}
