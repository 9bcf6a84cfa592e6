import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { launchBrowser, login, newPage, screenshot } from './support/browser.js';
import { DEMO_PASSWORD, startE2eServer, type E2eServer } from './support/server.js';

/** Kinds whose editor is checked and photographed in English, with the definition opened. */
const KINDS: [kind: string, id: string][] = [
  ['domain', 'linkage'], ['item', 'item.dlbj'], ['flow', 'flow.linkage.task'], ['timeLimit', ''], ['calendar', ''], ['attendance', ''],
  ['buttonType', ''], ['statusBinding', ''], ['view', ''], ['department', ''], ['user', ''], ['vocabulary', ''], ['systemParameter', ''],
  ['distributionRule', ''], ['form', ''], ['grid', ''], ['catalogueDirectory', ''], ['buttonGroup', ''], ['service', ''], ['role', ''],
];

/** Labels, legends and titles of the open editor's form that are Chinese only (no English word in them) or a bare camelCase key. */
async function chineseLabels(page: Page): Promise<string[]> {
  const texts = await page.locator('.studio-form').locator('.ant-form-item-label, legend, .ant-card-head-title, .field-description, .ant-form-item-extra').allTextContents();
  return texts.map((s) => s.trim()).filter((s) => (/[\u4e00-\u9fff]/.test(s) && !/[A-Za-z]{2}/.test(s)) || /^[a-z]+[A-Z][A-Za-z]*$/.test(s));
}

describe('studio in English (chromium)', () => {
  let server: E2eServer;
  let browser: Browser;
  let page: Page;
  let headers: Record<string, string>;

  beforeAll(async () => {
    server = await startE2eServer();
    browser = await launchBrowser();
    page = await newPage(browser, server.url, 'en-US');
    await login(page, 'sz.admin', '/studio/');
    const res = await page.request.post('/api/auth/login', { data: { login: 'sz.admin', password: DEMO_PASSWORD } });
    headers = { authorization: `Bearer ${(await res.json() as { token: string }).token}` };
  });
  afterAll(async () => {
    await browser?.close();
    await server?.dispose();
  });

  it('every editor titles its fields in English', async () => {
    const found: Record<string, string[]> = {};
    for (const [kind, given] of KINDS) {
      const id = given || (await (await page.request.get(`/api/definitions/${kind}?limit=1`, { headers })).json() as { items: { id: string }[] }).items[0]!.id;
      await page.goto(`/studio/kinds/${kind}/edit?id=${encodeURIComponent(id)}`);
      await page.getByTestId('definition-form').waitFor();
      await page.locator('.studio-form .ant-form-item-label').first().waitFor();
      const chinese = await chineseLabels(page);
      if (chinese.length > 0) found[kind] = chinese;
      await screenshot(page, `studio-en-${kind}`);
    }
    expect(found).toEqual({});
  });

  it('the item editor picks its personalised department flow among task flows and opens it', async () => {
    // enabled definitions are read-only: disable the item first
    const item = (await (await page.request.get('/api/definitions/item/item.dlbj', { headers })).json() as { definition: Record<string, unknown> }).definition;
    expect((await page.request.put('/api/definitions/item/item.dlbj', { headers, data: { ...item, enabled: false } })).ok()).toBe(true);
    await page.goto('/studio/kinds/item/edit?id=item.dlbj');
    await page.getByTestId('definition-form').waitFor();
    expect(await page.locator('.ant-form-item-label').filter({ hasText: 'Personalised department flow' }).count()).toBeGreaterThan(0);
    await page.locator('#root_flow').click();
    const dropdown = page.locator('.ant-select-dropdown').filter({ has: page.locator('[id="root_flow_list"]') });
    await dropdown.waitFor();
    const offered = await dropdown.locator('.ant-select-item-option').allTextContents();
    expect(offered.length).toBeGreaterThan(0);
    expect(offered.join('|')).toContain('flow.linkage.task');
    expect(offered.join('|')).not.toMatch(/\(flow\.linkage\)|flow\.linkage\.application/);
    await dropdown.locator('.ant-select-item-option').filter({ hasText: 'flow.linkage.task' }).first().click();
    await page.keyboard.press('Escape');
    await screenshot(page, 'studio-en-item-task-flow');
    await page.getByTestId('open-link-root_flow').click();
    await expect.poll(() => page.url()).toContain('/studio/kinds/flow/edit?id=flow.linkage.task');
  });

  it('lint findings are worded in the UI language', async () => {
    const binding = (await (await page.request.get('/api/definitions/statusBinding?limit=1', { headers })).json() as { items: { id: string; definition: Record<string, unknown> }[] }).items[0]!;
    const put = await page.request.put(`/api/definitions/statusBinding/${encodeURIComponent(binding.id)}`, { headers, data: { ...binding.definition, node: 'nowhere' } });
    expect(put.ok()).toBe(true);
    await page.goto('/studio/lint');
    const row = page.getByTestId('findings-table').locator('tr').filter({ hasText: 'LINT_BINDING_UNKNOWN_NODE' }).first();
    await row.waitFor();
    expect(await row.getByTestId('finding-message').textContent()).toMatch(/^status binding ".+" names node "nowhere", which flow ".+" does not have$/);
    await page.locator('[data-testid=findings-table] .ant-spin-blur').waitFor({ state: 'detached' });
    await page.waitForTimeout(400); // the table's loading veil fades out
    await screenshot(page, 'studio-en-lint');

    await page.evaluate(() => localStorage.setItem('tongguan.lang', 'zh-CN'));
    await page.reload();
    const zhRow = page.getByTestId('findings-table').locator('tr').filter({ hasText: 'LINT_BINDING_UNKNOWN_NODE' }).first();
    await zhRow.waitFor();
    expect(await zhRow.getByTestId('finding-message').textContent()).toMatch(/^流程状态配置“.+”的节点“nowhere”不在流程“.+”中$/);
    await page.locator('[data-testid=findings-table] .ant-spin-spinning').waitFor({ state: 'detached' });
    await screenshot(page, 'studio-zh-lint');
    await page.evaluate(() => localStorage.setItem('tongguan.lang', 'en-US'));
  });
});
