import { beforeAll, describe, expect, it } from 'vitest';
import { formatTicketNumber, ticketPrefix, type CompiledBundle } from '../../../engine/index.js';
import { builtInBundle } from '../../support/scenario.js';

let cb: CompiledBundle;
beforeAll(async () => {
  cb = await builtInBundle();
});

describe('ACC-11 ticket numbers', () => {
  it('ACC-11 formats channel prefix + local date + sequence like DH2022092000013', () => {
    expect(formatTicketNumber('DH', Date.parse('2022-09-20T11:04:33+08:00'), 13)).toBe('DH2022092000013');
    // 23:30 UTC is already the next day in Suzhou
    expect(formatTicketNumber('WG', Date.parse('2022-05-25T23:30:00Z'), 12, 480, 4)).toBe('WG202205260012');
    expect(() => formatTicketNumber('DH', 0, 0)).toThrow(RangeError);
  });

  it('ACC-11 the prefix comes from the domain, else from the report channel', () => {
    expect(ticketPrefix(cb, 'linkage', 'phone')).toBe('DH');
    expect(ticketPrefix(cb, 'linkage', 'grid')).toBe('WG');
    expect(ticketPrefix(cb, 'hotline-12345', 'phone')).toBe('RX');
  });
});
