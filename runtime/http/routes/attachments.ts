import { Type } from '@sinclair/typebox';
import type { FastifyError, FastifyInstance } from 'fastify';
import { AttachmentService, MAX_ATTACHMENT_BYTES, tooLarge } from '../../attachments/attachmentService.js';
import { ATTACHMENT_EXTS, ATTACHMENT_TYPES } from '../../attachments/contentCheck.js';
import { contentDisposition } from '../../attachments/fileName.js';
import type { Services } from '../context.js';

/** Content types a client may declare for the raw body; the declared type is never trusted (the content is sniffed). */
const BODY_TYPES = [
  'application/octet-stream', ...new Set(Object.values(ATTACHMENT_TYPES).map((t) => t.split(';')[0]!)),
  'application/x-rar-compressed', 'application/x-zip-compressed', 'image/x-ms-bmp', 'image/pjpeg',
];

const UploadQuery = Type.Object({ name: Type.String({ minLength: 1, maxLength: 1000, description: 'The file name; only its extension and last segment are used' }) });
const AttachmentOut = Type.Object({
  id: Type.String(), name: Type.String(), mime: Type.String(), size: Type.Number(), sha256: Type.String(), uploadedAt: Type.Number(),
});
const IdParam = Type.Object({ id: Type.String({ minLength: 1, maxLength: 40 }) });

/** ACC-1 attachments: upload the raw file, download it back (uploader, or who may see its ticket). */
export async function attachmentRoutes(app: FastifyInstance, services: Services): Promise<void> {
  const attachments = new AttachmentService(services);

  app.get('/api/attachments/:id', {
    schema: {
      tags: ['attachments'], summary: 'Download an attachment (its uploader, or users who may see its ticket); audited', params: IdParam,
      response: { 200: { description: 'The file', type: 'string', format: 'binary' } },
    },
  }, async (request, reply) => {
    const file = await attachments.download(request.user!, (request.params as { id: string }).id);
    return reply
      .type(file.mime)
      .header('content-length', file.size)
      .header('content-disposition', contentDisposition(file.name))
      .header('x-content-type-options', 'nosniff')
      .header('cache-control', 'private, no-store')
      .send(file.stream);
  });

  // The file is the raw body (not multipart); these parsers live in this scope only.
  await app.register(async (scope) => {
    scope.removeAllContentTypeParsers();
    scope.addContentTypeParser(BODY_TYPES, { parseAs: 'buffer', bodyLimit: MAX_ATTACHMENT_BYTES }, (_request, body, done) => done(null, body));
    scope.setErrorHandler((error: FastifyError, _request, reply) => {
      if (error.code === 'FST_ERR_CTP_BODY_TOO_LARGE') return reply.status(413).send(tooLarge().toJSON());
      throw error; // everything else as everywhere (errorHandler.ts)
    });
    scope.post('/api/attachments', {
      bodyLimit: MAX_ATTACHMENT_BYTES,
      schema: {
        tags: ['attachments'], summary: 'Upload an attachment (ACC-1); register the ticket with its id in fields.attachments',
        description: `The body is the file itself (e.g. content-type application/octet-stream), not multipart; at most ${MAX_ATTACHMENT_BYTES / 1024 / 1024} MB ` +
          `(413 TG_ERR_ATTACHMENT_TOO_LARGE). Types: ${ATTACHMENT_EXTS.join(', ')}, by the name's extension (400 TG_ERR_ATTACHMENT_TYPE); ` +
          'the content must match it (400 TG_ERR_ATTACHMENT_CONTENT). Nothing is stored on a refusal.',
        consumes: BODY_TYPES, querystring: UploadQuery, response: { 201: AttachmentOut },
      },
    }, async (request, reply) => {
      const body = Buffer.isBuffer(request.body) ? request.body : Buffer.alloc(0);
      const saved = await attachments.upload(request.user!, (request.query as { name: string }).name, body);
      return reply.status(201).send(saved);
    });
  });
}
