import { Type } from '@sinclair/typebox';
import type { FastifyInstance } from 'fastify';
import type { Services } from '../context.js';
import { DEFAULT_PAGE_SIZE, MAX_PAGE_SIZE } from '../../views/listParams.js';
import { ViewService } from '../../views/viewService.js';
import { requestLang } from '../../exports/lang.js';

const TabParams = Type.Object({
  view: Type.String({ minLength: 1, maxLength: 120 }),
  tab: Type.String({ minLength: 1, maxLength: 60 }),
}, { additionalProperties: false });

// query strings are not coerced (buildServer); the view's filter fields are further parameters, checked against the view
const ListQuery = Type.Object({
  page: Type.Optional(Type.String({ pattern: '^[0-9]{1,7}$', description: '1-based, default 1' })),
  pageSize: Type.Optional(Type.String({ pattern: '^[0-9]{1,3}$', description: `1..${MAX_PAGE_SIZE}, default ${DEFAULT_PAGE_SIZE}` })),
  sort: Type.Optional(Type.String({ maxLength: 120, description: 'A column or filter field of the view backed by an indexed column' })),
  dir: Type.Optional(Type.Union([Type.Literal('asc'), Type.Literal('desc')])),
  onlyMine: Type.Optional(Type.Union([Type.Literal('true'), Type.Literal('false')], { description: '仅看与我有关' })),
  q: Type.Optional(Type.String({ maxLength: 100, description: 'Matches the ticket number or title' })),
}, {
  additionalProperties: Type.String({ maxLength: 200 }),
  description: 'Filters are named after the view\'s filter fields: text contains, select equals, dateRange "from,to" (epoch ms or ISO).',
});

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** Generated list screens: views, tabs, counts, filters, paging, export (ACC/DSP/HND/REV/CLS lists, X-3, X-4). */
export async function viewRoutes(app: FastifyInstance, services: Services): Promise<void> {
  const views = new ViewService(services.knex, services.bundles, services.config.database.dialect, services.clock);

  app.get('/api/views', {
    schema: { tags: ['views'], summary: 'The list screens your roles may open, with their tabs and per-tab counts in your data scope' },
  }, async (request) => views.catalogue(request.user!));

  app.get('/api/views/:view/counts', {
    schema: {
      tags: ['views'], summary: 'Every tab\'s count of one view with 仅看与我有关 applied as the rows apply it: { view, onlyMine, tabs: [{ key, count }] }',
      params: Type.Object({ view: Type.String({ minLength: 1, maxLength: 120 }) }, { additionalProperties: false }),
      querystring: Type.Object({ onlyMine: Type.Optional(Type.Union([Type.Literal('true'), Type.Literal('false')], { description: '仅看与我有关' })) }, { additionalProperties: false }),
    },
  }, async (request) => {
    const { view } = request.params as { view: string };
    return views.counts(request.user!, view, request.query as Record<string, unknown>);
  });

  app.get('/api/views/:view/tabs/:tab', {
    schema: { tags: ['views'], summary: 'One page of a list tab: { total, page, pageSize, rows } (X-3 data scope, reporter masked)', params: TabParams, querystring: ListQuery },
  }, async (request) => {
    const { view, tab } = request.params as { view: string; tab: string };
    return views.list(request.user!, view, tab, request.query as Record<string, unknown>);
  });

  app.get('/api/views/:view/tabs/:tab/export', {
    schema: { tags: ['views'], summary: 'Every page of a list tab as .xlsx (X-4), with the same filters and order; in the language of ?lang= or Accept-Language (zh-CN default, en-US)', params: TabParams, querystring: ListQuery },
  }, async (request, reply) => {
    const { view, tab } = request.params as { view: string; tab: string };
    const { filename, content } = await views.export(request.user!, view, tab, request.query as Record<string, unknown>, requestLang(request.query, request.headers['accept-language']));
    return reply
      .header('content-type', XLSX)
      .header('content-disposition', `attachment; filename="export.xlsx"; filename*=UTF-8''${encodeURIComponent(filename)}`)
      .send(content);
  });
}
