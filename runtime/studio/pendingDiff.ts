import { createBundle } from '../../engine/index.js';
import type { BundleStore } from '../app/bundleStore.js';
import { diffBundles, type BundleDiff } from '../definitions/definitionDiff.js';
import { sourcesFromDrafts } from '../definitions/draftRows.js';
import type { DraftStore } from '../definitions/draftStore.js';

export interface PendingDiff extends BundleDiff {
  readonly running: { readonly version: number; readonly hash: string };
  /** The drafts' bundle hash; absent while the drafts do not form a valid bundle. */
  readonly hash?: string;
  /** False when the drafts do not validate (the diff is then empty: lint says why). */
  readonly valid: boolean;
}

/** What publishing now would change: the drafts as a bundle against the running version. */
export async function pendingDiff(store: DraftStore, bundles: BundleStore): Promise<PendingDiff> {
  await store.ensureSeeded();
  const running = await bundles.current();
  const { bundle } = createBundle(sourcesFromDrafts(await store.all()).sources);
  const runningRef = { version: running.version, hash: running.bundle.hash };
  if (!bundle) return { running: runningRef, valid: false, packages: { added: [], removed: [], changed: [] }, kinds: {} };
  return { running: runningRef, hash: bundle.hash, valid: true, ...diffBundles(running.bundle, bundle) };
}
