import ExcelJS from 'exceljs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, login, newPage, screenshot } from './support/browser.js';
import { DEMO_PASSWORD, startE2eServer, type E2eServer } from './support/server.js';

interface Binding { flow: string; node: string; textColor?: string; backgroundColor?: string }

/** Plays users against the HTTP API of the e2e server (seeding what the screens then show). */
class Seeder {
  private readonly tokens = new Map<string, string>();
  constructor(private readonly server: E2eServer) {}

  async call<T>(login: string, method: 'GET' | 'POST', url: string, payload?: object): Promise<T> {
    let token = this.tokens.get(login);
    if (!token) {
      const res = await this.server.app.server.inject({ method: 'POST', url: '/api/auth/login', payload: { login, password: DEMO_PASSWORD } });
      token = (res.json() as { token: string }).token;
      this.tokens.set(login, token);
    }
    const res = await this.server.app.server.inject({ method, url, headers: { authorization: `Bearer ${token}` }, ...(payload ? { payload } : {}) });
    expect(res.statusCode, `${login} ${method} ${url}: ${res.body}`).toBeLessThan(300);
    return res.json() as T;
  }

  /** Registers a ticket at 张家港 (grid in 杨舍镇 unless given) and sends it to dispatch. */
  async register(login: string, title: string, o: { grid?: string; urgency?: string } = {}): Promise<{ id: string; number: string }> {
    const grid = o.grid ?? 'g.ys.dq.01';
    const fields = {
      reportTime: '2025-06-10T09:00:00+08:00', channel: 'phone', reporterName: '张三丰', reporterPhone: '13812345678', reporterGender: '男', title,
      description: '路口有问题需要处理', regionCode: '320582', address: '东桥路 12 号', grid, item: 'item.wzgg', eventType: 'complaint', difficult: false,
    };
    const body = { domain: 'linkage', item: 'item.wzgg', title, channel: 'phone', grid, ...(o.urgency ? { urgency: o.urgency } : {}), fields, button: 'acc.toDispatch', opinion: '送分拨' };
    return (await this.call<{ ticket: { id: string; number: string } }>(login, 'POST', '/api/tickets', body)).ticket;
  }

  act(login: string, ticket: string, button: string, opinion: string, payload?: object) {
    return this.call(login, 'POST', `/api/tickets/${ticket}/actions`, { button, opinion, ...(payload ? { payload } : {}) });
  }

  async history(ticket: string): Promise<string[]> {
    const d = await this.call<{ history: { event: string }[] }>('zjg.dispatcher', 'GET', `/api/tickets/${ticket}`);
    return d.history.map((h) => h.event);
  }
}

const rowLocator = (page: Page, ticket: string) => page.locator(`tr[data-ticket="${ticket}"]`);
const headers = (page: Page) => page.getByTestId('list-table').locator('thead th').allInnerTexts();
const rowCount = (page: Page) => page.locator('tr[data-ticket]').count();

