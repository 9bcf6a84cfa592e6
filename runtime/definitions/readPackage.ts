import { readdir, readFile, stat } from 'node:fs/promises';
import { join, relative, resolve, dirname, basename, sep } from 'node:path';
import type { PackageFile, PackageSource } from '../../engine/definitions/bundleTypes.js';

async function readJson(path: string): Promise<{ data?: unknown; parseError?: string }> {
  const text = await readFile(path, 'utf8');
  try {
    return { data: JSON.parse(text) as unknown };
  } catch (e) {
    return { parseError: (e as Error).message };
  }
}

async function listFiles(dir: string, depth = 0): Promise<string[]> {
  const out: string[] = [];
  for (const entry of await readdir(dir, { withFileTypes: true })) {
    const full = join(dir, entry.name);
    if (entry.isDirectory() && depth === 0) out.push(...(await listFiles(full, depth + 1)));
    else if (entry.isFile() && entry.name.endsWith('.json')) out.push(full);
  }
  return out.sort();
}

/** Reads one definition package folder: `manifest.json` and every JSON file one folder deep. */
export async function readPackage(dir: string): Promise<PackageSource & { dir: string }> {
  const root = resolve(dir);
  const manifestPath = join(root, 'manifest.json');
  const manifest = await readJson(manifestPath);
  if (manifest.parseError !== undefined) throw new Error(`${manifestPath}: ${manifest.parseError}`);
  const files: PackageFile[] = [];
  for (const path of await listFiles(root)) {
    const rel = relative(root, path).split(sep).join('/');
    if (rel === 'manifest.json') continue;
    files.push({ path: rel, ...(await readJson(path)) });
  }
  return { dir: root, manifest: manifest.data, files };
}

async function isPackage(dir: string): Promise<boolean> {
  return stat(join(dir, 'manifest.json')).then((s) => s.isFile(), () => false);
}

/**
 * Reads a package and, transitively, the packages it depends on from sibling folders (or extra
 * search folders), dependencies first.
 */
export async function readPackageWithDependencies(dir: string, searchDirs: string[] = []): Promise<PackageSource[]> {
  const roots = [dirname(resolve(dir)), ...searchDirs.map((d) => resolve(d))];
  const loaded = new Map<string, PackageSource>();
  const order: PackageSource[] = [];
  const visit = async (pkgDir: string, trail: string[]): Promise<void> => {
    const pkg = await readPackage(pkgDir);
    const name = (pkg.manifest as { name?: string }).name ?? basename(pkgDir);
    if (loaded.has(name)) return;
    if (trail.includes(name)) throw new Error(`package dependency cycle: ${[...trail, name].join(' -> ')}`);
    for (const dep of ((pkg.manifest as { dependsOn?: string[] }).dependsOn ?? [])) {
      if (loaded.has(dep)) continue;
      let found: string | undefined;
      for (const root of roots) {
        if (await isPackage(join(root, dep))) { found = join(root, dep); break; }
      }
      if (found) await visit(found, [...trail, name]);
    }
    loaded.set(name, pkg);
    order.push(pkg);
  };
  await visit(dir, []);
  return order;
}

/** Where the built-in definition packages live. */
export const builtInPackagesDir = resolve(dirname(new URL(import.meta.url).pathname), '../../definitions/packages');
