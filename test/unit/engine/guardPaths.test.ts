import fc from 'fast-check';
import { Engine } from 'json-rules-engine';
import { describe, expect, it } from 'vitest';
import { GuardEngine, resolveMemberPath } from '../../../engine/rules/guardEngine.js';

/** What json-rules-engine's default (JSONPath) resolver answers for a fact and a path: the value a condition sees. */
async function viaDefault(fact: unknown, path: string): Promise<unknown> {
  let seen: unknown = 'never';
  const engine = new Engine([], { allowUndefinedFacts: true });
  engine.addOperator('capture', (value: unknown) => {
    seen = value;
    return true;
  });
  engine.addRule({ conditions: { all: [{ fact: 'f', path, operator: 'capture', value: null }] }, event: { type: 'x' } });
  await engine.run({ f: fact });
  return seen;
}

describe('guard conditions: plain member paths resolve as JSONPath does', () => {
  const samples: [unknown, string][] = [
    [{ kind: 'assist' }, '$.kind'],
    [{ kind: 'assist' }, '$.missing'],
    [{ a: { b: 0 } }, '$.a.b'],
    [{ a: { b: false } }, '$.a.b.c'],
    [{ a: 0 }, '$.a.b'],
    [{ a: '' }, '$.a.length'],
    [{ a: 'abc' }, '$.a.length'],
    [{ a: [1, 2] }, '$.a.length'],
    [{ a: [1, 2] }, '$.a'],
    [{ a: { b: { c: null } } }, '$.a.b.c'],
    [{ a: undefined }, '$.a'],
    [Object.create({ inherited: 1 }) as unknown, '$.inherited'],
    [{ toString: 'own' }, '$.toString'],
    [{}, '$.toString'],
    [{ moreSteps: true, pendingApplications: ['extension'] }, '$.pendingApplications'],
  ];
  it.each(samples)('%j %s', async (fact, path) => {
    expect(resolveMemberPath(fact, path)).toEqual(await viaDefault(fact, path));
  });

  it('agrees on generated objects and paths', async () => {
    const key = fc.constantFrom('a', 'b', 'kind', 'length', 'x_1');
    await fc.assert(fc.asyncProperty(
      fc.object({ key, maxDepth: 3, values: [fc.string(), fc.integer(), fc.boolean(), fc.constant(null), fc.array(fc.integer(), { maxLength: 3 })] }),
      fc.array(key, { minLength: 1, maxLength: 4 }),
      async (fact, keys) => {
        const path = `$.${keys.join('.')}`;
        expect(resolveMemberPath(fact, path)).toEqual(await viaDefault(fact, path));
      },
    ), { numRuns: 300 });
  });

  it('a guard with another kind of path keeps JSONPath', async () => {
    const guards = [{ key: 'g', guard: { id: 'g', when: { fact: 'task', path: '$.pendingApplications[0]', operator: 'equal', value: 'extension' }, reason: { 'zh-CN': '' } } }];
    const engine = new GuardEngine(guards as never);
    expect((await engine.run({ task: { pendingApplications: ['extension'] } })).passed.has('g')).toBe(true);
  });
});
