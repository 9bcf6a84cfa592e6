import { Type } from '@sinclair/typebox';
import type { FastifyInstance } from 'fastify';
import { MESSAGE_MAX_PAGE_SIZE, MESSAGE_PAGE_SIZE, MessageService } from '../../messages/messageService.js';
import type { Services } from '../context.js';

// query strings are not coerced (buildServer): numbers and flags arrive as strings
const ListQuery = Type.Object({
  unread: Type.Optional(Type.Union([Type.Literal('true'), Type.Literal('false')], { description: 'Only unread messages' })),
  page: Type.Optional(Type.String({ pattern: '^[1-9][0-9]{0,6}$', description: '1-based, default 1' })),
  pageSize: Type.Optional(Type.String({ pattern: '^[1-9][0-9]{0,2}$', description: `1..${MESSAGE_MAX_PAGE_SIZE}, default ${MESSAGE_PAGE_SIZE}` })),
}, { additionalProperties: false });
const MessageId = Type.Object({ id: Type.String({ minLength: 1, maxLength: 40 }) }, { additionalProperties: false });

/** 消息中心: the user's urges, reviews to do, rejections and returns. */
export async function messageRoutes(app: FastifyInstance, services: Services): Promise<void> {
  const messages = new MessageService(services.knex, services.clock);

  app.get('/api/messages', {
    schema: { tags: ['messages'], summary: 'Your messages, newest first: { total, page, pageSize, unreadCount, rows }', querystring: ListQuery },
  }, async (request) => {
    const query = request.query as { unread?: string; page?: string; pageSize?: string };
    return messages.list(request.user!, {
      unread: query.unread === 'true', page: Number(query.page ?? 1),
      pageSize: Math.min(MESSAGE_MAX_PAGE_SIZE, Number(query.pageSize ?? MESSAGE_PAGE_SIZE)),
    });
  });

  app.post('/api/messages/read-all', {
    schema: { tags: ['messages'], summary: 'Mark all your unread messages read: { updated }' },
  }, async (request) => messages.markAllRead(request.user!));

  app.post('/api/messages/:id/read', {
    schema: { tags: ['messages'], summary: 'Mark one of your messages read', params: MessageId },
  }, async (request) => messages.markRead(request.user!, (request.params as { id: string }).id));
}
