import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { migrations as mariadbMigrations } from '../../migrations/mariadb/index.js';
import { migrations as sqliteMigrations } from '../../migrations/sqlite/index.js';
import { startTestApp, type TestApp } from './support/testApp.js';

describe.each(['sqlite', 'mariadb'] as const)('runtime on %s', (dialect) => {
  let app: TestApp;
  beforeAll(async () => {
    app = await startTestApp(dialect);
  }, 60_000);
  afterAll(async () => {
    await app?.dispose();
  });

  it('starts, migrates, seeds and answers /health', async () => {
    // a fresh database gets every migration of its dialect, in order, and both dialects have the same ones
    const declared = (dialect === 'sqlite' ? sqliteMigrations : mariadbMigrations).map((m) => m.name);
    expect(declared.slice(0, 4)).toEqual(['Migration20261126070755_initial', 'Migration20261126071231_definitions', 'Migration20261126073249_support', 'Migration20261126105306_republish']);
    expect(sqliteMigrations.map((m) => m.name)).toEqual(mariadbMigrations.map((m) => m.name));
    expect(app.migrations).toEqual(declared);
    expect(app.seeded).toEqual({ published: true, orgSeeded: true });
    const res = await app.server.inject({ method: 'GET', url: '/health' });
    expect(res.json()).toEqual({ status: 'ok' });
  });

  it('registers a ticket and acts on it through HTTP', async () => {
    const token = await app.login('zjg.acceptor');
    const fields = {
      reportTime: '2025-06-10T09:00:00+08:00', channel: 'phone', reporterName: '张三', reporterPhone: '13812345678', reporterGender: '男',
      title: '违规广告牌', description: '东桥路口有违规广告牌', regionCode: '320582', address: '东桥路 12 号', grid: 'g.ys.dq.01',
      item: 'item.wzgg', eventType: 'complaint', difficult: false,
    };
    const reg = await app.server.inject({
      method: 'POST', url: '/api/tickets', headers: { authorization: `Bearer ${token}` },
      payload: { domain: 'linkage', item: 'item.wzgg', title: '违规广告牌', channel: 'phone', grid: 'g.ys.dq.01', fields, button: 'acc.toDispatch', opinion: '送分拨' },
    });
    expect(reg.statusCode, reg.body).toBe(201);
    const ticket = (reg.json() as { ticket: { id: string; number: string; node: string } }).ticket;
    expect(ticket.number).toBe('DH2025061000001');
    expect(ticket.node).toBe('dispatch');
    const dispatcher = await app.login('zjg.dispatcher');
    const act = await app.server.inject({
      method: 'POST', url: `/api/tickets/${ticket.id}/actions`, headers: { authorization: `Bearer ${dispatcher}` },
      payload: { button: 'dsp.assign', opinion: '交办城管', payload: { handling: 'mainAssist', main: 'zjg.cgj' } },
    });
    expect(act.statusCode, act.body).toBe(200);
    expect((act.json() as { ticket: { node: string } }).ticket.node).toBe('handling');
    const detail = await app.server.inject({ method: 'GET', url: `/api/tickets/${ticket.id}`, headers: { authorization: `Bearer ${dispatcher}` } });
    expect(detail.statusCode).toBe(200);
    const body = detail.json() as { tasks: { id: string; department: string; node: string }[]; history: { event: string }[] };
    expect(body.tasks.map((t) => t.department)).toEqual(['zjg.cgj']);
    expect(body.history.map((h) => h.event)).toEqual(['acc.toDispatch', 'dsp.assign']);
    // the answer names the tasks the action created, so the next button needs no detail read
    expect((act.json() as { entities: unknown }).entities).toEqual({ tasks: [{ id: body.tasks[0]!.id, department: 'zjg.cgj', node: body.tasks[0]!.node }], applications: [] });
    const handler = await app.login('zjg.cgj.handler');
    const done = await app.server.inject({
      method: 'POST', url: `/api/tickets/${ticket.id}/actions`, headers: { authorization: `Bearer ${handler}` },
      payload: { button: 'task.complete', target: { kind: 'task', id: body.tasks[0]!.id }, opinion: '已拆除' },
    });
    expect(done.statusCode, done.body).toBe(200);
    const entities = (done.json() as { entities: { tasks: { id: string }[]; applications: { kind: string; task?: string }[] } }).entities;
    expect(entities.tasks.map((t) => t.id)).toEqual([body.tasks[0]!.id]);
    expect(entities.applications).toEqual([expect.objectContaining({ kind: 'result', task: body.tasks[0]!.id })]);
  });
});
