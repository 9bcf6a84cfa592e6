import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, login, newPage, screenshot } from './support/browser.js';
import { registerDirect } from './support/modulePlay.js';
import { assigned, finish, taskAction } from './support/seedFlow.js';
import { startE2eServer, type E2eServer } from './support/server.js';
import { TicketApi } from './support/ticketApi.js';

interface Box { col: string; left: number; right: number; top: number; bottom: number }
interface Layout {
  mode: string | null;
  viewport: number;
  pageScrolls: boolean;
  tableScrolls: boolean;
  headers: Box[];
  rows: Box[][];
  /** Content of a status, deadline or buttons cell that sticks out of its cell. */
  overflowing: string[];
  /** Headers whose text is cut. */
  cutHeaders: string[];
}

/** Where the list's header cells, body cells and the contents of the cells that never cut their text are on screen. */
function measure(page: Page): Promise<Layout> {
  return page.evaluate(() => {
    const box = (e: Element): Box => {
      const r = e.getBoundingClientRect();
      return { col: (e as HTMLElement).dataset.col ?? (e.classList.contains('ant-table-selection-column') ? 'select' : '?'), left: r.left, right: r.right, top: r.top, bottom: r.bottom };
    };
    const table = document.querySelector('[data-testid="list-table"]')!;
    const content = table.querySelector('.ant-table-content') ?? table.querySelector('.ant-table-body')!;
    const overflowing: string[] = [];
    for (const td of table.querySelectorAll('tbody td[data-col="node"], tbody td[data-col="sla"], tbody td[data-col="actions"]')) {
      const cell = td.getBoundingClientRect();
      for (const e of td.querySelectorAll('.ant-tag, button, [data-sla-kind]')) {
        const r = e.getBoundingClientRect();
        if (r.left < cell.left - 0.5 || r.right > cell.right + 0.5) overflowing.push(`${(td as HTMLElement).dataset.col}: ${e.textContent} ${r.left}-${r.right} outside ${cell.left}-${cell.right}`);
      }
    }
    const cutHeaders = [...table.querySelectorAll<HTMLElement>('thead th[data-col]')]
      .map((th) => th.querySelector<HTMLElement>('.ant-table-column-title') ?? th)
      .filter((e) => e.scrollWidth > e.clientWidth + 1).map((e) => e.textContent ?? '');
    return {
      cutHeaders,
      mode: table.getAttribute('data-layout'),
      viewport: window.innerWidth,
      pageScrolls: document.documentElement.scrollWidth > window.innerWidth,
      tableScrolls: content.scrollWidth > content.clientWidth + 1,
      headers: [...table.querySelectorAll('thead tr:last-child th')].filter((th) => !th.classList.contains('ant-table-cell-scrollbar')).map(box),
      rows: [...table.querySelectorAll('tbody tr[data-ticket]')].map((tr) => [...tr.querySelectorAll(':scope > td')].map(box)),
      overflowing,
    };
  });
}

/** The checks of a list at 1366×768: what the user must see without scrolling sideways, headers over their columns, nothing overlapping. */
function expectUsable(l: Layout, where: string, keyColumns: string[]) {
  expect(l.viewport, where).toBe(1366);
  expect(l.mode, where).toBe('fit');
  expect(l.pageScrolls, `${where}: the page scrolls sideways`).toBe(false);
  expect(l.tableScrolls, `${where}: the table scrolls sideways`).toBe(false);
  const cols = l.headers.map((h) => h.col);
  for (const key of [...keyColumns, 'sla', 'actions']) expect(cols, `${where}: ${key} shown`).toContain(key);
  // headers side by side, none over another
  for (let i = 1; i < l.headers.length; i++) expect(l.headers[i]!.left, `${where}: header ${cols[i]} overlaps ${cols[i - 1]}`).toBeGreaterThanOrEqual(l.headers[i - 1]!.right - 0.5);
  for (const h of l.headers) {
    expect(h.left, `${where}: header ${h.col} off screen`).toBeGreaterThanOrEqual(0);
    expect(h.right, `${where}: header ${h.col} off screen`).toBeLessThanOrEqual(l.viewport);
  }
  for (const row of l.rows) {
    expect(row.map((c) => c.col), where).toEqual(cols);
    row.forEach((cell, i) => {
      const h = l.headers[i]!;
      // every header exactly above its column
      expect(Math.abs(cell.left - h.left), `${where}: ${cell.col} cell left ${cell.left} vs header ${h.left}`).toBeLessThanOrEqual(1);
      expect(Math.abs(cell.right - h.right), `${where}: ${cell.col} cell right ${cell.right} vs header ${h.right}`).toBeLessThanOrEqual(1);
      if (i > 0) expect(cell.left, `${where}: ${cell.col} overlaps ${row[i - 1]!.col}`).toBeGreaterThanOrEqual(row[i - 1]!.right - 0.5);
      expect(cell.right, `${where}: ${cell.col} beyond the viewport`).toBeLessThanOrEqual(l.viewport);
    });
  }
  expect(l.overflowing, where).toEqual([]);
  expect(l.cutHeaders, `${where}: headers cut`).toEqual([]);
}

