import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SESSION_CACHE_MS } from '../../runtime/auth/authService.js';
import { call, login } from './support/orgApi.js';
import { startTestApp, type TestApp } from './support/testApp.js';

const ADMIN = 'sz.admin';
const MINUTE = 60_000;

/**
 * Sessions are answered from memory for a few seconds (AuthService): whatever this process changes
 * about a session or its user is seen by the very next request, as when every request read the database.
 */
describe.each(['sqlite', 'mariadb'] as const)('cached sessions on %s', (dialect) => {
  let app: TestApp;
  beforeAll(async () => {
    app = await startTestApp(dialect);
  }, 60_000);
  afterAll(async () => {
    await app?.dispose();
  });

  async function session(user: string): Promise<string> {
    const res = await login(app, user, 'demo-pass-1');
    expect(res.statusCode, res.body).toBe(200);
    return (res.json() as { token: string }).token;
  }
  const me = (token: string) => app.server.inject({ method: 'GET', url: '/api/me', headers: { authorization: `Bearer ${token}` } });

  it('logging out ends a session that was just used', async () => {
    const token = await session('ys.acceptor');
    expect((await me(token)).statusCode).toBe(200);
    await app.server.inject({ method: 'POST', url: '/api/auth/logout', headers: { authorization: `Bearer ${token}` } });
    expect((await me(token)).json()).toMatchObject({ code: 'TG_ERR_UNAUTHENTICATED' });
  });

  it('disabling a user ends the sessions they were using; a password reset does too', async () => {
    const token = await session('fh.acceptor');
    expect((await me(token)).statusCode).toBe(200);
    expect((await call(app, ADMIN, 'POST', '/api/org/users/fh.acceptor/disable')).statusCode).toBe(200);
    expect((await me(token)).statusCode).toBe(401);
    await call(app, ADMIN, 'POST', '/api/org/users/fh.acceptor/enable');

    const again = await session('fh.acceptor');
    expect((await me(again)).statusCode).toBe(200);
    expect((await call(app, ADMIN, 'POST', '/api/org/users/fh.acceptor/reset-password', { password: 'demo-pass-1' })).statusCode).toBe(200);
    expect((await me(again)).statusCode).toBe(401);
  });

  it('a change of roles or department shows in the next request of a session in use', async () => {
    const token = await session('fh.reviewer');
    expect((await me(token)).json()).toMatchObject({ user: { roles: ['reviewer'], department: 'fh' } });
    expect((await call(app, ADMIN, 'PATCH', '/api/org/users/fh.reviewer', { roles: ['reviewer', 'acceptor'], department: 'ys' })).statusCode).toBe(200);
    expect((await me(token)).json()).toMatchObject({ user: { roles: ['reviewer', 'acceptor'], department: 'ys' } });
  });

  it('an idle session still expires, and a session in use still slides', async () => {
    const idle = await session('ys.reviewer');
    const busy = await session('ys.shiftleader');
    expect((await me(idle)).statusCode).toBe(200);
    for (let minutes = 0; minutes < 500; minutes += 100) {
      app.now += 100 * MINUTE;
      expect((await me(busy)).statusCode, `after ${minutes + 100} minutes`).toBe(200);
    }
    expect((await me(idle)).json()).toMatchObject({ code: 'TG_ERR_SESSION_EXPIRED' });
  });

  it('a session removed behind the process\'s back is refused once the cache time has passed', async () => {
    const token = await session('ys.dispatcher');
    expect((await me(token)).statusCode).toBe(200);
    await app.services.knex('sessions').where({ user_id: 'ys.dispatcher' }).delete();
    app.now += SESSION_CACHE_MS;
    expect((await me(token)).statusCode).toBe(401);
  });
});
