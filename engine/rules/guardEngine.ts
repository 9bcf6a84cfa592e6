import { Engine, type TopLevelCondition } from 'json-rules-engine';
import type { Condition, Guard } from '../../definitions/schemas/index.js';

/** A keyed guard: the key is unique within one evaluation (see `guardKey`). */
export interface KeyedGuard {
  readonly key: string;
  readonly guard: Guard;
}

export interface GuardResults {
  readonly passed: ReadonlySet<string>;
}

function topLevel(c: Condition): TopLevelCondition {
  return ('all' in c || 'any' in c || 'not' in c ? c : { all: [c] }) as TopLevelCondition;
}

const SIMPLE_PATH = /^\$(?:\.[A-Za-z_][A-Za-z0-9_]*)+$/;
const segments = new Map<string, readonly string[]>();

/**
 * json-rules-engine's condition `path` resolver for plain member paths (`$.kind`, `$.moreSteps`):
 * walks the object the way its default JSONPath resolver does (an own property of a truthy value,
 * else undefined) without JSONPath's per-call parsing and the exception it throws to return a
 * scalar, which cost more than the rules themselves. Only used when every path is plain.
 */
export function resolveMemberPath(value: unknown, path: string): unknown {
  let keys = segments.get(path);
  if (!keys) {
    keys = path.slice(2).split('.');
    segments.set(path, keys);
  }
  let current = value;
  for (const key of keys) {
    if (!current || !Object.hasOwn(current as object, key)) return undefined;
    current = (current as Record<string, unknown>)[key];
  }
  return current;
}

/** Every `path` in a condition tree (conditions and fact references in their values). */
function paths(node: unknown, out: string[] = []): string[] {
  if (Array.isArray(node)) for (const n of node) paths(n, out);
  else if (node && typeof node === 'object') {
    for (const [key, value] of Object.entries(node)) {
      if (key === 'path' && typeof value === 'string') out.push(value);
      else paths(value, out);
    }
  }
  return out;
}

type Facts = Readonly<Record<string, unknown>>;
/** A compiled condition: true when it passes for these facts. */
type Predicate = (facts: Facts) => boolean;

/** json-rules-engine's default operators (engine-default-operators.js), with their fact value checks. */
const numeric = (a: unknown) => Number.parseFloat(a as string).toString() !== 'NaN';
const OPERATORS: Readonly<Record<string, (a: unknown, b: unknown) => boolean>> = {
  equal: (a, b) => a === b,
  notEqual: (a, b) => a !== b,
  in: (a, b) => (b as unknown[]).indexOf(a) > -1,
  notIn: (a, b) => (b as unknown[]).indexOf(a) === -1,
  contains: (a, b) => Array.isArray(a) && a.indexOf(b) > -1,
  doesNotContain: (a, b) => Array.isArray(a) && a.indexOf(b) === -1,
  lessThan: (a, b) => numeric(a) && (a as number) < (b as number),
  lessThanInclusive: (a, b) => numeric(a) && (a as number) <= (b as number),
  greaterThan: (a, b) => numeric(a) && (a as number) > (b as number),
  greaterThanInclusive: (a, b) => numeric(a) && (a as number) >= (b as number),
};

const has = (o: object, key: string) => Object.hasOwn(o, key);

/** A fact's value as json-rules-engine's almanac gives it: a path applies to objects only (others are returned as they are). */
function factReader(fact: string, path: unknown): ((facts: Facts) => unknown) | undefined {
  if (path !== undefined && path !== '' && (typeof path !== 'string' || !SIMPLE_PATH.test(path))) return undefined;
  if (!path) return (facts) => (has(facts, fact) ? facts[fact] : undefined);
  return (facts) => {
    const value = has(facts, fact) ? facts[fact] : undefined;
    return value != null && typeof value === 'object' ? resolveMemberPath(value, path as string) : value;
  };
}