/** Lists of every module, each as the user who works it, with rows seeded over HTTP. */
const LISTS: { user: string; view: string; tab: string; name: string; rows: boolean; key: string[] }[] = [
  { user: 'zjg.acceptor', view: 'view.acc.acceptance', tab: 'accepted', name: 'acceptance', rows: true, key: ['number', 'title', 'node'] },
  // the pool has no status column; its location is kept (priority 2)
  { user: 'zjg.acceptor', view: 'view.acc.pool', tab: 'pool', name: 'pool', rows: true, key: ['number', 'title', 'fields.address'] },
  // three row buttons and the grid worker (priority 1: the list is about him)
  { user: 'ys.acceptor', view: 'view.acc.verification', tab: 'pending', name: 'verification', rows: true, key: ['number', 'title', 'gridWorker', 'node'] },
  { user: 'zjg.dispatcher', view: 'view.dsp.dispatch', tab: 'pending', name: 'dispatch', rows: true, key: ['number', 'title', 'urgency', 'node'] },
  { user: 'zjg.cgj.handler', view: 'view.hnd.tasks', tab: 'pending', name: 'handling', rows: true, key: ['ticket.number', 'ticket.title', 'ticket.urgency', 'node'] },
  { user: 'zjg.shiftleader', view: 'view.rev.extension', tab: 'pending', name: 'extension', rows: true, key: ['ticket.number', 'ticket.title', 'payload.opinion', 'node'] },
  { user: 'zjg.reviewer', view: 'view.rev.result', tab: 'pending', name: 'result', rows: true, key: ['ticket.number', 'ticket.title', 'payload.opinion', 'node'] },
  { user: 'zjg.acceptor', view: 'view.cls.callback', tab: 'pending', name: 'callback', rows: true, key: ['number', 'title', 'fields.reporterPhone', 'node'] },
  { user: 'zjg.shiftleader', view: 'view.cls.closing', tab: 'pending', name: 'closing', rows: false, key: ['number', 'title', 'node'] },
];

