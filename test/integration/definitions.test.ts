import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from './support/testApp.js';

interface Draft { id: string; package: string; file: string; definition: Record<string, unknown> }
interface Finding { code: string; severity: string; file?: string; pointer: string; definition?: { kind: string; id: string } }
interface Flow { transitions: { to?: string }[] }

const FIELDS = {
  reportTime: '2025-06-10T09:00:00+08:00', channel: 'phone', reporterName: '张三', reporterPhone: '13812345678', reporterGender: '男',
  title: '违规广告牌', description: '东桥路口有违规广告牌', regionCode: '320582', address: '东桥路 12 号', grid: 'g.ys.dq.01',
  item: 'item.wzgg', eventType: 'complaint', difficult: false,
};

describe.each(['sqlite', 'mariadb'] as const)('definitions API on %s', (dialect) => {
  let app: TestApp;
  let admin: Record<string, string>;
  let acceptor: Record<string, string>;

  async function call(headers: Record<string, string>, method: 'GET' | 'PUT' | 'POST' | 'DELETE', url: string, payload?: unknown) {
    const res = await app.server.inject({ method, url, headers, ...(payload === undefined ? {} : { payload: payload as object }) });
    return { status: res.statusCode, body: res.json() as Record<string, unknown> & { code?: string; details?: unknown } };
  }
  const get = async (kind: string, id: string) => (await call(admin, 'GET', `/api/definitions/${kind}/${id}`)).body as unknown as Draft;
  const put = (kind: string, id: string, definition: unknown) => call(admin, 'PUT', `/api/definitions/${kind}/${id}`, definition);
  const register = async () => {
    const res = await call(acceptor, 'POST', '/api/tickets', {
      domain: 'linkage', item: 'item.wzgg', title: '违规广告牌', channel: 'phone', grid: 'g.ys.dq.01', fields: FIELDS, button: 'acc.saveDraft',
    });
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    return (res.body.ticket as { id: string; bundleHash: string; node: string });
  };
  const act = async (id: string, button: string) => {
    const res = await call(acceptor, 'POST', `/api/tickets/${id}/actions`, { button, opinion: '已答复' });
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    return res.body.ticket as { bundleHash: string; node: string };
  };

  beforeAll(async () => {
    app = await startTestApp(dialect);
    admin = { authorization: `Bearer ${await app.login('sz.admin')}` };
    acceptor = { authorization: `Bearer ${await app.login('zjg.acceptor')}` };
  }, 60_000);
  afterAll(async () => {
    await app?.dispose();
  });

  it('lists the kinds with their JSON Schema and the drafts of a kind, with search', async () => {
    const kinds = await call(acceptor, 'GET', '/api/definitions/kinds');
    expect(kinds.status).toBe(200);
    const list = kinds.body.kinds as { kind: string; schema: { type: string; properties: Record<string, unknown> } }[];
    expect(list.map((k) => k.kind)).toEqual(expect.arrayContaining(['domain', 'catalogueDirectory', 'item', 'flow', 'form', 'timeLimit']));
    expect(list.find((k) => k.kind === 'item')!.schema.properties).toHaveProperty('code');

    const items = await call(admin, 'GET', `/api/definitions/item?q=${encodeURIComponent('广告')}`);
    expect(items.status).toBe(200);
    const found = items.body.items as Draft[];
    expect(found.length).toBeGreaterThan(0);
    expect(found.every((d) => JSON.stringify(d.definition).includes('广告'))).toBe(true);
    expect(found[0]).toMatchObject({ package: 'linkage', file: 'items.json' });
    expect((await call(admin, 'GET', '/api/definitions/item/item.none')).status).toBe(404);
  });

  it('answers 403 to a user without the admin role', async () => {
    const item = await get('item', 'item.ggps');
    for (const [method, url, payload] of [
      ['GET', '/api/definitions/item', undefined], ['PUT', '/api/definitions/item/item.ggps', item.definition],
      ['DELETE', '/api/definitions/item/item.ggps', undefined], ['POST', '/api/definitions/lint', undefined],
      ['POST', '/api/definitions/publish', undefined], ['GET', '/api/definitions/export', undefined],
    ] as const) {
      const res = await call(acceptor, method, url, payload);
      expect(res.status, `${method} ${url}`).toBe(403);
      expect(res.body.code).toBe('TG_ERR_FORBIDDEN');
    }
  });

  it('refuses an invalid definition with the JSON pointer of each error and writes nothing', async () => {
    const before = await get('item', 'item.ggps');
    const res = await put('item', 'item.ggps', { ...before.definition, enabled: false, code: '12ab', unknownField: 1 });
    expect(res.status).toBe(400);
    expect(res.body.code).toBe('TG_ERR_VALIDATION');
    const pointers = (res.body.details as { findings: { pointer: string }[] }).findings.map((f) => f.pointer);
    expect(pointers).toEqual(expect.arrayContaining(['/code', '']));
    expect(await get('item', 'item.ggps')).toEqual(before);
  });

  it('lints a broken flow with LINT_* findings at file and pointer, and refuses to publish it', async () => {
    const original = (await get('flow', 'flow.linkage')).definition as unknown as Flow;
    const broken = structuredClone(original);
    broken.transitions[41]!.to = 'nowhere';
    expect((await put('flow', 'flow.linkage', broken)).status).toBe(200);

    const lint = await call(admin, 'POST', '/api/definitions/lint');
    expect(lint.body.ok).toBe(false);
    const findings = lint.body.findings as Finding[];
    expect(findings).toContainEqual(expect.objectContaining({
      code: 'LINT_TRANSITION_UNKNOWN_NODE', severity: 'error', file: 'linkage/flows/general.json', pointer: '/transitions/41/to',
      definition: { kind: 'flow', id: 'flow.linkage' },
    }));
    const refused = await call(admin, 'POST', '/api/definitions/publish');
    expect(refused.status).toBe(422);
    expect(refused.body.code).toBe('TG_ERR_PUBLISH_REFUSED');
    expect((refused.body.details as { findings: Finding[] }).findings.every((f) => f.code.startsWith('LINT_'))).toBe(true);
    expect((await call(admin, 'GET', '/api/definitions/versions')).body.current).toBe(1);

    expect((await put('flow', 'flow.linkage', original)).status).toBe(200);
    expect((await call(admin, 'POST', '/api/definitions/validate')).body).toMatchObject({ ok: true, counts: { error: 0 } });
  });

  it('publishes version 2 with a diff naming exactly the changed definition; running tickets keep their bundle', async () => {
    const v1 = (await app.services.bundles.current()).bundle.hash;
    const before = await register();
    expect(before).toMatchObject({ node: 'draft', bundleHash: v1 });

    const flow = (await get('flow', 'flow.linkage')).definition as unknown as Flow;
    flow.transitions[3]!.to = 'closing'; // acc.directReply without callback: closing instead of closed
    expect((await put('flow', 'flow.linkage', flow)).status).toBe(200);
    const published = await call(admin, 'POST', '/api/definitions/publish');
    expect(published.status, JSON.stringify(published.body)).toBe(201);
    expect(published.body).toMatchObject({ version: 2, previous: { version: 1, hash: v1 } });
    const expectedDiff = { packages: { added: [], removed: [], changed: [] }, kinds: { flow: { added: [], removed: [], changed: [{ id: 'flow.linkage', pointers: ['/transitions/3/to'] }] } } };
    expect(published.body.diff).toEqual(expectedDiff);
    const v2 = published.body.hash as string;
    expect(v2).not.toBe(v1);

    const versions = await call(admin, 'GET', '/api/definitions/versions');
    expect(versions.body.current).toBe(2);
    expect((versions.body.versions as { version: number; hash: string; createdBy: string }[]).map((v) => [v.version, v.hash, v.createdBy]))
      .toEqual([[2, v2, 'sz.admin'], [1, v1, 'system']]);
    const diff = await call(admin, 'GET', '/api/definitions/versions/1/diff/2');
    expect(diff.body).toEqual({ from: { version: 1, hash: v1 }, to: { version: 2, hash: v2 }, ...expectedDiff });
    expect((await call(admin, 'POST', '/api/definitions/publish')).body.code).toBe('TG_ERR_ALREADY_PUBLISHED');

    const oldTicket = await act(before.id, 'acc.directReply');
    expect(oldTicket).toMatchObject({ bundleHash: v1, node: 'closed' });
    const after = await register();
    expect(after.bundleHash).toBe(v2);
    expect(await act(after.id, 'acc.directReply')).toMatchObject({ bundleHash: v2, node: 'closing' });

    // a rollback: the first configuration published again is version 3 with version 1's content
    flow.transitions[3]!.to = 'closed';
    expect((await put('flow', 'flow.linkage', flow)).status).toBe(200);
    const rollback = await call(admin, 'POST', '/api/definitions/publish');
    expect(rollback.status, JSON.stringify(rollback.body)).toBe(201);
    expect(rollback.body).toMatchObject({ version: 3, hash: v1, previous: { version: 2, hash: v2 } });
    expect(((await call(admin, 'GET', '/api/definitions/versions')).body.versions as { version: number; hash: string }[]).map((v) => [v.version, v.hash]))
      .toEqual([[3, v1], [2, v2], [1, v1]]);
    const third = await register();
    expect(third.bundleHash).toBe(v1);
    expect(await act(third.id, 'acc.directReply')).toMatchObject({ node: 'closed' });
  });

  it('edits an item only while disabled: disable, edit, enable', async () => {
    const item = (await get('item', 'item.ggps')).definition;
    const refused = await put('item', 'item.ggps', { ...item, name: '户外广告招牌破损（新）' });
    expect(refused.status).toBe(409);
    expect(refused.body.code).toBe('TG_ERR_DEFINITION_ENABLED');
    expect((await get('item', 'item.ggps')).definition).toEqual(item);

    expect((await put('item', 'item.ggps', { ...item, enabled: false })).status).toBe(200);
    expect((await put('item', 'item.ggps', { ...item, enabled: false, name: '户外广告招牌破损（新）' })).status).toBe(200);
    const enabled = await put('item', 'item.ggps', { ...item, name: '户外广告招牌破损（新）' });
    expect(enabled.status).toBe(200);
    expect(enabled.body).toMatchObject({ definition: { name: '户外广告招牌破损（新）', enabled: true }, updatedBy: expect.any(String) });
  });

  it('disables a catalogue directory only when nothing enabled is below it and no item is linked', async () => {
    const directory = (await get('item', 'item.ggps')).definition.directory as string;
    const dir = (await get('catalogueDirectory', directory)).definition;
    const refused = await put('catalogueDirectory', directory, { ...dir, enabled: false });
    expect(refused.status).toBe(409);
    expect(refused.body.code).toBe('TG_ERR_DIRECTORY_IN_USE');
    expect((refused.body.details as { items: string[] }).items).toContain('item.ggps');

    const fresh = { id: 'dir.test', name: '测试目录', parent: directory, enabled: true };
    expect((await put('catalogueDirectory', 'dir.test', fresh)).body.code).toBe('TG_ERR_VALIDATION'); // which package?
    const created = await call(admin, 'PUT', '/api/definitions/catalogueDirectory/dir.test?package=linkage', fresh);
    expect(created.body).toMatchObject({ package: 'linkage', file: 'catalogue-directories.json', definition: fresh });
    expect((await call(admin, 'DELETE', '/api/definitions/catalogueDirectory/dir.test')).body.code).toBe('TG_ERR_DEFINITION_ENABLED');
    expect((await put('catalogueDirectory', directory, { ...dir, enabled: false })).body.code).toBe('TG_ERR_DIRECTORY_IN_USE');
    expect((await put('catalogueDirectory', 'dir.test', { ...fresh, enabled: false })).status).toBe(200);
    const deleted = await call(admin, 'DELETE', '/api/definitions/catalogueDirectory/dir.test');
    expect(deleted.body).toEqual({ deleted: [{ kind: 'catalogueDirectory', id: 'dir.test' }] });
    expect((await call(admin, 'GET', '/api/definitions/catalogueDirectory/dir.test')).status).toBe(404);
  });

  it('refuses to delete what ticket data refers to, and an enabled item', async () => {
    const item = (await get('item', 'item.wzgg')).definition;
    const enabled = await call(admin, 'DELETE', '/api/definitions/item/item.wzgg');
    expect([enabled.status, enabled.body.code]).toEqual([409, 'TG_ERR_DEFINITION_ENABLED']);
    expect((await put('item', 'item.wzgg', { ...item, enabled: false })).status).toBe(200);
    const withTickets = await call(admin, 'DELETE', '/api/definitions/item/item.wzgg');
    expect([withTickets.status, withTickets.body.code]).toEqual([409, 'TG_ERR_DEFINITION_HAS_TICKETS']);
    for (const [kind, id] of [['flow', 'flow.linkage'], ['domain', 'linkage']]) {
      expect((await call(admin, 'DELETE', `/api/definitions/${kind}/${id}`)).body.code).toBe('TG_ERR_DEFINITION_HAS_TICKETS');
    }
    // a task flow is in use once a department task runs on it
    expect((await call(admin, 'GET', '/api/definitions/flow/flow.linkage.task')).status).toBe(200);
    const dispatched = await call(acceptor, 'POST', '/api/tickets', {
      domain: 'linkage', item: 'item.wzgg', title: '违规广告牌', channel: 'phone', grid: 'g.ys.dq.01', fields: FIELDS, button: 'acc.toDispatch', opinion: '送分拨',
    });
    expect(dispatched.status, JSON.stringify(dispatched.body)).toBe(201);
    const dispatcher = { authorization: `Bearer ${await app.login('zjg.dispatcher')}` };
    const assigned = await call(dispatcher, 'POST', `/api/tickets/${(dispatched.body.ticket as { id: string }).id}/actions`, {
      button: 'dsp.assign', opinion: '交办', payload: { handling: 'mainAssist', main: 'zjg.cgj' },
    });
    expect(assigned.status, JSON.stringify(assigned.body)).toBe(200);
    expect((await call(admin, 'DELETE', '/api/definitions/flow/flow.linkage.task')).body).toMatchObject({ code: 'TG_ERR_DEFINITION_HAS_TICKETS', details: { count: 1 } });
    expect((await get('item', 'item.wzgg')).id).toBe('item.wzgg');
    expect((await put('item', 'item.wzgg', item)).status).toBe(200);
  });

  it('exports the drafts as packages and imports them back, all or nothing', async () => {
    const exported = await call(admin, 'GET', '/api/definitions/export');
    const set = exported.body as { packages: { manifest: { name: string }; files: { path: string; data: unknown }[] }[] };
    expect(set.packages.map((p) => p.manifest.name)).toEqual(['calendar-cn', 'demo-org', 'hotline-12345', 'linkage']);
    expect(set.packages.find((p) => p.manifest.name === 'linkage')!.files.map((f) => f.path)).toContain('flows/general.json');
    const hash = (await call(admin, 'POST', '/api/definitions/validate')).body.hash;

    const bad = structuredClone(set);
    const items = bad.packages.find((p) => p.manifest.name === 'linkage')!.files.find((f) => f.path === 'items.json')!;
    (items.data as { code: string }[])[0]!.code = 'x';
    const refused = await call(admin, 'POST', '/api/definitions/import', bad);
    expect(refused.status).toBe(400);
    expect((refused.body.details as { findings: Finding[] }).findings).toContainEqual(expect.objectContaining({ file: 'linkage/items.json', pointer: '/0/code' }));

    const withoutItem = structuredClone(set);
    const linkage = withoutItem.packages.find((p) => p.manifest.name === 'linkage')!;
    const itemFile = linkage.files.find((f) => f.path === 'items.json')!;
    itemFile.data = (itemFile.data as { id: string }[]).filter((i) => i.id !== 'item.wzgg');
    const hotline = withoutItem.packages.find((p) => p.manifest.name === 'hotline-12345')!.files.find((f) => f.path === 'item-domain-links.json')!;
    hotline.data = (hotline.data as { item: string }[]).filter((l) => l.item !== 'item.wzgg');
    const dropsTicketData = await call(admin, 'POST', '/api/definitions/import', withoutItem);
    expect(dropsTicketData.body.code).toBe('TG_ERR_DEFINITION_HAS_TICKETS');

    const imported = await call(admin, 'POST', '/api/definitions/import', set);
    expect(imported.status, JSON.stringify(imported.body)).toBe(200);
    expect(imported.body.hash).toBe(hash);
    expect((await call(admin, 'GET', '/api/definitions/export')).body).toEqual(exported.body);
    expect((await call(admin, 'POST', '/api/definitions/validate')).body.hash).toBe(hash);
  });
});
