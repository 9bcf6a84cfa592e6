import type { TicketState } from '../model/state.js';
import { maskName, maskPhone } from './mask.js';

/** Fields of the default form that identify the reporter. */
export const REPORTER_FIELDS = ['reporterName', 'reporterPhone', 'reporterGender', 'reporterBirthDate', 'reporterAddress', 'reporterDetailAddress'] as const;

export type ReporterVisibility = 'full' | 'masked' | 'hidden';

/**
 * How much of the reporter a viewer may see (X-3, ACC-1 是否保密): lists show masked names and
 * phones; a confidential ticket hides the reporter from handling units entirely; the center that
 * holds or registered the ticket sees it in full on the detail page.
 */
export function reporterVisibility(ticket: Pick<TicketState, 'confidential' | 'trail'>, viewer: { center?: string; inList: boolean }): ReporterVisibility {
  const centerUser = viewer.center !== undefined && ticket.trail.some((f) => f.center === viewer.center);
  if (ticket.confidential && !centerUser) return 'hidden';
  if (viewer.inList) return 'masked';
  return centerUser ? 'full' : 'masked';
}

/** The ticket's fields as a viewer may see them. */
export function redactReporter(fields: Readonly<Record<string, unknown>>, visibility: ReporterVisibility): Record<string, unknown> {
  if (visibility === 'full') return { ...fields };
  const out: Record<string, unknown> = { ...fields };
  for (const key of REPORTER_FIELDS) {
    if (!(key in out)) continue;
    if (visibility === 'hidden') delete out[key];
    else if (key === 'reporterName') out[key] = maskName(String(out[key] ?? ''));
    else if (key === 'reporterPhone') out[key] = maskPhone(String(out[key] ?? ''));
    else if (key !== 'reporterGender') delete out[key];
  }
  return out;
}
