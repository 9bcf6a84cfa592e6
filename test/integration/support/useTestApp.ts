import { afterAll, beforeAll } from 'vitest';
import { SpecApi } from './spec.js';
import { startTestApp, type Dialect, type TestApp } from './testApp.js';

/**
 * Stands in for an object that only exists once beforeAll has run: every property access and
 * assignment goes to it, so a suite can destructure `{ app, api }` at describe time.
 */
function late<T extends object>(what: string, get: () => T | undefined): T {
  const target = () => {
    const value = get();
    if (!value) throw new Error(`${what} is used before beforeAll started it`);
    return value;
  };
  return new Proxy({} as T, {
    get: (_, prop) => {
      const t = target();
      const value: unknown = Reflect.get(t, prop, t);
      return value;
    },
    set: (_, prop, value) => Reflect.set(target(), prop, value, target()),
    has: (_, prop) => Reflect.has(target(), prop),
  });
}

/**
 * A test app on a fresh database of `dialect` for the enclosing describe block, started in beforeAll
 * and disposed in afterAll, and the demo users' SpecApi on it.
 */
export function useTestApp(dialect: Dialect, start?: number): { app: TestApp; api: SpecApi } {
  let app: TestApp | undefined;
  let api: SpecApi | undefined;
  beforeAll(async () => {
    app = await startTestApp(dialect, start);
    api = new SpecApi(app);
  }, 60_000);
  afterAll(async () => {
    await app?.dispose();
  });
  return { app: late('the test app', () => app), api: late('the API', () => api) };
}
