import type { FastifyInstance, FastifyRequest } from 'fastify';
import { DepartmentService, type CreateDepartmentInput, type UpdateDepartmentInput } from '../../org/departmentService.js';
import { GridService, type CreateGridInput, type UpdateGridInput } from '../../org/gridService.js';
import { buildImportTemplate, TEMPLATE_FILE_NAME, XLSX_CONTENT_TYPE } from '../../org/importTemplate.js';
import { UserImport } from '../../org/userImport.js';
import { UserService, type CreateUserInput, type UpdateUserInput } from '../../org/userService.js';
import type { Services } from '../context.js';
import {
  CreateDepartment, CreateGrid, CreateUser, DepartmentDetailOut, DepartmentOut, DepartmentTreeOut, GridListOut, GridOut, GridQuery,
  IdParam, ImportOut, ImportQuery, ResetPassword, UpdateDepartment, UpdateGrid, UpdateUser, UserOut, UserPageOut, UserQuery,
} from './orgSchemas.js';

/** The upload limit of the user import (the server's JSON limit is 1 MiB). */
const IMPORT_BODY_LIMIT = 10 * 1024 * 1024;

const idOf = (request: FastifyRequest) => (request.params as { id: string }).id;
const flag = (value: string | undefined) => (value === undefined ? undefined : value === 'true');

