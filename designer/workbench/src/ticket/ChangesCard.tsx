import { Card, Table, Typography } from 'antd';
import { useCatalogue } from '../../../shared/catalogue/CatalogueContext';
import { useI18n } from '../../../shared/i18n';
import { formatDateTime } from '../common/format';
import { formatValue } from './fieldRows';
import type { ChangeRecord, TicketDetail } from './types';
import type { Form } from '../../../../definitions/schemas/form';
import './texts';

/** ACC-5/X-1 修改记录: who changed which field, when, from what to what. */
export function ChangesCard({ detail, forms }: { detail: TicketDetail; forms: readonly Form[] }) {
  const catalogue = useCatalogue();
  const { t, lang } = useI18n(['ticket', 'display']);
  const props = Object.assign({}, ...forms.map((f) => f.schema.properties)) as Record<string, Record<string, unknown>>;
  const ui = Object.assign({}, ...forms.map((f) => f.uiSchema ?? {})) as Record<string, Record<string, unknown>>;
  const yesNo: [string, string] = [t('display:yes'), t('display:no')];
  const label = (field: string) => {
    const s = props[field];
    return String((lang === 'en-US' ? s?.titleEn : undefined) ?? s?.title ?? field);
  };
  const show = (r: ChangeRecord, v: unknown) => formatValue(catalogue, r.field, props[r.field] ?? {}, ui[r.field] ?? {}, v, lang, yesNo);
  return (
    <Card size="small" title={t('changes')} data-testid="ticket-changes">
      {detail.changes.length === 0 ? <Typography.Text type="secondary">{t('noChanges')}</Typography.Text> : (
        <Table<ChangeRecord> size="small" pagination={false} rowKey={(r, i) => `${r.at}-${r.field}-${i}`} dataSource={detail.changes}
          columns={[
            { key: 'field', title: t('col.field'), render: (_, r) => label(r.field) },
            { key: 'before', title: t('col.before'), render: (_, r) => show(r, r.before) },
            { key: 'after', title: t('col.after'), render: (_, r) => show(r, r.after) },
            { key: 'actor', title: t('col.actor'), render: (_, r) => (r.actor ? detail.people?.[r.actor] ?? r.actor : t('system')) },
            { key: 'time', title: t('col.time'), render: (_, r) => formatDateTime(r.at) },
          ]} />
      )}
    </Card>
  );
}
