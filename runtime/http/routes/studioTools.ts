import { Type } from '@sinclair/typebox';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { SessionUser } from '../../auth/authService.js';
import { DraftStore } from '../../definitions/draftStore.js';
import { AppError } from '../../errors.js';
import { XLSX_CONTENT_TYPE } from '../../org/importTemplate.js';
import { CatalogueImport } from '../../studioTools/catalogueImport.js';
import { CATALOGUE_TEMPLATE_FILE } from '../../studioTools/catalogueSheets.js';
import { testRules, type RuleQuestion } from '../../studioTools/ruleTester.js';
import { calculateSla, type SlaQuestion } from '../../studioTools/slaCalculator.js';
import { ToolBundles, type ToolSource } from '../../studioTools/toolBundle.js';
import type { Services } from '../context.js';

/** The catalogue file: raw .xlsx up to 10 MiB, or base64 in JSON (a third more). */
const IMPORT_BODY_LIMIT = 10 * 1024 * 1024;
const JSON_IMPORT_LIMIT = 14 * 1024 * 1024;
const tags = ['studio tools'];

function requireAdmin(request: FastifyRequest): SessionUser {
  const user = request.user!;
  if (!user.roles.includes('admin')) throw new AppError('TG_ERR_FORBIDDEN', { detail: '配置中心工具需要管理员角色 (admin)' });
  return user;
}

const SourceQuery = Type.Object({
  source: Type.Optional(Type.Union([Type.Literal('draft'), Type.Literal('published')], { description: 'draft: the definition drafts being edited; published (default): the running bundle' })),
}, { additionalProperties: false });
const ImportQuery = Type.Object({
  dryRun: Type.Optional(Type.Union([Type.Literal('true'), Type.Literal('false')], { description: 'true: check every row and report what would change, write nothing' })),
  package: Type.Optional(Type.String({ minLength: 1, maxLength: 80, description: 'The package new directories and items join (default linkage)' })),
}, { additionalProperties: false });
const Base64File = Type.Object({
  fileName: Type.Optional(Type.String({ maxLength: 200 })),
  content: Type.String({ minLength: 1, maxLength: JSON_IMPORT_LIMIT, pattern: '^[A-Za-z0-9+/=\\s]+$', description: 'The .xlsx file, base64' }),
}, { additionalProperties: false });

const Urgency = Type.Union([Type.Literal('normal'), Type.Literal('urgent'), Type.Literal('veryUrgent')]);
const Unit = Type.Union([Type.Literal('workDay'), Type.Literal('workHour'), Type.Literal('naturalDay'), Type.Literal('naturalHour')]);
const Instant = Type.String({ minLength: 10, maxLength: 40, description: 'ISO 8601, or YYYY-MM-DD HH:mm in Beijing time' });
const SlaBody = Type.Object({
  limit: Type.Optional(Type.String({ minLength: 1, maxLength: 80, description: 'A time limit of the bundle' })),
  adhoc: Type.Optional(Type.Object({
    amount: Type.Number({ exclusiveMinimum: 0, maximum: 100000 }), unit: Unit,
    metering: Type.Optional(Type.Union([Type.Literal('single'), Type.Literal('cumulative')])),
    urgencyAmounts: Type.Optional(Type.Object({ urgent: Type.Optional(Type.Number({ exclusiveMinimum: 0 })), veryUrgent: Type.Optional(Type.Number({ exclusiveMinimum: 0 })) }, { additionalProperties: false })),
    warnBefore: Type.Optional(Type.Object({ amount: Type.Number({ exclusiveMinimum: 0 }), unit: Unit }, { additionalProperties: false })),
    calendar: Type.Optional(Type.String({ minLength: 1, maxLength: 80 })),
    attendance: Type.Optional(Type.String({ minLength: 1, maxLength: 80 })),
  }, { additionalProperties: false, description: 'A limit typed in by hand, instead of `limit`' })),
  start: Instant,
  urgency: Type.Optional(Urgency),
  pauses: Type.Optional(Type.Array(Type.Object({ from: Instant, to: Type.Optional(Type.Union([Instant, Type.Literal('')])) }, { additionalProperties: false }), { maxItems: 50, description: 'Suspensions (挂账), in order' })),
}, { additionalProperties: false });
const RuleBody = Type.Object({
  item: Type.String({ minLength: 1, maxLength: 80 }),
  center: Type.String({ minLength: 1, maxLength: 80, description: 'The command center holding the ticket' }),
  domain: Type.Optional(Type.String({ minLength: 1, maxLength: 80 })),
  grid: Type.Optional(Type.String({ minLength: 1, maxLength: 80 })),
  urgency: Type.Optional(Urgency),
  difficult: Type.Optional(Type.Boolean()),
  channel: Type.Optional(Type.String({ minLength: 1, maxLength: 80 })),
  fields: Type.Optional(Type.Record(Type.String(), Type.Unknown())),
}, { additionalProperties: false });