/**
 * Compiles a condition into a plain predicate with json-rules-engine's semantics for what guards
 * use: all/any/not (an empty all or any passes; every member is evaluated, as the engine does when
 * no priorities are set, so a member that throws still throws), the default operators, fact values
 * with plain member paths, and a value that references a fact. Undefined for anything else
 * (priorities, condition references, other operators or paths, `params`): the engine then runs.
 */
export function compileCondition(c: unknown): Predicate | undefined {
  if (!c || typeof c !== 'object' || Array.isArray(c)) return undefined;
  const node = c as Record<string, unknown>;
  if (has(node, 'priority') || has(node, 'condition')) return undefined;
  const bool = has(node, 'any') ? 'any' : has(node, 'all') ? 'all' : has(node, 'not') ? 'not' : undefined;
  if (bool === 'not') {
    if (Array.isArray(node.not)) return undefined;
    const inner = compileCondition(node.not);
    return inner && ((facts) => !inner(facts));
  }
  if (bool) {
    const members = node[bool];
    if (!Array.isArray(members)) return undefined;
    const compiled = members.map(compileCondition);
    if (compiled.some((p) => p === undefined)) return undefined;
    const list = compiled as Predicate[];
    if (list.length === 0) return () => true;
    if (list.length === 1) return list[0]!;
    return bool === 'all'
      ? (facts) => list.map((p) => p(facts)).every((r) => r)
      : (facts) => list.map((p) => p(facts)).some((r) => r);
  }
  if (!has(node, 'fact') || !has(node, 'operator') || !has(node, 'value') || has(node, 'params')) return undefined;
  const left = typeof node.fact === 'string' && node.fact ? factReader(node.fact, node.path) : undefined;
  if (!has(OPERATORS, String(node.operator)) || !left) return undefined;
  const op = OPERATORS[String(node.operator)]!;
  const value = node.value;
  let right: (facts: Facts) => unknown = () => value;
  if (value != null && typeof value === 'object' && has(value, 'fact')) {
    const ref = value as Record<string, unknown>;
    if (has(ref, 'params') || typeof ref.fact !== 'string' || !ref.fact) return undefined;
    const read = factReader(ref.fact, ref.path);
    if (!read) return undefined;
    right = read;
  }
  return (facts) => {
    const b = right(facts);
    return op(left(facts), b);
  };
}

/**
 * A rule set for a fixed list of guards; built once, run per action. The guards run as compiled
 * predicates (compileCondition) when all of them compile: json-rules-engine builds an almanac,
 * hashes every fact and clones every condition per run, which cost more than the rest of a step.
 * The engine is still built, so a malformed condition fails as before.
 */
export class GuardEngine {
  private readonly engine: Engine;
  private readonly predicates: readonly { readonly key: string; readonly test: Predicate }[] | undefined;

  constructor(readonly guards: readonly KeyedGuard[]) {
    const plain = guards.every(({ guard }) => paths(guard.when).every((p) => SIMPLE_PATH.test(p)));
    this.engine = new Engine([], { allowUndefinedFacts: true, ...(plain ? { pathResolver: resolveMemberPath } : {}) });
    for (const { key, guard } of guards) {
      this.engine.addRule({ name: key, conditions: topLevel(guard.when), event: { type: key } });
    }
    const compiled = guards.map(({ key, guard }) => ({ key, test: compileCondition(topLevel(guard.when)) }));
    this.predicates = compiled.every((p) => p.test) ? (compiled as { key: string; test: Predicate }[]) : undefined;
  }

  async run(facts: Record<string, unknown>): Promise<GuardResults> {
    if (this.guards.length === 0) return { passed: new Set() };
    // a function-valued fact is computed by the engine (a dynamic fact): only data facts are compiled
    if (this.predicates && !Object.values(facts).some((f) => typeof f === 'function')) {
      const passed = new Set<string>();
      for (const { key, test } of this.predicates) if (test(facts)) passed.add(key);
      return { passed };
    }
    const { events } = await this.engine.run(facts);
    return { passed: new Set(events.map((e) => e.type)) };
  }
}
