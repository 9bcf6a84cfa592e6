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

/** A json-rules-engine rule set for a fixed list of guards; built once, run per action. */
export class GuardEngine {
  private readonly engine: Engine;

  constructor(readonly guards: readonly KeyedGuard[]) {
    const plain = guards.every(({ guard }) => paths(guard.when).every((p) => SIMPLE_PATH.test(p)));
    this.engine = new Engine([], { allowUndefinedFacts: true, ...(plain ? { pathResolver: resolveMemberPath } : {}) });
    for (const { key, guard } of guards) {
      this.engine.addRule({ name: key, conditions: topLevel(guard.when), event: { type: key } });
    }
  }

  async run(facts: Record<string, unknown>): Promise<GuardResults> {
    if (this.guards.length === 0) return { passed: new Set() };
    const { events } = await this.engine.run(facts);
    return { passed: new Set(events.map((e) => e.type)) };
  }
}
