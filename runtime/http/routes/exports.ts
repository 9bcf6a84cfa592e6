import { Type } from '@sinclair/typebox';
import type { FastifyInstance } from 'fastify';
import { contentDisposition } from '../../attachments/fileName.js';
import { DOCX_CONTENT_TYPE, ExportService } from '../../exports/exportService.js';
import { requestLang } from '../../exports/lang.js';
import type { Services } from '../context.js';

const TicketId = Type.Object({ id: Type.String({ minLength: 1, maxLength: 40 }) });
const ExportQuery = Type.Object({ lang: Type.Optional(Type.Union([Type.Literal('zh-CN'), Type.Literal('en-US')], { description: 'Default: Accept-Language, else zh-CN' })) });

/** a ticket's details as a .docx through its domain's DEF-12 export template. */
export async function exportRoutes(app: FastifyInstance, services: Services): Promise<void> {
  const exports = new ExportService(services);
  app.get('/api/tickets/:id/export.docx', {
    schema: {
      tags: ['tickets'], summary: 'Export a ticket\u2019s details (X-4) through its domain\u2019s export template (DEF-12); reporter as on the detail page; audited; in the language of ?lang= or Accept-Language (zh-CN default, en-US)',
      params: TicketId, querystring: ExportQuery, produces: [DOCX_CONTENT_TYPE], response: { 200: { description: 'The filled template', type: 'string', format: 'binary' } },
    },
  }, async (request, reply) => {
    const { filename, content } = await exports.ticketDetail(request.user!, (request.params as { id: string }).id, requestLang(request.query, request.headers['accept-language']));
    return reply
      .type(DOCX_CONTENT_TYPE)
      .header('content-disposition', contentDisposition(filename))
      .header('cache-control', 'private, no-store')
      .send(content);
  });
}
