import { Card, Empty, Table, Tag, Typography } from 'antd';
import { useCatalogue } from '../../../shared/catalogue/CatalogueContext';
import { useI18n } from '../../../shared/i18n';
import { formatDateTime } from '../common/format';
import type { ActionTarget } from '../actions/useActionDialog';
import { ActionBar } from './ActionBar';
import { applicationContent } from './applicationContent';
import { applicationStatus } from './names';
import type { ApplicationView, TicketDetail } from './types';
import './texts';
import '../actions/texts';

function ApplicationStatus({ app }: { app: ApplicationView }) {
  const catalogue = useCatalogue();
  const { lang } = useI18n();
  const s = applicationStatus(catalogue, app.flow, app.node, app.kind, lang);
  return <Tag data-node={app.node} style={{ color: s.textColor, background: s.backgroundColor, borderColor: s.textColor ? `${s.textColor}55` : undefined, marginInlineEnd: 0 }}>{s.text}</Tag>;
}

const KIND_COLORS: Record<string, string> = { extension: 'gold', suspension: 'purple', transfer: 'geekblue', assist: 'cyan', return: 'volcano', result: 'green' };

/** HND-4/HND-5/REV: the ticket's applications (extension, suspension, transfer, assist, return, result) with their review state and buttons. */
export function ApplicationsCard({ detail, onPress }: { detail: TicketDetail; onPress(button: string, target?: ActionTarget): void }) {
  const catalogue = useCatalogue();
  const { t, lang } = useI18n('ticket');
  const rows = [...detail.applications].sort((a, b) => b.createdAt - a.createdAt);
  const columns = [
    { key: 'kind', title: t('col.kind'), width: 100, render: (_: unknown, a: ApplicationView) => <Tag color={KIND_COLORS[a.kind]}>{t(`kind.${a.kind}`)}</Tag> },
    { key: 'applicant', title: t('col.applicant'), width: 160, render: (_: unknown, a: ApplicationView) => catalogue.departmentName(a.applicant.department) },
    {
      key: 'content', title: t('col.content'),
      render: (_: unknown, a: ApplicationView) => {
        const preview = detail.extensionPreviews?.[a.id];
        return (
          <>
            <Typography.Text>{applicationContent(catalogue, detail, a, t, lang)}</Typography.Text>
            {preview?.warning && <Typography.Text type="warning" style={{ display: 'block', fontSize: 12 }} data-testid="extension-warning">{t('actions:exceedsOverall')}</Typography.Text>}
          </>
        );
      },
    },
    { key: 'status', title: t('col.status'), width: 100, render: (_: unknown, a: ApplicationView) => <ApplicationStatus app={a} /> },
    {
      key: 'reviewer', title: t('col.reviewer'), width: 150,
      render: (_: unknown, a: ApplicationView) => (a.decidedAt ? <Typography.Text type="secondary" style={{ fontSize: 12 }}>{t('decided', { time: formatDateTime(a.decidedAt) })}</Typography.Text> : catalogue.departmentName(a.chain[a.step]?.department)),
    },
    { key: 'time', title: t('col.time'), width: 130, render: (_: unknown, a: ApplicationView) => formatDateTime(a.createdAt) },
    {
      key: 'actions', title: t('col.actions'), width: 170,
      render: (_: unknown, a: ApplicationView) => <ActionBar size="small" actions={detail.actions.applications[a.id]} target={{ kind: 'application', id: a.id }} onPress={onPress} testId={`application-actions-${a.kind}-${a.applicant.department}`} />,
    },
  ];
  return (
    <Card size="small" title={t('applications')} data-testid="ticket-applications">
      {rows.length === 0 ? <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('noApplications')} /> : (
        <Table<ApplicationView> size="small" rowKey="id" pagination={false} columns={columns} dataSource={rows}
          onRow={(a) => ({ 'data-kind': a.kind, 'data-node': a.node } as React.HTMLAttributes<HTMLElement>)} scroll={{ x: 900 }} />
      )}
    </Card>
  );
}
