import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { call } from './support/orgApi.js';
import { startTestApp, type TestApp } from './support/testApp.js';

const ADMIN = 'sz.admin';

interface Named { id: string; name: string }
interface Cell { role: string; user?: { login: string }; buttons: { button: string; allowed: boolean; reason?: { code: string; messageZh: string } }[] }
interface NodeRow { entity: string; node: string; department?: Named; taskRole?: string; applicationKind?: string; roles: Cell[] }
interface Answer {
  source: string; center: Named; grid?: Named; notes: string[];
  dispatch: { mode: string; center?: Named; handling?: string; main?: Named; assists?: Named[]; subDispatch?: { department: Named; main?: Named }[]; trace: string[] };
  nodes: NodeRow[];
}

describe.each(['sqlite', 'mariadb'] as const)('rule tester (DEF-4, ACC-4, DEF-11) on %s', (dialect) => {
  let app: TestApp;
  const test = async (body: Record<string, unknown>, query = '', as = ADMIN) => {
    const res = await call(app, as, 'POST', `/api/studio/tools/rules${query}`, body);
    return { status: res.statusCode, body: res.json() as Answer & { code?: string; details?: { pointer: string }[] } };
  };
  const cell = (a: Answer, node: string, role: string, department?: string) =>
    a.nodes.find((n) => n.node === node && (department === undefined || n.department?.id === department))!.roles.find((r) => r.role === role)!;
  const button = (c: Cell, id: string) => c.buttons.find((b) => b.button === id);

  beforeAll(async () => { app = await startTestApp(dialect); }, 60_000);
  afterAll(async () => { await app?.dispose(); });

  it('ACC-4 暴露垃圾 at 张家港 goes to 城管局 as main with 生态环境局 assisting, with the engine trace', async () => {
    const { status, body } = await test({ item: 'item.bllj', center: 'zjg', urgency: 'urgent', difficult: false, channel: 'phone' });
    expect(status, JSON.stringify(body)).toBe(200);
    expect(body.dispatch).toMatchObject({
      mode: 'departments', handling: 'mainAssist', main: { id: 'zjg.cgj', name: '张家港市城市管理局' }, assists: [{ id: 'zjg.sthj' }],
      subDispatch: [{ department: { id: 'zjg.cgj' }, main: { id: 'zjg.cgj.hws' } }],
    });
    expect(body.dispatch.trace[0]).toContain('暴露垃圾');
    expect(body.source).toBe('published');
  });

  it('at 苏州 the same item is delegated to the lower center 张家港; an item without configuration there is dispatched by hand', async () => {
    const { body } = await test({ item: 'item.bllj', center: 'sz' });
    expect(body.dispatch).toMatchObject({ mode: 'lowerCenter', center: { id: 'zjg', name: '张家港市' } });
    expect(body.notes).toEqual(['noDepartments']);
    expect(body.nodes.every((n) => n.entity === 'ticket')).toBe(true);
    const manual = await test({ item: 'item.dwst', center: 'zjg' });
    expect(manual.body.dispatch.mode).toBe('none');
    expect(manual.body.dispatch.trace.join(' ')).toMatch(/manual dispatch/);
  });

  it('shows which buttons each role sees at each node, with the reason of the ones a rule hides', async () => {
    const { body } = await test({ item: 'item.bllj', center: 'zjg' });
    expect(cell(body, 'dispatch', 'dispatcher').user?.login).toBe('zjg.dispatcher');
    expect(button(cell(body, 'dispatch', 'dispatcher'), 'dsp.assign')).toMatchObject({ allowed: true });
    expect(button(cell(body, 'dispatch', 'acceptor'), 'dsp.assign')).toBeUndefined();
    expect(button(cell(body, 'registration', 'acceptor'), 'acc.toDispatch')).toMatchObject({ allowed: true });
    // at handling the ticket holds the auto-dispatched tasks: 加派 is open, 送核查 waits for the main task
    expect(button(cell(body, 'handling', 'dispatcher'), 'dsp.addDispatch')).toMatchObject({ allowed: true });
    expect(button(cell(body, 'handling', 'reviewer'), 'rev.toCheck')).toMatchObject({ allowed: false, reason: { code: 'ENG_RULE_REFUSED' } });
    // HND-1: an assisting unit cannot apply for suspension, the main unit can
    const main = cell(body, 'pending', 'handler', 'zjg.cgj');
    const assist = cell(body, 'pending', 'handler', 'zjg.sthj');
    expect(main.user?.login).toBe('zjg.cgj.handler');
    expect(button(main, 'task.applySuspension')).toMatchObject({ allowed: true });
    expect(button(assist, 'task.applySuspension')).toMatchObject({ allowed: false, reason: { code: 'ENG_RULE_REFUSED', messageZh: expect.stringContaining('协办') } });
    expect(body.nodes.find((n) => n.department?.id === 'zjg.sthj')!.taskRole).toBe('assist');
  });

  it('HND-5/REV-1 shows who reviews the main department\u2019s applications: the shift leader, the reviewer for results', async () => {
    const { body } = await test({ item: 'item.bllj', center: 'zjg' });
    const application = (kind: string) => body.nodes.find((n) => n.entity === 'application' && n.applicationKind === kind)!;
    const allowedFor = (row: NodeRow) => row.roles.filter((r) => r.buttons.some((b) => b.allowed)).map((r) => `${r.role}:${r.buttons.filter((b) => b.allowed).map((b) => b.button).join(',')}`);
    expect(application('extension')).toMatchObject({ node: 'centerReview', department: { id: 'zjg.cgj' } });
    expect(allowedFor(application('extension'))).toEqual(['shiftLeader:app.approve,app.reject']);
    expect(allowedFor(application('result'))).toEqual(['reviewer:app.approve,app.reject']);
  });

  it('tries the drafts when asked: a changed dispatch configuration counts there and not in the published bundle', async () => {
    const headers = { authorization: `Bearer ${await app.login(ADMIN)}` };
    const draft = (await call(app, ADMIN, 'GET', '/api/definitions/item/item.bllj')).json() as { definition: { dispatch: { region: string; assignment?: unknown }[] } };
    const put = (definition: unknown) => app.server.inject({ method: 'PUT', url: '/api/definitions/item/item.bllj', payload: definition as object, headers });
    expect((await put({ ...draft.definition, enabled: false })).statusCode).toBe(200);
    const dispatch = draft.definition.dispatch.map((c) => (c.region === 'zjg' ? { region: 'zjg', mode: 'departments', assignment: { handling: 'multi', departments: ['zjg.cgj', 'zjg.zjj'] } } : c));
    const changed = await put({ ...draft.definition, enabled: false, dispatch });
    expect(changed.statusCode, changed.body).toBe(200);
    const tried = await test({ item: 'item.bllj', center: 'zjg' }, '?source=draft');
    expect(tried.body.dispatch).toMatchObject({ mode: 'departments', handling: 'multi' });
    expect(tried.body.nodes.filter((n) => n.node === 'pending').map((n) => `${n.department?.id}:${n.taskRole}`)).toEqual(['zjg.cgj:multi', 'zjg.zjj:multi']);
    expect((await test({ item: 'item.bllj', center: 'zjg' })).body.dispatch.handling).toBe('mainAssist');
  });

  it('refuses bad input with the pointer, and users without the admin role', async () => {
    const bad = async (body: Record<string, unknown>, pointer?: string) => {
      const res = await test(body);
      expect(res.status, JSON.stringify(res.body)).toBe(400);
      expect(res.body.code).toBe('TG_ERR_VALIDATION');
      if (pointer) expect(res.body.details?.[0]?.pointer).toBe(pointer);
    };
    await bad({ item: 'item.none', center: 'zjg' }, '/item');
    await bad({ item: 'item.bllj', center: 'zjg.cgj' }, '/center');
    await bad({ item: 'item.bllj', center: 'zjg', domain: 'hotline' }, '/domain');
    await bad({ item: 'item.bllj', center: 'zjg', grid: 'g.none' }, '/grid');
    await bad({ item: 'item.bllj', center: 'zjg', urgency: 'whenever' });
    expect((await test({ item: 'item.bllj', center: 'zjg' }, '', 'zjg.dispatcher')).status).toBe(403);
  });
});
