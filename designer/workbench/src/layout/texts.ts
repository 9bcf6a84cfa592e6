import { registerTexts } from '../../../shared/i18n';

registerTexts('layout', {
  'zh-CN': { register: '事件登记', center: '所属中心', unread: '{{count}} 条未读', allMessages: '查看全部消息', ticket: '事件', openTicket: '查看事件', read: '已读', markRead: '标为已读', onlyUnread: '只看未读', kind: '类型', title: '内容', time: '时间', status: '状态', unreadTag: '未读', kinds: { urge: '催办', application: '申请', return: '退回', rejection: '驳回', notice: '通知' } },
  'en-US': { register: 'Register', center: 'Center', unread: '{{count}} unread', allMessages: 'All messages', ticket: 'Ticket', openTicket: 'Open ticket', read: 'Read', markRead: 'Mark read', onlyUnread: 'Unread only', kind: 'Kind', title: 'Content', time: 'Time', status: 'Status', unreadTag: 'Unread', kinds: { urge: 'Urge', application: 'Application', return: 'Return', rejection: 'Rejection', notice: 'Notice' } },
});