describe('list screens at 1366×768 in chromium', () => {
  let server: E2eServer;
  let browser: Browser;
  let api: TicketApi;

  beforeAll(async () => {
    server = await startE2eServer();
    browser = await launchBrowser();
    api = new TicketApi(server.url);
    // a long title, an urgent ticket, tasks at 城管局, an extension application, a result to review, a callback to record
    await api.register('zjg.acceptor', { title: '东桥路与人民路交叉口东北角人行道上有商户长期违规设置大型户外广告牌，存在安全隐患' });
    await api.register('zjg.acceptor', { title: '人行道占道经营', urgency: 'urgent' });
    const extension = await assigned(api, '河道暴露垃圾清运', { handling: 'mainAssist', main: 'zjg.cgj' });
    await taskAction(api, extension, 'zjg.cgj', 'task.applyExtension', '需要协调环卫车辆，申请延期处理', { amount: 2, unit: 'workDay' });
    const result = await assigned(api, '违规广告牌拆除', { handling: 'mainAssist', main: 'zjg.cgj' });
    await taskAction(api, result, 'zjg.cgj', 'task.complete', '已拆除');
    await assigned(api, '路灯不亮', { handling: 'mainAssist', main: 'zjg.cgj' });
    const callback = await assigned(api, '井盖缺失', { handling: 'mainAssist', main: 'zjg.cgj' });
    await finish(api, callback, 'zjg.cgj');
    // 杨舍镇: one to verify, one escalated into 张家港's acceptance pool
    await registerDirect(api, 'ys.acceptor', { title: '东桥路广告牌需核实', button: 'acc.toVerification', opinion: '请网格员核实' });
    const escalated = await api.register('ys.acceptor', { title: '井盖缺失（非本镇辖区）', grid: 'g.fh.fh.01' });
    await api.act('ys.dispatcher', escalated.id, { button: 'dsp.escalate', opinion: '非本镇辖区' });
  });
  afterAll(async () => {
    await browser?.close();
    await server?.dispose();
  });

  for (const lang of ['zh-CN', 'en-US'] as const) {
    it(`${lang}: number, title, status, deadline and buttons fit without scrolling; headers over their columns; no cell over another`, async () => {
      const byUser = new Map<string, typeof LISTS>();
      for (const l of LISTS) byUser.set(l.user, [...(byUser.get(l.user) ?? []), l]);
      for (const [user, lists] of byUser) {
        const page = await newPage(browser, server.url, lang);
        try {
          await login(page, user);
          for (const l of lists) {
            const where = `${lang} ${l.view}/${l.tab}`;
            await page.goto(`/views/${l.view}/${l.tab}`);
            await page.getByTestId('list-table').waitFor();
            if (l.rows) await page.locator('tr[data-ticket]').first().waitFor();
            else await page.getByTestId('list-empty').waitFor();
            await expect.poll(() => page.getByTestId('list-table').getAttribute('data-layout'), { message: where }).toBe('fit');
            // the rows are loaded and no longer fading in
            await expect.poll(() => page.getByTestId('list-table').evaluate((e) => getComputedStyle(e.closest('.ant-spin-container') ?? e).opacity), { message: where }).toBe('1');
            const layout = await measure(page);
            await screenshot(page, `list-layout-${l.name}-${lang}`);
            expectUsable(layout, where, l.key);
            if (l.rows) expect(layout.rows.length, where).toBeGreaterThan(0);
            // what did not fit is named above the list, and the user can still ask for every column
            const hidden = page.getByTestId('hidden-columns');
            if (await hidden.count()) {
              await page.getByTestId('toggle-columns').click();
              await expect.poll(() => page.getByTestId('list-table').getAttribute('data-layout'), { message: where }).toBe('scroll');
              expect(await page.locator('[data-testid="list-table"] thead th[data-col]').count(), where).toBeGreaterThan(layout.headers.length);
              await page.getByTestId('toggle-columns').click();
              await expect.poll(() => page.getByTestId('list-table').getAttribute('data-layout'), { message: where }).toBe('fit');
            }
          }
        } finally {
          await page.context().close();
        }
      }
    });
  }

  it('the home page follows the role chosen in the header, as the menu does', async () => {
    // 值班长 and 派遣员 at once
    const page = await newPage(browser, server.url);
    try {
      await login(page, 'zjg.shiftleader2');
      await page.getByTestId('home').waitFor();
      const cards = () => page.locator('[data-testid^="home-view-"]').evaluateAll((es) => es.map((e) => e.getAttribute('data-testid')!.slice('home-view-'.length)));
      const menu = () => page.getByTestId('main-menu').locator('.ant-menu-item').allInnerTexts();
      const all = await cards();
      expect(all).toEqual(expect.arrayContaining(['view.dsp.dispatch', 'view.cls.closing', 'view.dsp.difficult']));
      const pick = async (name: string) => {
        await page.getByTestId('role-switch').click();
        await page.locator('.ant-select-dropdown:visible').getByText(name, { exact: true }).click();
        await page.locator('.ant-select-dropdown:visible').waitFor({ state: 'hidden' });
      };
      await pick('业务协同-派遣员');
      await expect.poll(() => page.getByTestId('home').getAttribute('data-role')).toBe('dispatcher');
      const asDispatcher = await cards();
      expect(asDispatcher).toContain('view.dsp.dispatch');
      expect(asDispatcher).not.toContain('view.cls.closing');
      expect(asDispatcher.length).toBe((await menu()).length);
      await screenshot(page, 'home-role-dispatcher');
      await pick('业务协同-值班长');
      await expect.poll(() => page.getByTestId('home').getAttribute('data-role')).toBe('shiftLeader');
      const asLeader = await cards();
      expect(asLeader).toEqual(expect.arrayContaining(['view.cls.closing', 'view.dsp.difficult']));
      expect(asLeader).not.toContain('view.dsp.dispatch');
      expect(asLeader.length).toBe((await menu()).length);
    } finally {
      await page.context().close();
    }
  });
});
