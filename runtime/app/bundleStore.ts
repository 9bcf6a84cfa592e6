import type { Knex } from '@mikro-orm/knex';
import { compileBundle, type Bundle, type CompiledBundle } from '../../engine/index.js';
import { AppError } from '../errors.js';
import { loadOrg } from '../org/orgStore.js';

export interface PublishedBundle {
  readonly version: number;
  readonly bundle: Bundle;
}

/**
 * Published bundles (immutable, content-hashed) and their compiled form with the live
 * organisation. A ticket runs on the bundle it was registered with, whatever was published since.
 */
export class BundleStore {
  private readonly bundles = new Map<string, Bundle>();
  private readonly compiled = new Map<string, CompiledBundle>();
  private currentVersion?: PublishedBundle;

  constructor(private readonly knex: Knex) {}

  /** A new version with this content; publishing the current content again changes nothing. */
  async publish(bundle: Bundle, by: string, now: number): Promise<PublishedBundle> {
    const latest = await this.knex('bundles').select('hash').orderBy('version', 'desc').first();
    if (latest?.hash !== bundle.hash) {
      await this.knex('bundles').insert({ hash: bundle.hash, created_at: now, created_by: by, packages: JSON.stringify(bundle.packages), content: JSON.stringify(bundle) });
    }
    this.currentVersion = undefined;
    return this.current();
  }

  async current(): Promise<PublishedBundle> {
    if (this.currentVersion) return this.currentVersion;
    const row = await this.knex('bundles').select('version', 'hash').orderBy('version', 'desc').first();
    if (!row) throw new AppError('TG_ERR_NO_BUNDLE');
    this.currentVersion = { version: Number(row.version), bundle: await this.byHash(String(row.hash)) };
    return this.currentVersion;
  }

  async byHash(hash: string, q: Knex = this.knex): Promise<Bundle> {
    let bundle = this.bundles.get(hash);
    if (!bundle) {
      const row = await q('bundles').select('content').where({ hash }).first();
      if (!row) throw new AppError('TG_ERR_NOT_FOUND', { what: `bundle ${hash.slice(0, 12)}` });
      bundle = JSON.parse(String(row.content)) as Bundle;
      this.bundles.set(hash, bundle);
    }
    return bundle;
  }

  /**
   * The compiled bundle for a hash, with the organisation as it is now. `q` reads what is not cached
   * yet (a transaction that holds the embedded database's one connection passes itself).
   */
  async compiledFor(hash: string, q: Knex = this.knex): Promise<CompiledBundle> {
    let cb = this.compiled.get(hash);
    if (!cb) {
      const bundle = await this.byHash(hash, q);
      cb = compileBundle(bundle, await loadOrg(q, Object.values(bundle.defs.role)));
      this.compiled.set(hash, cb);
    }
    return cb;
  }

  /** The compiled bundle for a hash when it is compiled already (no query), else undefined. */
  compiledIfReady(hash: string): CompiledBundle | undefined {
    return this.compiled.get(hash);
  }

  async currentCompiled(): Promise<CompiledBundle> {
    return this.compiledFor((await this.current()).bundle.hash);
  }

  private readonly orgListeners: (() => void)[] = [];

  /** Call after the organisation changed: compiled bundles are rebuilt on next use, and listeners hear of it. */
  orgChanged(): void {
    this.compiled.clear();
    for (const listener of this.orgListeners) listener();
  }

  /** Runs `listener` after every organisation change (users, roles, departments, grids). */
  onOrgChanged(listener: () => void): void {
    this.orgListeners.push(listener);
  }
}
