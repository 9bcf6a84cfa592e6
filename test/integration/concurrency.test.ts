import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TicketState } from '../../engine/index.js';
import { parseJson } from '../../runtime/tickets/rows.js';
import { Api, type ErrorBody } from './support/api.js';
import { startTestApp, type TestApp } from './support/testApp.js';

const PARALLEL = 20;
const ASSIGN = { handling: 'mainAssist', main: 'zjg.cgj' };

/** Status (and error code) of each response, counted: e.g. { '200': 1, '409 TG_ERR_STALE_VERSION': 19 }. */
function tally(responses: { statusCode: number; json(): unknown }[]): Record<string, number> {
  const out: Record<string, number> = {};
  for (const r of responses) {
    const key = r.statusCode < 300 ? String(r.statusCode) : `${r.statusCode} ${(r.json() as ErrorBody).code}`;
    out[key] = (out[key] ?? 0) + 1;
  }
  return out;
}

describe.each(['sqlite', 'mariadb'] as const)('DESIGN-4/6 integrity under concurrency on %s', (dialect) => {
  let app: TestApp;
  let api: Api;
  beforeAll(async () => {
    app = await startTestApp(dialect);
    api = new Api(app);
    // a second acceptor at 张家港, so that two people extract from its acceptance pool at once
    const knex = app.services.knex;
    const first = await knex('users').where({ id: 'zjg.acceptor' }).first();
    await knex('users').insert({ ...first, id: 'zjg.acceptor2', login: 'zjg.acceptor2', name: '张家港受理员二', roles: JSON.stringify(parseJson(first.roles)) });
    app.services.bundles.orgChanged();
  }, 60_000);
  afterAll(async () => {
    await app?.dispose();
  });

  const atDispatch = () => api.register('zjg.acceptor', 'acc.toDispatch', { item: 'item.wzgg' }, '送分拨');
  const historyOf = async (ticket: string, event: string) => Number((await app.services.knex('history').where({ ticket_id: ticket, event }).count({ n: '*' }))[0]!.n);

  it(`DESIGN-4 ${PARALLEL} parallel dsp.assign on one ticket: one wins, the others are refused, nothing is written twice`, async () => {
    const ticket = await atDispatch();
    const responses = await Promise.all(Array.from({ length: PARALLEL }, () => api.attempt('zjg.dispatcher', ticket.id, 'dsp.assign', undefined, '交办城管', ASSIGN)));
    const split = tally(responses);
    // Losers that read the ticket before the winner committed fail the version check on write (409).
    // Those that read it after find it in handling, whose status binding names department handlers:
    // the engine checks the role before the button, so they get 403 ENG_FORBIDDEN_ROLE, not 422.
    // SQLite runs one transaction at a time, so there every loser reads after the winner: all 403.
    // Clients that send the `version` they saw get a 409 every time (next test).
    expect(split['200']).toBe(1);
    expect(Object.keys(split).filter((k) => k !== '200').every((k) => ['409 TG_ERR_STALE_VERSION', '403 TG_ERR_FORBIDDEN'].includes(k)), JSON.stringify(split)).toBe(true);
    if (dialect === 'sqlite') expect(split['403 TG_ERR_FORBIDDEN']).toBe(PARALLEL - 1);
    for (const r of responses.filter((x) => x.statusCode === 403)) expect((r.json() as { details: { engineCode: string } }).details.engineCode).toBe('ENG_FORBIDDEN_ROLE');
    expect(await historyOf(ticket.id, 'dsp.assign')).toBe(1);
    const stored = await api.stored(ticket.id);
    expect(stored).toMatchObject({ version: ticket.version + 1, node: 'handling', applications: [] });
    expect(stored.tasks).toHaveLength(1);
    const detail = await api.detail('zjg.dispatcher', ticket.id);
    expect(detail.tasks.map((t) => `${t.department}:${t.role}:${t.node}`)).toEqual(['zjg.cgj:main:pending']);
    expect(detail.history.map((h) => h.event)).toEqual(['acc.toDispatch', 'dsp.assign']);
    console.info(`[${dialect}] ${PARALLEL} parallel dsp.assign without version: ${JSON.stringify(split)}`);
  });

  it(`DESIGN-4 ${PARALLEL} parallel dsp.assign carrying the version they saw: one 200, every other one 409`, async () => {
    const ticket = await atDispatch();
    const responses = await Promise.all(Array.from({ length: PARALLEL }, () => api.attempt('zjg.dispatcher', ticket.id, 'dsp.assign', undefined, '交办城管', ASSIGN, ticket.version)));
    expect(tally(responses)).toEqual({ 200: 1, '409 TG_ERR_STALE_VERSION': PARALLEL - 1 });
    expect(await historyOf(ticket.id, 'dsp.assign')).toBe(1);
    expect((await api.stored(ticket.id)).tasks).toHaveLength(1);
  });

  it('REV-1 the last two approvals of a multi-department ticket at once: the ticket never stays behind in handling', async () => {
    const ticket = await atDispatch();
    await api.act('zjg.dispatcher', ticket.id, 'dsp.assign', undefined, '交办', { handling: 'multi', departments: ['zjg.sthj', 'zjg.zjj'] });
    let d = await api.detail('zjg.dispatcher', ticket.id);
    for (const dep of ['zjg.sthj', 'zjg.zjj']) await api.act(`${dep}.handler`, ticket.id, 'task.complete', { task: Api.task(d, dep).id }, '已处理');
    d = await api.detail('zjg.reviewer', ticket.id);
    const results = d.applications.filter((a) => a.kind === 'result');
    const responses = await Promise.all(results.map((a) => api.attempt('zjg.reviewer', ticket.id, 'app.approve', { application: a.id }, '同意')));
    const codes = responses.map((r) => r.statusCode).sort();
    // each approval reads the other task as not yet approved; only the ticket's version check can
    // stop both from committing without moving the ticket (write skew)
    expect(codes[0]).toBe(200);
    expect([200, 409]).toContain(codes[1]);
    console.info(`[${dialect}] two last multi approvals at once: ${JSON.stringify(tally(responses))}`);
    for (const r of responses) if (r.statusCode === 409) expect((r.json() as ErrorBody).code).toBe('TG_ERR_STALE_VERSION');
    d = await api.detail('zjg.reviewer', ticket.id);
    const approved = d.tasks.filter((t) => t.node === 'approved').length;
    expect(d.ticket.node).toBe(approved === 2 ? 'closing' : 'handling');
    expect(approved).toBe(codes.filter((c) => c === 200).length);
    if (approved === 1) {
      const left = d.applications.find((a) => a.kind === 'result' && a.node === 'centerReview')!;
      await api.act('zjg.reviewer', ticket.id, 'app.approve', { application: left.id });
      expect((await api.detail('zjg.reviewer', ticket.id)).ticket.node).toBe('closing');
    }
  });

  it('DESIGN-4 an idempotency key replayed returns the first result and creates nothing new', async () => {
    const ticket = await atDispatch();
    const key = { 'idempotency-key': `assign-${ticket.id}` };
    const body = api.body('dsp.assign', undefined, '交办城管', ASSIGN);
    const first = await api.request('zjg.dispatcher', 'POST', `/api/tickets/${ticket.id}/actions`, body, key);
    expect(first.statusCode).toBe(200);
    const after = await api.stored(ticket.id);
    const replays = await Promise.all(Array.from({ length: 5 }, () => api.request('zjg.dispatcher', 'POST', `/api/tickets/${ticket.id}/actions`, body, key)));
    for (const r of replays) {
      expect(r.statusCode).toBe(200);
      expect(r.json()).toEqual(first.json());
    }
    expect(await api.stored(ticket.id)).toEqual(after);
    // the same key with another body is refused and changes nothing
    const other = await api.request('zjg.dispatcher', 'POST', `/api/tickets/${ticket.id}/actions`, api.body('dsp.addDispatch', undefined, '加派', { handling: 'mainAssist', main: 'zjg.zjj' }), key);
    expect(other.statusCode).toBe(409);
    expect((other.json() as ErrorBody).code).toBe('TG_ERR_IDEMPOTENCY_CONFLICT');
    expect(await api.stored(ticket.id)).toEqual(after);
    // keys belong to their user: another dispatcher's same key is a new request, which the engine refuses
    const shiftLeader = await api.request('zjg.shiftleader2', 'POST', `/api/tickets/${ticket.id}/actions`, body, key);
    expect((shiftLeader.json() as ErrorBody).code).toBe('TG_ERR_FORBIDDEN');
    expect(await api.stored(ticket.id)).toEqual(after);
  });

  it('DESIGN-4 an idempotency key too long to keep is refused with its header named, and nothing changes', async () => {
    const ticket = await atDispatch();
    const before = await api.stored(ticket.id);
    const res = await api.request('zjg.dispatcher', 'POST', `/api/tickets/${ticket.id}/actions`, api.body('dsp.assign', undefined, '交办城管', ASSIGN), { 'idempotency-key': 'k'.repeat(121) });
    expect(res.statusCode).toBe(400);
    expect(res.json()).toMatchObject({ code: 'TG_ERR_VALIDATION', details: [{ pointer: '/headers/idempotency-key' }] });
    expect(await api.stored(ticket.id)).toEqual(before);
  });

  it(`DESIGN-4 ${PARALLEL} parallel identical actions under one idempotency key all return the one result`, async () => {
    const ticket = await atDispatch();
    const key = { 'idempotency-key': `burst-${ticket.id}` };
    const body = api.body('dsp.assign', undefined, '交办城管', ASSIGN);
    const responses = await Promise.all(Array.from({ length: PARALLEL }, () => api.request('zjg.dispatcher', 'POST', `/api/tickets/${ticket.id}/actions`, body, key)));
    expect(tally(responses)).toEqual({ 200: PARALLEL });
    expect(new Set(responses.map((r) => r.body)).size).toBe(1);
    expect(await historyOf(ticket.id, 'dsp.assign')).toBe(1);
    expect((await api.stored(ticket.id)).tasks).toHaveLength(1);
  });

  it('ACC-1 a registration replayed with its idempotency key registers one ticket', async () => {
    const key = { 'idempotency-key': `register-${dialect}` };
    const body = api.registration('acc.toDispatch', { item: 'item.wzgg', title: '幂等登记' }, '送分拨');
    const responses = await Promise.all(Array.from({ length: 5 }, () => api.request('zjg.acceptor', 'POST', '/api/tickets', body, key)));
    expect(responses.map((r) => r.statusCode)).toEqual([201, 201, 201, 201, 201]);
    expect(new Set(responses.map((r) => (r.json() as { ticket: TicketState }).ticket.id)).size).toBe(1);
    expect(Number((await app.services.knex('tickets').where({ title: '幂等登记' }).count({ n: '*' }))[0]!.n)).toBe(1);
    const changed = await api.request('zjg.acceptor', 'POST', '/api/tickets', { ...body, title: '另一件事' }, key);
    expect((changed.json() as ErrorBody).code).toBe('TG_ERR_IDEMPOTENCY_CONFLICT');
  });

  // ---- ACC-5 / ACC-10 / DSP-1 pools -------------------------------------------------------------

  interface PoolRowBody { id: string; urgency: string; reportedAt: number }
  interface Extraction { tickets: PoolRowBody[]; requested: number; remaining: number }
  const urgencies = ['normal', 'urgent', 'veryUrgent'] as const;

  /** `n` tickets escalated by 杨舍镇 (公厕保洁不到位 is configured to go up) into 张家港's acceptance pool. */
  async function fillPool(n: number): Promise<string[]> {
    const ids: string[] = [];
    for (let i = 0; i < n; i++) {
      app.now += 60_000;
      const t = await api.register('ys.acceptor', 'acc.toDispatch', { item: 'item.gcws', urgency: urgencies[i % 3] }, '上报张家港');
      expect(t).toMatchObject({ node: 'acceptance', center: 'zjg' });
      ids.push(t.id);
    }
    return ids;
  }
  const listPool = async (login = 'zjg.acceptor') => {
    const res = await api.request(login, 'GET', '/api/pools/acceptance');
    expect(res.statusCode, res.body).toBe(200);
    return res.json() as { enabled: boolean; count: number; extractCount: number; rows: PoolRowBody[] };
  };
  const extract = (login: string) => api.request(login, 'POST', '/api/pools/acceptance/extract');

  /** Each claimed ticket: assigned in the column and in the JSON state alike, with one pool.extract history row. */
  async function expectClaimed(byUser: Map<string, string>) {
    const knex = app.services.knex;
    for (const [id, user] of byUser) {
      const row = await knex('tickets').select('assignee', 'state', 'version').where({ id }).first();
      expect(row.assignee).toBe(user);
      expect(parseJson<TicketState>(row.state)).toMatchObject({ assignee: user, version: Number(row.version) });
      const history = await knex('history').where({ ticket_id: id, event: 'pool.extract' });
      expect(history.map((h: { actor_user: string }) => h.actor_user)).toEqual([user]);
    }
  }

  async function extractAtOnce(logins: string[]) {
    const responses = await Promise.all(logins.map(extract));
    const byUser = new Map<string, string>();
    for (const [i, r] of responses.entries()) {
      expect(r.statusCode, r.body).toBe(200);
      for (const t of (r.json() as Extraction).tickets) {
        expect(byUser.has(t.id), `ticket ${t.id} handed out twice`).toBe(false);
        byUser.set(t.id, logins[i]!);
      }
    }
    return { byUser, sizes: responses.map((r) => (r.json() as Extraction).tickets.length) };
  }

  it('ACC-10 the pool lists its tickets most urgent first; ACC-5 two acceptors extracting at once share a small pool', async () => {
    const ids = await fillPool(7);
    const listed = await listPool();
    expect(listed).toMatchObject({ enabled: true, count: 7, extractCount: 5 });
    expect(listed.rows.map((r) => r.urgency)).toEqual(['veryUrgent', 'veryUrgent', 'urgent', 'urgent', 'normal', 'normal', 'normal']);
    const page = await api.request('zjg.acceptor', 'GET', '/api/pools/acceptance?limit=2&offset=1');
    expect(page.json()).toMatchObject({ count: 7, rows: listed.rows.slice(1, 3) });
    const { byUser, sizes } = await extractAtOnce(['zjg.acceptor', 'zjg.acceptor2']);
    expect(byUser.size).toBe(Math.min(7, 2 * 5));
    expect(new Set(byUser.keys())).toEqual(new Set(ids));
    expect(sizes.every((n) => n <= 5)).toBe(true);
    console.info(`[${dialect}] two acceptors on a pool of 7: ${JSON.stringify(sizes)}`);
    await expectClaimed(byUser);
    expect(await listPool()).toMatchObject({ count: 0, rows: [] });
    const empty = await extract('zjg.acceptor');
    expect(empty.json()).toMatchObject({ tickets: [], remaining: 0 });
    // the assignee works the ticket; when it leaves the pooled node the assignee is cleared
    const [mine] = [...byUser].find(([, user]) => user === 'zjg.acceptor2')!;
    await api.act('zjg.acceptor2', mine, 'acc.toDispatch', undefined, '送分拨');
    // (公厕保洁不到位 at 张家港 is auto-dispatched to its departments)
    expect(await api.stored(mine)).toMatchObject({ node: 'handling', assignee: null });
    expect((await api.detail('zjg.acceptor2', mine)).ticket.assignee).toBeUndefined();
  });

  it('ACC-5 on a large pool two acceptors at once take 2×EXTRACT_ACCEPT_CASE_NUMBER; four extractions at once take the rest', async () => {
    await fillPool(12);
    const first = await extractAtOnce(['zjg.acceptor', 'zjg.acceptor2']);
    expect(first.sizes).toEqual([5, 5]);
    expect((await listPool()).count).toBe(2);
    const more = await fillPool(13);
    const second = await extractAtOnce(['zjg.acceptor', 'zjg.acceptor2', 'zjg.acceptor', 'zjg.acceptor2']);
    expect(second.byUser.size).toBe(15);
    expect([...first.byUser.keys()].some((id) => second.byUser.has(id))).toBe(false);
    expect(more.every((id) => second.byUser.has(id))).toBe(true);
    console.info(`[${dialect}] four extractions at once on a pool of 15: ${JSON.stringify(second.sizes)}`);
    await expectClaimed(new Map([...first.byUser, ...second.byUser]));
    expect((await listPool()).count).toBe(0);
  });

  it('DEF-13 a pool that is off is refused with TG_ERR_POOL_DISABLED; other roles and unknown pools are refused too', async () => {
    await fillPool(1);
    const offHere = await extract('ys.acceptor');
    expect([offHere.statusCode, (offHere.json() as ErrorBody).code]).toEqual([409, 'TG_ERR_POOL_DISABLED']);
    expect(await listPool('ys.acceptor')).toMatchObject({ enabled: false, count: 0, rows: [] });
    const dispatchPool = await api.request('zjg.dispatcher', 'POST', '/api/pools/dispatch/extract');
    expect([dispatchPool.statusCode, (dispatchPool.json() as ErrorBody).code]).toEqual([409, 'TG_ERR_POOL_DISABLED']);
    const notAcceptor = await api.request('zjg.dispatcher', 'POST', '/api/pools/acceptance/extract');
    expect([notAcceptor.statusCode, (notAcceptor.json() as ErrorBody).code]).toEqual([403, 'TG_ERR_FORBIDDEN']);
    const unknown = await api.request('zjg.acceptor', 'GET', '/api/pools/closing');
    expect(unknown.statusCode).toBe(400);
    expect((unknown.json() as { details: { pointer: string }[] }).details[0]!.pointer).toBe('/pool');
    // nothing was taken by the refused calls
    expect((await listPool()).count).toBe(1);
  });
});
