import { engineError, type EngineError, type EngineErrorCode } from '../errors.js';

/** Raised inside one decision to abandon it; `decide` turns it into a failure result. */
export class Refusal extends Error {
  readonly error: EngineError;
  constructor(code: EngineErrorCode, params: Record<string, string | number> = {}) {
    const error = engineError(code, params);
    super(error.message);
    this.name = 'Refusal';
    this.error = error;
  }
}
