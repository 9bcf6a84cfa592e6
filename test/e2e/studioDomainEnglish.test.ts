import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { launchBrowser, login, newPage, screenshot } from './support/browser.js';
import { fillRegistration, formItem, pane, submitWithPersonalisedForm } from './support/registerForm.js';
import { startE2eServer, type E2eServer } from './support/server.js';
import { createDomain, fillDispatchedItem, fillPersonalForm, newDefinition, saveDefinition } from './support/studio.js';
import { bearer, publishDrafts } from './support/studioJson.js';
import { expectListed, listRow, openList, Workbench } from './support/workbench.js';

/** A personalised form written with its English texts beside the Chinese ones. */
const BENCH_FIELDS = {
  benchType: { type: 'string', title: '座椅类型', titleEn: 'Bench type', enum: ['wood', 'metal'], enumNames: ['木质', '金属'], enumNamesEn: ['Wooden', 'Metal'] },
  broken: { type: 'boolean', title: '是否断裂', titleEn: 'Broken', default: false },
  brokenDetail: { type: 'string', title: '断裂情况', titleEn: 'Break details', maxLength: 500 },
};
const BROKEN_RULE = { if: { properties: { broken: { const: true } }, required: ['broken'] }, then: { required: ['brokenDetail'] } };

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
    await createDomain(page, { id: 'facilities', directory: 'dir.facilities', name: '公共设施', nameEn: 'Public facilities' });
    await fillPersonalForm(page, { id: 'form.facilities.bench', name: '座椅损坏专表', nameEn: 'Bench damage', properties: BENCH_FIELDS, required: 'benchType', rule: BROKEN_RULE });
    await saveDefinition(page, 'form.facilities.bench');
    await fillDispatchedItem(page, {
      id: 'item.facilities.bench', directory: 'dir.facilities', code: '9200000001', name: '座椅损坏', nameEn: 'Damaged bench',
      form: 'form.facilities.bench', domain: 'facilities', overallLimit: 'tl.overall.1nd',
    });
    expect(await label(page, 'root_directory')).toMatch(/directory/i);
    await screenshot(page, 'studio-en-new-item');
    await saveDefinition(page, 'item.facilities.bench');

    await publishDrafts(page, 2);
    await screenshot(page, 'studio-en-published');
  });

  it('registers a ticket of the new item from the English workbench form: its English names, the personalised required and conditional fields', async () => {
    await wb.as('zjg.acceptor', async (p) => {
      await p.goto('/register');
      // the item search finds the new item by its English name; its personalised form joins in English
      await fillRegistration(p, {
        domain: 'Public facilities', title: 'Broken bench on Dongqiao Road', channel: 'Phone', address: '东桥路 12 号', method: 'Send to dispatch', opinion: 'Please repair',
        item: { option: 'Damaged bench（9200000001）', search: 'bench' },
      }, 'en-US');
      await formItem(p, 'Bench type').waitFor();
      expect(await pane(p).textContent()).toContain('Bench damage');
      ticket = await submitWithPersonalisedForm(p, {
        select: { label: 'Bench type', option: 'Wooden' }, toggle: 'Broken', conditional: { label: 'Break details', text: 'Split along the seat' }, shot: 'studio-en-domain-register',
      });
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
