import { describe, expect, it } from 'vitest';
import { engineError, engineErrors, type EngineErrorCode } from '../../../engine/index.js';
import { AppError, fromEngineError, runtimeErrors, type RuntimeErrorCode } from '../../../runtime/errors.js';

const placeholders = (s: string) => [...s.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();

describe('error catalogues (STYLE 4)', () => {
  it('every runtime error has a stable TG_ERR_ code, an HTTP status and both languages', () => {
    for (const [code, entry] of Object.entries(runtimeErrors)) {
      expect(code).toMatch(/^TG_ERR_[A-Z_]+$/);
      expect(entry.status, code).toBeGreaterThanOrEqual(400);
      expect(entry.status, code).toBeLessThan(600);
      expect(entry.zh.length, code).toBeGreaterThan(0);
      expect(entry.en.length, code).toBeGreaterThan(0);
      const err = new AppError(code as RuntimeErrorCode);
      expect(err.toJSON()).toMatchObject({ code, message: expect.any(String), messageZh: expect.any(String) });
    }
  });

  it('every engine error has a stable ENG_ code, both languages with the same placeholders, and maps to a client error', () => {
    for (const [code, entry] of Object.entries(engineErrors)) {
      expect(code).toMatch(/^ENG_[A-Z_]+$/);
      expect(placeholders(entry.zh), code).toEqual(placeholders(entry.message));
      const mapped = fromEngineError(engineError(code as EngineErrorCode, { entity: 'ticket', id: 'x' }));
      expect(mapped.status, code).toBeGreaterThanOrEqual(400);
      expect(mapped.status, code).toBeLessThan(500);
      expect(mapped.toJSON().details).toMatchObject({ engineCode: code });
    }
  });
});
