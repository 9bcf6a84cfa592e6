import { existsSync } from 'node:fs';
import { join } from 'node:path';
import fastifyStatic from '@fastify/static';
import type { FastifyInstance, FastifyReply } from 'fastify';
import { AppError } from '../../errors.js';

// a missing file, not a screen: view ids such as view.dsp.dispatch in client routes are screens
const ASSET = /\.(js|mjs|css|map|png|jpe?g|gif|svg|ico|webp|woff2?|ttf|json|txt|html|wasm)$/i;

const NOT_BUILT = `<!doctype html><meta charset="utf-8"><title>统管 Tongguan</title>
<p>前端尚未构建：请运行 <code>npm run build:web</code>。The front end is not built yet: run <code>npm run build:web</code>.</p>
<p>API: <a href="/docs">/docs</a></p>`;

/**
 * The built front end: the workbench at `/` and the studio at `/studio/`, each a single-page app
 * whose client-side routes fall back to its index.html. API and docs paths never fall back.
 */
export async function webRoutes(app: FastifyInstance, webDir: string): Promise<void> {
  const built = existsSync(join(webDir, 'workbench', 'index.html'));
  if (built) {
    await app.register(fastifyStatic, { root: webDir, prefix: '/', index: false, wildcard: false, cacheControl: false });
    // hashed assets never change; pages must be read again after each build
    app.addHook('onSend', async (request, reply) => {
      if (request.url.startsWith('/assets/')) reply.header('cache-control', 'public, max-age=31536000, immutable');
    });
  }
  const page = (file: string) => async (_request: unknown, reply: FastifyReply) => {
    if (!built) return reply.type('text/html; charset=utf-8').send(NOT_BUILT);
    return reply.header('cache-control', 'no-cache').sendFile(file);
  };
  app.get('/', { schema: { hide: true } }, page('workbench/index.html'));
  app.get('/studio', { schema: { hide: true } }, page('studio/index.html'));
  app.get('/*', { schema: { hide: true } }, async (request, reply) => {
    const path = request.url.split('?')[0]!;
    const isServer = path.startsWith('/api/') || path.startsWith('/docs') || path.startsWith('/assets/') || ASSET.test(path);
    if (isServer) throw new AppError('TG_ERR_NOT_FOUND', { what: `GET ${path}` });
    return page(path.startsWith('/studio/') ? 'studio/index.html' : 'workbench/index.html')(request, reply);
  });
}
