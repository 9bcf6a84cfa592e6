import { stat } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { createBundle } from '../../engine/definitions/createBundle.js';
import type { Bundle } from '../../engine/definitions/bundleTypes.js';
import type { Finding } from '../../engine/findings.js';
import { lintBundle, sortFindings } from '../../engine/lint/index.js';
import type { Manifest } from '../../definitions/schemas/manifest.js';
import { builtInPackagesDir, readPackageWithDependencies } from '../definitions/readPackage.js';

/** A package that cannot be read at all (no folder, no manifest, broken manifest JSON, dependency cycle). */
export class PackageReadError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'PackageReadError';
  }
}

export interface LoadedPackage {
  /** The package's own name (from its manifest). */
  readonly name: string;
  readonly bundle?: Bundle;
  /** Schema and bundle findings (createBundle), then lint findings when a bundle was built. */
  readonly findings: readonly Finding[];
}

/**
 * Reads a package folder and its dependencies (sibling folders first, then the built-in packages),
 * builds the bundle and lints it. Throws PackageReadError only when nothing could be read.
 */
export async function loadPackage(dir: string): Promise<LoadedPackage> {
  const root = resolve(dir);
  const isPackage = await stat(join(root, 'manifest.json')).then((s) => s.isFile(), () => false);
  if (!isPackage) throw new PackageReadError(`${dir} is not a definition package (no manifest.json)`);
  let sources;
  try {
    sources = await readPackageWithDependencies(root, [builtInPackagesDir]);
  } catch (e) {
    throw new PackageReadError((e as Error).message);
  }
  const own = sources[sources.length - 1]?.manifest as Partial<Manifest> | undefined;
  const name = typeof own?.name === 'string' ? own.name : dir;
  const { bundle, findings } = createBundle(sources);
  if (!bundle) return { name, findings: sortFindings(findings) };
  return { name, bundle, findings: sortFindings([...findings, ...lintBundle(bundle)]) };
}

export function packageList(bundle: Bundle): string {
  return bundle.packages.map((p) => `${p.name}@${p.version}`).join(', ');
}
