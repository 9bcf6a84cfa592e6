/** One registration tab (ACC-1: several tickets open at once, each with its own state). */
export interface TicketDraft {
  key: string;
  domain: string;
  fields: Record<string, unknown>;
  /** The handling method (a button id) picked for submit. */
  method?: string;
  /** 拟办意见. */
  opinion: string;
  /** The method's dialog payload (e.g. the grid worker for 送核实). */
  payload: Record<string, unknown>;
  errors?: DraftErrors;
  /** When the reporter was filled from the phone's last report (ACC-1 auto-fill). */
  filledFrom?: number;
  /** Set once the tab is registered: what the server answered. */
  done?: { id: string; number: string; button: string; mergedInto?: string };
}

/** Server (or client) errors of a tab: nested by field like RJSF's errorSchema, plus the opinion and the rest. */
export interface DraftErrors {
  fields: ErrorTree;
  opinion: string[];
  general: string[];
}

export interface ErrorTree {
  __errors?: string[];
  [name: string]: ErrorTree | string[] | undefined;
}

let counter = 0;
export function newDraftKey(): string {
  counter += 1;
  return `t${Date.now().toString(36)}${counter}`;
}

/** A fresh tab: the domain given, the report time now, nothing else. */
export function emptyDraft(domain: string, now: Date = new Date()): TicketDraft {
  return { key: newDraftKey(), domain, fields: { reportTime: isoWithOffset(now) }, opinion: '', payload: {} };
}

/** 复制: a new tab with the same data (not the attachments, which belong to one ticket), not yet registered. */
export function copyDraft(d: TicketDraft): TicketDraft {
  const { attachments: _dropped, ...fields } = d.fields;
  return { key: newDraftKey(), domain: d.domain, fields: structuredClone(fields), ...(d.method ? { method: d.method } : {}), opinion: d.opinion, payload: structuredClone(d.payload) };
}

/** `2025-06-10T09:00:00+08:00`: the local time with its offset (JSON Schema date-time). */
export function isoWithOffset(d: Date): string {
  const pad = (n: number) => String(Math.abs(n)).padStart(2, '0');
  const off = -d.getTimezoneOffset();
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}T${pad(d.getHours())}:${pad(d.getMinutes())}:${pad(d.getSeconds())}` +
    `${off >= 0 ? '+' : '-'}${pad(Math.trunc(off / 60))}:${pad(off % 60)}`;
}
