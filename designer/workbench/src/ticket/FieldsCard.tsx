import { Alert, Button, Card, Descriptions, Space, Typography } from 'antd';
import type { ReactNode } from 'react';
import { PaperClipOutlined } from '@ant-design/icons';
import { api } from '../../../shared/api/client';
import { useCatalogue } from '../../../shared/catalogue/CatalogueContext';
import { useI18n } from '../../../shared/i18n';
import type { Form } from '../../../../definitions/schemas/form';
import { ATTACHMENT_FIELD, fieldRows, REPORTER_FIELDS } from './fieldRows';
import type { TicketDetail } from './types';
import './texts';

/** The form's fields, read-only, with the form's titles: the event, then the reporter as the viewer may see it. */
export function FieldsCard({ detail, forms, extra }: { detail: TicketDetail; forms: readonly Form[]; extra?: ReactNode }) {
  const catalogue = useCatalogue();
  const { t, lang } = useI18n(['ticket', 'display']);
  const yesNo: [string, string] = [t('display:yes'), t('display:no')];
  const values = detail.ticket.fields;
  const event = fieldRows(catalogue, forms, values, lang, yesNo, (k) => !REPORTER_FIELDS.includes(k) && k !== ATTACHMENT_FIELD);
  const reporter = fieldRows(catalogue, forms, values, lang, yesNo, (k) => REPORTER_FIELDS.includes(k));
  const attachments = Array.isArray(values[ATTACHMENT_FIELD]) ? (values[ATTACHMENT_FIELD] as unknown[]).map(String) : [];
  const visibility = detail.reporterVisibility;
  return (
    <Space orientation="vertical" style={{ width: '100%' }} size={12}>
      <Card size="small" title={t('fields')} extra={extra} data-testid="ticket-fields">
        <Descriptions size="small" bordered column={2} styles={{ label: { whiteSpace: 'nowrap' } }}
          items={event.map((r) => ({ key: r.key, label: r.label, children: <span data-field={r.key} style={{ whiteSpace: 'pre-line' }}>{r.value}</span>, span: r.wide ? 2 : 1 }))} />
      </Card>
      <Card size="small" title={t('reporter')} data-testid="ticket-reporter" data-visibility={visibility}>
        {visibility !== 'full' && <Alert type="info" showIcon style={{ marginBottom: reporter.length ? 8 : 0 }} title={t(visibility === 'hidden' ? 'reporterHidden' : 'reporterMasked')} />}
        {reporter.length > 0 && (
          <Descriptions size="small" bordered column={2} styles={{ label: { whiteSpace: 'nowrap' } }}
            items={reporter.map((r) => ({ key: r.key, label: r.label, children: <span data-field={r.key}>{r.value}</span>, span: r.wide ? 2 : 1 }))} />
        )}
      </Card>
      <Card size="small" title={t('attachments')} data-testid="ticket-attachments">
        {attachments.length === 0 ? <Typography.Text type="secondary">{t('noAttachments')}</Typography.Text> : (
          <Space wrap>
            {attachments.map((id, i) => (
              <Button key={id} icon={<PaperClipOutlined />} size="small" data-attachment={id}
                onClick={() => void api.download(`/api/attachments/${encodeURIComponent(id)}`, undefined, t('attachment', { n: i + 1 }))}>
                {t('attachment', { n: i + 1 })}
              </Button>
            ))}
          </Space>
        )}
      </Card>
    </Space>
  );
}
