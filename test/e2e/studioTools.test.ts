import ExcelJS from 'exceljs';
import { readFile } from 'node:fs/promises';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ItemColumns } from '../../runtime/studioTools/catalogueSheets.js';
import { launchBrowser, login, newPage, screenshot } from './support/browser.js';
import { DEMO_PASSWORD, startE2eServer, type E2eServer } from './support/server.js';
import { choose, settled } from './support/studio.js';

type Row = Readonly<Record<string, string>>;

const GOOD: Row = { code: '3100000011', name: '路灯不亮（导入）', directory: '市政设施', status: '停用', domains: '联动', overallLimit: '3个工作日', keywords: '路灯、照明' };
const GOOD_2: Row = { code: '3100000012', name: '井盖缺失（导入）', directory: 'dir.szss', status: '停用', domains: 'linkage' };
const BAD_CODE: Row = { ...GOOD_2, code: '31000' };
const BAD_DIRECTORY: Row = { code: '3100000013', name: '护栏损坏（导入）', directory: '不存在的目录', status: '停用', domains: 'linkage' };

/** The downloaded template with its example rows replaced by the given item rows. */
async function fill(template: Buffer, items: readonly Row[]): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(template as unknown as Parameters<ExcelJS.Xlsx['load']>[0]);
  const sheet = wb.getWorksheet('事项清单')!;
  sheet.spliceRows(2, sheet.rowCount);
  items.forEach((item, i) => {
    const row = sheet.getRow(i + 2);
    ItemColumns.forEach((c, j) => { row.getCell(j + 1).value = item[c.field] ?? ''; });
    row.commit();
  });
  wb.getWorksheet('事项目录')!.spliceRows(2, 1);
  return Buffer.from(await wb.xlsx.writeBuffer());
}

