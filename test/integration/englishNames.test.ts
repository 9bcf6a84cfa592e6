import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from './support/testApp.js';

interface Named { id: string; name: string; nameEn?: string }
interface Catalogue {
  domains: Named[];
  directories: Named[];
  items: Named[];
  flows: (Named & { nodes: Record<string, { name: string; nameEn?: string }> })[];
  org: { departments: Named[] };
}

/** the workbench catalogue carries the English names of domains, directories, items, flow nodes and departments; the studio and the organisation API edit them. */
describe.each(['sqlite', 'mariadb'] as const)('English names in the workbench catalogue on %s', (dialect) => {
  let app: TestApp;
  let admin: Record<string, string>;
  let acceptor: Record<string, string>;

  const call = async (headers: Record<string, string>, method: 'GET' | 'PUT' | 'POST' | 'PATCH', url: string, payload?: unknown) => {
    const res = await app.server.inject({ method, url, headers, ...(payload === undefined ? {} : { payload: payload as object }) });
    return { status: res.statusCode, body: res.json() as Record<string, unknown> };
  };
  const catalogue = async () => (await call(acceptor, 'GET', '/api/workbench/catalogue')).body as unknown as Catalogue;
  const find = (list: Named[], id: string) => list.find((d) => d.id === id)!;

  beforeAll(async () => {
    app = await startTestApp(dialect);
    admin = { authorization: `Bearer ${await app.login('sz.admin')}` };
    acceptor = { authorization: `Bearer ${await app.login('zjg.acceptor')}` };
  }, 60_000);
  afterAll(async () => { await app?.dispose(); });

  it('serves the built-in packages\u2019 English names beside the Chinese ones', async () => {
    const c = await catalogue();
    expect(find(c.items, 'item.bllj')).toMatchObject({ name: '暴露垃圾', nameEn: 'Exposed garbage' });
    expect(find(c.directories, 'dir.srhj.hjws')).toMatchObject({ name: '环境卫生', nameEn: 'Environmental Sanitation' });
    expect(find(c.domains, 'linkage')).toMatchObject({ name: '联动', nameEn: 'Linkage' });
    const flow = c.flows.find((f) => f.id === 'flow.linkage')!;
    expect(flow.nodes.dispatch).toEqual({ name: '事件分拨', nameEn: 'Dispatch' });
    expect(flow.nodes.handling).toEqual({ name: '事件处置', nameEn: 'Handling' });
    // every item, directory, domain and node of the built-in packages has one
    const missing = [
      ...[...c.items, ...c.directories, ...c.domains].filter((d) => !d.nameEn).map((d) => d.id),
      ...c.flows.flatMap((f) => Object.entries(f.nodes).filter(([, n]) => !n.nameEn).map(([id]) => `${f.id}#${id}`)),
    ];
    expect(missing).toEqual([]);
  });

  it('an English name edited in the studio is served once published; one over 200 characters is refused by the schema', async () => {
    // an enabled item is edited disabled (DEF-3): disable, name it, enable
    const path = '/api/definitions/item/item.ldbl';
    const draft = (await call(admin, 'GET', path)).body as { definition: Record<string, unknown> };
    expect((await call(admin, 'PUT', path, { ...draft.definition, enabled: false })).status).toBe(200);
    const tooLong = await call(admin, 'PUT', path, { ...draft.definition, enabled: false, nameEn: 'x'.repeat(201) });
    expect(tooLong.status).toBe(400);
    const saved = await call(admin, 'PUT', path, { ...draft.definition, enabled: false, nameEn: 'Street lamp not working' });
    expect(saved.status, JSON.stringify(saved.body)).toBe(200);
    expect((await call(admin, 'PUT', path, { ...draft.definition, nameEn: 'Street lamp not working' })).status).toBe(200);
    const domain = (await call(admin, 'GET', '/api/definitions/domain/linkage')).body as { definition: Record<string, unknown> };
    expect((await call(admin, 'PUT', '/api/definitions/domain/linkage', { ...domain.definition, nameEn: 'Joint handling' })).status).toBe(200);
    // not served before publishing
    expect(find((await catalogue()).items, 'item.ldbl').nameEn).toBe('Street light out');
    const published = await call(admin, 'POST', '/api/definitions/publish');
    expect(published.status, JSON.stringify(published.body)).toBe(201);
    const after = await catalogue();
    expect(find(after.items, 'item.ldbl')).toMatchObject({ name: '路灯不亮', nameEn: 'Street lamp not working' });
    expect(find(after.domains, 'linkage')).toMatchObject({ name: '联动', nameEn: 'Joint handling' });
  });

  it('departments: the demo organisation\u2019s English names are seeded and served; an administrator changes and clears one', async () => {
    expect(find((await catalogue()).org.departments, 'zjg.cgj')).toMatchObject({ name: '张家港市城市管理局', nameEn: 'Zhangjiagang Urban Management Bureau' });
    const read = await call(admin, 'GET', '/api/org/departments/zjg.cgj');
    expect(read.body).toMatchObject({ id: 'zjg.cgj', nameEn: 'Zhangjiagang Urban Management Bureau' });
    const renamed = await call(admin, 'PATCH', '/api/org/departments/zjg.cgj', { nameEn: 'Zhangjiagang City Management Bureau' });
    expect(renamed.status, JSON.stringify(renamed.body)).toBe(200);
    expect(renamed.body).toMatchObject({ name: '张家港市城市管理局', nameEn: 'Zhangjiagang City Management Bureau' });
    expect(find((await catalogue()).org.departments, 'zjg.cgj').nameEn).toBe('Zhangjiagang City Management Bureau');
    // other changes keep it; null clears it
    expect((await call(admin, 'PATCH', '/api/org/departments/zjg.cgj', { name: '张家港市城管局' })).body).toMatchObject({ name: '张家港市城管局', nameEn: 'Zhangjiagang City Management Bureau' });
    expect((await call(admin, 'PATCH', '/api/org/departments/zjg.cgj', { nameEn: null })).body).toMatchObject({ nameEn: null });
    expect(find((await catalogue()).org.departments, 'zjg.cgj').nameEn).toBeUndefined();
    const created = await call(admin, 'POST', '/api/org/departments', { name: '张家港市应急管理局', nameEn: 'Zhangjiagang Emergency Management Bureau', parent: 'zjg' });
    expect(created.status, JSON.stringify(created.body)).toBe(201);
    expect(find((await catalogue()).org.departments, created.body.id as string).nameEn).toBe('Zhangjiagang Emergency Management Bureau');
  });
});
