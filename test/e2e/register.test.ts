import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { launchBrowser, login, newPage, screenshot } from './support/browser.js';
import { DEMO_PASSWORD, startE2eServer, type E2eServer } from './support/server.js';
import { choose, registrationAnswer } from './support/registerForm.js';

/** A registration's answer under CI load: as long as submitRegistration (support/registerForm) waits for it. */
const SERVER_ANSWER = { timeout: 30_000 };

/** A 1×1 PNG: the server sniffs the content, so it must be a real one. */
const PNG = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==', 'base64');
const PHONE = '13900001111';

async function apiCall<T>(server: E2eServer, token: string | null, method: string, path: string, body?: unknown): Promise<{ status: number; body: T }> {
  const res = await fetch(`${server.url}${path}`, {
    method, headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) }, ...(body ? { body: JSON.stringify(body) } : {}),
  });
  return { status: res.status, body: await res.json() as T };
}

/** The visible registration tab. */
const pane = (page: Page) => page.locator('[data-testid="register-tab"][data-active="true"]');
const field = (page: Page, label: string) => pane(page).getByLabel(label, { exact: true });

describe('ACC-1/2/3 registration in chromium', () => {
  let server: E2eServer;
  let browser: Browser;
  let seeded: { id: string; number: string };
  beforeAll(async () => {
    server = await startE2eServer();
    browser = await launchBrowser();
    // a ticket of the same reporter, grid and channel: the phone auto-fills from it, and it is the duplicate to merge into
    const { body: { token } } = await apiCall<{ token: string }>(server, null, 'POST', '/api/auth/login', { login: 'zjg.acceptor', password: DEMO_PASSWORD });
    const fields = {
      reportTime: '2025-06-10T09:00:00+08:00', channel: 'phone', reporterName: '王五', reporterPhone: PHONE, reporterGender: '女',
      reporterAddress: '张家港市杨舍镇', reporterDetailAddress: '东桥新村 3 幢 201 室', title: '东桥路垃圾堆放无人清运',
      description: '东桥路 88 号门口暴露垃圾堆放多日', regionCode: '320582', address: '东桥路 88 号', grid: 'g.ys.dq.01', item: 'item.wzgg', eventType: 'complaint', difficult: false,
    };
    const res = await apiCall<{ ticket: { id: string; number: string } }>(server, token, 'POST', '/api/tickets', {
      domain: 'linkage', item: 'item.wzgg', title: fields.title, channel: 'phone', grid: 'g.ys.dq.01', fields, button: 'acc.toDispatch', opinion: '送分拨',
    });
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    seeded = res.body.ticket;
  });
  afterAll(async () => {
    await browser?.close();
    await server?.dispose();
  });

  it('registers 暴露垃圾 with its personalised form, auto-filled reporter, an upload and 送分拨; then copies, saves a draft and submits all', async () => {
    const page = await newPage(browser, server.url);
    await login(page, 'zjg.acceptor');
    await page.getByRole('button', { name: '事件登记' }).click();
    await page.getByTestId('register-page').waitFor();
    await expect.poll(() => pane(page).getByTestId('method').textContent()).toContain('送分拨');
    await screenshot(page, 'register-empty');

    // nothing filled: the client names the missing fields and the method
    await page.getByTestId('submit').click();
    await expect.poll(() => pane(page).getByTestId('register-general-error').textContent()).toContain('请选择处办方式');
    expect(await pane(page).getByText('此项为必填项').count()).toBeGreaterThanOrEqual(5);
    await screenshot(page, 'register-errors');

    // a known phone fills the reporter of its last report
    await field(page, '联系方式').fill(PHONE);
    await pane(page).getByTestId('reporter-filled').waitFor();
    expect(await field(page, '上报人').inputValue()).toBe('王五');
    expect(await field(page, '详细地址').inputValue()).toBe('东桥新村 3 幢 201 室');

    await choose(page, field(page, '上报方式'), '电话');
    await field(page, '事件标题').fill('东桥路垃圾堆放没人清运');
    await field(page, '事件描述').fill('东桥路 88 号门口暴露垃圾堆了好几天，气味难闻');
    await choose(page, field(page, '行政区划'), '张家港市（320582）');
    await field(page, '事件地址').fill('东桥路 88 号');
    // the grid follows the address (东桥路 is a keyword of 东桥社区第1网格)
    await expect.poll(() => pane(page).getByTestId(/picker-.*_grid$/).textContent()).toContain('东桥社区第1网格');
    await choose(page, field(page, '事件类型'), '投诉');

    // item search across directories: 暴露垃圾 with its handling standard and personalised form
    await choose(page, field(page, '所属事项'), '暴露垃圾（2000000001）', '暴露');
    await expect.poll(() => pane(page).getByTestId('handling-standard').textContent()).toContain('30分钟内');
    await field(page, '垃圾类型').waitFor();
    expect(await pane(page).getByText('危险物品描述').count()).toBe(0);
    await pane(page).locator('.ant-form-item').filter({ has: page.getByText('是否有危险物品', { exact: true }) }).last().getByText('是', { exact: true }).click();
    await field(page, '危险物品描述').fill('两桶废机油');
    await choose(page, field(page, '垃圾类型'), '生活垃圾');

    // uploads: a refused type shows the server's message; a png is accepted
    const upload = pane(page).locator('input[type=file]');
    await upload.setInputFiles({ name: 'virus.exe', mimeType: 'application/octet-stream', buffer: Buffer.from('MZ') });
    await expect.poll(() => pane(page).getByTestId('attachment-error').textContent()).toContain('不支持的附件类型');
    // the upload is held back: 提交 meanwhile is refused rather than sent without the file
    let release!: () => void;
    const held = new Promise<void>((r) => { release = r; });
    await page.route('**/api/attachments?*', async (route) => { await held; await route.continue(); });
    await upload.setInputFiles({ name: 'scene.png', mimeType: 'image/png', buffer: PNG });
    await pane(page).locator('.ant-upload-list-item-uploading').filter({ hasText: 'scene.png' }).waitFor();
    await pane(page).getByTestId('method').getByText('送分拨').click();
    await pane(page).getByTestId('opinion').fill('请城管局尽快清运');
    await page.getByTestId('submit').click();
    await expect.poll(() => page.locator('.ant-message-warning').textContent()).toContain('附件仍在上传');
    expect(await pane(page).getByTestId('register-success').count()).toBe(0);
    release();
    await pane(page).locator('.ant-upload-list-item-done').filter({ hasText: 'scene.png' }).waitFor();
    await page.unroute('**/api/attachments?*');
    await screenshot(page, 'register-filled');
    await page.getByTestId('submit').click();
    const success = pane(page).getByTestId('register-success');
    expect(await registrationAnswer(page)).toMatch(/登记成功，事件编号 DH\d{13}/);
    const number = /DH\d{13}/.exec((await success.textContent())!)![0];
    const href = await pane(page).getByTestId('register-success-link').getAttribute('href');
    expect(href).toMatch(/^\/tickets\/.+/);

    const { body: { token } } = await apiCall<{ token: string }>(server, null, 'POST', '/api/auth/login', { login: 'zjg.acceptor', password: DEMO_PASSWORD });
    const detail = await apiCall<{ ticket: { number: string; item: string; node: string; grid: string; fields: Record<string, unknown> } }>(server, token, 'GET', `/api/tickets/${href!.split('/').pop()}`);
    expect(detail.body.ticket).toMatchObject({ number, item: 'item.bllj', grid: 'g.ys.dq.01', fields: { dangerousGoods: true, dangerousGoodsDescription: '两桶废机油', garbageType: '生活垃圾' } });
    expect(detail.body.ticket.fields.attachments).toHaveLength(1);
    expect(detail.body.ticket.node).not.toBe('draft');

    // a new tab starts empty and closes without asking
    await page.getByTestId('add-tab').filter({ visible: true }).click();
    expect(await field(page, '事件标题').inputValue()).toBe('');
    await page.locator('.ant-tabs-tab-active').getByRole('button').click();
    await success.waitFor();

    // copy the registered ticket three times; the last copy is saved as a draft, then submit all registers the other two
    for (let i = 0; i < 3; i++) await page.getByTestId('copy').click();
    expect(await page.getByTestId('register-tab').count()).toBe(4);
    expect(await field(page, '事件标题').inputValue()).toBe('东桥路垃圾堆放没人清运');
    await field(page, '事件标题').fill('暂存的一张');
    await page.getByTestId('save-draft').click();
    await expect.poll(() => pane(page).getByTestId('register-success').textContent(), SERVER_ANSWER).toMatch(/已暂存，事件编号 DH\d{13}/);
    await page.getByTestId('submit-all').click();
    await expect.poll(() => page.locator('.ant-message').textContent()).toContain('成功 2 件，失败 0 件');
    for (const i of [1, 2]) {
      await page.getByTestId(`tab-${i}`).click();
      await expect.poll(() => pane(page).getByTestId('register-success').textContent(), SERVER_ANSWER).toMatch(/登记成功，事件编号 DH\d{13}（送分拨）/);
    }
  });

  it('ACC-2/ACC-3 shows the duplicate of the same reporter and merges the new registration into it', async () => {
    const page = await newPage(browser, server.url);
    await login(page, 'zjg.acceptor', '/register');
    await page.getByTestId('register-page').waitFor();
    await field(page, '联系方式').fill(PHONE);
    await pane(page).getByTestId('reporter-filled').waitFor();
    await choose(page, field(page, '上报方式'), '电话');
    await field(page, '事件标题').fill('东桥路垃圾堆放无人清运');
    await field(page, '事件描述').fill('东桥路 88 号门口垃圾堆放');
    await choose(page, field(page, '行政区划'), '张家港市（320582）');
    await field(page, '事件地址').fill('东桥路 88 号');
    await choose(page, field(page, '事件类型'), '投诉');
    await choose(page, field(page, '所属事项'), '违规设置户外广告（2000020002）', '2000020002');
    const duplicates = pane(page).getByTestId('duplicates');
    await expect.poll(() => duplicates.textContent()).toContain(seeded.number);
    await pane(page).getByTestId(`merge-${seeded.number}`).click();
    await page.locator('.ant-popconfirm:visible').getByRole('button', { name: /确\s*定/ }).click();
    await expect.poll(() => pane(page).getByTestId('register-success').textContent(), SERVER_ANSWER).toContain(`已登记并合并到 ${seeded.number}`);
    const href = await pane(page).getByTestId('register-success-link').getAttribute('href');
    const { body: { token } } = await apiCall<{ token: string }>(server, null, 'POST', '/api/auth/login', { login: 'zjg.acceptor', password: DEMO_PASSWORD });
    const follower = await apiCall<{ ticket: { mergedInto: string; node: string } }>(server, token, 'GET', `/api/tickets/${href!.split('/').pop()}`);
    expect(follower.body.ticket).toMatchObject({ mergedInto: seeded.id, node: 'dispatch' });

    // 查看更多: a copy is saved as a draft first, then joins the merged main from the candidate lists
    await page.getByTestId('copy').click();
    await pane(page).getByTestId('merge-more').click();
    await page.locator('.ant-modal-confirm').getByRole('button', { name: /确\s*定/ }).click();
    const modal = page.getByTestId('merge-candidates');
    await expect.poll(() => modal.locator('.ant-tabs-tab').first().textContent()).toBe('已合并 (1)');
    const row = modal.locator('tr', { hasText: seeded.number });
    expect(await row.textContent()).toContain('1'); // one follower so far
    await page.locator('.ant-modal-confirm').waitFor({ state: 'detached' });
    await expect.poll(() => modal.evaluate((el) => getComputedStyle(el.closest('.ant-modal') ?? el).opacity)).toBe('1');
    await screenshot(page, 'register-merge');
    await row.getByRole('button', { name: '并入此单' }).click();
    await expect.poll(() => pane(page).getByTestId('register-success').textContent(), SERVER_ANSWER).toContain(`已登记并合并到 ${seeded.number}`);
    const second = await pane(page).getByTestId('register-success-link').getAttribute('href');
    const merged = await apiCall<{ ticket: { mergedInto: string } }>(server, token, 'GET', `/api/tickets/${second!.split('/').pop()}`);
    expect(merged.body.ticket.mergedInto).toBe(seeded.id);
  });

  it('ACC-1 a draft the server refuses shows its answer at the field it names', async () => {
    const page = await newPage(browser, server.url);
    await login(page, 'zjg.acceptor', '/register');
    await page.getByTestId('register-page').waitFor();
    // 暂存 is not checked by the client: what shows comes from the server (400, pointer /item)
    await page.getByTestId('save-draft').click();
    const itemField = pane(page).locator('.ant-form-item').filter({ has: page.getByText('所属事项', { exact: true }) }).last();
    await expect.poll(() => itemField.textContent()).toContain('此项为必填项');
    expect(await pane(page).getByTestId('register-general-error').count()).toBe(0);
    await choose(page, field(page, '所属事项'), '违规设置户外广告（2000020002）', '广告');
    await expect.poll(() => itemField.textContent()).not.toContain('此项为必填项');

    // 全部暂存: every open tab becomes a draft, unvalidated beyond the request's own columns
    await choose(page, field(page, '上报方式'), '电话');
    await field(page, '事件标题').fill('只填了标题的草稿');
    await page.getByTestId('copy').click();
    await page.getByTestId('save-all').click();
    await expect.poll(() => page.locator('.ant-message').textContent()).toContain('成功 2 件，失败 0 件');
    for (const i of [0, 1]) {
      await page.getByTestId(`tab-${i}`).click();
      await expect.poll(() => pane(page).getByTestId('register-success').textContent(), SERVER_ANSWER).toMatch(/已暂存，事件编号 DH\d{13}/);
    }
  });

  it('shows the registration screen in English', async () => {
    const page = await newPage(browser, server.url, 'en-US');
    await login(page, 'zjg.acceptor', '/register');
    await page.getByTestId('register-page').waitFor();
    await expect.poll(() => page.getByTestId('register-actions').textContent()).toContain('Submit all');
    expect(await pane(page).getByTestId('method').textContent()).toContain('Send to dispatch');
    // X-4 the item search speaks English: an English word finds the item, shown with its English directories
    await choose(page, field(page, 'Item'), 'Exposed garbage（2000000001）', 'garbage');
    const info = pane(page).getByTestId('item-info');
    await expect.poll(() => info.textContent()).toContain('Exposed garbage');
    expect(await info.textContent()).toContain('City Appearance & Environment');
    expect(await info.textContent()).toContain('Environmental Sanitation');
    expect(await info.textContent()).not.toContain('暴露垃圾');
    await screenshot(page, 'register-en');
  });
});
