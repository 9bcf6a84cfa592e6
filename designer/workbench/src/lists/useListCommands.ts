import { App } from 'antd';
import type { ButtonType } from '../../../../definitions/schemas/button';
import { useNavigate } from 'react-router-dom';
import { api, ApiError } from '../../../shared/api/client';
import { localName, useI18n } from '../../../shared/i18n';
import type { ActionRequest } from '../actions/useActionDialog';
import { actionRequests, poolOf } from './listButtons';
import { listQuery, type ListState } from './listQuery';
import type { ListRow, ListTab, ListView } from './types';
import './texts';

interface Extraction { pool: string; requested: number; tickets: { id: string; number: string }[]; remaining: number }

interface Deps {
  view: ListView;
  tab: ListTab;
  views: ListView[];
  state: ListState;
  /** The generic action dialog (actions/useActionDialog). */
  run(requests: ActionRequest | ActionRequest[]): Promise<boolean>;
  openMerge(): void;
  /** Reloads rows and counts after something changed. */
  refresh(): Promise<void>;
}

/**
 * What pressing a list's buttons does, by the button type's method (DEF-10 执行方法名): view and edit
 * open the ticket, register opens 事件登记, export downloads the tab, extract draws from the pool,
 * merge opens the merge dialog, action opens the button's dialog for the rows.
 */
export function useListCommands({ view, tab, views, state, run, openMerge, refresh }: Deps) {
  const navigate = useNavigate();
  const { message } = App.useApp();
  const { t, lang } = useI18n('lists');
  const fail = (e: unknown) => message.error(e instanceof ApiError ? e.localized(lang) : String(e));

  const onRows = async (button: ButtonType, rows: ListRow[]) => {
    if (rows.length === 0) {
      message.warning(t('selectRows'));
      return;
    }
    switch (button.method) {
      case 'view': navigate(`/tickets/${rows[0]!.ticketId}`); return;
      case 'edit': navigate(`/tickets/${rows[0]!.ticketId}?edit=1`); return;
      case 'split': {
        const row = rows[0]!;
        try {
          await api.post(row.entity === 'task' ? `/api/tasks/${row.id}/split` : `/api/tickets/${row.ticketId}/split`, row.entity === 'ticket' ? { version: row.version } : {});
          await refresh();
        } catch (e) { fail(e); }
        return;
      }
      default:
        if (await run(actionRequests(button, rows))) await refresh();
    }
  };

  const onToolbar = async (button: ButtonType, selected: ListRow[]) => {
    switch (button.method) {
      case 'register': navigate('/register'); return;
      case 'export': {
        const name = `${localName({ name: view.name, nameEn: view.nameEn ?? undefined }, lang)}-${localName({ name: tab.name, nameEn: tab.nameEn ?? undefined }, lang)}.xlsx`;
        try {
          await api.download(`/api/views/${encodeURIComponent(view.id)}/tabs/${encodeURIComponent(tab.key)}/export`, listQuery(view, state, { paging: false }), name);
          message.success(t('exported', { name }));
        } catch (e) { fail(e); }
        return;
      }
      case 'extract': {
        const pool = poolOf(view, views);
        if (!pool) return;
        try {
          const r = await api.post<Extraction>(`/api/pools/${pool.pool}/extract`);
          if (r.tickets.length === 0) message.info(t('extractedNone'));
          else message.success(t('extracted', { count: r.tickets.length, remaining: r.remaining }));
          await refresh();
        } catch (e) { fail(e); }
        return;
      }
      case 'merge':
        if (selected.length < 2) message.warning(t('merge.needTwo'));
        else openMerge();
        return;
      default: await onRows(button, selected);
    }
  };

  return { onRows, onToolbar };
}
