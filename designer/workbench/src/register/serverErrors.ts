import type { ErrorBody } from '../../../shared/api/client';
import type { DraftErrors, ErrorTree, TicketDraft } from './ticketDraft';

interface PointerError { pointer: string; message: string; params?: { missingProperty?: string } }

/** Request-body columns that are read from a form field of the same or another name (buildRegisterBody). */
const BODY_TO_FIELD: Record<string, string> = {
  item: 'item', title: 'title', channel: 'channel', grid: 'grid', urgency: 'urgency', difficult: 'difficult',
  callbackWanted: 'callbackWanted', confidential: 'confidential', reportedAt: 'reportTime',
};

export function emptyErrors(): DraftErrors {
  return { fields: {}, opinion: [], general: [] };
}

export function hasErrors(e: DraftErrors | undefined): boolean {
  return !!e && (Object.keys(e.fields).length > 0 || e.opinion.length > 0 || e.general.length > 0);
}

const unescape = (s: string) => s.replace(/~1/g, '/').replace(/~0/g, '~');

function addAt(tree: ErrorTree, path: string[], message: string): void {
  let node = tree;
  for (const seg of path) node = (node[seg] ??= {}) as ErrorTree;
  const list = (node.__errors ??= []);
  if (!list.includes(message)) list.push(message);
}

/** The pointer errors an error body carries: the engine's `details.fields` or the schema check's `details[]`. */
function pointerErrors(details: unknown): PointerError[] {
  const list = Array.isArray(details) ? details : (details as { fields?: unknown } | undefined)?.fields;
  if (!Array.isArray(list)) return [];
  return list.filter((d): d is PointerError => !!d && typeof (d as PointerError).pointer === 'string')
    .map((d) => {
      const missing = d.params?.missingProperty;
      // the schema check reports a missing property at its parent
      return missing && !d.pointer.endsWith(`/${missing}`) ? { ...d, pointer: `${d.pointer === '/' ? '' : d.pointer}/${missing}` } : d;
    });
}

/**
 * Puts a refusal's pointer errors next to the fields they name. `base` is where the ticket's fields sit:
 * 'fields' pointers (engine validation of the form) are relative to the form, the schema check's are
 * relative to the request body (`/title`, `/fields/reporterPhone`). Anything without a field goes to
 * `general` with the server's localized message.
 */
export function mapServerError(body: ErrorBody, lang: string, localize: (message: string) => string = (m) => m): DraftErrors {
  const out = emptyErrors();
  const formRelative = !Array.isArray(body.details);
  const placed = pointerErrors(body.details).map((e) => {
    const segs = e.pointer.split('/').slice(1).map(unescape).filter((s) => s !== '');
    const path = formRelative ? segs : bodyPath(segs);
    if (!path) return false;
    if (path[0] === '#opinion') out.opinion.push(localize(e.message));
    else if (path.length > 0) addAt(out.fields, path, localize(e.message));
    else return false;
    return true;
  });
  if (placed.length === 0 || placed.some((p) => !p)) {
    const msg = lang.startsWith('zh') ? body.messageZh ?? body.message : body.message;
    out.general.push(msg);
  }
  return out;
}

/** A request-body path to a form path (`['fields','x']` → `['x']`), `['#opinion']`, or undefined when it names no field. */
function bodyPath(segs: string[]): string[] | undefined {
  const [head, ...rest] = segs;
  if (head === 'fields') return rest;
  if (head === 'opinion') return ['#opinion'];
  if (head && BODY_TO_FIELD[head]) return [BODY_TO_FIELD[head]!, ...rest];
  return undefined;
}

/** A batch refused whole (400 on its schema): pointers `/tickets/<i>/…` split by tab index. */
export function splitBatchError(body: ErrorBody, count: number, lang: string, localize?: (m: string) => string): DraftErrors[] {
  const per: { pointer: string; message: string }[][] = Array.from({ length: count }, () => []);
  const rest: unknown[] = [];
  for (const d of Array.isArray(body.details) ? body.details as PointerError[] : []) {
    const m = /^\/tickets\/(\d+)(\/.*)?$/.exec(d.pointer ?? '');
    const i = m ? Number(m[1]) : -1;
    if (i >= 0 && i < count) per[i]!.push({ ...d, pointer: m![2] ?? '/' });
    else rest.push(d);
  }
  return per.map((list) => (list.length === 0
    ? (rest.length > 0 || !Array.isArray(body.details) ? mapServerError({ ...body, details: undefined }, lang, localize) : emptyErrors())
    : mapServerError({ ...body, details: list }, lang, localize)));
}

/**
 * An edit takes away the errors it answers: those of fields whose value changed, the opinion's when the
 * opinion changed, and the general ones when another handling method was picked. Errors set by the
 * same update (a refused submit) stay.
 */
export function withoutStaleErrors(before: TicketDraft, after: TicketDraft): TicketDraft {
  if (!after.errors || after.errors !== before.errors) return after;
  const fields = { ...after.errors.fields };
  for (const k of Object.keys(fields)) if (JSON.stringify(before.fields[k]) !== JSON.stringify(after.fields[k])) delete fields[k];
  const errors = {
    fields,
    opinion: after.opinion !== before.opinion ? [] : after.errors.opinion,
    general: after.method !== before.method ? [] : after.errors.general,
  };
  return { ...after, errors: hasErrors(errors) ? errors : undefined };
}