describe('generated list screens in chromium', () => {
  let server: E2eServer;
  let browser: Browser;
  let seed: Seeder;
  const pending: { id: string; number: string }[] = [];
  const dispatched: { id: string; number: string }[] = [];
  const escalated: string[] = [];
  let downloads: string;

  beforeAll(async () => {
    server = await startE2eServer();
    browser = await launchBrowser();
    seed = new Seeder(server);
    downloads = await mkdtemp(join(tmpdir(), 'tongguan-lists-'));
    for (const [i, title] of ['东桥路违规广告牌', '人行道占道经营', '暴露垃圾清运'].entries()) {
      pending.push(await seed.register('zjg.acceptor', title, i === 1 ? { urgency: 'urgent' } : {}));
    }
    for (const title of ['已分拨的广告牌', '已分拨的占道']) {
      const t = await seed.register('zjg.acceptor', title);
      await seed.act('zjg.dispatcher', t.id, 'dsp.assign', '请城管局主办', { handling: 'mainAssist', main: 'zjg.cgj', assists: [], cc: [] });
      dispatched.push(t);
    }
    // 杨舍镇 escalates two tickets: they wait in 张家港's acceptance pool (ACC-10, on at 张家港)
    for (const title of ['井盖缺失', '路灯不亮']) {
      const t = await seed.register('ys.acceptor', title, { grid: 'g.fh.fh.01' });
      await seed.act('ys.dispatcher', t.id, 'dsp.escalate', '非本镇辖区');
      escalated.push(t.id);
    }
  });
  afterAll(async () => {
    await browser?.close();
    await server?.dispose();
    if (downloads) await rm(downloads, { recursive: true, force: true });
  });

  it('DSP-2/DSP-3 事件分拨: status colours and deadlines, title filter, tabs, xlsx export and a batch urge', async () => {
    const catalogue = await seed.call<{ statusBindings: Binding[] }>('zjg.dispatcher', 'GET', '/api/workbench/catalogue');
    const binding = catalogue.statusBindings.find((b) => b.flow === 'flow.linkage' && b.node === 'dispatch')!;
    const page = await newPage(browser, server.url);
    await login(page, 'zjg.dispatcher');
    const menu = page.getByTestId('main-menu');
    expect(await menu.textContent()).toContain('统一分拨');
    await menu.getByText('事件分拨', { exact: true }).click();
    await page.waitForURL(/\/views\/view\.dsp\.dispatch\/pending$/);
    await rowLocator(page, pending[0]!.id).waitFor();
    // at 1366 px the list keeps number, title, urgency, status, time limit and buttons; the rest on request (listLayout.test.ts)
    expect(await headers(page)).toEqual(expect.arrayContaining(['事件编号', '事件标题', '紧急程度', '状态', '时限', '操作']));
    expect(await page.getByTestId('hidden-columns').textContent()).toContain('上报人');
    await page.getByTestId('toggle-columns').click();
    await expect.poll(() => headers(page)).toEqual(expect.arrayContaining(['事件编号', '事件标题', '事项类别', '上报时间', '上报人', '状态', '时限', '操作']));
    expect(await page.getByTestId('tab-pending').getAttribute('data-count')).toBe('3');
    expect(await page.getByTestId('tab-dispatched').getAttribute('data-count')).toBe('2');
    const first = rowLocator(page, pending[0]!.id);
    expect(await first.textContent()).toContain(pending[0]!.number);
    expect(await first.textContent()).toContain('张**');
    expect(await first.textContent()).not.toContain('张三丰');
    const status = first.locator('[data-node="dispatch"]');
    expect(await status.textContent()).toBe('待分拨');
    const colours = await status.evaluate((e) => [getComputedStyle(e).color, getComputedStyle(e).backgroundColor]);
    const rgb = (hex: string) => `rgb(${[1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16)).join(', ')})`;
    expect(colours).toEqual([rgb(binding.textColor!), rgb(binding.backgroundColor!)]);
    expect(await first.locator('[data-sla-kind="stage"] [data-sla]').getAttribute('data-sla')).toMatch(/^(normal|warning|overdue)$/);
    expect(await first.locator('[data-sla-kind="overall"]').textContent()).toMatch(/整体.*\d{2}-\d{2} \d{2}:\d{2}/);
    await screenshot(page, 'lists-dispatch-zh');

    // ACC-5 search by title; the filter panel opens and closes
    await page.getByTestId('filter-title').fill('占道');
    await page.getByTestId('filter-search').click();
    await expect.poll(() => rowCount(page)).toBe(1);
    expect(await rowLocator(page, pending[1]!.id).count()).toBe(1);
    await page.getByTestId('filter-toggle').click();
    await page.getByTestId('filter-panel').waitFor();
    expect(await page.getByTestId('filter-panel').textContent()).toContain('紧急程度');
    await screenshot(page, 'lists-filters-open');
    await page.getByTestId('filter-title').fill('');
    await page.getByTestId('filter-urgency').click();
    await page.locator('.ant-select-item-option[title="紧急"]').click();
    await page.getByTestId('filter-search').click();
    await expect.poll(() => rowCount(page)).toBe(1);
    expect(await rowLocator(page, pending[1]!.id).count()).toBe(1);
    await page.getByTestId('filter-title').fill('没有这样的事件');
    await page.getByTestId('filter-search').click();
    await page.getByTestId('list-empty').waitFor();
    expect(await page.getByTestId('list-empty').textContent()).toContain('没有符合筛选条件的记录');
    await page.getByTestId('filter-reset').click();
    await expect.poll(() => rowCount(page)).toBe(3);

    // DSP-2 the number header sorts on the server: ascending, then descending
    const order = () => page.locator('tr[data-ticket]').evaluateAll((rows) => rows.map((r) => r.getAttribute('data-ticket')));
    const numberHeader = page.getByTestId('list-table').locator('thead th', { hasText: '事件编号' });
    await numberHeader.click();
    await numberHeader.click();
    await expect.poll(order).toEqual(pending.map((t) => t.id).reverse());

    // tabs change the URL; the export carries the tab's rows
    await page.getByTestId('tab-dispatched').click();
    await page.waitForURL(/\/views\/view\.dsp\.dispatch\/dispatched$/);
    await expect.poll(() => rowCount(page)).toBe(2);
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('toolbar-list.export').click()]);
    expect(download.suggestedFilename()).toBe('事件分拨-已分拨.xlsx');
    const file = join(downloads, 'dispatched.xlsx');
    await download.saveAs(file);
    const book = new ExcelJS.Workbook();
    await book.xlsx.readFile(file);
    const sheet = book.worksheets[0]!;
    expect(sheet.getRow(1).values).toEqual(expect.arrayContaining(['事件编号', '事件标题', '状态']));
    expect(sheet.rowCount).toBe(3);
    const numbers = [2, 3].map((r) => String(sheet.getRow(r).getCell(1).value));
    expect(numbers.sort()).toEqual(dispatched.map((t) => t.number).sort());

    // DSP-3 batch urge: both selected rows get an urge
    for (const t of dispatched) await rowLocator(page, t.id).locator('td.ant-table-selection-column').click();
    expect(await page.getByTestId('batch-bar').textContent()).toContain('已选 2 条');
    await page.getByTestId('batch-ticket.urge').click();
    await page.locator('#action-opinion').fill('请尽快处置');
    await page.getByTestId('action-ok').click();
    for (const t of dispatched) await expect.poll(() => seed.history(t.id)).toContain('ticket.urge');
    await expect.poll(() => page.getByTestId('batch-bar').count()).toBe(0);

    // the row opens the ticket
    await rowLocator(page, dispatched[0]!.id).locator('td').nth(2).click();
    await page.waitForURL(new RegExp(`/tickets/${dispatched[0]!.id}$`));
  });

  it('X-4 English headers and tab names; the empty tab says so', async () => {
    const page = await newPage(browser, server.url, 'en-US');
    await login(page, 'zjg.dispatcher', '/views/view.dsp.dispatch/pending');
    await rowLocator(page, pending[0]!.id).waitFor();
    expect(await headers(page)).toEqual(expect.arrayContaining(['Ticket number', 'Title', 'Urgency', 'Status', 'Time limit', 'Actions']));
    expect(await page.getByTestId('hidden-columns').textContent()).toMatch(/more columns not shown: .*Reported at/);
    expect(await page.getByTestId('tab-dispatched').textContent()).toContain('Dispatched');
    expect(await rowLocator(page, pending[0]!.id).locator('[data-node="dispatch"]').textContent()).toBe('Awaiting dispatch');
    await screenshot(page, 'lists-dispatch-en');
    await page.getByTestId('lang-switch').getByText('中文').click();
    await page.getByTestId('main-menu').getByText('分拨退回', { exact: true }).click();
    await page.getByTestId('list-empty').waitFor();
    expect(await page.getByTestId('list-empty').textContent()).toContain('暂无待分拨事件');
    await screenshot(page, 'lists-empty');
  });

  it('ACC-5/ACC-10 the acceptor extracts from 张家港\'s acceptance pool and the pool list empties', async () => {
    const page = await newPage(browser, server.url);
    await login(page, 'zjg.acceptor');
    await page.getByTestId('main-menu').getByText('受理工单池', { exact: true }).click();
    await page.waitForURL(/\/views\/view\.acc\.pool\/pool$/);
    for (const id of escalated) await rowLocator(page, id).waitFor();
    await page.getByTestId('toolbar-list.extract').click();
    await expect.poll(() => page.locator('.ant-message').textContent()).toContain('已提取 2 条工单');
    await expect.poll(() => rowCount(page)).toBe(0);
    const catalogue = await seed.call<{ views: { id: string; tabs: { key: string; count: number }[] }[] }>('zjg.acceptor', 'GET', '/api/views');
    expect(catalogue.views.find((v) => v.id === 'view.acc.pool')!.tabs[0]!.count).toBe(0);
    await page.getByTestId('toolbar-list.extract').click();
    await expect.poll(() => page.locator('.ant-message').textContent()).toContain('工单池中没有可提取的工单');
    await page.getByTestId('lang-switch').getByText('EN').click();
    await expect.poll(() => headers(page)).toEqual(expect.arrayContaining(['Ticket number', 'Title', 'Location', 'Time limit']));
  });

  it('DSP-1/ACC-5 a pool that is off says so above its list, and an extraction there gets the server\'s message', async () => {
    const page = await newPage(browser, server.url);
    await login(page, 'zjg.dispatcher', '/views/view.dsp.pool/pool');
    await page.getByTestId('pool-disabled').waitFor();
    expect(await page.getByTestId('pool-disabled').textContent()).toContain('未开启分拨工单池');
    await login(page, 'ys.acceptor', '/views/view.acc.acceptance/pending');
    await page.getByTestId('toolbar-list.extract').click();
    await expect.poll(() => page.locator('.ant-message').textContent()).toContain('本中心未开启受理工单池');
  });
});
