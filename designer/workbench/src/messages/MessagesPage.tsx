import { Button, Card, Space, Switch, Table, Tag, Typography } from 'antd';
import dayjs from 'dayjs';
import { useCallback, useEffect, useState } from 'react';
import { Link } from 'react-router-dom';
import { api } from '../../../shared/api/client';
import { useI18n } from '../../../shared/i18n';
import { messagesChanged } from '../layout/unreadCount';
import { messageText, type MessageSubject } from './messageText';

const KIND_COLORS: Record<string, string> = { urge: 'volcano', application: 'blue', return: 'orange', rejection: 'red', notice: 'default' };

interface Message { id: string; kind: string; title: string; subject: MessageSubject | null; body: unknown; ticketId: string | null; createdAt: number; readAt: number | null }
interface MessagePage { total: number; page: number; pageSize: number; unreadCount: number; rows: Message[] }

/** 消息中心: urges, reviews to do, rejections and returns, newest first. */
export function MessagesPage() {
  const { t } = useI18n(['common', 'layout', 'messages']);
  const [page, setPage] = useState(1);
  const [unreadOnly, setUnreadOnly] = useState(false);
  const [data, setData] = useState<MessagePage | null>(null);
  const load = useCallback(() => api.get<MessagePage>('/api/messages', { page, pageSize: 20, unread: unreadOnly ? 'true' : undefined }).then(setData), [page, unreadOnly]);
  useEffect(() => { void load(); }, [load]);
  const markRead = async (id: string) => { await api.post(`/api/messages/${id}/read`); messagesChanged(); await load(); };
  return (
    <Card title={<Space>{t('messages')}<Typography.Text type="secondary">{t('layout:unread', { count: data?.unreadCount ?? 0 })}</Typography.Text></Space>}
      extra={<Space><Switch size="small" checked={unreadOnly} onChange={(v) => { setUnreadOnly(v); setPage(1); }} />{t('layout:onlyUnread')}
        <Button size="small" onClick={async () => { await api.post('/api/messages/read-all'); messagesChanged(); await load(); }}>{t('markAllRead')}</Button></Space>}>
      <Table<Message> rowKey="id" data-testid="messages-table" size="middle" dataSource={data?.rows ?? []} loading={!data} locale={{ emptyText: t('noMessages') }}
        pagination={{ current: page, pageSize: 20, total: data?.total ?? 0, onChange: setPage, showSizeChanger: false }}
        columns={[
          { title: t('layout:status'), width: 90, render: (_, m) => (m.readAt ? <Tag>{t('layout:read')}</Tag> : <Tag color="red">{t('layout:unreadTag')}</Tag>) },
          { title: t('layout:kind'), width: 90, render: (_, m) => <Tag color={KIND_COLORS[m.kind] ?? 'default'}>{t(`layout:kinds.${m.kind}`, { defaultValue: m.kind })}</Tag> },
          // the server stores what the message is about; the sentence is made here, in the UI language
          { title: t('layout:title'), ellipsis: true, render: (_, m) => <span data-testid="message-text">{messageText(m, t)}</span> },
          { title: t('layout:ticket'), width: 120, render: (_, m) => (m.ticketId ? <Link to={`/tickets/${m.ticketId}`} onClick={() => void api.post(`/api/messages/${m.id}/read`).then(messagesChanged)}>{t('layout:openTicket')}</Link> : null) },
          { title: t('layout:time'), width: 170, render: (_, m) => dayjs(m.createdAt).format('YYYY-MM-DD HH:mm') },
          { title: '', width: 100, render: (_, m) => (m.readAt ? null : <Button type="link" size="small" onClick={() => void markRead(m.id)}>{t('layout:markRead')}</Button>) },
        ]} />
    </Card>
  );
}
