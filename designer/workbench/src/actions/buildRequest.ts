import type { ActionRequest } from './useActionDialog';

/** The body of POST /api/tickets/:id/actions for one press: target, opinion, the dialog's payload and the version seen. */
export function actionBody(r: ActionRequest, opinion: string | undefined, payload: Record<string, unknown> | undefined) {
  const text = opinion?.trim();
  return {
    button: r.button,
    ...(r.target ? { target: { kind: r.target.kind, id: r.target.id } } : {}),
    ...(text ? { opinion: text } : {}),
    ...(payload ? { payload: dropEmpty(payload) } : {}),
    ...(r.version ? { version: r.version } : {}),
  };
}

/** Cleared pickers leave `undefined` or `[]` behind; the engine reads absent fields as not given. */
function dropEmpty(payload: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(payload).filter(([, v]) => v !== undefined && v !== null && v !== '' && !(Array.isArray(v) && v.length === 0)));
}
