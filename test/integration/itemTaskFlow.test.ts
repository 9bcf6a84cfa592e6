import { describe, expect, it } from 'vitest';
import { copiedBindings } from '../../designer/studio/src/editor/copyBindings.js';
import { Api } from './support/api.js';
import { useTestApp } from './support/useTestApp.js';

const SPECIAL = 'flow.dlbj.task';

/**
 * DEF-3 over HTTP: the studio copies the department flow (with its status bindings), names it as an
 * item's personalised department flow and publishes; tickets of that item then handle their
 * department tasks in that flow, other items in the ticket flow's taskFlow.
 */
describe('an item\u2019s personalised department (task) flow, over HTTP on sqlite', () => {
  const { app, api } = useTestApp('sqlite');

  async function call(method: 'GET' | 'PUT' | 'POST', url: string, payload?: unknown) {
    const token = await api.token('sz.admin');
    const res = await app.server.inject({ method, url, headers: { authorization: `Bearer ${token}` }, ...(payload === undefined ? {} : { payload: payload as object }) });
    return { status: res.statusCode, body: res.json() as Record<string, unknown> };
  }

  it('a ticket of the item runs its tasks in the item\u2019s flow once published', async () => {
    const source = (await call('GET', '/api/definitions/flow/flow.linkage.task')).body.definition as Record<string, unknown>;
    expect((await call('PUT', `/api/definitions/flow/${SPECIAL}?package=linkage`, { ...source, id: SPECIAL, name: '道路不洁处置流程', nameEn: 'Dirty road handling' })).status).toBe(200);
    const bindings = (await call('GET', '/api/definitions/statusBinding?limit=1000')).body.items as { id: string; definition: Record<string, unknown> }[];
    const copies = copiedBindings(bindings.map((b) => b.definition), bindings.map((b) => b.id), 'flow.linkage.task', SPECIAL);
    expect(copies.length).toBeGreaterThan(0);
    for (const b of copies) expect((await call('PUT', `/api/definitions/statusBinding/${encodeURIComponent(String(b.id))}?package=linkage`, b)).status).toBe(200);

    const item = (await call('GET', '/api/definitions/item/item.dlbj')).body.definition as Record<string, unknown>;
    expect((await call('PUT', '/api/definitions/item/item.dlbj', { ...item, enabled: false })).status).toBe(200);
    expect((await call('PUT', '/api/definitions/item/item.dlbj', { ...item, enabled: false, flow: SPECIAL })).status).toBe(200);
    expect((await call('PUT', '/api/definitions/item/item.dlbj', { ...item, enabled: true, flow: SPECIAL })).status).toBe(200);
    const lint = await call('POST', '/api/definitions/lint');
    expect((lint.body.findings as { severity: string; code: string }[]).filter((f) => f.severity === 'error')).toEqual([]);
    const published = await call('POST', '/api/definitions/publish');
    expect(published.status, JSON.stringify(published.body)).toBe(201);

    const t = await api.register('ys.acceptor', 'acc.toDispatch', { item: 'item.dlbj' }, '送分拨');
    const d = await api.detail('ys.cgzd.handler', t.id);
    expect(d.tasks.length).toBeGreaterThan(0);
    expect(new Set(d.tasks.map((x) => x.flow))).toEqual(new Set([SPECIAL]));
    const own = Api.task(d, 'ys.cgzd');
    expect(Api.allows(d, 'task.return', { task: own.id })).toBe(true);
    await api.act('ys.cgzd.handler', t.id, 'task.return', { task: own.id }, '不属于本部门职责');
    expect(Api.application(await api.detail('ys.cgzd.handler', t.id), 'return')).toMatchObject({ task: own.id });

    // another item keeps the ticket flow's department flow
    const other = await api.register('ys.acceptor', 'acc.toDispatch', { item: 'item.wzgg' }, '送分拨');
    const od = await api.detail('ys.dispatcher', other.id);
    for (const task of od.tasks) expect(task.flow).toBe('flow.linkage.task');
  });
});
