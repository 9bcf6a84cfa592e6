import type { Bundle, IdentifiedKind, KindTypes, Location } from '../../../engine/definitions/bundleTypes.js';
import { createBundle } from '../../../engine/definitions/createBundle.js';
import { formatFinding, pointer, type Finding } from '../../../engine/findings.js';
import { builtInPackagesDir, readPackageWithDependencies } from '../../../runtime/definitions/readPackage.js';

/** A bundle whose definitions tests may change (a deep copy; the cached original stays intact). */
export interface MutableBundle {
  hash: string;
  packages: Bundle['packages'];
  defs: { [K in IdentifiedKind]: Record<string, KindTypes[K]> };
  locations: { [K in IdentifiedKind]: Record<string, Location> };
}

const cache = new Map<string, Promise<Bundle>>();

/** A built-in package with its dependencies, built into a bundle once per test file. */
export function builtInBundle(name: string): Promise<Bundle> {
  let bundle = cache.get(name);
  if (!bundle) {
    bundle = (async () => {
      const { bundle: built, findings } = createBundle(await readPackageWithDependencies(`${builtInPackagesDir}/${name}`));
      if (!built) throw new Error(findings.map(formatFinding).join('\n'));
      return built;
    })();
    cache.set(name, bundle);
  }
  return bundle;
}

export function copyOf(bundle: Bundle): MutableBundle {
  return structuredClone(bundle) as unknown as MutableBundle;
}

/** `file#pointer` of a place inside a definition, as findings report it. */
export function where(bundle: MutableBundle | Bundle, kind: IdentifiedKind, id: string, ...path: (string | number)[]): string {
  const location = bundle.locations[kind][id];
  if (!location) throw new Error(`no location for ${kind} ${id}`);
  return `${location.file}#${location.pointer}${pointer(...path)}`;
}

export function whereOf(f: Finding): string {
  return `${f.file ?? ''}#${f.pointer}`;
}

/** Adds a definition as if it were the next entry of `file` in package `pkg`. */
export function add<K extends IdentifiedKind>(bundle: MutableBundle, kind: K, definition: KindTypes[K], file: string, pkg = 'linkage'): string {
  const id = (definition as { id: string }).id;
  const path = `${pkg}/${file}`;
  const next = Object.values(bundle.locations[kind]).filter((l) => l.file === path).length;
  (bundle.defs[kind] as Record<string, KindTypes[K]>)[id] = definition;
  (bundle.locations[kind] as Record<string, Location>)[id] = { package: pkg, file: path, pointer: `/${next}` };
  return id;
}

export function flowOf(bundle: MutableBundle, id: string): KindTypes['flow'] {
  const flow = bundle.defs.flow[id];
  if (!flow) throw new Error(`no flow ${id}`);
  return flow;
}

export function nodeIndex(flow: KindTypes['flow'], node: string): number {
  const i = flow.nodes.findIndex((n) => n.id === node);
  if (i < 0) throw new Error(`flow ${flow.id} has no node ${node}`);
  return i;
}

/** Appends a transition and returns its index. */
export function pushTransition(flow: KindTypes['flow'], t: KindTypes['flow']['transitions'][number]): number {
  return flow.transitions.push(t) - 1;
}

/** Appends a node with a status binding (so only the property under test is wrong) and returns its index. */
export function pushBoundNode(bundle: MutableBundle, flow: KindTypes['flow'], id: string, statusValue: number): number {
  const i = flow.nodes.push({ id, name: id }) - 1;
  add(bundle, 'statusBinding', {
    id: `sb.test.${id}`, flow: flow.id, node: id, statusText: id, statusValue,
    textColor: '#000000', backgroundColor: '#ffffff', handlerType: 'none',
  }, 'status-bindings.json');
  return i;
}

export function item(bundle: MutableBundle, id: string): KindTypes['item'] {
  const found = bundle.defs.item[id];
  if (!found) throw new Error(`no item ${id}`);
  return found;
}

export function dispatchIndex(it: KindTypes['item'], region: string): number {
  const k = it.dispatch.findIndex((c) => c.region === region);
  if (k < 0) throw new Error(`item ${it.id} has no dispatch configuration at ${region}`);
  return k;
}
