import { definitionKinds } from '../../definitions/schemas/index.js';
import type { Manifest } from '../../definitions/schemas/manifest.js';
import { type Finding, hasErrors, pointer } from '../findings.js';
import type { Bundle, IdentifiedKind, KindTypes, Location, PackageSource } from './bundleTypes.js';
import { contentHash } from './contentHash.js';
import { validateDefinition } from './schemaValidator.js';

const kindByFile = new Map<string, (typeof definitionKinds)[number]>(
  definitionKinds.flatMap((k) => k.files.map((f) => [f, k] as const)),
);

interface Entry { kind: string; value: unknown; location: Location }

function entriesOf(pkg: string, path: string, data: unknown, findings: Finding[]): Entry[] {
  const file = `${pkg}/${path}`;
  const segments = path.split('/');
  const single = segments.length === 2;
  const base = (single ? segments[0] : segments[0]?.replace(/\.json$/, '')) ?? '';
  const spec = kindByFile.get(base);
  if (!spec || segments.length > 2) {
    findings.push({ code: 'ENG_UNKNOWN_FILE', severity: 'warning', file, pointer: '', message: `${path} is not a known definition file and was ignored` });
    return [];
  }
  if (single) return [{ kind: spec.kind, value: data, location: { package: pkg, file, pointer: '' } }];
  if (!Array.isArray(data)) {
    findings.push({ code: 'ENG_SCHEMA', severity: 'error', file, pointer: '', message: `${path} must hold an array of ${spec.kind} definitions` });
    return [];
  }
  return data.map((value, i) => ({ kind: spec.kind, value, location: { package: pkg, file, pointer: pointer(i) } }));
}

export interface CreateBundleResult {
  /** Absent when any error was found: nothing half-built is handed out. */
  readonly bundle?: Bundle;
  readonly findings: readonly Finding[];
}

/**
 * Validates every file of the given packages against its kind's schema, merges them (item-domain
 * links join their items), checks ids and package dependencies, and hashes the result.
 */
export function createBundle(sources: readonly PackageSource[]): CreateBundleResult {
  const findings: Finding[] = [];
  const manifests: Manifest[] = [];
  const entries: Entry[] = [];

  for (const source of sources) {
    const name = (source.manifest as { name?: unknown } | null)?.name;
    const pkg = typeof name === 'string' ? name : '(unnamed)';
    const manifestFindings = validateDefinition('manifest', source.manifest, `${pkg}/manifest.json`, '');
    findings.push(...manifestFindings);
    if (manifestFindings.length === 0) manifests.push(source.manifest as Manifest);
    for (const f of source.files) {
      if (!f.path.endsWith('.json') || f.path === 'manifest.json') continue;
      if (f.parseError !== undefined) {
        findings.push({ code: 'ENG_JSON_SYNTAX', severity: 'error', file: `${pkg}/${f.path}`, pointer: '', message: f.parseError });
        continue;
      }
      entries.push(...entriesOf(pkg, f.path, f.data, findings));
    }
  }

  const names = new Set(manifests.map((m) => m.name));
  for (const m of manifests) {
    if (manifests.filter((o) => o.name === m.name).length > 1) {
      findings.push({ code: 'ENG_DUPLICATE_PACKAGE', severity: 'error', file: `${m.name}/manifest.json`, pointer: '/name', message: `package "${m.name}" is given twice` });
    }
    m.dependsOn.forEach((dep, i) => {
      if (!names.has(dep)) {
        findings.push({ code: 'ENG_MISSING_PACKAGE', severity: 'error', file: `${m.name}/manifest.json`, pointer: pointer('dependsOn', i), message: `depends on package "${dep}", which was not loaded` });
      }
    });
  }

  const defs: Record<string, Record<string, unknown>> = {};
  const locations: Record<string, Record<string, Location>> = {};
  for (const k of definitionKinds) if (k.identified) { defs[k.kind] = {}; locations[k.kind] = {}; }
  const links: Entry[] = [];
  const linkLocations: Record<string, Location> = {};

  for (const e of entries) {
    const found = validateDefinition(e.kind, e.value, e.location.file, e.location.pointer);
    findings.push(...found);
    if (found.length > 0) continue;
    if (e.kind === 'itemDomainLink') { links.push(e); continue; }
    const id = (e.value as { id: string }).id;
    const previous = locations[e.kind]?.[id];
    if (previous) {
      findings.push({
        code: 'ENG_DUPLICATE_ID', severity: 'error', file: e.location.file, pointer: `${e.location.pointer}/id`,
        message: `${e.kind} id "${id}" is already defined in ${previous.file}#${previous.pointer}`,
      });
      continue;
    }
    defs[e.kind]![id] = e.value;
    locations[e.kind]![id] = e.location;
  }

  for (const link of links) {
    const { item, domain, overallLimit } = link.value as KindTypes['itemDomainLink'];
    const target = defs.item![item] as KindTypes['item'] | undefined;
    if (!target) {
      findings.push({ code: 'ENG_UNKNOWN_REFERENCE', severity: 'error', file: link.location.file, pointer: `${link.location.pointer}/item`, message: `item "${item}" does not exist` });
      continue;
    }
    if (target.domains.some((d) => d.domain === domain)) continue;
    linkLocations[`${item}/domains/${target.domains.length}`] = link.location;
    defs.item![item] = { ...target, domains: [...target.domains, overallLimit ? { domain, overallLimit } : { domain }] };
  }

  if (hasErrors(findings)) return { findings };
  const sortedManifests = [...manifests].sort((a, b) => a.name.localeCompare(b.name));
  const hash = contentHash({ packages: sortedManifests, defs });
  const bundle: Bundle = {
    hash,
    packages: sortedManifests,
    defs: defs as Bundle['defs'],
    locations: locations as Record<IdentifiedKind, Record<string, Location>>,
    linkLocations,
  };
  return { bundle, findings };
}
