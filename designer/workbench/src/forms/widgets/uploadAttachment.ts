import { ApiError, session } from '../../../../shared/api/client';

export interface UploadedAttachment { id: string; name: string; mime: string; size: number }

/** Names of uploaded attachments by id, for the field to show after a re-render or a copied tab. */
export const attachmentNames = new Map<string, UploadedAttachment>();

let pending = 0;

/** Uploads still running: a form sent meanwhile would go without their files. */
export function uploadsPending(): number {
  return pending;
}

/** POST /api/attachments: the raw file as the body, its name in the query (the server checks size, type and content). */
export async function uploadAttachment(file: File): Promise<UploadedAttachment> {
  const headers = new Headers({ 'content-type': 'application/octet-stream' });
  if (session.token) headers.set('authorization', `Bearer ${session.token}`);
  pending++;
  try {
    const res = await fetch(`/api/attachments?name=${encodeURIComponent(file.name)}`, { method: 'POST', headers, body: file });
    const body = await res.json().catch(() => ({ code: 'TG_ERR_HTTP', message: `${res.status} ${res.statusText}` }));
    if (!res.ok) throw new ApiError(res.status, body);
    attachmentNames.set(body.id, body);
    return body as UploadedAttachment;
  } finally {
    pending--;
  }
}
