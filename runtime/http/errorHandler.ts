import type { FastifyError, FastifyInstance } from 'fastify';
import { AppError } from '../errors.js';

/** Every error leaves as `{ code, message, messageZh, details? }` with its catalogue status; no stack traces. */
export function installErrorHandler(app: FastifyInstance): void {
  app.setErrorHandler((error: FastifyError | AppError | Error, request, reply) => {
    if (error instanceof AppError) return reply.status(error.status).send(error.toJSON());
    const fe = error as FastifyError;
    if (fe.validation) {
      const details = fe.validation.map((v) => ({ pointer: v.instancePath || '/', message: v.message ?? v.keyword, params: v.params }));
      const err = new AppError('TG_ERR_VALIDATION', { detail: `${fe.validationContext ?? 'body'}${details[0]?.pointer ?? ''} ${details[0]?.message ?? ''}` }, details);
      return reply.status(400).send(err.toJSON());
    }
    if (fe.statusCode && fe.statusCode >= 400 && fe.statusCode < 500) {
      return reply.status(fe.statusCode).send(new AppError('TG_ERR_VALIDATION', { detail: fe.message }).toJSON());
    }
    request.log.error({ err: error }, 'unhandled error');
    return reply.status(500).send(new AppError('TG_ERR_INTERNAL').toJSON());
  });
  app.setNotFoundHandler((request, reply) => {
    reply.status(404).send(new AppError('TG_ERR_NOT_FOUND', { what: `${request.method} ${request.url.split('?')[0]}` }).toJSON());
  });
}
