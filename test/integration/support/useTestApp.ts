import { afterAll, beforeAll } from 'vitest';
import { SpecApi } from './spec.js';
import { late } from '../../support/late.js';
import { startTestApp, type Dialect, type TestApp } from './testApp.js';


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
