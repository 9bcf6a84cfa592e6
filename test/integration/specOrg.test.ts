import { describe, expect, it } from 'vitest';
import { Api } from './support/api.js';
import { countRows, sheet, upload } from './support/orgApi.js';
import { useTestApp } from './support/useTestApp.js';

const ADMIN = 'sz.admin';
const ZJG = '江苏省-苏州市-张家港市';
const FH = `${ZJG}-凤凰镇`;

interface Imported { users: { row: number; login: string; department: string; id?: string }[]; departments: { id: string; name: string; parent: string }[] }

/** SPEC ORG-3 over HTTP: users imported from the spreadsheet template then play their roles through the API (org.test.ts covers the file checks). */
describe.each(['sqlite', 'mariadb'] as const)('SPEC ORG-3 imported users at work over HTTP on %s', (dialect) => {
  const { app, api } = useTestApp(dialect);

  async function imported(rows: (string | number)[][], roles: string): Promise<Imported> {
    const res = await upload(app, ADMIN, await sheet(rows), `?roles=${roles}`);
    expect(res.statusCode, res.body).toBe(201);
    return res.json() as Imported;
  }

  it('ORG-3 a handler imported into 张家港市城市管理局 sees the unit\'s tasks and completes one; the timeline names them', async () => {
    const body = await imported([['新处理员', 'cgj.newhandler', '女', `${ZJG}-张家港市城市管理局`, '13912340101']], 'handler');
    expect(body).toMatchObject({ departments: [], users: [{ row: 2, login: 'cgj.newhandler', department: 'zjg.cgj' }] });
    const t = await api.assigned({ handling: 'mainAssist', main: 'zjg.cgj' });
    let d = await api.detail('cgj.newhandler', t.id);
    const cgj = Api.task(d, 'zjg.cgj').id;
    expect(Api.allows(d, 'task.complete', { task: cgj })).toBe(true);
    expect(await api.listed('cgj.newhandler', 'view.hnd.tasks', 'pending')).toContain(cgj);
    await api.act('cgj.newhandler', t.id, 'task.complete', { task: cgj }, '新处理员已办结');
    d = await api.detail('zjg.reviewer', t.id);
    const complete = d.history.find((h) => h.event === 'task.complete')!;
    expect(complete.actor).toMatchObject({ user: body.users[0]!.id ?? 'cgj.newhandler', department: 'zjg.cgj' });
    expect(Api.application(d, 'result').applicant.department).toBe('zjg.cgj');
    // another unit's task stays out of reach
    const other = await api.assigned({ handling: 'mainAssist', main: 'zjg.zjj' });
    expect((await api.request('cgj.newhandler', 'GET', `/api/tickets/${other.id}`)).statusCode).toBe(403);
  });

  it('ORG-3 a grid worker imported into 西张社区 takes over a verification and submits it', async () => {
    const body = await imported([['新网格员', 'xz.newgrid', '男', `${FH}-西张社区`, '13912340102']], 'gridWorker');
    const user = body.users[0]!;
    expect(user.department).toBe('fh.xz');
    const t = await api.register('fh.acceptor', 'acc.toVerification', { item: 'item.wzgg', grid: 'g.fh.xz.01' }, '请核实');
    await api.act('fh.acceptor', t.id, 'ver.changeGridWorker', undefined, undefined, { gridWorker: user.id ?? user.login });
    expect(await api.listed('xz.newgrid', 'view.acc.grid', 'verifying')).toContain(t.id);
    expect(await api.listed('fh.xz.grid', 'view.acc.grid', 'verifying')).not.toContain(t.id);
    await api.refused('fh.xz.grid', t.id, 403, 'TG_ERR_OUT_OF_SCOPE', 'ver.submit', undefined, '属实', { truthful: true });
    await api.act('xz.newgrid', t.id, 'ver.submit', undefined, '现场属实', { truthful: true });
    const d = await api.detail('fh.acceptor', t.id);
    expect(d.ticket).toMatchObject({ node: 'acceptance', outcome: { verification: { truthful: true, opinion: '现场属实' } } });
  });

  it('ORG-3 a community created along an imported path receives tasks from its town, and its imported handler works them', async () => {
    const body = await imported([['新社区处理员', 'xsq.handler', '女', `${FH}-新建社区`, '13912340103']], 'handler');
    expect(body.departments).toHaveLength(1);
    const community = body.departments[0]!;
    expect(community).toMatchObject({ name: '新建社区', parent: 'fh' });
    const t = await api.register('fh.acceptor', 'acc.toDispatch', { item: 'item.wzgg', grid: 'g.fh.xz.01' }, '送分拨');
    await api.act('fh.dispatcher', t.id, 'dsp.assign', undefined, '请新建社区处理', { handling: 'mainAssist', main: community.id });
    const d = await api.detail('xsq.handler', t.id);
    const own = Api.task(d, community.id).id;
    expect(await api.listed('xsq.handler', 'view.hnd.tasks', 'pending')).toContain(own);
    await api.act('xsq.handler', t.id, 'task.feedback', { task: own }, '已到现场');
  });

  it('ORG-3 an import refused for one bad row writes nothing, so its users cannot log in or act', async () => {
    const [users, departments] = [await countRows(app, 'users'), await countRows(app, 'departments')];
    const res = await upload(app, ADMIN, await sheet([
      ['好处理员', 'cgj.good', '男', `${ZJG}-张家港市城市管理局`, '13912340104'],
      ['坏电话', 'cgj.badphone', '男', `${ZJG}-张家港市城市管理局`, '123'],
    ]), '?roles=handler');
    expect(res.statusCode).toBe(400);
    expect(await countRows(app, 'users')).toBe(users);
    expect(await countRows(app, 'departments')).toBe(departments);
    await expect(app.login('cgj.good')).rejects.toThrow(/401/);
  });
});
