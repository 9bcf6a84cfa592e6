import { beforeAll, describe, expect, it } from 'vitest';
import { extractCount, extractionOrder, poolEnabled, type CompiledBundle } from '../../../engine/index.js';
import { builtInBundle } from '../../support/scenario.js';

let cb: CompiledBundle;
beforeAll(async () => {
  cb = await builtInBundle();
});

describe('ACC-10 / DSP-1 pools and DEF-13 distribution rules', () => {
  it('DEF-13 the acceptance pool is on at 张家港 only; the dispatch pool is off everywhere', () => {
    expect(poolEnabled(cb, 'acceptance', 'zjg')).toBe(true);
    expect(poolEnabled(cb, 'acceptance', 'ys')).toBe(false);
    expect(poolEnabled(cb, 'dispatch', 'zjg')).toBe(false);
  });

  it('ACC-5 an extraction takes EXTRACT_ACCEPT_CASE_NUMBER tickets, most urgent and oldest first', () => {
    expect(extractCount(cb)).toBe(cb.params.EXTRACT_ACCEPT_CASE_NUMBER);
    const order = extractionOrder([
      { id: 'a', urgency: 'normal', reportedAt: 1 },
      { id: 'b', urgency: 'urgent', reportedAt: 5 },
      { id: 'c', urgency: 'normal', reportedAt: 0 },
      { id: 'd', urgency: 'veryUrgent', reportedAt: 9 },
    ]);
    expect(order).toEqual(['d', 'b', 'c', 'a']);
  });
});
