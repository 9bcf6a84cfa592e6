import { Button, Card, Descriptions, Space, Tag, Typography } from 'antd';
import { DownloadOutlined, ReloadOutlined } from '@ant-design/icons';
import { Link } from 'react-router-dom';
import { useCatalogue } from '../../../shared/catalogue/CatalogueContext';
import { useI18n } from '../../../shared/i18n';
import { formatDateTime, itemName } from '../common/format';
import { SlaTag } from '../common/SlaTag';
import { StatusTag } from '../common/StatusTag';
import type { ActionTarget } from '../actions/useActionDialog';
import { ActionBar } from './ActionBar';
import { SplitButton } from './SplitButton';
import type { TicketDetail } from './types';
import './texts';

interface Props {
  detail: TicketDetail;
  loading: boolean;
  exporting: boolean;
  onReload(): void;
  onExport(): void;
  onPress(button: string, target?: ActionTarget): void;
}

/** Number, title, status, deadline, flags and the ticket's own buttons. */
export function TicketHeader({ detail, loading, exporting, onReload, onExport, onPress }: Props) {
  const catalogue = useCatalogue();
  const { t, lang } = useI18n('ticket');
  const { ticket, sla } = detail;
  const overall = sla.overall;
  const current = sla.ticket.find((c) => c.node === ticket.node && c.status !== 'stopped');
  const flags = [
    ticket.urgency !== 'normal' && <Tag key="u" color={ticket.urgency === 'veryUrgent' ? 'red' : 'orange'}>{t(`tags.${ticket.urgency}`)}</Tag>,
    ticket.difficult && <Tag key="d" color="magenta">{t('tags.difficult')}</Tag>,
    ticket.confidential && <Tag key="c" color="purple">{t('tags.confidential')}</Tag>,
    ticket.returned && <Tag key="r" color="volcano">{t('tags.returned')}</Tag>,
    ticket.mergedInto && <Tag key="m" data-testid="merged-into"><Link to={`/tickets/${ticket.mergedInto}`}>{t('tags.merged')}</Link></Tag>,
    ticket.callbackWanted && <Tag key="cb">{t('tags.callback')}</Tag>,
    ticket.dispatch?.forced && <Tag key="f" color="red">{t('tags.forced')}</Tag>,
  ].filter(Boolean);
  const dispatch = ticket.dispatch;
  return (
    <Card size="small" data-testid="ticket-header" styles={{ body: { paddingBottom: 12 } }}>
      <div style={{ display: 'flex', gap: 12, alignItems: 'flex-start', justifyContent: 'space-between', flexWrap: 'wrap' }}>
        <div style={{ minWidth: 0, flex: '1 1 520px' }}>
          <Space size={8} wrap>
            <Typography.Text type="secondary" copyable data-testid="ticket-number">{ticket.number}</Typography.Text>
            <span data-testid="ticket-status"><StatusTag flow={ticket.flow} node={ticket.node} /></span>
            {overall && (
              <span data-testid="ticket-deadline">
                <Typography.Text type="secondary" style={{ fontSize: 12, marginInlineEnd: 4 }}>{t('display:overall')}</Typography.Text>
                <SlaTag state={ticket.node === 'closed' ? 'done' : overall.state} dueAt={overall.dueAt} explanation={overall.explanation[lang]} />
              </span>
            )}
            {current && (
              <span data-testid="ticket-stage-deadline">
                <Typography.Text type="secondary" style={{ fontSize: 12, marginInlineEnd: 4 }}>{t('display:stage')}</Typography.Text>
                <SlaTag state={current.state} dueAt={current.dueAt} explanation={current.explanation[lang]} />
              </span>
            )}
            {flags}
          </Space>
          <Typography.Title level={4} style={{ margin: '6px 0 0' }} data-testid="ticket-title" ellipsis={{ tooltip: ticket.title }}>{ticket.title}</Typography.Title>
        </div>
        <Space>
          <Button icon={<ReloadOutlined />} onClick={onReload} loading={loading} data-testid="ticket-reload">{t('reload')}</Button>
          <Button icon={<DownloadOutlined />} onClick={onExport} loading={exporting} data-testid="ticket-export">{t('exportDocx')}</Button>
        </Space>
      </div>
      <Descriptions size="small" column={{ xs: 1, sm: 2, md: 3, lg: 4 }} style={{ marginTop: 8 }}
        items={[
          { key: 'item', label: t('meta.item'), children: itemName(catalogue, ticket.item, lang) },
          { key: 'center', label: t('meta.center'), children: catalogue.departmentName(ticket.center) },
          { key: 'registeredAt', label: t('meta.registeredAt'), children: formatDateTime(ticket.registeredAt) },
          { key: 'grid', label: t('meta.grid'), children: catalogue.gridName(ticket.grid) || '—' },
          ...(dispatch ? [{ key: 'dispatch', label: t('meta.dispatch'), children: t(`handling.${dispatch.handling}`) }] : []),
          ...(dispatch?.cc.length ? [{ key: 'cc', label: t('meta.cc'), children: dispatch.cc.map((d) => catalogue.departmentName(d)).join('、') }] : []),
        ]} />
      <div style={{ marginTop: 4 }}>
        <ActionBar actions={detail.actions.ticket} onPress={onPress} primaryFirst testId="ticket-actions" />
        {ticket.mergedInto && <SplitButton kind="ticket" id={ticket.id} version={ticket.version} onDone={onReload} />}
      </div>
    </Card>
  );
}
