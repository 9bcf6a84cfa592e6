import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { formFields } from './support/api.js';
import { startTestApp, type TestApp } from './support/testApp.js';

describe.each(['sqlite', 'mariadb'] as const)('X-3 ticket detail privacy on %s', (dialect) => {
  let app: TestApp;
  beforeAll(async () => {
    app = await startTestApp(dialect);
  }, 60_000);
  afterAll(async () => {
    await app?.dispose();
  });

  async function get(login: string, id: string) {
    const res = await app.server.inject({ method: 'GET', url: `/api/tickets/${id}`, headers: { authorization: `Bearer ${await app.login(login)}` } });
    return { status: res.statusCode, body: res.json() as { ticket: { fields: Record<string, unknown> }; reporterVisibility: string } };
  }

  it('X-3 center staff see the reporter, handling units see it masked, or not at all when confidential', async () => {
    const ids: string[] = [];
    for (const confidential of [false, true]) {
      const res = await app.server.inject({
        method: 'POST', url: '/api/tickets', headers: { authorization: `Bearer ${await app.login('zjg.acceptor')}` },
        payload: { domain: 'linkage', item: 'item.wzgg', title: '违规广告牌', channel: 'phone', grid: 'g.ys.dq.01', confidential, fields: formFields('item.wzgg'), button: 'acc.toDispatch', opinion: '送分拨' },
      });
      const id = (res.json() as { ticket: { id: string } }).ticket.id;
      await app.server.inject({
        method: 'POST', url: `/api/tickets/${id}/actions`, headers: { authorization: `Bearer ${await app.login('zjg.dispatcher')}` },
        payload: { button: 'dsp.assign', opinion: '交办', payload: { handling: 'mainAssist', main: 'zjg.cgj' } },
      });
      ids.push(id);
    }
    const [open, secret] = ids as [string, string];
    expect((await get('zjg.acceptor', secret)).body.ticket.fields).toMatchObject({ reporterName: '张三', reporterPhone: '13812345678' });
    const masked = await get('zjg.cgj.handler', open);
    expect(masked.body.reporterVisibility).toBe('masked');
    expect(masked.body.ticket.fields).toMatchObject({ reporterName: '张*', reporterPhone: '138****5678' });
    const hidden = await get('zjg.cgj.handler', secret);
    expect(hidden.body.reporterVisibility).toBe('hidden');
    expect(hidden.body.ticket.fields.reporterName).toBeUndefined();
    expect(JSON.stringify(hidden.body)).not.toContain('13812345678');
    expect((await get('zjg.sthj.handler', open)).status).toBe(403);
  });

  it('X-3 an action answers with the ticket as the acting user may see it: a handling unit never gets the reporter back', async () => {
    const res = await app.server.inject({
      method: 'POST', url: '/api/tickets', headers: { authorization: `Bearer ${await app.login('zjg.acceptor')}` },
      payload: { domain: 'linkage', item: 'item.wzgg', title: '违规广告牌', channel: 'phone', grid: 'g.ys.dq.01', confidential: true, fields: formFields('item.wzgg'), button: 'acc.toDispatch', opinion: '送分拨' },
    });
    const registered = res.json() as { ticket: { id: string; fields: Record<string, unknown> } };
    expect(registered.ticket.fields).toMatchObject({ reporterPhone: '13812345678' }); // the acceptor is center staff
    const id = registered.ticket.id;
    await app.server.inject({
      method: 'POST', url: `/api/tickets/${id}/actions`, headers: { authorization: `Bearer ${await app.login('zjg.dispatcher')}` },
      payload: { button: 'dsp.assign', opinion: '交办', payload: { handling: 'mainAssist', main: 'zjg.cgj' } },
    });
    const task = (await get('zjg.cgj.handler', id)).body as unknown as { tasks: { id: string }[] };
    const acted = await app.server.inject({
      method: 'POST', url: `/api/tickets/${id}/actions`, headers: { authorization: `Bearer ${await app.login('zjg.cgj.handler')}` },
      payload: { button: 'task.feedback', target: { kind: 'task', id: task.tasks[0]!.id }, opinion: '已到现场' },
    });
    expect(acted.statusCode).toBe(200);
    const body = acted.json() as { ticket: { id: string; fields: Record<string, unknown> } };
    expect(body.ticket.id).toBe(id);
    expect(body.ticket.fields.reporterName).toBeUndefined();
    expect(acted.body).not.toContain('13812345678');
  });
});
