import { Type } from '@sinclair/typebox';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { mayOpenView, visibleTabs } from '../../../engine/index.js';
import { centerOf, departmentOf } from '../../../engine/org/index.js';
import type { Services } from '../context.js';

export function bearer(request: FastifyRequest): string | undefined {
  const header = request.headers.authorization;
  return header?.startsWith('Bearer ') ? header.slice(7) : undefined;
}

const Login = Type.Object({ login: Type.String({ minLength: 1, maxLength: 80 }), password: Type.String({ minLength: 1, maxLength: 200 }) }, { additionalProperties: false });

export async function authRoutes(app: FastifyInstance, services: Services): Promise<void> {
  app.post('/api/auth/login', { schema: { tags: ['auth'], summary: 'Log in', body: Login }, config: { public: true } }, async (request) => {
    const { login, password } = request.body as { login: string; password: string };
    return services.auth.login(login, password, services.clock());
  });

  app.post('/api/auth/logout', { schema: { tags: ['auth'], summary: 'Log out' } }, async (request, reply) => {
    const token = bearer(request);
    if (token) await services.auth.logout(token);
    return reply.status(204).send();
  });

  app.get('/api/me', { schema: { tags: ['auth'], summary: 'The current user, their center and the views they may open' } }, async (request) => {
    const user = request.user!;
    const cb = await services.bundles.currentCompiled();
    const center = centerOf(cb.org, user.department);
    const views = Object.values(cb.bundle.defs.view)
      .filter((v) => mayOpenView(v, user.roles))
      .sort((a, b) => a.module.localeCompare(b.module) || a.order - b.order)
      .map((v) => ({ id: v.id, module: v.module, name: v.name, nameEn: v.nameEn, roles: v.roles.filter((r) => user.roles.includes(r)), tabs: visibleTabs(v, user.roles).map((t) => ({ key: t.key, name: t.name, nameEn: t.nameEn, roles: (t.roles ?? v.roles).filter((r) => user.roles.includes(r)) })) }));
    return {
      user, department: departmentOf(cb.org, user.department)?.name, center: center ? { id: center.id, name: center.name } : null, views,
    };
  });
}
