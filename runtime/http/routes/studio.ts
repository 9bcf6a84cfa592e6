import type { FastifyInstance, FastifyRequest } from 'fastify';
import { DraftStore } from '../../definitions/draftStore.js';
import { AppError } from '../../errors.js';
import { pendingDiff } from '../../studio/pendingDiff.js';
import type { Services } from '../context.js';

function requireAdmin(request: FastifyRequest): void {
  if (!request.user!.roles.includes('admin')) throw new AppError('TG_ERR_FORBIDDEN', { detail: '配置中心需要管理员角色 (admin)' });
}

const tags = ['studio'];

/** What the studio's publish screen needs beyond the definitions API (admin only). */
export async function studioRoutes(app: FastifyInstance, services: Services): Promise<void> {
  const store = new DraftStore(services.knex, services.bundles, services.config.database.dialect, services.clock);

  app.get('/api/studio/pending-diff', { schema: { tags, summary: 'What publishing the drafts now would change against the running version' } }, async (request) => {
    requireAdmin(request);
    return pendingDiff(store, services.bundles);
  });
}
