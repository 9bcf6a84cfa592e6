import type { FastifyInstance } from 'fastify';
import type { Bundle } from '../../../engine/index.js';
import type { OrgIndex } from '../../../engine/org/buildOrgIndex.js';
import type { Services } from '../context.js';

const tags = ['workbench'];

/** The published definitions the generated screens are built from; nothing personal, nothing the designer alone needs. */
function catalogueOf(version: number, bundle: Bundle, org: OrgIndex) {
  const enabled = <T extends { enabled?: boolean }>(defs: Readonly<Record<string, T>>) => Object.values(defs).filter((d) => d.enabled !== false);
  const { defs } = bundle;
  return {
    version,
    hash: bundle.hash,
    domains: enabled(defs.domain),
    directories: enabled(defs.catalogueDirectory),
    items: enabled(defs.item),
    forms: Object.values(defs.form),
    vocabularies: Object.values(defs.vocabulary),
    buttonTypes: enabled(defs.buttonType),
    buttonGroups: enabled(defs.buttonGroup),
    statusBindings: Object.values(defs.statusBinding),
    flows: Object.values(defs.flow).map((f) => ({
      id: f.id, name: f.name, ...(f.nameEn ? { nameEn: f.nameEn } : {}), entity: (f as { entity?: string }).entity, initial: f.initial,
      nodes: Object.fromEntries(f.nodes.map((n) => [n.id, { name: n.name ?? n.id, ...(n.nameEn ? { nameEn: n.nameEn } : {}) }])),
      // transitions by button, without guards and effects: which buttons a node offers and where they lead (registration's handling methods)
      transitions: f.transitions.filter((t) => t.button).map((t) => ({ from: t.from, button: t.button!, ...(t.to ? { to: t.to } : {}) })),
    })),
    systemParameters: Object.values(defs.systemParameter),
    roles: Object.values(defs.role).map((r) => ({ id: r.id, name: r.name, nameEn: (r as { nameEn?: string }).nameEn })),
    // names and shape only (pickers, region columns); people are not listed here
    org: {
      departments: [...org.departments.values()].filter((d) => d.enabled !== false).map((d) => ({
        id: d.id, name: d.name, ...(d.nameEn ? { nameEn: d.nameEn } : {}), parent: org.parentOf.get(d.id) ?? null, kind: d.kind, level: d.level, center: org.centerOf.get(d.id) ?? null,
        isCenter: org.centers.includes(d.id), ...(d.regionCode ? { regionCode: d.regionCode } : {}),
      })),
      grids: [...org.grids.values()].filter((g) => g.enabled !== false).map((g) => ({ id: g.id, name: g.name, ...(g.nameEn ? { nameEn: g.nameEn } : {}), community: g.community })),
    },
  };
}

/** What the workbench needs once per published version (the client keeps it by hash). */
export async function workbenchRoutes(app: FastifyInstance, services: Services): Promise<void> {
  let cached: { hash: string; body: string } | undefined;
  services.bundles.onOrgChanged(() => { cached = undefined; });
  app.get('/api/workbench/catalogue', {
    schema: { tags, summary: 'The published domains, catalogue directories, items, forms, vocabularies, button types, status bindings and flow node names the workbench renders' },
  }, async (request, reply) => {
    const { version, bundle } = await services.bundles.current();
    if (cached?.hash !== bundle.hash) {
      const { org } = await services.bundles.currentCompiled();
      cached = { hash: bundle.hash, body: JSON.stringify(catalogueOf(version, bundle, org)) };
    }
    const etag = `"${bundle.hash.slice(0, 24)}-${cached.body.length.toString(36)}"`;
    reply.header('etag', etag).header('cache-control', 'private, no-cache');
    if (request.headers['if-none-match'] === etag) return reply.code(304).send();
    return reply.type('application/json; charset=utf-8').send(cached.body);
  });
}
