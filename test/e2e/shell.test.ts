import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { launchBrowser, login, newPage, screenshot } from './support/browser.js';
import { startE2eServer, type E2eServer } from './support/server.js';

describe('workbench shell in chromium', () => {
  let server: E2eServer;
  let browser: Browser;
  beforeAll(async () => {
    server = await startE2eServer();
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
    await server?.dispose();
  });

  it('refuses a wrong password with the server\u2019s message, then signs in and shows the user\u2019s center and menu', async () => {
    const page = await newPage(browser, server.url);
    await page.goto('/');
    await page.locator('#login').fill('zjg.acceptor');
    await page.locator('#password').fill('wrong-password');
    await page.locator('button[type=submit]').click();
    await expect.poll(() => page.getByTestId('login-error').textContent()).toMatch(/密码|账号/);
    await screenshot(page, 'login-error');
    await login(page, 'zjg.acceptor');
    expect(await page.getByTestId('user-center').textContent()).toContain('张家港市');
    const menu = page.getByTestId('main-menu');
    await expect.poll(() => menu.textContent()).toContain('统一受理');
    expect(await menu.textContent()).toContain('事件受理');
    await page.getByTestId('home').waitFor();
    await screenshot(page, 'home-zh');
  });

  it('switches to English and keeps the choice after a reload', async () => {
    const page = await newPage(browser, server.url);
    await login(page, 'zjg.shiftleader2');
    await page.getByTestId('lang-switch').getByText('EN').click();
    await expect.poll(() => page.getByTestId('main-menu').textContent()).toContain('Dispatch');
    await page.reload();
    await page.getByTestId('user-menu').waitFor();
    expect(await page.getByTestId('main-menu').textContent()).toContain('Dispatch');
    await screenshot(page, 'home-en');
  });

  it('narrows the menu to one role when a user holding several switches role', async () => {
    const page = await newPage(browser, server.url);
    await login(page, 'zjg.shiftleader2');
    const before = await page.getByTestId('main-menu').locator('li[role=menuitem]').count();
    await page.getByTestId('role-switch').click();
    await page.locator('.ant-select-item-option').nth(1).click();
    await expect.poll(() => page.getByTestId('main-menu').locator('li[role=menuitem]').count()).toBeLessThan(before);
  });

  it('serves client routes and keeps unknown API paths a JSON 404', async () => {
    const page = await newPage(browser, server.url);
    for (const route of ['/views/view.acc.acceptance/pending', '/views/view.dsp.dispatch', '/tickets/abc', '/studio/', '/studio/kinds/item']) {
      const res = await page.request.get(route);
      expect(res.status(), route).toBe(200);
      expect(await res.text()).toContain('<div id="root">');
    }
    const api = await page.request.get('/api/no-such-thing');
    expect(api.status()).toBe(401);
    const asset = await page.request.get('/assets/missing.js');
    expect(asset.status()).toBe(404);
    expect((await asset.json()).code).toBe('TG_ERR_NOT_FOUND');
  });
});
