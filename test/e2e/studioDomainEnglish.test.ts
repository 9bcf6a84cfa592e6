import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Locator, Page } from 'playwright-core';
import { launchBrowser, login, newPage, screenshot } from './support/browser.js';
import { pane } from './support/registerForm.js';
import { startE2eServer, type E2eServer } from './support/server.js';
import { addItem, choose, fill, newDefinition, saveDefinition } from './support/studio.js';
import { bearer, publishDrafts } from './support/studioJson.js';
import { expectListed, listRow, openList, Workbench } from './support/workbench.js';

/** A personalised form written with its English texts beside the Chinese ones. */
const BENCH_FIELDS = {
  benchType: { type: 'string', title: '座椅类型', titleEn: 'Bench type', enum: ['wood', 'metal'], enumNames: ['木质', '金属'], enumNamesEn: ['Wooden', 'Metal'] },
  broken: { type: 'boolean', title: '是否断裂', titleEn: 'Broken', default: false },
  brokenDetail: { type: 'string', title: '断裂情况', titleEn: 'Break details', maxLength: 500 },
};
const BROKEN_RULE = { if: { properties: { broken: { const: true } }, required: ['broken'] }, then: { required: ['brokenDetail'] } };

const field = (page: Page, label: string): Locator => pane(page).getByLabel(label, { exact: true });
const formItem = (page: Page, label: string): Locator => pane(page).locator('.ant-form-item').filter({ has: page.getByText(label, { exact: true }) }).last();

async function pick(page: Page, select: Locator, option: string, search?: string): Promise<void> {
  await select.click();
  if (search) await select.fill(search);
  await page.locator('.ant-select-dropdown:visible, .ant-tree-select-dropdown:visible').getByTitle(option, { exact: true }).first().click();
}

/** The label the studio form shows for a field (RJSF id → its <label>). */
const label = (page: Page, id: string) => page.locator(`label[for="${id}"]`).first().textContent();

