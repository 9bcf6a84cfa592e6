import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ImportColumns, XLSX_CONTENT_TYPE } from '../../runtime/org/importTemplate.js';
import { call, countRows, flatten, login, sheet, upload, type TreeNode } from './support/orgApi.js';
import { startTestApp, type TestApp } from './support/testApp.js';

const ADMIN = 'sz.admin';
const FH = '江苏省-苏州市-张家港市-凤凰镇';
const square = [[120.6, 31.9], [120.61, 31.9], [120.61, 31.91], [120.6, 31.91], [120.6, 31.9]];

describe.each(['sqlite', 'mariadb'] as const)('organisation API on %s', (dialect) => {
  let app: TestApp;
  beforeAll(async () => {
    app = await startTestApp(dialect);
  }, 60_000);
  afterAll(async () => {
    await app?.dispose();
  });

  const tree = async (as: string) => (await call(app, as, 'GET', '/api/org/departments')).json() as { departments: TreeNode[] };
  const userLogins = async (as: string, query = '') => ((await call(app, as, 'GET', `/api/org/users?pageSize=200${query}`)).json() as { items: { login: string }[] }).items.map((u) => u.login);

  it('ORG-1 an administrator reads the whole department tree', async () => {
    const { departments } = await tree(ADMIN);
    expect(departments.map((d) => d.id)).toEqual(['js']);
    const all = flatten(departments);
    expect(all).toHaveLength(34);
    expect(all.find((d) => d.id === 'fh')?.children.map((c) => c.id)).toEqual(expect.arrayContaining(['fh.xz', 'fh.cgzd']));
    expect(all.find((d) => d.id === 'zjg')).toMatchObject({ center: true, level: 'county', kind: 'region' });
  });

  it('X-3 a department handler reads its own unit and sub-units only', async () => {
    const as = 'zjg.cgj.handler';
    const { departments } = await tree(as);
    expect(departments.map((d) => d.id)).toEqual(['zjg.cgj']);
    expect(flatten(departments).map((d) => d.id).sort()).toEqual(['zjg.cgj', 'zjg.cgj.hws', 'zjg.cgj.zfdd']);
    expect((await userLogins(as)).sort()).toEqual(['zjg.cgj.handler', 'zjg.cgj.hws.handler', 'zjg.cgj.zfdd.handler']);
    expect((await call(app, as, 'GET', '/api/org/departments/zjg.sthj')).json()).toMatchObject({ code: 'TG_ERR_OUT_OF_SCOPE' });
    expect((await call(app, as, 'GET', '/api/org/users/zjg.sthj.handler')).statusCode).toBe(403);
    expect((await call(app, as, 'GET', '/api/org/users?department=zjg.sthj')).statusCode).toBe(403);
    expect((await call(app, as, 'GET', '/api/org/grids')).json()).toEqual({ grids: [] });
  });

  it('X-3 a center user reads its center and the lower centers', async () => {
    const as = 'zjg.acceptor';
    const { departments } = await tree(as);
    expect(departments.map((d) => d.id)).toEqual(['zjg']);
    const ids = flatten(departments).map((d) => d.id);
    expect(ids).toEqual(expect.arrayContaining(['ys', 'fh', 'fh.xz', 'zjg.cgj.hws']));
    expect(ids).not.toContain('sz.cgj');
    expect(await userLogins(as, '&department=fh.xz&role=gridWorker')).toEqual(['fh.xz.grid', 'fh.xz.grid2']);
    const grids = (await call(app, as, 'GET', '/api/org/grids?community=fh.xz')).json() as { grids: { id: string }[] };
    expect(grids.grids.map((g) => g.id)).toEqual(['g.fh.xz.01', 'g.fh.xz.02']);
    expect((await call(app, as, 'GET', '/api/org/departments/sz.cgj')).statusCode).toBe(403);
    const detail = (await call(app, as, 'GET', '/api/org/departments/fh.xz')).json() as { path: string };
    expect(detail.path).toBe(`${FH}-西张社区`);
  });

  it('ORG-1 an administrator creates, renames, disables and deletes a department', async () => {
    const created = await call(app, ADMIN, 'POST', '/api/org/departments', { name: '凤凰镇城建办', parent: 'fh' });
    expect(created.statusCode, created.body).toBe(201);
    const dep = created.json() as { id: string; level: string; kind: string; enabled: boolean };
    expect(dep).toMatchObject({ level: 'town', kind: 'unit', enabled: true, parent: 'fh', center: false });
    expect((await call(app, ADMIN, 'POST', '/api/org/departments', { name: '凤凰镇城建办', parent: 'fh' })).json()).toMatchObject({ code: 'TG_ERR_DEPARTMENT_NAME_TAKEN' });
    const renamed = await call(app, ADMIN, 'PATCH', `/api/org/departments/${dep.id}`, { name: '凤凰镇建设管理办公室', regionCode: '320582' });
    expect(renamed.json()).toMatchObject({ name: '凤凰镇建设管理办公室', regionCode: '320582' });
    expect((await call(app, ADMIN, 'POST', `/api/org/departments/${dep.id}/disable`)).json()).toMatchObject({ enabled: false });
    expect(flatten((await tree(ADMIN)).departments).find((d) => d.id === dep.id)).toMatchObject({ enabled: false, parent: 'fh' });
    expect((await call(app, ADMIN, 'POST', `/api/org/departments/${dep.id}/enable`)).json()).toMatchObject({ enabled: true });
    expect((await call(app, ADMIN, 'DELETE', `/api/org/departments/${dep.id}`)).statusCode).toBe(204);
    expect((await call(app, ADMIN, 'GET', `/api/org/departments/${dep.id}`)).statusCode).toBe(404);
  });

  it('ORG-1 a change that breaks the tree is refused: a cycle, a region under a unit', async () => {
    const cycle = await call(app, ADMIN, 'PATCH', '/api/org/departments/fh', { parent: 'fh.xz' });
    expect(cycle.statusCode).toBe(400);
    expect((cycle.json() as { details: { findings: { code: string }[] } }).details.findings.map((f) => f.code)).toContain('ORG_PARENT_CYCLE');
    const underUnit = await call(app, ADMIN, 'PATCH', '/api/org/departments/ys', { parent: 'zjg.cgj' });
    expect((underUnit.json() as { details: { findings: { code: string }[] } }).details.findings.map((f) => f.code)).toContain('ORG_CENTER_UNDER_NON_REGION');
    expect((await call(app, ADMIN, 'POST', '/api/org/departments', { name: 'x', parent: 'nowhere' })).statusCode).toBe(404);
    expect((await call(app, ADMIN, 'GET', '/api/org/departments/fh')).json()).toMatchObject({ parent: 'zjg' });
  });

  it('ORG-1 a department with users, children or grids is not deleted', async () => {
    const res = await call(app, ADMIN, 'DELETE', '/api/org/departments/zjg.cgj.hws');
    expect(res.statusCode).toBe(409);
    expect(res.json()).toMatchObject({ code: 'TG_ERR_DEPARTMENT_IN_USE', details: { users: 1, children: 0 } });
    expect((await call(app, ADMIN, 'DELETE', '/api/org/departments/fh.xz')).json()).toMatchObject({ details: { users: 3, grids: 2 } });
    expect((await call(app, ADMIN, 'DELETE', '/api/org/departments/zjg')).json()).toMatchObject({ code: 'TG_ERR_DEPARTMENT_IN_USE' });
  });

  it('ORG-4 grids: created with a GeoJSON polygon, open rings and non-communities refused, updated, disabled', async () => {
    const body = { name: '西张社区第3网格', community: 'fh.xz', geometry: { type: 'Polygon', coordinates: [square] }, keywords: ['西张路'] };
    const created = await call(app, ADMIN, 'POST', '/api/org/grids', body);
    expect(created.statusCode, created.body).toBe(201);
    const grid = created.json() as { id: string };
    expect(grid).toMatchObject({ community: 'fh.xz', enabled: true, keywords: ['西张路'] });
    const open = await call(app, ADMIN, 'POST', '/api/org/grids', { ...body, geometry: { type: 'Polygon', coordinates: [square.slice(0, 4).concat([[120.605, 31.9]])] } });
    expect(open.json()).toMatchObject({ code: 'TG_ERR_VALIDATION' });
    expect((await call(app, ADMIN, 'POST', '/api/org/grids', { ...body, geometry: { type: 'Polygon', coordinates: [[[200, 31.9], ...square.slice(1)]] } })).statusCode).toBe(400);
    expect((await call(app, ADMIN, 'POST', '/api/org/grids', { ...body, geometry: { type: 'Point', coordinates: [120.6, 31.9] } })).statusCode).toBe(400);
    expect((await call(app, ADMIN, 'POST', '/api/org/grids', { ...body, community: 'fh' })).statusCode).toBe(400);
    const updated = await call(app, ADMIN, 'PATCH', `/api/org/grids/${grid.id}`, { keywords: ['西张路', '西张新村'], geometry: null });
    expect(updated.json()).toMatchObject({ keywords: ['西张路', '西张新村'], geometry: null });
    expect((await call(app, ADMIN, 'POST', `/api/org/grids/${grid.id}/disable`)).json()).toMatchObject({ enabled: false });
    const listed = (await call(app, 'fh.acceptor', 'GET', '/api/org/grids?community=fh.xz')).json() as { grids: { id: string; enabled: boolean }[] };
    expect(listed.grids.find((g) => g.id === grid.id)).toMatchObject({ enabled: false });
  });

  it('ORG-2 users: created, updated, filtered and paged; the password can be reset; no hash ever leaves', async () => {
    const input = { login: 'fh.xz.grid3', name: '王五', gender: '男', phone: '13900001111', department: 'fh.xz', roles: ['gridWorker'] };
    const created = await call(app, ADMIN, 'POST', '/api/org/users', input);
    expect(created.statusCode, created.body).toBe(201);
    const user = created.json() as { id: string };
    expect(user).toMatchObject({ ...input, departmentName: '西张社区', enabled: true, locked: false });
    expect(created.body).not.toMatch(/hash|\$2[aby]\$/);
    expect((await login(app, 'fh.xz.grid3', 'demo-pass-1')).statusCode).toBe(200);
    expect((await call(app, ADMIN, 'POST', '/api/org/users', { ...input, login: 'FH.XZ.GRID3' })).json()).toMatchObject({ code: 'TG_ERR_LOGIN_TAKEN' });
    expect((await call(app, ADMIN, 'POST', '/api/org/users', { ...input, login: 'x1', roles: ['mayor'] })).statusCode).toBe(400);
    expect((await call(app, ADMIN, 'POST', '/api/org/users', { ...input, login: 'x2', phone: '1390000' })).statusCode).toBe(400);
    expect((await call(app, ADMIN, 'PATCH', `/api/org/users/${user.id}`, { phone: '13900002222', name: '王五五' })).json()).toMatchObject({ phone: '13900002222', name: '王五五' });

    expect(await userLogins('fh.acceptor', '&department=fh.xz&role=gridWorker')).toEqual(['fh.xz.grid', 'fh.xz.grid2', 'fh.xz.grid3']);
    expect(await userLogins(ADMIN, '&q=grid3')).toEqual(['fh.xz.grid3']);
    expect(await userLogins(ADMIN, '&q=%25')).toEqual([]);
    const page = (await call(app, ADMIN, 'GET', '/api/org/users?department=fh&subtree=false&page=2&pageSize=3')).json() as { total: number; items: { login: string }[] };
    expect(page.total).toBe(4);
    expect(page.items.map((u) => u.login)).toEqual(['fh.shiftleader']);
    expect((await call(app, ADMIN, 'GET', '/api/org/users?page=0')).statusCode).toBe(400);

    const reset = await call(app, ADMIN, 'POST', `/api/org/users/${user.id}/reset-password`, { password: 'new-pass-9' });
    expect(reset.statusCode, reset.body).toBe(200);
    expect(reset.body).not.toMatch(/hash/);
    expect((await login(app, 'fh.xz.grid3', 'demo-pass-1')).statusCode).toBe(401);
    expect((await login(app, 'fh.xz.grid3', 'new-pass-9')).statusCode).toBe(200);
  });

  it('ORG-2 disabling a user blocks their login and ends their sessions; enabling lets them in again', async () => {
    const session = (await login(app, 'ys.dq.grid', 'demo-pass-1')).json() as { token: string };
    expect((await call(app, ADMIN, 'POST', '/api/org/users/ys.dq.grid/disable')).json()).toMatchObject({ enabled: false });
    expect((await login(app, 'ys.dq.grid', 'demo-pass-1')).json()).toMatchObject({ code: 'TG_ERR_BAD_CREDENTIALS' });
    const me = await app.server.inject({ method: 'GET', url: '/api/me', headers: { authorization: `Bearer ${session.token}` } });
    expect(me.statusCode).toBe(401);
    expect(await userLogins(ADMIN, '&enabled=false')).toEqual(['ys.dq.grid']);
    await call(app, ADMIN, 'POST', '/api/org/users/ys.dq.grid/enable');
    expect((await login(app, 'ys.dq.grid', 'demo-pass-1')).statusCode).toBe(200);
  });

  it('ORG-1..4 only administrators change the organisation', async () => {
    const as = 'zjg.acceptor';
    const writes = [
      await call(app, as, 'POST', '/api/org/departments', { name: '新部门', parent: 'zjg' }),
      await call(app, as, 'PATCH', '/api/org/departments/zjg.cgj', { name: 'x' }),
      await call(app, as, 'DELETE', '/api/org/departments/zjg.cgj.zfdd'),
      await call(app, as, 'POST', '/api/org/grids', { name: 'g', community: 'fh.xz', keywords: ['a'] }),
      await call(app, as, 'POST', '/api/org/users/zjg.dispatcher/disable'),
      await call(app, as, 'POST', '/api/org/users/zjg.dispatcher/reset-password', {}),
      await call(app, as, 'PATCH', '/api/org/users/zjg.dispatcher', { phone: '13900003333' }),
      await upload(app, as, await sheet([['张三', 'zhangsan', '男', `${FH}-西张社区`, '13912345678']])),
    ];
    for (const res of writes) expect(res.json(), res.body).toMatchObject({ code: 'TG_ERR_FORBIDDEN' });
    expect(writes.map((r) => r.statusCode)).toEqual(writes.map(() => 403));
    expect((await login(app, 'zjg.dispatcher', 'demo-pass-1')).statusCode).toBe(200);
  });

  it('ORG-3 the import template downloads with the seed header and example row', async () => {
    const res = await call(app, 'zjg.acceptor', 'GET', '/api/org/users/import-template');
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe(XLSX_CONTENT_TYPE);
    expect(res.headers['content-disposition']).toMatch(/attachment; filename="user-import-template\.xlsx"/);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(res.rawPayload as unknown as Parameters<ExcelJS.Xlsx['load']>[0]);
    const ws = workbook.worksheets[0]!;
    expect(ws.getRow(1).values).toEqual([undefined, '*用户名', '*登录名称', '*性别(男/女)', '*所属部门(全路径)', '*个人电话']);
    expect(ws.getRow(2).values).toEqual([undefined, '网管员', 'web', '男', `${FH}-西张社区`, '13977777777']);
  });

  it('ORG-3 a good file creates the users and only the missing departments along the paths', async () => {
    const [users, departments] = [await countRows(app, 'users'), await countRows(app, 'departments')];
    const file = await sheet([
      ['赵六', 'zhaoliu', '男', `${FH}-新社区`, 13912345678],
      ['钱七', 'qianqi', '女', `${FH} - 新社区`, '13912345679'],
      ['孙八', 'sunba', '女', `${FH}-西张社区`, '13912345670'],
    ]);
    const res = await upload(app, ADMIN, file, '?roles=gridWorker');
    expect(res.statusCode, res.body).toBe(201);
    const body = res.json() as { users: { row: number; login: string; department: string }[]; departments: { id: string; name: string; parent: string }[] };
    expect(body.departments).toHaveLength(1);
    expect(body.departments[0]).toMatchObject({ name: '新社区', parent: 'fh', level: 'village', kind: 'community', enabled: true });
    const created = body.departments[0]!.id;
    expect(body.users.map((u) => [u.row, u.login, u.department])).toEqual([[2, 'zhaoliu', created], [3, 'qianqi', created], [4, 'sunba', 'fh.xz']]);
    expect(await countRows(app, 'users')).toBe(users + 3);
    expect(await countRows(app, 'departments')).toBe(departments + 1);
    const signedIn = await login(app, 'zhaoliu', 'demo-pass-1');
    expect(signedIn.statusCode, signedIn.body).toBe(200);
    expect((signedIn.json() as { user: { department: string; roles: string[] } }).user).toMatchObject({ department: created, roles: ['gridWorker'] });
    expect((await call(app, 'fh.acceptor', 'GET', `/api/org/departments/${created}`)).json()).toMatchObject({ path: `${FH}-新社区` });

    const again = await upload(app, ADMIN, await sheet([['周九', 'zhoujiu', '男', `${FH}-新社区`, '13912345671']]), '?password=import-pass-2');
    expect(again.json()).toMatchObject({ departments: [], users: [{ department: created }] });
    expect((await login(app, 'zhoujiu', 'import-pass-2')).statusCode).toBe(200);
  });

  it('ORG-3 a file with bad rows reports every error with row and column and writes nothing', async () => {
    const [users, departments] = [await countRows(app, 'users'), await countRows(app, 'departments')];
    const file = await sheet([
      ['好人', 'goodone', '男', `${FH}-另一社区`, '13912340000'],
      ['缺电话', 'nophone', '女', `${FH}-西张社区`, ''],
      ['性别错', 'badgender', '未知', `${FH}-西张社区`, '13912340001'],
      ['重复', 'GoodOne', '男', `${FH}-西张社区`, '13912340002'],
      ['坏路径', 'badpath', '男', '江苏省--凤凰镇', '13912340003'],
      ['已存在', 'zjg.acceptor', '男', `${FH}-西张社区`, '13912340004'],
      ['电话错', 'badphone', '女', `${FH}-西张社区`, '12345'],
      ['新省', 'newroot', '女', '浙江省-杭州市', '13912340005'],
      ['', 'noname', '男', `${FH}-西张社区`, '13912340006'],
    ]);
    const res = await upload(app, ADMIN, file);
    expect(res.statusCode).toBe(400);
    const body = res.json() as { code: string; details: { errors: { row: number; column: string; field: string; code: string; message: string; messageZh: string }[] } };
    expect(body.code).toBe('TG_ERR_VALIDATION');
    expect(body.details.errors.map(({ row, column, field, code }) => ({ row, column, field, code }))).toEqual([
      { row: 3, column: 'E', field: 'phone', code: 'IMPORT_REQUIRED' },
      { row: 4, column: 'C', field: 'gender', code: 'IMPORT_GENDER' },
      { row: 5, column: 'B', field: 'login', code: 'IMPORT_LOGIN_DUPLICATE' },
      { row: 6, column: 'D', field: 'department', code: 'ORG_PATH_EMPTY_SEGMENT' },
      { row: 7, column: 'B', field: 'login', code: 'IMPORT_LOGIN_TAKEN' },
      { row: 8, column: 'E', field: 'phone', code: 'IMPORT_PHONE' },
      { row: 9, column: 'D', field: 'department', code: 'ORG_PATH_NEW_ROOT' },
      { row: 10, column: 'A', field: 'name', code: 'IMPORT_REQUIRED' },
    ]);
    expect(body.details.errors[2]?.messageZh).toContain('第 2 行');
    expect(await countRows(app, 'users')).toBe(users);
    expect(await countRows(app, 'departments')).toBe(departments);
    expect((await login(app, 'goodone', 'demo-pass-1')).statusCode).toBe(401);
  });

  it('ORG-3 a body that is not the template is a 400 naming the problem', async () => {
    for (const res of [
      await upload(app, ADMIN, Buffer.from('this is not a spreadsheet')),
      await upload(app, ADMIN, Buffer.from('PK\u0003\u0004 broken zip')),
      await upload(app, ADMIN, Buffer.from('name,login\n'), '', 'text/plain'),
      await upload(app, ADMIN, await sheet([['a', 'b', '男', `${FH}-西张社区`, '13912345678']], ['姓名', '账号', '性别', '部门', '电话'])),
      await upload(app, ADMIN, await sheet([])),
    ]) {
      expect(res.statusCode, res.body).toBe(400);
      expect(res.json()).toMatchObject({ code: 'TG_ERR_IMPORT_FILE', details: { reason: expect.any(String) } });
    }
    expect(ImportColumns.map((c) => c.column).join('')).toBe('ABCDE');
  });
});
