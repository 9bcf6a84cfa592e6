import type { Knex } from '@mikro-orm/knex';
import { compileBundle, createBundle, hasErrors, lintBundle, type Bundle, type Finding } from '../../engine/index.js';
import type { BundleStore } from '../app/bundleStore.js';
import type { SessionUser } from '../auth/authService.js';
import { AppError } from '../errors.js';
import { loadOrg } from '../org/orgStore.js';
import { parseJson } from '../tickets/rows.js';
import { diffBundles } from './definitionDiff.js';
import { draftsFromPackageSet, locateFinding, packageSetOf, sourcesFromDrafts, type DraftIndex, type PackageSet } from './draftRows.js';
import { refuseTicketData } from './draftRules.js';
import type { DraftStore } from './draftStore.js';

interface Built {
  readonly bundle?: Bundle;
  readonly findings: Finding[];
  readonly index: DraftIndex;
}

function report(built: Built) {
  const count = (s: Finding['severity']) => built.findings.filter((f) => f.severity === s).length;
  return {
    ok: !hasErrors(built.findings),
    ...(built.bundle ? { hash: built.bundle.hash } : {}),
    counts: { error: count('error'), warning: count('warning'), info: count('info') },
    findings: built.findings.map((f) => locateFinding(f, built.index)),
  };
}

/** Kinds whose definitions ticket data names (tickets.item, tickets.domain, the flows tickets, tasks and applications run on). */
const TICKET_KINDS = new Set(['item', 'domain', 'flow']);

/** Validate, lint and publish the drafts; published versions and their diffs; export and import. */
export class PublishService {
  constructor(private readonly knex: Knex, private readonly store: DraftStore, private readonly bundles: BundleStore, private readonly clock: () => number) {}

  private async build(lint: boolean): Promise<Built> {
    await this.store.ensureSeeded();
    const { sources, index } = sourcesFromDrafts(await this.store.all());
    const { bundle, findings } = createBundle(sources);
    return { ...(bundle ? { bundle } : {}), findings: [...findings, ...(bundle && lint ? lintBundle(bundle) : [])], index };
  }

  /** Schema, id and package checks of the drafts as one bundle (createBundle). */
  async validate() {
    return report(await this.build(false));
  }

  /** `validate` plus the bundle lint (LINT_* and ORG_* findings). */
  async lint() {
    return report(await this.build(true));
  }

  /** Publishes the drafts as a new bundle version: refused while lint reports errors. Running tickets keep their bundle. */
  async publish(user: SessionUser) {
    const built = await this.build(true);
    const errors = built.findings.filter((f) => f.severity === 'error');
    const refuse = (findings: Finding[]) => new AppError('TG_ERR_PUBLISH_REFUSED', { count: findings.length }, report({ ...built, findings }));
    if (!built.bundle || errors.length > 0) throw refuse(errors);
    const bundle = built.bundle;
    try {
      compileBundle(bundle, await loadOrg(this.knex, Object.values(bundle.defs.role)));
    } catch (e) {
      throw refuse([{ code: 'TG_COMPILE_FAILED', severity: 'error', pointer: '', message: `the bundle does not compile: ${(e as Error).message}` }]);
    }
    const previous = await this.bundles.current();
    // an earlier configuration published again is a new version (a rollback); the running one again is nothing new
    if (previous.bundle.hash === bundle.hash) throw new AppError('TG_ERR_ALREADY_PUBLISHED', { version: previous.version }, { version: previous.version, hash: bundle.hash });
    const published = await this.bundles.publish(bundle, user.id, this.clock());
    return {
      version: published.version, hash: published.bundle.hash,
      previous: { version: previous.version, hash: previous.bundle.hash },
      diff: diffBundles(previous.bundle, published.bundle),
      findings: report(built).findings,
    };
  }

  async versions() {
    const rows = await this.knex('bundles').select('version', 'hash', 'created_at', 'created_by', 'packages').orderBy('version', 'desc');
    const versions = rows.map((r: Record<string, unknown>) => ({
      version: Number(r.version), hash: String(r.hash), createdAt: Number(r.created_at), createdBy: String(r.created_by),
      packages: parseJson<{ name: string; title: string; version: string }[]>(r.packages).map((m) => ({ name: m.name, title: m.title, version: m.version })),
    }));
    return { current: versions[0]?.version ?? null, versions };
  }

  private async bundleOf(version: number): Promise<Bundle> {
    const row = await this.knex('bundles').select('hash').where({ version }).first();
    if (!row) throw new AppError('TG_ERR_NOT_FOUND', { what: `definition version ${version}` });
    return this.bundles.byHash(String(row.hash));
  }

  async diff(a: number, b: number) {
    const [before, after] = [await this.bundleOf(a), await this.bundleOf(b)];
    return { from: { version: a, hash: before.hash }, to: { version: b, hash: after.hash }, ...diffBundles(before, after) };
  }

  /** The drafts as a package set that a package writer can put on disk as folders. */
  async exportDrafts(): Promise<PackageSet> {
    await this.store.ensureSeeded();
    return packageSetOf(sourcesFromDrafts(await this.store.all()).sources);
  }

  /** Replaces every draft by the package set, all or nothing: everything is validated first. */
  async importDrafts(user: SessionUser, set: PackageSet) {
    await this.store.ensureSeeded();
    const created = createBundle(set.packages.map((p) => ({ manifest: p.manifest, files: p.files.map((f) => ({ path: f.path, data: f.data })) })));
    const converted = draftsFromPackageSet(set);
    const findings = [...created.findings, ...converted.findings];
    const errors = findings.filter((f) => f.severity === 'error');
    if (!created.bundle || errors.length > 0) {
      const first = errors[0];
      throw new AppError('TG_ERR_VALIDATION', { detail: first ? `${first.file ?? ''}#${first.pointer} ${first.message}` : 'invalid package set' }, { findings: errors });
    }
    const kept = new Set(converted.drafts.map((d) => `${d.kind}/${d.id}`));
    await this.store.write(async (trx) => {
      for (const d of await this.store.all(trx)) {
        if (!TICKET_KINDS.has(d.kind) || kept.has(`${d.kind}/${d.id}`)) continue;
        const used = await this.store.ticketReferences(d.kind, d.id, trx);
        if (used > 0) throw refuseTicketData(d.kind, d.id, used);
      }
      await this.store.replaceAll(trx, converted.drafts, user.id, this.clock());
    });
    return { packages: set.packages.length, definitions: converted.drafts.length - set.packages.length, hash: created.bundle.hash, findings };
  }
}
