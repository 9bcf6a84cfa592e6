import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from './support/testApp.js';

interface Diff { running: { version: number }; valid: boolean; kinds: Record<string, { added: string[]; removed: string[]; changed: { id: string; pointers: string[] }[] }> }

describe('studio pending diff on sqlite', () => {
  let app: TestApp;
  let admin: Record<string, string>;
  let acceptor: Record<string, string>;

  async function call<T = Record<string, unknown>>(headers: Record<string, string>, method: 'GET' | 'PUT' | 'POST', url: string, payload?: unknown) {
    const res = await app.server.inject({ method, url, headers, ...(payload === undefined ? {} : { payload: payload as object }) });
    return { status: res.statusCode, body: res.json() as T & { code?: string } };
  }

  beforeAll(async () => {
    app = await startTestApp('sqlite');
    admin = { authorization: `Bearer ${await app.login('sz.admin')}` };
    acceptor = { authorization: `Bearer ${await app.login('zjg.acceptor')}` };
  }, 60_000);
  afterAll(async () => {
    await app?.dispose();
  });

  it('answers 403 to a user without the admin role', async () => {
    const res = await call(acceptor, 'GET', '/api/studio/pending-diff');
    expect([res.status, res.body.code]).toEqual([403, 'TG_ERR_FORBIDDEN']);
  });

  it('shows what publishing the drafts would change against the running version', async () => {
    const before = await call<Diff>(admin, 'GET', '/api/studio/pending-diff');
    expect(before.body).toMatchObject({ running: { version: 1 }, valid: true, kinds: {} });

    const item = (await call<{ definition: Record<string, unknown> }>(admin, 'GET', '/api/definitions/item/item.ggps')).body.definition;
    expect((await call(admin, 'PUT', '/api/definitions/item/item.ggps', { ...item, enabled: false })).status).toBe(200);
    const after = await call<Diff>(admin, 'GET', '/api/studio/pending-diff');
    expect(after.body.kinds).toEqual({ item: { added: [], removed: [], changed: [{ id: 'item.ggps', pointers: ['/enabled'] }] } });
    expect((await call(admin, 'PUT', '/api/definitions/item/item.ggps', item)).status).toBe(200);
    expect((await call<Diff>(admin, 'GET', '/api/studio/pending-diff')).body.kinds).toEqual({});
  });
});
