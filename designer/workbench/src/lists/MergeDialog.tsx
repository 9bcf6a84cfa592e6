import { Alert, App, Modal, Radio, Space, Typography } from 'antd';
import { useState } from 'react';
import { api, ApiError } from '../../../shared/api/client';
import { useI18n } from '../../../shared/i18n';
import { mergeRequest } from './listButtons';
import type { ListRow, ListView } from './types';
import './texts';

const AUTO = '';

interface Props {
  view: Pick<ListView, 'entity'>;
  rows: ListRow[] | null;
  /** Title and number of a row as the list shows them. */
  describe(row: ListRow): string;
  onClose(merged: boolean): void;
}

/** ACC-3 / HND-3 工单合并 of the selected rows: tickets with a main chosen here (or by status), tasks by creation. */
export function MergeDialog({ view, rows, describe, onClose }: Props) {
  const { t, lang } = useI18n(['lists', 'common']);
  const { message } = App.useApp();
  const [main, setMain] = useState(AUTO);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const tickets = view.entity !== 'task';

  const close = (merged: boolean) => {
    setMain(AUTO);
    setError(null);
    onClose(merged);
  };

  const submit = async () => {
    if (!rows) return;
    const { path, body } = mergeRequest(view, rows, main || undefined);
    setBusy(true);
    try {
      const result = await api.post<{ main: { id: string; number?: string }; followers: unknown[] }>(path, body);
      const mainRow = rows.find((r) => r.ticketId === result.main.id || r.id === result.main.id);
      message.success(t('merge.done', { count: rows.length, main: result.main.number ?? (mainRow ? describe(mainRow) : result.main.id) }));
      close(true);
    } catch (e) {
      setError(e instanceof ApiError ? e.localized(lang) : String(e));
    } finally {
      setBusy(false);
    }
  };

  return (
    <Modal open={Boolean(rows)} title={t('merge.title')} onCancel={() => close(false)} onOk={() => void submit()} confirmLoading={busy}
      okText={t('common:ok')} cancelText={t('common:cancel')} destroyOnHidden data-testid="merge-dialog"
      okButtonProps={{ 'data-testid': 'merge-ok' } as Record<`data-${string}`, string>}>
      {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 12 }} data-testid="merge-error" />}
      {tickets ? (
        <>
          <Typography.Paragraph strong>{t('merge.main')}</Typography.Paragraph>
          <Radio.Group value={main} onChange={(e) => setMain(e.target.value as string)} data-testid="merge-main">
            <Space orientation="vertical">
              <Radio value={AUTO}>{t('merge.auto')}</Radio>
              {(rows ?? []).map((r) => <Radio key={r.ticketId} value={r.ticketId}>{describe(r)}</Radio>)}
            </Space>
          </Radio.Group>
          <Typography.Paragraph type="secondary" style={{ marginTop: 12, marginBottom: 0 }}>{t('merge.hint')}</Typography.Paragraph>
        </>
      ) : (
        <>
          <ul style={{ paddingInlineStart: 20 }}>{(rows ?? []).map((r) => <li key={r.id}>{describe(r)}</li>)}</ul>
          <Typography.Paragraph type="secondary" style={{ marginBottom: 0 }}>{t('merge.taskHint')}</Typography.Paragraph>
        </>
      )}
    </Modal>
  );
}
