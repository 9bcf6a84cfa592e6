import { App, Button, Popconfirm } from 'antd';
import { useState } from 'react';
import { api, ApiError } from '../../../shared/api/client';
import { useAuth } from '../../../shared/auth/AuthContext';
import { useCatalogue } from '../../../shared/catalogue/CatalogueContext';
import { localName, useI18n } from '../../../shared/i18n';
import './texts';

/** The split button type (method `split`) of the published catalogue, for its name in the UI language. */
const SPLIT_METHOD = 'split';

/**
 * ACC-3 / HND-3 manual split (拆分) from the detail page: a merged follower ticket (center staff) or a
 * merged follower task (its own department) runs alone again. Shown only to whom the server allows it.
 */
export function SplitButton({ kind, id, department, version, onDone }: { kind: 'ticket' | 'task'; id: string; department?: string; version?: number; onDone(): void }) {
  const { me } = useAuth();
  const catalogue = useCatalogue();
  const { t, lang } = useI18n('ticket');
  const { message } = App.useApp();
  const [busy, setBusy] = useState(false);
  const mine = kind === 'task' ? me?.user.department === department : me?.user.department === me?.center?.id;
  if (!mine) return null;
  const button = catalogue.buttonTypes.find((b) => b.method === SPLIT_METHOD);
  const name = localName(button, lang) || t('split');
  const split = async () => {
    setBusy(true);
    try {
      await api.post(kind === 'task' ? `/api/tasks/${id}/split` : `/api/tickets/${id}/split`, version ? { version } : {});
      message.success(t('splitDone'));
      onDone();
    } catch (e) {
      message.error(e instanceof ApiError ? e.localized(lang) : String(e));
    } finally {
      setBusy(false);
    }
  };
  return (
    <Popconfirm title={t(kind === 'task' ? 'splitTaskConfirm' : 'splitTicketConfirm')} onConfirm={() => void split()} okText={t('common:ok')} cancelText={t('common:cancel')}>
      <Button size="small" loading={busy} data-testid={`split-${kind}-${id}`}>{name}</Button>
    </Popconfirm>
  );
}
