import { compileBundle, createBundle, type CompiledBundle } from '../../engine/index.js';
import { sourcesFromDrafts } from '../definitions/draftRows.js';
import type { DraftStore } from '../definitions/draftStore.js';
import { AppError } from '../errors.js';
import type { Services } from '../http/context.js';
import { loadOrg } from '../org/orgStore.js';

/** Which definitions a studio tool tries: the drafts being edited or the running (published) bundle. */
export type ToolSource = 'draft' | 'published';

export interface ToolBundle {
  readonly source: ToolSource;
  readonly hash: string;
  /** The published version; absent for drafts. */
  readonly version?: number;
  readonly cb: CompiledBundle;
}

/**
 * The compiled bundle a studio tool works on. Drafts are built like publishing builds them (schemas,
 * ids, packages) but not linted, so staff can try a limit or a dispatch configuration before
 * publishing; drafts that do not build are a TG_ERR_DRAFTS_INVALID with their findings.
 */
export class ToolBundles {
  private draft?: { hash: string; cb: CompiledBundle };

  constructor(private readonly services: Services, private readonly store: DraftStore) {
    services.bundles.onOrgChanged(() => { this.draft = undefined; });
  }

  async get(source: ToolSource): Promise<ToolBundle> {
    if (source === 'published') {
      const { version, bundle } = await this.services.bundles.current();
      return { source, version, hash: bundle.hash, cb: await this.services.bundles.compiledFor(bundle.hash) };
    }
    await this.store.ensureSeeded();
    const { sources } = sourcesFromDrafts(await this.store.all());
    const { bundle, findings } = createBundle(sources);
    if (!bundle) {
      const errors = findings.filter((f) => f.severity === 'error');
      throw new AppError('TG_ERR_DRAFTS_INVALID', { count: errors.length }, { findings: errors });
    }
    if (this.draft?.hash !== bundle.hash) {
      const org = await loadOrg(this.services.knex, Object.values(bundle.defs.role));
      try {
        this.draft = { hash: bundle.hash, cb: compileBundle(bundle, org) };
      } catch (e) {
        throw new AppError('TG_ERR_DRAFTS_INVALID', { count: 1 }, { findings: [{ code: 'TG_COMPILE_FAILED', severity: 'error', pointer: '', message: (e as Error).message }] });
      }
    }
    return { source, hash: bundle.hash, cb: this.draft.cb };
  }
}
