import { definitionKinds } from '../../definitions/schemas/index.js';
import type { IdentifiedKind } from '../../engine/definitions/bundleTypes.js';
import type { Bundle, Finding, KindTypes, PackageFile, PackageSource } from '../../engine/index.js';

/** Drafts of package manifests are stored as rows of this kind, keyed by package name. */
export const MANIFEST_KIND = 'manifest';
export const LINK_KIND = 'itemDomainLink';

/** One draft: a definition with the package and package-relative file it lives in. */
export interface Draft {
  readonly kind: string;
  readonly id: string;
  readonly package: string;
  readonly file: string;
  readonly position: number;
  readonly content: unknown;
}

/** A package set as one JSON document (export and import). */
export interface PackageSet {
  readonly packages: readonly { readonly manifest: unknown; readonly files: readonly { readonly path: string; readonly data: unknown }[] }[];
}

type KindSpec = (typeof definitionKinds)[number];
const kindByFile = new Map<string, KindSpec>(definitionKinds.flatMap((k) => k.files.map((f) => [f, k] as const)));
const specByKind = new Map<string, KindSpec>(definitionKinds.map((k) => [k.kind, k]));
/** Kinds whose definitions usually live one per file in a folder (`flows/<id>.json`). */
const FOLDER_KINDS = new Set(['flow', 'form']);

export function isKnownKind(kind: string): boolean {
  return specByKind.has(kind);
}

/** An item-domain link has no id of its own: it is keyed by item and domain. */
export function linkId(link: { item: string; domain: string }): string {
  return `${link.item}@${link.domain}`;
}

/** The draft id a definition of a kind should carry, or undefined when it has none. */
export function idOf(kind: string, content: unknown): string | undefined {
  const c = content as { id?: unknown; item?: unknown; domain?: unknown } | null;
  if (kind === LINK_KIND) return typeof c?.item === 'string' && typeof c.domain === 'string' ? linkId({ item: c.item, domain: c.domain }) : undefined;
  return typeof c?.id === 'string' ? c.id : undefined;
}

function positionOf(pointer: string): number {
  const n = Number(pointer.split('/')[1]);
  return Number.isInteger(n) ? n : 0;
}

/** The drafts a published bundle starts with: each definition in the package and file it came from. */
export function draftsFromBundle(bundle: Bundle): Draft[] {
  const drafts: Draft[] = bundle.packages.map((m) => ({ kind: MANIFEST_KIND, id: m.name, package: m.name, file: 'manifest.json', position: 0, content: m }));
  for (const spec of definitionKinds) {
    if (!spec.identified) continue;
    const kind = spec.kind as IdentifiedKind;
    for (const [id, value] of Object.entries(bundle.defs[kind])) {
      const location = bundle.locations[kind][id]!;
      const file = location.file.slice(location.package.length + 1);
      let content: unknown = value;
      if (kind === 'item') {
        // domains merged from other packages' item-domain-links.json go back to where they came from
        const item = value as KindTypes['item'];
        const own: KindTypes['item']['domains'][number][] = [];
        item.domains.forEach((d, i) => {
          const link = bundle.linkLocations[`${id}/domains/${i}`];
          if (!link) { own.push(d); return; }
          drafts.push({
            kind: LINK_KIND, id: linkId({ item: id, domain: d.domain }), package: link.package,
            file: link.file.slice(link.package.length + 1), position: positionOf(link.pointer), content: { item: id, ...d },
          });
        });
        content = { ...item, domains: own };
      }
      drafts.push({ kind, id, package: location.package, file, position: positionOf(location.pointer), content });
    }
  }
  return drafts;
}

/** Where a new definition goes in a package: next to others of its kind, else the kind's usual file. */
export function defaultFile(kind: string, id: string, siblings: readonly Draft[]): string {
  const spec = specByKind.get(kind)!;
  const base = spec.files[0];
  if (FOLDER_KINDS.has(kind)) return `${base}/${id}.json`;
  return siblings.find((d) => d.kind === kind && !d.file.includes('/'))?.file ?? `${base}.json`;
}

/** Where a definition of a built package file sits: `file#pointer` prefix → kind and id. */
export type DraftIndex = Map<string, { kind: string; id: string }>;

