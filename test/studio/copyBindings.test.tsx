import { describe, expect, it } from 'vitest';
import { copiedBindings, freshId } from '../../designer/studio/src/editor/copyBindings';
import linkageBindings from '../../definitions/packages/linkage/status-bindings.json';

type Binding = Record<string, unknown> & { id: string; flow: string };
const bindings = linkageBindings as Binding[];

describe('copying a flow copies its status bindings under fresh ids (never overwriting)', () => {
  it('gives each copy a new id pointing at the new flow and leaves the originals alone', () => {
    const from = bindings[0]!.flow;
    const own = bindings.filter((b) => b.flow === from);
    const copies = copiedBindings(bindings, bindings.map((b) => b.id), from, 'flow.copy');
    expect(copies).toHaveLength(own.length);
    const ids = copies.map((c) => c.id as string);
    expect(new Set(ids).size).toBe(ids.length);
    for (const id of ids) expect(bindings.some((b) => b.id === id)).toBe(false);
    expect(copies.every((c) => c.flow === 'flow.copy')).toBe(true);
    expect(copies.map(({ id: _id, flow: _flow, ...rest }) => rest)).toEqual(own.map(({ id: _id, flow: _flow, ...rest }) => rest));
    expect(bindings.filter((b) => b.flow === from)).toEqual(own);
  });

  it('does not take the id of a binding already there (a second copy to the same flow id)', () => {
    const from = bindings[0]!.flow;
    const first = copiedBindings(bindings, bindings.map((b) => b.id), from, 'flow.copy');
    const all = [...bindings.map((b) => b.id), ...first.map((c) => c.id as string)];
    const second = copiedBindings(bindings, all, from, 'flow.copy');
    expect(second).toHaveLength(first.length);
    for (const c of second) expect(all).not.toContain(c.id);
    expect(second[0]!.id).toBe(`${first[0]!.id as string}-2`);
  });

  it('keeps ids within 80 characters and distinct when truncation would make them equal', () => {
    const long = 'x'.repeat(78);
    const source = [{ id: `${long}a`, flow: 'f' }, { id: `${long}b`, flow: 'f' }];
    const copies = copiedBindings(source, [], 'f', 'flow.with.a.long.id');
    const ids = copies.map((c) => c.id as string);
    expect(ids.every((id) => id.length <= 80)).toBe(true);
    expect(new Set(ids).size).toBe(2);
    expect(freshId('abc', new Set(['abc', 'abc-2']))).toBe('abc-3');
  });

  it('renames the flow id inside a binding id that carries it', () => {
    const copies = copiedBindings([{ id: 'sb.flow.a.start', flow: 'flow.a' }], ['sb.flow.a.start'], 'flow.a', 'flow.b');
    expect(copies).toEqual([{ id: 'sb.flow.b.start', flow: 'flow.b' }]);
  });
});