/** Organisation: departments, grids and users (ORG-1..4), user import (ORG-3). Reads in data scope, writes by admins. */
export async function orgRoutes(app: FastifyInstance, services: Services): Promise<void> {
  const departments = new DepartmentService(services);
  const grids = new GridService(services);
  const users = new UserService(services);
  const userImport = new UserImport(services);
  const one = (summary: string, tag: string, response: object, extra: object = {}) => ({ schema: { tags: [tag], summary, params: IdParam, response: { 200: response }, ...extra } });

  // Departments (ORG-1)
  app.get('/api/org/departments', { schema: { tags: ['org'], summary: 'The department tree within your data scope', response: { 200: DepartmentTreeOut } } },
    async (request) => ({ departments: await departments.tree(request.user!) }));
  app.get('/api/org/departments/:id', one('A department with its full path name', 'org', DepartmentDetailOut),
    async (request) => departments.get(request.user!, idOf(request)));
  app.post('/api/org/departments', { schema: { tags: ['org'], summary: 'Create a department (admin); level and kind are inferred from the name when omitted', body: CreateDepartment, response: { 201: DepartmentOut } } },
    async (request, reply) => reply.status(201).send(await departments.create(request.user!, request.body as CreateDepartmentInput)));
  app.patch('/api/org/departments/:id', one('Change a department (admin)', 'org', DepartmentOut, { body: UpdateDepartment }),
    async (request) => departments.update(request.user!, idOf(request), request.body as UpdateDepartmentInput));
  app.post('/api/org/departments/:id/enable', one('Enable a department (admin)', 'org', DepartmentOut),
    async (request) => departments.setEnabled(request.user!, idOf(request), true));
  app.post('/api/org/departments/:id/disable', one('Disable a department (admin)', 'org', DepartmentOut),
    async (request) => departments.setEnabled(request.user!, idOf(request), false));
  app.delete('/api/org/departments/:id', { schema: { tags: ['org'], summary: 'Delete a department without users, children, grids or ticket data (admin)', params: IdParam } },
    async (request, reply) => {
      await departments.remove(request.user!, idOf(request));
      return reply.status(204).send();
    });

  // Grids (ORG-4)
  app.get('/api/org/grids', { schema: { tags: ['org'], summary: 'Grids within your data scope, optionally of one community', querystring: GridQuery, response: { 200: GridListOut } } },
    async (request) => ({ grids: await grids.list(request.user!, (request.query as { community?: string }).community) }));
  app.get('/api/org/grids/:id', one('A grid', 'org', GridOut), async (request) => grids.get(request.user!, idOf(request)));
  app.post('/api/org/grids', { schema: { tags: ['org'], summary: 'Create a grid of a community with an optional GeoJSON polygon (admin)', body: CreateGrid, response: { 201: GridOut } } },
    async (request, reply) => reply.status(201).send(await grids.create(request.user!, request.body as CreateGridInput)));
  app.patch('/api/org/grids/:id', one('Change a grid (admin); null clears geometry or keywords', 'org', GridOut, { body: UpdateGrid }),
    async (request) => grids.update(request.user!, idOf(request), request.body as UpdateGridInput));
  app.post('/api/org/grids/:id/enable', one('Enable a grid (admin)', 'org', GridOut), async (request) => grids.setEnabled(request.user!, idOf(request), true));
  app.post('/api/org/grids/:id/disable', one('Disable a grid (admin)', 'org', GridOut), async (request) => grids.setEnabled(request.user!, idOf(request), false));

  // Users (ORG-2)
  app.get('/api/org/users', { schema: { tags: ['org'], summary: 'Users within your data scope, filtered and paged', querystring: UserQuery, response: { 200: UserPageOut } } },
    async (request) => {
      const q = request.query as Record<string, string | undefined>;
      return users.list(request.user!, {
        ...(q.department ? { department: q.department } : {}), ...(q.q ? { q: q.q } : {}), ...(q.role ? { role: q.role } : {}),
        ...(flag(q.subtree) !== undefined ? { subtree: flag(q.subtree) } : {}), ...(flag(q.enabled) !== undefined ? { enabled: flag(q.enabled) } : {}),
        ...(q.page ? { page: Number(q.page) } : {}), ...(q.pageSize ? { pageSize: Number(q.pageSize) } : {}),
      });
    });
  app.get('/api/org/users/import-template', {
    schema: { tags: ['org'], summary: 'Download the user import template (.xlsx, ORG-3)', produces: [XLSX_CONTENT_TYPE], response: { 200: { description: 'The template', type: 'string', format: 'binary' } } },
  }, async (_request, reply) => reply
    .type(XLSX_CONTENT_TYPE)
    .header('content-disposition', `attachment; filename="user-import-template.xlsx"; filename*=UTF-8''${encodeURIComponent(TEMPLATE_FILE_NAME)}`)
    .send(await buildImportTemplate()));
  app.get('/api/org/users/:id', one('A user', 'org', UserOut), async (request) => users.get(request.user!, idOf(request)));
  app.post('/api/org/users', { schema: { tags: ['org'], summary: 'Create a user (admin); the password defaults to the configured default password', body: CreateUser, response: { 201: UserOut } } },
    async (request, reply) => reply.status(201).send(await users.create(request.user!, request.body as CreateUserInput)));
  app.patch('/api/org/users/:id', one('Change a user (admin)', 'org', UserOut, { body: UpdateUser }),
    async (request) => users.update(request.user!, idOf(request), request.body as UpdateUserInput));
  app.post('/api/org/users/:id/enable', one('Enable a user (admin)', 'org', UserOut), async (request) => users.setEnabled(request.user!, idOf(request), true));
  app.post('/api/org/users/:id/disable', one('Disable a user and end their sessions (admin)', 'org', UserOut),
    async (request) => users.setEnabled(request.user!, idOf(request), false));
  app.post('/api/org/users/:id/reset-password', one('Reset a password (admin): unlocks the account and ends its sessions; body {} uses the default password', 'org', UserOut, { body: ResetPassword }),
    async (request) => users.resetPassword(request.user!, idOf(request), (request.body as { password?: string }).password));

  // User import (ORG-3): the .xlsx is the raw body; the parser lives in this scope only.
  await app.register(async (scope) => {
    for (const type of [XLSX_CONTENT_TYPE, 'application/octet-stream']) {
      scope.addContentTypeParser(type, { parseAs: 'buffer', bodyLimit: IMPORT_BODY_LIMIT }, (_request, body, done) => done(null, body));
    }
    scope.post('/api/org/users/import', {
      bodyLimit: IMPORT_BODY_LIMIT,
      schema: {
        tags: ['org'], summary: 'Import users from the filled-in template (admin): all rows or none; row errors name row and column',
        description: `The body is the .xlsx file itself (content-type ${XLSX_CONTENT_TYPE}), not multipart; at most 10 MiB. A file with any bad row is a 400 TG_ERR_VALIDATION listing { row, column, field, code, message, messageZh } in details.errors and nothing is written.`,
        consumes: [XLSX_CONTENT_TYPE], querystring: ImportQuery, response: { 201: ImportOut },
      },
    }, async (request, reply) => {
      const q = request.query as { password?: string; roles?: string };
      const result = await userImport.run(request.user!, request.body, {
        ...(q.password ? { password: q.password } : {}), ...(q.roles ? { roles: q.roles.split(',') } : {}),
      });
      return reply.status(201).send(result);
    });
  });
}
