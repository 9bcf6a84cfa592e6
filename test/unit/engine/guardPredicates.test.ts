import fc from 'fast-check';
import { Engine, type TopLevelCondition } from 'json-rules-engine';
import { describe, expect, it } from 'vitest';
import { compileCondition, GuardEngine, resolveMemberPath } from '../../../engine/rules/guardEngine.js';
import { builtInPackagesDir, readPackageWithDependencies } from '../../../runtime/definitions/readPackage.js';
import { createBundle } from '../../../engine/index.js';

/** What json-rules-engine answers for one top-level condition: passes, fails, or throws (as 'error'). */
async function viaEngine(conditions: unknown, facts: Record<string, unknown>): Promise<boolean | 'error'> {
  const engine = new Engine([], { allowUndefinedFacts: true, pathResolver: resolveMemberPath });
  engine.addRule({ conditions: conditions as TopLevelCondition, event: { type: 'pass' } });
  try {
    const { events } = await engine.run(facts);
    return events.length > 0;
  } catch {
    return 'error';
  }
}

function viaPredicate(conditions: unknown, facts: Record<string, unknown>): boolean | 'error' {
  const test = compileCondition(conditions);
  if (!test) throw new Error(`not compiled: ${JSON.stringify(conditions)}`);
  try {
    return test(facts);
  } catch {
    return 'error';
  }
}

const scalar = fc.oneof(fc.constantFrom('a', 'b', '', '1', '2.5', 'x1'), fc.integer({ min: -2, max: 3 }), fc.boolean(), fc.constant(null));
const value = fc.oneof(scalar, fc.array(scalar, { maxLength: 3 }));
const factName = fc.constantFrom('ticket', 'task', 'missing');
const path = fc.option(fc.constantFrom('$.kind', '$.n', '$.list', '$.a.b', '$.list.length'), { nil: undefined });
const operator = fc.constantFrom('equal', 'notEqual', 'in', 'notIn', 'contains', 'doesNotContain', 'lessThan', 'lessThanInclusive', 'greaterThan', 'greaterThanInclusive');
const leaf = fc.record({
  fact: factName,
  operator,
  value: fc.oneof(value, fc.record({ fact: factName, path })),
  path,
}).map((c) => (c.path === undefined ? { fact: c.fact, operator: c.operator, value: c.value } : c));
const { condition } = fc.letrec<{ condition: unknown }>((tie) => ({
  condition: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    leaf,
    fc.record({ all: fc.array(tie('condition'), { maxLength: 3 }) }),
    fc.record({ any: fc.array(tie('condition'), { maxLength: 3 }) }),
    fc.record({ not: tie('condition') }),
  ),
}));
const topLevel = fc.oneof(
  fc.record({ all: fc.array(condition, { maxLength: 3 }) }),
  fc.record({ any: fc.array(condition, { maxLength: 3 }) }),
  fc.record({ not: condition }),
);
const entity = fc.record({ kind: value, n: value, list: value, a: fc.oneof(value, fc.record({ b: value })) }, { requiredKeys: [] });
const facts = fc.record({ ticket: fc.oneof(entity, scalar), task: fc.oneof(entity, scalar) }, { requiredKeys: [] });

describe('guards compiled into predicates decide as json-rules-engine does', () => {
  it('agrees on generated conditions and facts, errors included', async () => {
    await fc.assert(fc.asyncProperty(topLevel, facts, async (c, f) => {
      expect(viaPredicate(c, f)).toBe(await viaEngine(c, f));
    }), { numRuns: 2000 });
  });

  it('compiles every guard of the built-in packages (none falls back to the engine)', async () => {
    const { bundle } = createBundle(await readPackageWithDependencies(`${builtInPackagesDir}/hotline-12345`));
    const guards = [
      ...Object.values(bundle!.defs.flow).flatMap((flow) => flow.transitions.flatMap((t) => t.guards ?? [])),
      ...Object.values(bundle!.defs.buttonType).flatMap((b) => b.visibleWhen ?? []),
    ];
    expect(guards.length).toBeGreaterThan(10);
    for (const g of guards) expect(compileCondition('all' in g.when || 'any' in g.when || 'not' in g.when ? g.when : { all: [g.when] }), g.id).toBeDefined();
  });

  it('leaves what it does not know to the engine: priorities, condition references, other operators, params', async () => {
    expect(compileCondition({ all: [{ fact: 'a', operator: 'equal', value: 1, priority: 2 }] })).toBeUndefined();
    expect(compileCondition({ all: [{ condition: 'shared' }] })).toBeUndefined();
    expect(compileCondition({ all: [{ fact: 'a', operator: 'startsWith', value: 'x' }] })).toBeUndefined();
    expect(compileCondition({ all: [{ fact: 'a', operator: 'equal', value: 1, params: { p: 1 } }] })).toBeUndefined();
    expect(compileCondition({ all: [{ fact: 'a', path: '$.list[0]', operator: 'equal', value: 1 }] })).toBeUndefined();
    const engine = new GuardEngine([{ key: 'g', guard: { id: 'g', when: { fact: 'a', operator: 'equal', value: 1, priority: 2 }, reason: { 'zh-CN': '' } } }] as never);
    expect((await engine.run({ a: 1 })).passed.has('g')).toBe(true);
    expect((await engine.run({ a: 2 })).passed.has('g')).toBe(false);
  });
});
