import { Type } from '@sinclair/typebox';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { definitionKinds } from '../../../definitions/schemas/index.js';
import type { SessionUser } from '../../auth/authService.js';
import { kindList, DraftService, type ListQuery } from '../../definitions/draftService.js';
import type { PackageSet } from '../../definitions/draftRows.js';
import { DraftStore } from '../../definitions/draftStore.js';
import { PublishService } from '../../definitions/publishService.js';
import { AppError } from '../../errors.js';
import type { Services } from '../context.js';

const Kind = Type.Unsafe<string>({ type: 'string', enum: definitionKinds.map((k) => k.kind), description: 'A definition kind (GET /api/definitions/kinds)' });
const KindParams = Type.Object({ kind: Kind });
const DefinitionParams = Type.Object({
  kind: Kind,
  id: Type.String({ minLength: 1, maxLength: 200, description: 'The definition\u2019s id (item-domain links: <item>@<domain>)' }),
});
const ListQuerySchema = Type.Object({
  q: Type.Optional(Type.String({ maxLength: 200, description: 'Words found in any top-level text (id, name, code …)' })),
  package: Type.Optional(Type.String({ maxLength: 80 })),
  enabled: Type.Optional(Type.Union([Type.Literal('true'), Type.Literal('false')])),
  limit: Type.Optional(Type.String({ pattern: '^[0-9]{1,4}$' })),
  offset: Type.Optional(Type.String({ pattern: '^[0-9]{1,6}$' })),
}, { additionalProperties: false });
const PutQuery = Type.Object({
  package: Type.Optional(Type.String({ minLength: 1, maxLength: 80, description: 'The package a new definition joins (or moves to)' })),
}, { additionalProperties: false });
const Definition = Type.Object({}, { additionalProperties: true, description: 'The definition, valid against its kind\u2019s JSON Schema' });
const VersionNumber = Type.String({ pattern: '^[1-9][0-9]{0,8}$', description: 'A published version number' });
const Versions = Type.Object({ a: VersionNumber, b: VersionNumber });
const PackageSetSchema = Type.Object({
  packages: Type.Array(Type.Object({
    manifest: Type.Object({}, { additionalProperties: true }),
    files: Type.Array(Type.Object({ path: Type.String({ minLength: 1, maxLength: 300 }), data: Type.Unknown() }, { additionalProperties: false, required: ['path', 'data'] })),
  }, { additionalProperties: false }), { minItems: 1 }),
}, { additionalProperties: false });

function requireAdmin(request: FastifyRequest): SessionUser {
  const user = request.user!;
  if (!user.roles.includes('admin')) throw new AppError('TG_ERR_FORBIDDEN', { detail: '定义管理需要管理员角色 (admin)' });
  return user;
}

const tags = ['definitions'];

/**
 * Definitions for the designer (DEF-*, DESIGN principles 1 and 2): drafts per kind, validate, lint,
 * publish as an immutable bundle version, versions and their diffs, export and import. The kinds and
 * their schemas are open to every user; everything else needs the admin role.
 */
export async function definitionRoutes(app: FastifyInstance, services: Services): Promise<void> {
  const store = new DraftStore(services.knex, services.bundles, services.config.database.dialect, services.clock);
  const drafts = new DraftService(store, services.clock);
  const publishing = new PublishService(services.knex, store, services.bundles, services.clock);

  app.get('/api/definitions/kinds', { schema: { tags, summary: 'Definition kinds with their JSON Schema (forms, JSON editor)' } }, async () => ({ kinds: kindList() }));

  app.get('/api/definitions/versions', { schema: { tags, summary: 'Published bundle versions, newest first' } }, async (request) => {
    requireAdmin(request);
    return publishing.versions();
  });

  app.get('/api/definitions/versions/:a/diff/:b', { schema: { tags, summary: 'Definitions added, removed and changed (with JSON pointers) from version a to b', params: Versions } }, async (request) => {
    requireAdmin(request);
    const { a, b } = request.params as { a: string; b: string };
    return publishing.diff(Number(a), Number(b));
  });

  app.get('/api/definitions/export', { schema: { tags, summary: 'The drafts as a package set: { packages: [{ manifest, files: [{ path, data }] }] }' } }, async (request) => {
    requireAdmin(request);
    return publishing.exportDrafts();
  });

  app.post('/api/definitions/import', { bodyLimit: 16 * 1024 * 1024, schema: { tags, summary: 'Replace every draft by a package set; all or nothing', body: PackageSetSchema } }, async (request) => {
    return publishing.importDrafts(requireAdmin(request), request.body as PackageSet);
  });

  app.post('/api/definitions/validate', { schema: { tags, summary: 'Validate the drafts as one bundle (schemas, ids, packages)' } }, async (request) => {
    requireAdmin(request);
    return publishing.validate();
  });

  app.post('/api/definitions/lint', { schema: { tags, summary: 'Validate and lint the drafts; findings name file, JSON pointer and definition' } }, async (request) => {
    requireAdmin(request);
    return publishing.lint();
  });

  app.post('/api/definitions/publish', { schema: { tags, summary: 'Publish the drafts as a new bundle version (refused while lint reports errors)' } }, async (request, reply) => {
    const result = await publishing.publish(requireAdmin(request));
    return reply.status(201).send(result);
  });

  app.get('/api/definitions/:kind', { schema: { tags, summary: 'Drafts of a kind, with search', params: KindParams, querystring: ListQuerySchema } }, async (request) => {
    requireAdmin(request);
    const raw = request.query as Record<string, string | undefined>;
    const query: ListQuery = {
      ...(raw.q ? { q: raw.q } : {}), ...(raw.package ? { package: raw.package } : {}),
      ...(raw.enabled ? { enabled: raw.enabled === 'true' } : {}),
      limit: Math.min(Number(raw.limit ?? 200), 1000), offset: Number(raw.offset ?? 0),
    };
    return drafts.list((request.params as { kind: string }).kind, query);
  });

  app.get('/api/definitions/:kind/:id', { schema: { tags, summary: 'One draft', params: DefinitionParams } }, async (request) => {
    requireAdmin(request);
    const { kind, id } = request.params as { kind: string; id: string };
    return drafts.get(kind, id);
  });

  app.put('/api/definitions/:kind/:id', { schema: { tags, summary: 'Create or replace a draft (validated against its kind\u2019s schema)', params: DefinitionParams, querystring: PutQuery, body: Definition } }, async (request) => {
    const user = requireAdmin(request);
    const { kind, id } = request.params as { kind: string; id: string };
    return drafts.put(user, kind, id, request.body, (request.query as { package?: string }).package);
  });

  app.delete('/api/definitions/:kind/:id', { schema: { tags, summary: 'Delete a draft (refused while enabled, in use or referenced by ticket data)', params: DefinitionParams } }, async (request) => {
    requireAdmin(request);
    const { kind, id } = request.params as { kind: string; id: string };
    return drafts.remove(kind, id);
  });
}