const sourceOf = (request: FastifyRequest): ToolSource => ((request.query as { source?: string }).source === 'draft' ? 'draft' : 'published');
const about = (b: { source: ToolSource; hash: string; version?: number }) => ({ source: b.source, hash: b.hash, ...(b.version === undefined ? {} : { version: b.version }) });

/** Studio tools for delivery staff (admin only): catalogue import from a spreadsheet, the time-limit calculator, the rule tester. */
export async function studioToolRoutes(app: FastifyInstance, services: Services): Promise<void> {
  const store = new DraftStore(services.knex, services.bundles, services.config.database.dialect, services.clock);
  const catalogue = new CatalogueImport(store, services.clock);
  const bundles = new ToolBundles(services, store);

  app.get('/api/studio/tools/catalogue/template', {
    schema: { tags, summary: 'Download the catalogue import template (.xlsx: 事项目录 and 事项清单 sheets, DEF-2/DEF-3)', produces: [XLSX_CONTENT_TYPE] },
  }, async (request, reply) => {
    requireAdmin(request);
    return reply.type(XLSX_CONTENT_TYPE)
      .header('content-disposition', `attachment; filename="catalogue-import-template.xlsx"; filename*=UTF-8''${encodeURIComponent(CATALOGUE_TEMPLATE_FILE)}`)
      .send(await catalogue.template());
  });

  await app.register(async (scope) => {
    for (const type of [XLSX_CONTENT_TYPE, 'application/octet-stream']) {
      scope.addContentTypeParser(type, { parseAs: 'buffer', bodyLimit: IMPORT_BODY_LIMIT }, (_request, body, done) => done(null, body));
    }
    scope.post('/api/studio/tools/catalogue/import', {
      bodyLimit: JSON_IMPORT_LIMIT,
      schema: {
        tags, querystring: ImportQuery,
        summary: 'Import directories and items into the definition drafts: all rows or none; row errors name sheet, row and column',
        description: `The body is the .xlsx file (content-type ${XLSX_CONTENT_TYPE}, at most 10 MiB) or JSON { fileName?, content: base64 }. `
          + 'A file with any bad row is a 400 TG_ERR_VALIDATION listing { sheet, sheetName, row, column, field, header, code, message, messageZh, value } in details.errors, and nothing is written. '
          + 'With dryRun=true the answer is 200 with ok, errors and what each row would do.',
        consumes: [XLSX_CONTENT_TYPE, 'application/json'],
        body: { content: { 'application/json': { schema: Base64File } } },
      },
    }, async (request, reply) => {
      const user = requireAdmin(request);
      const body = Buffer.isBuffer(request.body) ? request.body : Buffer.from((request.body as { content: string }).content, 'base64');
      const q = request.query as { dryRun?: string; package?: string };
      const result = await catalogue.run(user, body, { dryRun: q.dryRun === 'true', ...(q.package ? { package: q.package } : {}) });
      return reply.status(result.dryRun ? 200 : 201).send(result);
    });
  });

  app.post('/api/studio/tools/sla', {
    schema: { tags, summary: 'Time-limit calculator: due and warning time of a limit started at a time, with urgency and suspensions, and why', querystring: SourceQuery, body: SlaBody },
  }, async (request) => {
    requireAdmin(request);
    const bundle = await bundles.get(sourceOf(request));
    return { ...about(bundle), ...calculateSla(bundle.cb, request.body as SlaQuestion) };
  });

  app.post('/api/studio/tools/rules', {
    schema: { tags, summary: 'Rule tester: where auto-dispatch sends a ticket (with the trace) and which buttons each role sees at each node', querystring: SourceQuery, body: RuleBody },
  }, async (request) => {
    requireAdmin(request);
    const bundle = await bundles.get(sourceOf(request));
    return { ...about(bundle), ...(await testRules(bundle.cb, request.body as RuleQuestion, services.clock())) };
  });
}
