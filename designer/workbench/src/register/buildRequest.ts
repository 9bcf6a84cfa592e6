import type { TicketDraft } from './ticketDraft';

/** POST /api/tickets body (runtime/http/routes/tickets.ts `Register`). */
export interface RegisterBody {
  domain: string;
  item: string;
  title: string;
  channel: string;
  reportedAt?: number;
  grid?: string;
  urgency?: 'normal' | 'urgent' | 'veryUrgent';
  difficult?: boolean;
  callbackWanted?: boolean;
  confidential?: boolean;
  fields: Record<string, unknown>;
  button: string;
  opinion?: string;
  payload?: Record<string, unknown>;
  /** Who reports: a center (default) or a grid worker (ACC-5 网格员上报: returnable to them, numbered by channel). */
  source?: 'center' | 'grid' | 'other';
}

/** A grid worker (who works for no center) registers grid reports; everyone else registers for their center. */
export function registrationSource(roles: readonly string[]): Pick<RegisterBody, 'source'> {
  return roles.includes('gridWorker') && !roles.some((r) => ['acceptor', 'dispatcher', 'shiftLeader'].includes(r)) ? { source: 'grid' } : {};
}

const URGENCIES = ['normal', 'urgent', 'veryUrgent'] as const;
const str = (v: unknown) => (typeof v === 'string' ? v : '');

/** Drops empty values RJSF leaves behind (undefined, '', empty arrays) so drafts and validation see the same data. */
export function cleanFields(fields: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(fields)) {
    if (v === undefined || v === null || v === '' || (Array.isArray(v) && v.length === 0)) continue;
    out[k] = v && typeof v === 'object' && !Array.isArray(v) ? cleanFields(v as Record<string, unknown>) : v;
    if (out[k] && typeof out[k] === 'object' && !Array.isArray(out[k]) && Object.keys(out[k] as object).length === 0) delete out[k];
  }
  return out;
}

/**
 * The registration request of a tab pressed with `button`: the ticket's own columns (item, title,
 * channel, grid, urgency, flags, report time) are read from the form's fields, which travel whole.
 * `withPayload` sends the method's dialog payload (only methods whose button type has a dialog schema).
 */
export function buildRegisterBody(draft: TicketDraft, button: string, withPayload = false): RegisterBody {
  const fields = cleanFields(draft.fields);
  const reportedAt = Date.parse(str(fields.reportTime));
  const urgency = URGENCIES.find((u) => u === fields.urgency);
  const flag = (name: 'difficult' | 'callbackWanted' | 'confidential') => (typeof fields[name] === 'boolean' ? { [name]: fields[name] as boolean } : {});
  const opinion = draft.opinion.trim();
  const payload = withPayload ? cleanFields(draft.payload) : {};
  return {
    domain: draft.domain,
    item: str(fields.item),
    title: str(fields.title).trim(),
    channel: str(fields.channel),
    ...(Number.isFinite(reportedAt) ? { reportedAt } : {}),
    ...(str(fields.grid) ? { grid: str(fields.grid) } : {}),
    ...(urgency ? { urgency } : {}),
    ...flag('difficult'), ...flag('callbackWanted'), ...flag('confidential'),
    fields,
    button,
    ...(opinion ? { opinion } : {}),
    ...(Object.keys(payload).length > 0 ? { payload } : {}),
  };
}
