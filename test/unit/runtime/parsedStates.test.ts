import { describe, expect, it } from 'vitest';
import { parseState } from '../../../runtime/views/parsedStates.js';

describe('list rows: parsed states', () => {
  it('parses a stored state once and hands the same value back for the same text', () => {
    const text = JSON.stringify({ id: 't-cache-1', version: 3, node: 'dispatch' });
    const first = parseState<{ node: string }>(text);
    expect(first).toEqual({ id: 't-cache-1', version: 3, node: 'dispatch' });
    expect(parseState(`${text}`)).toBe(first);
  });

  it('a changed row is new text and parses anew; values that are already objects pass through', () => {
    const before = parseState<{ version: number }>(JSON.stringify({ id: 't-cache-2', version: 1 }));
    const after = parseState<{ version: number }>(JSON.stringify({ id: 't-cache-2', version: 2 }));
    expect(before.version).toBe(1);
    expect(after.version).toBe(2);
    const object = { id: 't-cache-3' };
    expect(parseState(object)).toBe(object);
  });

  it('keeps a bounded number of states: the oldest are parsed again after many others', () => {
    const oldest = JSON.stringify({ id: 't-cache-old' });
    const value = parseState(oldest);
    for (let i = 0; i < 5_000; i++) parseState(JSON.stringify({ id: `t-cache-${i}` }));
    const again = parseState(oldest);
    expect(again).toEqual(value);
    expect(again).not.toBe(value);
  });
});
