import type { Knex } from '@mikro-orm/knex';
import { compileBundle, type Bundle, type CompiledBundle } from '../../engine/index.js';
import { AppError } from '../errors.js';
import { selectRows } from '../db/directSql.js';
import { loadOrg } from '../org/orgStore.js';
import { nextSequence } from '../tickets/ticketStore.js';

/** The counter every organisation change moves (sequences table). */
const ORG_VERSION = 'org.version';

/** Moves the organisation's change counter, in the transaction that changes the organisation. */
export async function bumpOrgVersion(trx: Knex.Transaction): Promise<void> {
  await nextSequence(trx, ORG_VERSION);
}

/** How long (clock ms) the current version and the organisation are trusted before they are checked again. */
export const CURRENT_CHECK_MS = 5_000;

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
  /** When the current version was read (clock ms): it is read again after CURRENT_CHECK_MS. */
  private currentReadAt = 0;
  /** The organisation's change counter as last read (bumpOrgVersion). */
  private orgVersion?: number;

  constructor(private readonly knex: Knex, private readonly clock: () => number = Date.now) {}

  /** Tells the other runtime processes of a publish or an organisation change here (createApp sets it). */
  announce: (event: 'bundle' | 'org') => void = () => undefined;

  /** Another process published a bundle or changed the organisation. */
  changedElsewhere(event: 'bundle' | 'org'): void {
    if (event === 'bundle') this.currentVersion = undefined;
    else this.forgetOrg();
  }

  /** A new version with this content; publishing the current content again changes nothing. */
  async publish(bundle: Bundle, by: string, now: number): Promise<PublishedBundle> {
    const latest = await this.knex('bundles').select('hash').orderBy('version', 'desc').first();
    if (latest?.hash !== bundle.hash) {
      await this.knex('bundles').insert({ hash: bundle.hash, created_at: now, created_by: by, packages: JSON.stringify(bundle.packages), content: JSON.stringify(bundle) });
    }
    this.currentVersion = undefined;
    this.announce('bundle');
    return this.current();
  }

  /**
   * The latest published bundle. Another process's publish or organisation change is heard at once
   * with REDIS_URL (changedElsewhere); both are also checked every CURRENT_CHECK_MS, for a process
   * without Redis or a message lost.
   */
  async current(): Promise<PublishedBundle> {
    const now = this.clock();
    if (this.currentVersion && now - this.currentReadAt >= 0 && now - this.currentReadAt < CURRENT_CHECK_MS) return this.currentVersion;
    const [row, org] = await Promise.all([
      this.knex('bundles').select('version', 'hash').orderBy('version', 'desc').first(),
      selectRows<{ value: number }>(this.knex, 'select `value` from `sequences` where `name` = ?', [ORG_VERSION]),
    ]);
    if (!row) throw new AppError('TG_ERR_NO_BUNDLE');
    // an organisation change committed by another process (without REDIS_URL to hear of it)
    const orgVersion = Number(org[0]?.value ?? 0);
    if (this.orgVersion !== undefined && this.orgVersion !== orgVersion) this.forgetOrg();
    this.orgVersion = orgVersion;
    if (this.currentVersion?.version !== Number(row.version)) {
      this.currentVersion = { version: Number(row.version), bundle: await this.byHash(String(row.hash)) };
    }
    this.currentReadAt = now;
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

  /** Call after the organisation changed here: compiled bundles are rebuilt on next use, listeners and the other processes hear of it. */
  orgChanged(): void {
    this.forgetOrg();
    this.announce('org');
  }

  private forgetOrg(): void {
    this.compiled.clear();
    for (const listener of this.orgListeners) listener();
  }

  /** Runs `listener` after every organisation change (users, roles, departments, grids). */
  onOrgChanged(listener: () => void): void {
    this.orgListeners.push(listener);
  }
}