/** Issue 5 "in both languages": the same set-up as studioDomainToWorkbench, done in the English studio and registered from the English workbench. */
describe('studio in English: a new domain from configuration to the departments', () => {
  let server: E2eServer;
  let browser: Browser;
  let page: Page;
  let wb: Workbench;
  let ticket: string;

  beforeAll(async () => {
    server = await startE2eServer();
    browser = await launchBrowser();
    page = await newPage(browser, server.url, 'en-US');
    await login(page, 'sz.admin', '/studio/');
    wb = new Workbench(browser, server.url, 'en-US');
  });
  afterAll(async () => {
    await browser?.close();
    await server?.dispose();
  });

  it('configures "Public facilities" with the item "Damaged bench", its personalised form and a main + assisting dispatch, and publishes', async () => {
    await newDefinition(page, 'domain');
    expect(await label(page, 'root_nameEn')).toContain('English name');
    await fill(page, 'root_id', 'facilities');
    await fill(page, 'root_name', '公共设施');
    await fill(page, 'root_nameEn', 'Public facilities');
    await choose(page, 'root_flow', 'flow.linkage');
    await choose(page, 'root_form', 'form.default');
    await saveDefinition(page, 'facilities');

    await newDefinition(page, 'catalogueDirectory');
    await fill(page, 'root_id', 'dir.facilities');
    await fill(page, 'root_name', '公共设施');
    await fill(page, 'root_nameEn', 'Public facilities');
    await saveDefinition(page, 'dir.facilities');

    await newDefinition(page, 'form');
    await fill(page, 'root_id', 'form.facilities.bench');
    await fill(page, 'root_name', '座椅损坏专表');
    await fill(page, 'root_nameEn', 'Bench damage');
    await choose(page, 'root_extends', 'form.default');
    await fill(page, 'root_schema_properties', JSON.stringify(BENCH_FIELDS));
    await addItem(page, 'root_schema_required');
    await fill(page, 'root_schema_required_0', 'benchType');
    await addItem(page, 'root_schema_allOf');
    await fill(page, 'root_schema_allOf_0', JSON.stringify(BROKEN_RULE));
    await saveDefinition(page, 'form.facilities.bench');

    await newDefinition(page, 'item');
    expect(await label(page, 'root_directory')).toMatch(/directory/i);
    await fill(page, 'root_id', 'item.facilities.bench');
    await choose(page, 'root_directory', 'dir.facilities');
    await fill(page, 'root_code', '9200000001');
    await fill(page, 'root_name', '座椅损坏');
    await fill(page, 'root_nameEn', 'Damaged bench');
    await choose(page, 'root_form', 'form.facilities.bench');
    await addItem(page, 'root_domains');
    await choose(page, 'root_domains_0_domain', 'facilities');
    await choose(page, 'root_domains_0_overallLimit', 'tl.overall.1nd');
    await addItem(page, 'root_dispatch');
    await choose(page, 'root_dispatch_0_region', 'zjg');
    await choose(page, 'root_dispatch_0_mode', 'departments');
    await choose(page, 'root_dispatch_0_assignment_handling', 'mainAssist');
    await choose(page, 'root_dispatch_0_assignment_main', 'zjg.cgj');
    await choose(page, 'root_dispatch_0_assignment_assists', 'zjg.zjj');
    await screenshot(page, 'studio-en-new-item');
    await saveDefinition(page, 'item.facilities.bench');

    await publishDrafts(page, 2);
    await screenshot(page, 'studio-en-published');
  });

  it('registers a ticket of the new item from the English workbench form: its English names, the personalised required and conditional fields', async () => {
    await wb.as('zjg.acceptor', async (p) => {
      await p.goto('/register');
      await p.getByTestId('register-page').waitFor();
      await pick(p, pane(p).getByTestId('domain'), 'Public facilities');
      await pick(p, field(p, 'Channel'), 'Phone');
      await field(p, 'Reporter').fill('赵六');
      await field(p, 'Contact number').fill('13700002222');
      await formItem(p, 'Gender').getByText('Male', { exact: true }).click();
      await field(p, 'Title').fill('Broken bench on Dongqiao Road');
      await field(p, 'Description').fill('The bench at Dongqiao Road 12 is broken in two');
      await pick(p, field(p, 'Region'), 'Zhangjiagang（320582）');
      await field(p, 'Event address').fill('东桥路 12 号');
      await expect.poll(() => pane(p).getByTestId(/picker-.*_grid$/).textContent()).toContain('网格');
      await pick(p, field(p, 'Event type'), 'Complaint');
      // the item search finds the new item by its English name; its personalised form joins in English
      await pick(p, field(p, 'Item'), 'Damaged bench（9200000001）', 'bench');
      await formItem(p, 'Bench type').waitFor();
      expect(await pane(p).textContent()).toContain('Bench damage');
      expect(await pane(p).getByText('Break details', { exact: true }).count()).toBe(0);
      await pane(p).getByTestId('method').getByText('Send to dispatch', { exact: true }).click();
      await pane(p).getByTestId('opinion').fill('Please repair');

      await p.getByTestId('submit').click();
      await expect.poll(() => formItem(p, 'Bench type').locator('.ant-form-item-explain-error').count()).toBe(1);
      expect(await pane(p).getByTestId('register-success').count()).toBe(0);
      await pick(p, field(p, 'Bench type'), 'Wooden');

      await formItem(p, 'Broken').locator('input[type=checkbox], input[type=radio]').first().check();
      await formItem(p, 'Break details').waitFor();
      await p.getByTestId('submit').click();
      await expect.poll(() => formItem(p, 'Break details').locator('.ant-form-item-explain-error').count()).toBe(1);
      await field(p, 'Break details').fill('Split along the seat');
      await screenshot(p, 'studio-en-domain-register');

      await p.getByTestId('submit').click();
      await expect.poll(() => pane(p).getByTestId('register-success').textContent()).toMatch(/DH\d{13}/);
      ticket = (await pane(p).getByTestId('register-success-link').getAttribute('href'))!.split('/').pop()!;
    });
    const detail = await (await page.request.get(`/api/tickets/${ticket}`, { headers: await bearer(page, 'zjg.acceptor') })).json() as {
      ticket: { domain: string; item: string; node: string; fields: Record<string, unknown> }; tasks: { department: string; role: string }[];
    };
    expect(detail.ticket).toMatchObject({ domain: 'facilities', item: 'item.facilities.bench', node: 'handling', fields: { benchType: 'wood', broken: true, brokenDetail: 'Split along the seat' } });
    expect(detail.tasks.map((t) => [t.department, t.role]).sort()).toEqual([['zjg.cgj', 'main'], ['zjg.zjj', 'assist']]);
  });

  it('shows the task, under the item\'s English name, to the handlers of the departments the configuration named', async () => {
    await wb.as('zjg.cgj.handler', async (p) => {
      await openList(p, 'Handling', 'pending');
      await expectListed(p, ticket);
      expect(await listRow(p, ticket).textContent()).toContain('Damaged bench');
    });
    await wb.as('zjg.sthj.handler', async (p) => {
      await openList(p, 'Handling', 'pending');
      await p.getByTestId('list-table').waitFor();
      await expectListed(p, ticket, false);
    });
  });
});
