import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import { DEMO_PASSWORD } from './server.js';

export const SCREENSHOTS = join('test', '.artifacts', 'screenshots');

/** Debian's chromium, headless, without the background traffic this closed network refuses. */
export function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-quic', '--no-first-run', '--disable-component-update', '--disable-sync'],
  });
}

/** A fresh page at the seed's smallest screen (1366×768) in the given UI language. */
export async function newPage(browser: Browser, baseURL: string, lang: 'zh-CN' | 'en-US' = 'zh-CN'): Promise<Page> {
  // users work in China: times on screen are Beijing time, as the working-day calendar is
  const context = await browser.newContext({ baseURL, viewport: { width: 1366, height: 768 }, locale: lang, timezoneId: 'Asia/Shanghai', acceptDownloads: true });
  await context.addInitScript((l) => { if (!localStorage.getItem('tongguan.lang')) localStorage.setItem('tongguan.lang', l); }, lang);
  const page = await context.newPage();
  page.setDefaultTimeout(15_000);
  return page;
}

/** Signs in through the login screen (signs out first if someone is signed in). */
export async function login(page: Page, user: string, path = '/'): Promise<void> {
  await page.goto(path);
  await page.evaluate(() => localStorage.removeItem('tongguan.token'));
  await page.goto(path);
  await page.getByTestId('login-card').waitFor();
  await page.locator('#login').fill(user);
  await page.locator('#password').fill(DEMO_PASSWORD);
  await page.locator('button[type=submit]').click();
  await page.getByTestId('user-menu').waitFor();
}

/** Saves a full-page screenshot under test/.artifacts/screenshots/<name>.png (look at them). */
export async function screenshot(page: Page, name: string): Promise<string> {
  await mkdir(SCREENSHOTS, { recursive: true });
  const path = join(SCREENSHOTS, `${name}.png`);
  await page.screenshot({ path, fullPage: true });
  return path;
}
