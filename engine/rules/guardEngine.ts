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

/** A json-rules-engine rule set for a fixed list of guards; built once, run per action. */
export class GuardEngine {
  private readonly engine: Engine;

  constructor(readonly guards: readonly KeyedGuard[]) {
    this.engine = new Engine([], { allowUndefinedFacts: true });
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
