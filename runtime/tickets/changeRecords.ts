import { REPORTER_FIELDS, redactReporter, type HistoryEvent, type ReporterVisibility } from '../../engine/index.js';

/** One ACC-5 edit record (修改记录) of a field: who changed it, when, from what to what. */
export interface ChangeRecord {
  readonly at: number;
  /** The user who edited; null for changes made by the system. */
  readonly actor: string | null;
  readonly department: string | null;
  /** The history event that carried the change (acc.edit). */
  readonly event: string;
  readonly field: string;
  readonly before: unknown;
  readonly after: unknown;
}

interface RawChange { field: string; before: unknown; after: unknown }

const isReporterField = (field: string) => (REPORTER_FIELDS as readonly string[]).includes(field);

function changesOf(h: HistoryEvent): RawChange[] {
  const changes = h.data?.changes;
  if (!Array.isArray(changes)) return [];
  return changes.filter((c): c is RawChange => typeof c === 'object' && c !== null && typeof (c as RawChange).field === 'string');
}

/**
 * X-3 for change records: a reporter field's before and after are shown as the ticket's fields are
 * (masked for handling units; gone entirely when the fields themselves would be). Undefined when
 * the record may not be shown at all.
 */
function redactChange(c: RawChange, visibility: ReporterVisibility): RawChange | undefined {
  if (visibility === 'full' || !isReporterField(c.field)) return c;
  const side = (value: unknown): { shown: boolean; value: unknown } => {
    if (value === null || value === undefined) return { shown: true, value: null };
    const redacted = redactReporter({ [c.field]: value }, visibility);
    return c.field in redacted ? { shown: true, value: redacted[c.field] } : { shown: false, value: undefined };
  };
  const before = side(c.before);
  const after = side(c.after);
  if (!before.shown || !after.shown) return undefined;
  return { field: c.field, before: before.value, after: after.value };
}

/** ACC-5/X-1: the change records of a ticket's history as a flat list, oldest first, redacted for the viewer. */
export function changeRecords(history: readonly HistoryEvent[], visibility: ReporterVisibility): ChangeRecord[] {
  return history.flatMap((h) => changesOf(h).flatMap((c) => {
    const shown = redactChange(c, visibility);
    if (!shown) return [];
    return [{ at: h.at, actor: h.actor?.user ?? null, department: h.actor?.department ?? null, event: h.event, ...shown }];
  }));
}

/**
 * The history as the viewer may see it: the reporter fields inside an event's change records are
 * redacted like `changeRecords`, and those inside the form data an event carries (acc.edit keeps its
 * payload's `fields`) like the ticket's fields. The stored events keep the values; X-3 applies to
 * what leaves the server.
 */
export function redactHistory(history: readonly HistoryEvent[], visibility: ReporterVisibility): HistoryEvent[] {
  if (visibility === 'full') return [...history];
  return history.map((h) => {
    const changes = changesOf(h);
    const fields = h.data?.fields;
    const reporterChanged = changes.some((c) => isReporterField(c.field));
    const formData = typeof fields === 'object' && fields !== null && !Array.isArray(fields) && Object.keys(fields).some(isReporterField);
    if (!reporterChanged && !formData) return h;
    return {
      ...h,
      data: {
        ...h.data,
        ...(reporterChanged ? { changes: changes.flatMap((c) => redactChange(c, visibility) ?? []) } : {}),
        ...(formData ? { fields: redactReporter(fields as Record<string, unknown>, visibility) } : {}),
      },
    };
  });
}