/** Builds package sources from drafts (what createBundle reads), with an index from file and pointer to the draft. */
export function sourcesFromDrafts(drafts: readonly Draft[]): { sources: PackageSource[]; index: DraftIndex } {
  const index: DraftIndex = new Map();
  const byPackage = new Map<string, Draft[]>();
  for (const d of drafts) byPackage.set(d.package, [...(byPackage.get(d.package) ?? []), d]);
  const sources: PackageSource[] = [];
  for (const [pkg, rows] of [...byPackage].sort(([a], [b]) => a.localeCompare(b))) {
    const manifest = rows.find((r) => r.kind === MANIFEST_KIND)?.content ?? { name: pkg };
    const byFile = new Map<string, Draft[]>();
    for (const r of rows) if (r.kind !== MANIFEST_KIND) byFile.set(r.file, [...(byFile.get(r.file) ?? []), r]);
    const files: PackageFile[] = [];
    for (const [path, inFile] of [...byFile].sort(([a], [b]) => a.localeCompare(b))) {
      const sorted = [...inFile].sort((a, b) => a.position - b.position || a.id.localeCompare(b.id));
      if (path.includes('/') && sorted.length === 1) {
        files.push({ path, data: sorted[0]!.content });
        index.set(`${pkg}/${path}#`, { kind: sorted[0]!.kind, id: sorted[0]!.id });
        continue;
      }
      files.push({ path, data: sorted.map((d) => d.content) });
      sorted.forEach((d, i) => index.set(`${pkg}/${path}#/${i}`, { kind: d.kind, id: d.id }));
    }
    sources.push({ manifest, files });
  }
  return { sources, index };
}

/** Adds the draft a finding is about (kind and id), when its file and pointer lead to one. */
export function locateFinding(f: Finding, index: DraftIndex): Finding & { definition?: { kind: string; id: string } } {
  if (!f.file) return f;
  const single = index.get(`${f.file}#`);
  const element = /^\/\d+/.exec(f.pointer)?.[0];
  const found = single ?? (element ? index.get(`${f.file}#${element}`) : undefined);
  return found ? { ...f, definition: found } : f;
}

export function packageSetOf(sources: readonly PackageSource[]): PackageSet {
  return { packages: sources.map((s) => ({ manifest: s.manifest, files: s.files.map((f) => ({ path: f.path, data: f.data })) })) };
}

/**
 * Drafts from an imported package set. Files that no kind owns and paths that would leave the
 * package are findings (an import loses nothing silently); schema checks are createBundle's.
 */
export function draftsFromPackageSet(set: PackageSet): { drafts: Draft[]; findings: Finding[] } {
  const drafts: Draft[] = [];
  const findings: Finding[] = [];
  const seen = new Set<string>();
  for (const p of set.packages) {
    const name = (p.manifest as { name?: unknown } | null)?.name;
    if (typeof name !== 'string') continue; // createBundle reports the manifest
    drafts.push({ kind: MANIFEST_KIND, id: name, package: name, file: 'manifest.json', position: 0, content: p.manifest });
    for (const f of p.files) {
      const file = `${name}/${f.path}`;
      const segments = f.path.split('/');
      const spec = kindByFile.get(segments.length === 2 ? (segments[0] ?? '') : f.path.replace(/\.json$/, ''));
      if (!spec || !f.path.endsWith('.json') || segments.length > 2 || segments.some((s) => s === '' || s === '.' || s === '..')) {
        findings.push({ code: 'TG_IMPORT_UNKNOWN_FILE', severity: 'error', file, pointer: '', message: `${f.path} is not a definition file of any kind` });
        continue;
      }
      const single = segments.length === 2;
      const values = single ? [f.data] : Array.isArray(f.data) ? (f.data as unknown[]) : [];
      values.forEach((content, i) => {
        const id = idOf(spec.kind, content);
        if (id === undefined) return; // createBundle reports the missing id
        const key = `${spec.kind}/${id}`;
        if (seen.has(key)) {
          findings.push({ code: 'TG_IMPORT_DUPLICATE', severity: 'error', file, pointer: single ? '' : `/${i}`, message: `${spec.kind} "${id}" is given twice` });
          return;
        }
        seen.add(key);
        drafts.push({ kind: spec.kind, id, package: name, file: f.path, position: i, content });
      });
    }
  }
  return { drafts, findings };
}
