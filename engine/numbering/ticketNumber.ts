import type { CompiledBundle } from '../compile/compileBundle.js';
import { isoDateOfDay, localDayOf } from '../sla/index.js';

/**
 * ACC-11: channel prefix + local date + sequence, e.g. DH2022092000013. The runtime owns the
 * sequence (per prefix and day); the engine only formats it.
 */
export function formatTicketNumber(prefix: string, at: number, sequence: number, utcOffsetMinutes = 480, digits = 5): string {
  if (!Number.isInteger(sequence) || sequence < 1) throw new RangeError(`sequence must be a positive integer, got ${sequence}`);
  const date = isoDateOfDay(localDayOf(at, utcOffsetMinutes)).replaceAll('-', '');
  return `${prefix}${date}${String(sequence).padStart(digits, '0')}`;
}

/** The prefix for a ticket: the domain's own, else the report channel's (vocabulary `channel`), else TG. */
export function ticketPrefix(cb: CompiledBundle, domain: string, channel: string): string {
  const own = cb.bundle.defs.domain[domain]?.ticketPrefix;
  if (own) return own;
  const entry = cb.bundle.defs.vocabulary.channel?.entries.find((e) => e.value === channel);
  return entry?.prefix ?? 'TG';
}
