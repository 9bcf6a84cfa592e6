import type { TicketState } from '../../engine/index.js';
import type { SessionUser } from '../auth/authService.js';
import { AppError } from '../errors.js';
import type { RegisterInput, TicketService } from './ticketService.js';

/** ACC-1: at most this many open registration forms are submitted (or saved) at once. */
export const MAX_BATCH = 20;

export interface BatchError {
  readonly code: string;
  readonly message: string;
  readonly messageZh: string;
  readonly details?: unknown;
}

/** One form's outcome, at its index in the request; `status` is what POST /api/tickets would have answered. */
export type BatchItem =
  | { readonly index: number; readonly ok: true; readonly status: 201; readonly ticket: TicketState }
  | { readonly index: number; readonly ok: false; readonly status: number; readonly error: BatchError };

export interface BatchResult {
  readonly succeeded: number;
  readonly failed: number;
  readonly results: readonly BatchItem[];
}

/**
 * ACC-1 提交全部 / 全部暂存: registers each form with TicketService.register, one after the other,
 * each in its own transaction. The seed's forms are independent tickets, so one form's refusal
 * (a missing field, an opinion left out) must not undo or block the others: the outcome is per form
 * (multi-status semantics), and the forms that passed stay registered. Sequential rather than
 * parallel: the embedded database has one connection, and ticket numbers then follow the forms' order.
 *
 * With an idempotency key, form `i` uses `${key}:${i}`: replaying the whole batch returns every
 * registered form's first result and retries only the forms that failed.
 *
 * Errors that are not the runtime's own (AppError) are reported as TG_ERR_INTERNAL for that form,
 * without internals; `onUnexpected` receives the original for the log.
 */
export async function batchRegister(
  tickets: Pick<TicketService, 'register'>, user: SessionUser, inputs: readonly RegisterInput[], idempotencyKey?: string,
  onUnexpected: (error: unknown, index: number) => void = () => undefined,
): Promise<BatchResult> {
  if (inputs.length < 1 || inputs.length > MAX_BATCH) {
    throw new AppError('TG_ERR_VALIDATION', { detail: `a batch holds 1 to ${MAX_BATCH} tickets, not ${inputs.length}` });
  }
  const results: BatchItem[] = [];
  for (const [index, input] of inputs.entries()) {
    try {
      const { ticket } = await tickets.register(user, input, idempotencyKey === undefined ? undefined : `${idempotencyKey}:${index}`);
      results.push({ index, ok: true, status: 201, ticket });
    } catch (e) {
      const error = e instanceof AppError ? e : new AppError('TG_ERR_INTERNAL');
      if (!(e instanceof AppError)) onUnexpected(e, index);
      results.push({ index, ok: false, status: error.status, error: error.toJSON() });
    }
  }
  const succeeded = results.filter((r) => r.ok).length;
  return { succeeded, failed: results.length - succeeded, results };
}