describe('studio tools in chromium (catalogue import, time-limit calculator, rule tester)', () => {
  let server: E2eServer;
  let browser: Browser;
  let page: Page;
  let template: Buffer;

  const itemDrafts = async (q: string) => {
    const res = await page.request.post('/api/auth/login', { data: { login: 'sz.admin', password: DEMO_PASSWORD } });
    const { token } = await res.json() as { token: string };
    const list = await page.request.get(`/api/definitions/item?q=${encodeURIComponent(q)}`, { headers: { authorization: `Bearer ${token}` } });
    return ((await list.json()) as { items: { id: string; definition: { name: string } }[] }).items;
  };
  const upload = async (name: string, buffer: Buffer) => {
    await page.getByTestId('import-file').locator('input[type=file]').setInputFiles({ name, mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', buffer });
  };

  beforeAll(async () => {
    server = await startE2eServer();
    browser = await launchBrowser();
    page = await newPage(browser, server.url);
    await login(page, 'sz.admin', '/studio/');
  });
  afterAll(async () => {
    await browser?.close();
    await server?.dispose();
  });

  it('DEF-2/DEF-3 downloads the template, refuses a file with bad rows row by row, then imports the corrected file', async () => {
    const menu = page.getByTestId('studio-menu');
    await menu.getByText('工具').click();
    await menu.getByText('事项导入').click();
    await page.waitForURL('**/studio/catalogue-import');

    const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('import-template').click()]);
    expect(download.suggestedFilename()).toBe('事项目录与清单导入模板.xlsx');
    template = await readFile((await download.path())!);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(template as unknown as Parameters<ExcelJS.Xlsx['load']>[0]);
    expect(wb.worksheets.map((w) => w.name)).toEqual(['事项目录', '事项清单', '可选值']);
    expect(wb.getWorksheet('事项清单')!.getCell('B1').value).toBe('*清单编码(10位数字)');

    await upload('items-with-errors.xlsx', await fill(template, [GOOD, BAD_CODE, BAD_DIRECTORY]));
    const errors = page.getByTestId('import-errors');
    await errors.waitFor();
    const rows = await errors.locator('tbody tr.ant-table-row').allTextContents();
    expect(rows).toHaveLength(2);
    expect(rows[0]).toMatch(/^事项清单3B · 清单编码\(10位数字\)31000清单编码须为 10 位数字/);
    expect(rows[1]).toMatch(/^事项清单4D · 所属目录\(标识或名称\)不存在的目录事项目录“不存在的目录”不存在/);
    expect(await page.getByTestId('import-summary').textContent()).toContain('2 行有错误');
    expect(await page.getByTestId('import-run').isDisabled()).toBe(true);
    expect(await itemDrafts('导入')).toEqual([]);
    await screenshot(page, 'studio-import-errors');

    await upload('items-corrected.xlsx', await fill(template, [GOOD, GOOD_2]));
    await expect.poll(() => page.getByTestId('import-summary').textContent()).toContain('校验通过：新增 2');
    await page.getByTestId('import-run').click();
    await expect.poll(() => page.getByTestId('import-summary').textContent()).toContain('已导入：新增 2');
    const imported = await itemDrafts('导入');
    expect(imported.map((i) => `${i.id} ${i.definition.name}`).sort()).toEqual(['item.3100000011 路灯不亮（导入）', 'item.3100000012 井盖缺失（导入）']);
  });

  it('DEF-6 calculates a 3-working-day limit started on a Friday afternoon over the weekend, with the explanation', async () => {
    await page.goto('/studio/sla');
    await choose(page, 'sla-limit', 'tl.overall.3wd');
    await page.locator('#sla-at').click();
    await page.locator('#sla-at').fill('2025-06-13 15:00');
    await page.locator('#sla-at').press('Enter');
    await page.getByTestId('sla-calculate').click();
    await expect.poll(() => page.getByTestId('calc-due').textContent()).toBe('2025-06-18 15:00');
    expect(await page.getByTestId('calc-warn').textContent()).toBe('2025-06-17 16:45');
    const lines = await page.getByTestId('calc-explanation').locator('.ant-list-item').allTextContents();
    expect(lines[0]).toContain('时限 3 个工作日');
    expect(lines.some((l) => l.includes('周末休息'))).toBe(true);
    expect(lines.at(-1)).toContain('2025-06-18 15:00 到期');
    await screenshot(page, 'studio-calculator');
  });

  it('DEF-4 rule tester: 暴露垃圾 in 张家港 goes to 城管局 with 生态环境局 assisting; the role × button table', async () => {
    await page.goto('/studio/rule-test');
    await choose(page, 'rule-item', 'item.bllj');
    await choose(page, 'rule-region', 'zjg');
    await page.getByTestId('rule-run').click();
    await expect.poll(() => page.getByTestId('rules-main').textContent()).toContain('张家港市城市管理局');
    expect(await page.getByTestId('rules-assists').textContent()).toContain('张家港市生态环境局');
    // the trace is worded in the UI language (engine/dispatch/dispatchSteps.ts)
    expect(await page.getByTestId('rules-trace').textContent()).toContain('默认分拨方式为部门');
    expect(await page.getByTestId('rules-trace').textContent()).toContain('分拨到部门（主协办）');
    const table = page.getByTestId('rule-roles');
    const headers = await table.locator('thead th').allTextContents();
    expect(headers).toEqual(expect.arrayContaining(['业务协同-受理员', '业务协同-派遣员', '业务协同-部门处理员']));
    const dispatchRow = table.locator('tbody tr.ant-table-row').filter({ hasText: '事件分拨' });
    expect(await dispatchRow.textContent()).toContain('交办部门');
    const assistPending = table.locator('tbody tr.ant-table-row').filter({ hasText: '生态环境局' }).filter({ hasText: '待处置' });
    expect(await assistPending.textContent()).not.toContain('申请挂账');
    await page.getByTestId('rules-hidden').click();
    expect(await assistPending.textContent()).toContain('申请挂账');
    await page.getByTestId('rules-hidden').click();
    expect(await table.locator('tr[data-row-key="application/centerReview/zjg.cgj/extension"]').textContent()).toMatch(/^延期申请待中心审核.*通过不通过/);
    await screenshot(page, 'studio-rule-tester');
  });

  it('shows the three tools in English', async () => {
    const en = await newPage(browser, server.url, 'en-US');
    await login(en, 'sz.admin', '/studio/');
    await en.goto('/studio/catalogue-import');
    await en.getByTestId('import-file').locator('input[type=file]').setInputFiles({ name: 'bad.xlsx', mimeType: 'application/octet-stream', buffer: await fill(template, [BAD_CODE]) });
    await en.getByTestId('import-errors').waitFor();
    expect(await en.getByTestId('import-errors').textContent()).toContain('the code has exactly 10 digits');
    await screenshot(en, 'studio-import-errors-en');

    await en.goto('/studio/sla');
    await choose(en, 'sla-limit', 'tl.overall.3wd');
    await en.locator('#sla-at').click();
    await en.locator('#sla-at').fill('2025-06-13 15:00');
    await en.locator('#sla-at').press('Enter');
    await en.getByTestId('sla-calculate').click();
    await expect.poll(() => en.getByTestId('calc-due').textContent()).toBe('2025-06-18 15:00');
    expect(await en.getByTestId('calc-explanation').textContent()).toMatch(/weekend/i);
    await screenshot(en, 'studio-calculator-en');

    await en.goto('/studio/rule-test');
    await choose(en, 'rule-item', 'item.bllj');
    await choose(en, 'rule-region', 'zjg');
    await en.getByTestId('rule-run').click();
    await expect.poll(() => en.getByTestId('rule-dispatch').textContent()).toContain('Assign departments');
    expect(await en.getByTestId('rules-trace').textContent()).toContain('default mode departments');
    await settled(en);
    await screenshot(en, 'studio-rule-tester-en');
    await en.context().close();
  });
});
