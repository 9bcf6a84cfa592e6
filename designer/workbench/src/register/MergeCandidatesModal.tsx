import { App, Button, Modal, Table, Tabs, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { Link } from 'react-router-dom';
import { api, ApiError } from '../../../shared/api/client';
import { useCatalogue } from '../../../shared/catalogue/CatalogueContext';
import { useI18n } from '../../../shared/i18n';
import { formatDateTime } from '../common/format';
import { StatusTag } from '../common/StatusTag';
import './texts';

/** A row of GET /api/tickets/:id/merge-candidates (runtime/merge/mergeStore.ts MergeTicketRow). */
interface CandidateRow {
  id: string; number: string; title: string; node: string; status: string; grid: string | null; channel: string; reportedAt: number;
  mergedInto: string | null; followers: number; version: number;
}

interface Props {
  /** The registered (draft) ticket to merge. */
  ticket: { id: string; number: string } | null;
  onClose(): void;
  onMerged(main: { id: string; number: string }): void;
}

/**
 * ACC-3 工单合并 at registration (seed: 重复工单 → 查看更多): the merged mains (已合并) to join and the
 * unmerged candidates (未合并) to multi-select; the server picks the main by status, then report time.
 */
export function MergeCandidatesModal({ ticket, onClose, onMerged }: Props) {
  const { t, lang } = useI18n(['register', 'common']);
  const { gridName } = useCatalogue();
  const { message } = App.useApp();
  const [lists, setLists] = useState<{ merged: CandidateRow[]; unmerged: CandidateRow[] } | null>(null);
  const [selected, setSelected] = useState<string[]>([]);
  const [busy, setBusy] = useState(false);
  useEffect(() => {
    setLists(null);
    setSelected([]);
    if (!ticket) return;
    api.get<{ merged: CandidateRow[]; unmerged: CandidateRow[] }>(`/api/tickets/${ticket.id}/merge-candidates`).then(setLists, (e) => {
      message.error(e instanceof ApiError ? e.localized(lang) : String(e));
      setLists({ merged: [], unmerged: [] });
    });
  }, [ticket, lang, message]);

  const merge = async (ids: string[], main?: string) => {
    if (!ticket) return;
    setBusy(true);
    try {
      const r = await api.post<{ main: { id: string; number: string } }>('/api/tickets/merge', { ticketIds: [ticket.id, ...ids], ...(main ? { main } : {}) });
      onMerged(r.main);
    } catch (e) {
      message.error(e instanceof ApiError ? e.localized(lang) : String(e));
    } finally {
      setBusy(false);
    }
  };

  const columns = (withAction: boolean) => [
    { title: t('mergeNumber'), dataIndex: 'number', width: 150, render: (n: string, r: CandidateRow) => <Link to={`/tickets/${r.id}`} target="_blank">{n}</Link> },
    { title: t('mergeTitle'), dataIndex: 'title', ellipsis: true },
    { title: t('status'), dataIndex: 'node', width: 100, render: (node: string, r: CandidateRow) => <StatusTag node={node} text={lang === 'zh-CN' ? r.status : undefined} /> },
    { title: t('grid'), dataIndex: 'grid', width: 140, render: (g: string | null) => gridName(g) },
    { title: t('reportedAt'), dataIndex: 'reportedAt', width: 140, render: (v: number) => formatDateTime(v) },
    ...(withAction ? [
      { title: t('followers'), dataIndex: 'followers', width: 70 },
      { title: '', key: 'act', width: 90, render: (_: unknown, r: CandidateRow) => <Button size="small" type="link" disabled={busy} onClick={() => void merge([r.id], r.id)}>{t('mergeInto')}</Button> },
    ] : []),
  ];

  return (
    <Modal open={Boolean(ticket)} title={t('mergeCandidatesTitle', { number: ticket?.number ?? '' })} onCancel={onClose} width={960} footer={null} destroyOnHidden data-testid="merge-candidates">
      <Typography.Paragraph type="secondary">{t('mergeCandidatesHint')}</Typography.Paragraph>
      <Tabs items={[
        {
          key: 'merged', label: `${t('merged')} (${lists?.merged.length ?? 0})`,
          children: <Table<CandidateRow> size="small" rowKey="id" loading={!lists} dataSource={lists?.merged ?? []} columns={columns(true)} pagination={false} scroll={{ y: 320 }} />,
        },
        {
          key: 'unmerged', label: `${t('unmerged')} (${lists?.unmerged.length ?? 0})`,
          children: (
            <>
              <Table<CandidateRow> size="small" rowKey="id" loading={!lists} dataSource={lists?.unmerged ?? []} columns={columns(false)} pagination={false} scroll={{ y: 320 }}
                rowSelection={{ selectedRowKeys: selected, onChange: (keys) => setSelected(keys as string[]) }} />
              <div style={{ textAlign: 'right', marginTop: 12 }}>
                <Button type="primary" disabled={selected.length === 0} loading={busy} onClick={() => void merge(selected)} data-testid="merge-selected">{t('mergeSelected')}</Button>
              </div>
            </>
          ),
        },
      ]} />
    </Modal>
  );
}
