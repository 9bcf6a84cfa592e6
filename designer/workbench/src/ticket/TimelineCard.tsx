import { Card, Empty, Tag, Timeline, Typography } from 'antd';
import { useCatalogue } from '../../../shared/catalogue/CatalogueContext';
import { localName, useI18n } from '../../../shared/i18n';
import { formatDateTime } from '../common/format';
import { nodeName } from './names';
import type { HistoryView, TicketDetail } from './types';
import './texts';

/** The flow an event's node names belong to: the ticket's, the task's or the application's. */
function flowOf(detail: TicketDetail, h: HistoryView): string {
  if (h.entity.kind === 'task') return detail.tasks.find((x) => x.id === h.entity.id)?.flow ?? detail.ticket.flow;
  if (h.entity.kind === 'application') return detail.applications.find((x) => x.id === h.entity.id)?.flow ?? detail.ticket.flow;
  return detail.ticket.flow;
}

/** X-1 工单流转: every step, newest first — what was done, by whom and which department, the node change, the opinion. */
export function TimelineCard({ detail }: { detail: TicketDetail }) {
  const catalogue = useCatalogue();
  const { t, lang } = useI18n('ticket');
  const events = [...detail.history].reverse();
  const subject = (h: HistoryView) => {
    if (h.entity.kind === 'task') return catalogue.departmentName(detail.tasks.find((x) => x.id === h.entity.id)?.department);
    if (h.entity.kind === 'application') {
      const app = detail.applications.find((x) => x.id === h.entity.id);
      return app ? `${catalogue.departmentName(app.applicant.department)} ${t(`kind.${app.kind}`)}` : '';
    }
    return '';
  };
  return (
    <Card size="small" title={t('timeline')} data-testid="ticket-timeline">
      {events.length === 0 ? <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('noHistory')} /> : (
        <Timeline
          items={events.map((h, i) => {
            const internal = h.event.startsWith('$');
            const flow = flowOf(detail, h);
            const moved = h.fromNode && h.toNode && h.fromNode !== h.toNode;
            return {
              key: h.id,
              color: internal ? 'gray' : i === 0 ? 'green' : 'blue',
              content: (
                <div data-testid="timeline-item" data-event={h.event}>
                  <Typography.Text strong>{internal ? t('system') : localName(catalogue.button(h.event), lang) || h.event}</Typography.Text>
                  {subject(h) && <Tag style={{ marginInlineStart: 8 }}>{subject(h)}</Tag>}
                  {moved && <Typography.Text type="secondary" style={{ marginInlineStart: 4 }}>{t('nodeChange', { from: nodeName(catalogue, flow, h.fromNode, lang), to: nodeName(catalogue, flow, h.toNode, lang) })}</Typography.Text>}
                  <div style={{ fontSize: 12, color: 'rgba(0,0,0,0.45)' }}>
                    {formatDateTime(h.at)}
                    {h.actor ? ` · ${detail.people?.[h.actor.user] ?? h.actor.user} · ${catalogue.departmentName(h.actor.department)}` : ''}
                  </div>
                  {h.opinion && <Typography.Paragraph style={{ margin: '2px 0 0', whiteSpace: 'pre-line' }}>{h.opinion}</Typography.Paragraph>}
                </div>
              ),
            };
          })}
        />
      )}
    </Card>
  );
}
