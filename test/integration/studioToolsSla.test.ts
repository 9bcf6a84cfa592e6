import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { call } from './support/orgApi.js';
import { startTestApp, type TestApp } from './support/testApp.js';

const ADMIN = 'sz.admin';
/** Friday 2025-06-13, 15:00 Beijing time: a 3-working-day limit runs over the weekend. */
const FRIDAY = '2025-06-13 15:00';

interface Answer {
  source: string; version?: number; dueAt: number; warnAt: number; dueAtLocal: string; warnAtLocal: string; projected: boolean;
  limit: { id: string; amount: number }; explanation: { 'zh-CN': string[]; 'en-US': string[] };
}

describe.each(['sqlite', 'mariadb'] as const)('time-limit calculator (DEF-6, DEF-7, X-5) on %s', (dialect) => {
  let app: TestApp;
  const calc = async (body: Record<string, unknown>, query = '', as = ADMIN) => {
    const res = await call(app, as, 'POST', `/api/studio/tools/sla${query}`, body);
    return { status: res.statusCode, body: res.json() as Answer & { code?: string; details?: unknown } };
  };

  beforeAll(async () => { app = await startTestApp(dialect); }, 60_000);
  afterAll(async () => { await app?.dispose(); });

  it('3 working days from Friday 15:00 are due Wednesday 15:00: the weekend and the lunch breaks do not count', async () => {
    const { status, body } = await calc({ limit: 'tl.overall.3wd', start: FRIDAY, urgency: 'normal' });
    expect(status, JSON.stringify(body)).toBe(200);
    expect(body).toMatchObject({ source: 'published', version: 1, dueAtLocal: '2025-06-18 15:00', projected: false, limit: { id: 'tl.overall.3wd' } });
    expect(body.dueAt).toBe(Date.parse('2025-06-18T15:00:00+08:00'));
    // warning from a quarter of 21 working hours before: Tuesday 16:45
    expect(body.warnAtLocal).toBe('2025-06-17 16:45');
    const zh = body.explanation['zh-CN'];
    expect(zh[0]).toBe('时限 3 个工作日');
    expect(zh).toContain('2025-06-13 15:00 开始计时');
    expect(zh.some((l) => l.includes('周末休息'))).toBe(true);
    expect(zh.at(-1)).toBe('2025-06-18 15:00 到期');
    expect(body.explanation['en-US'].some((l) => /weekend/i.test(l))).toBe(true);
  });

  it('urgency picks its own amount, an ISO start works as well', async () => {
    const { body } = await calc({ limit: 'tl.overall.3wd', start: '2025-06-13T15:00:00+08:00', urgency: 'urgent' });
    expect(body.dueAtLocal).toBe('2025-06-17 15:00');
    expect(body.explanation['zh-CN'][1]).toContain('紧急');
  });

  it('a suspension pauses the clock: one working day paused moves the due time by one working day; an open one projects it', async () => {
    const { body } = await calc({ limit: 'tl.overall.3wd', start: FRIDAY, pauses: [{ from: '2025-06-16 10:00', to: '2025-06-17 10:00' }] });
    expect(body.dueAtLocal).toBe('2025-06-19 15:00');
    expect(body.explanation['zh-CN'].some((l) => l.includes('挂账'))).toBe(true);
    const open = await calc({ limit: 'tl.overall.3wd', start: FRIDAY, pauses: [{ from: '2025-06-16 10:00' }] });
    expect(open.body.projected).toBe(true);
  });

  it('an ad-hoc limit in natural days counts the weekend', async () => {
    const { status, body } = await calc({ adhoc: { amount: 1, unit: 'naturalDay' }, start: FRIDAY });
    expect(status).toBe(200);
    expect(body.dueAtLocal).toBe('2025-06-14 15:00');
    const working = await calc({ adhoc: { amount: 2, unit: 'workHour', calendar: 'cn-official', attendance: 'standard' }, start: '2025-06-13 17:00' });
    expect(working.body.dueAtLocal).toBe('2025-06-16 10:30');
  });

  it('tries the drafts when asked: a changed draft limit counts there and not in the published bundle', async () => {
    const draft = (await call(app, ADMIN, 'GET', '/api/definitions/timeLimit/tl.overall.3wd')).json() as { definition: Record<string, unknown> };
    const put = await app.server.inject({
      method: 'PUT', url: '/api/definitions/timeLimit/tl.overall.3wd', payload: { ...draft.definition, amount: 1 }, headers: { authorization: `Bearer ${await app.login(ADMIN)}` },
    });
    expect(put.statusCode, put.body).toBe(200);
    const tried = await calc({ limit: 'tl.overall.3wd', start: FRIDAY }, '?source=draft');
    expect(tried.body).toMatchObject({ source: 'draft', dueAtLocal: '2025-06-16 15:00' });
    expect(tried.body).not.toHaveProperty('version');
    expect((await calc({ limit: 'tl.overall.3wd', start: FRIDAY }, '?source=published')).body.dueAtLocal).toBe('2025-06-18 15:00');
  });

  it('refuses bad input with the pointer, and users without the admin role', async () => {
    const expectBad = async (body: Record<string, unknown>, code: string, status = 400) => {
      const res = await calc(body);
      expect(res.status, JSON.stringify(res.body)).toBe(status);
      expect(res.body.code).toBe(code);
      return res.body;
    };
    await expectBad({ limit: 'tl.none', start: FRIDAY }, 'TG_ERR_NOT_FOUND', 404);
    expect(await expectBad({ limit: 'tl.overall.3wd', start: 'next friday' }, 'TG_ERR_VALIDATION')).toMatchObject({ details: [{ pointer: '/start' }] });
    await expectBad({ start: FRIDAY }, 'TG_ERR_VALIDATION');
    expect(await expectBad({ limit: 'tl.overall.3wd', start: FRIDAY, pauses: [{ from: '2025-06-12 10:00', to: '2025-06-13 10:00' }] }, 'TG_ERR_VALIDATION'))
      .toMatchObject({ details: [{ pointer: '/pauses/0/from' }] });
    await expectBad({ adhoc: { amount: -1, unit: 'workDay' }, start: FRIDAY }, 'TG_ERR_VALIDATION');
    await expectBad({ adhoc: { amount: 1, unit: 'workDay', calendar: 'nope' }, start: FRIDAY }, 'TG_ERR_VALIDATION');
    await expectBad({ limit: 'tl.overall.3wd', start: FRIDAY, extra: 1 }, 'TG_ERR_VALIDATION');
    expect((await calc({ limit: 'tl.overall.3wd', start: FRIDAY }, '', 'zjg.acceptor')).status).toBe(403);
  });
});
