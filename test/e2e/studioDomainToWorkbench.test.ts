import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { launchBrowser, login, newPage, screenshot } from './support/browser.js';
import { startE2eServer, type E2eServer } from './support/server.js';
import { fillRegistration, formItem, pane, submitWithPersonalisedForm } from './support/registerForm.js';
import { createMunicipalDomain, fillDispatchedItem, fillPersonalForm, saveDefinition, settled } from './support/studio.js';
import { bearer, publishDrafts } from './support/studioJson.js';
import { expectListed, listRow, openList, Workbench } from './support/workbench.js';

const PERSONAL_FIELDS = {
  facilityType: { type: 'string', title: '设施类型', enum: ['路灯', '井盖', '护栏', '其他'] },
  damaged: { type: 'boolean', title: '是否损坏', default: false },
  damageDetail: { type: 'string', title: '损坏情况', maxLength: 500 },
};
const DAMAGE_RULE = { if: { properties: { damaged: { const: true } }, required: ['damaged'] }, then: { required: ['damageDetail'] } };

/** Issue 5: a domain, item, personalised form and dispatch configured in the studio are registered from the workbench form and reach the named departments. */
describe('studio configuration → workbench registration → departments', () => {
  let server: E2eServer;
  let browser: Browser;
  let page: Page;
  let wb: Workbench;
  let ticket: string;

  beforeAll(async () => {
    server = await startE2eServer();
    browser = await launchBrowser();
    page = await newPage(browser, server.url);
    await login(page, 'sz.admin', '/studio/');
    wb = new Workbench(browser, server.url);
  });
  afterAll(async () => {
    await browser?.close();
    await server?.dispose();
  });

  it('configures 市政设施 with the item 路灯损坏, its personalised form and a main + assisting dispatch, and publishes', async () => {
    await createMunicipalDomain(page);

    await fillPersonalForm(page, { id: 'form.municipal.ld', name: '路灯损坏专表', properties: PERSONAL_FIELDS, required: 'facilityType', rule: DAMAGE_RULE });
    await saveDefinition(page, 'form.municipal.ld');
    await fillDispatchedItem(page, { id: 'item.municipal.ld', directory: 'dir.municipal', code: '9100000001', name: '路灯损坏', form: 'form.municipal.ld', domain: 'municipal', overallLimit: 'tl.overall.1nd' });
    await saveDefinition(page, 'item.municipal.ld');

    await publishDrafts(page, 2);
  });

  it('registers a ticket of the new item in the workbench form: domain picker, item search, the personalised required and conditional fields, 送分拨', async () => {
    await wb.as('zjg.acceptor', async (p) => {
      await p.goto('/register');
      // the item search finds the new item; its personalised form joins the ticket form
      await fillRegistration(p, {
        domain: '市政设施', title: '东桥路路灯杆倾斜', channel: '电话', address: '东桥路 12 号', method: '送分拨', opinion: '请城管局处置',
        item: { option: '路灯损坏（9100000001）', search: '路灯' },
      });
      expect(await pane(p).getByTestId(/picker-.*_grid$/).textContent()).toContain('东桥社区第1网格');
      await formItem(p, '设施类型').waitFor();
      // the personalised required field, then the conditional one once the facility is damaged
      ticket = await submitWithPersonalisedForm(p, {
        select: { label: '设施类型', option: '路灯' }, toggle: '是否损坏', conditional: { label: '损坏情况', text: '灯杆倾斜约 15 度，灯罩破损' }, shot: 'studio-domain-register',
      });
    });
    const detail = await (await page.request.get(`/api/tickets/${ticket}`, { headers: await bearer(page, 'zjg.acceptor') })).json() as {
      ticket: { domain: string; item: string; node: string; fields: Record<string, unknown> }; tasks: { department: string; role: string }[];
    };
    expect(detail.ticket).toMatchObject({ domain: 'municipal', item: 'item.municipal.ld', node: 'handling', fields: { facilityType: '路灯', damaged: true, damageDetail: '灯杆倾斜约 15 度，灯罩破损' } });
    expect(detail.tasks.map((t) => [t.department, t.role]).sort()).toEqual([['zjg.cgj', 'main'], ['zjg.zjj', 'assist']]);
  });

  it('shows the task to the handlers of the departments the configuration named, and not to others', async () => {
    for (const [user, role] of [['zjg.cgj.handler', '主办'], ['zjg.zjj.handler', '协办']] as const) {
      await wb.as(user, async (p) => {
        await openList(p, '事件处置', 'pending');
        await expectListed(p, ticket);
        expect(await listRow(p, ticket).textContent()).toContain('路灯损坏');
        expect(await listRow(p, ticket).textContent()).toContain(role);
      });
    }
    await wb.as('zjg.sthj.handler', async (p) => {
      await openList(p, '事件处置', 'pending');
      await p.getByTestId('list-table').waitFor();
      await expectListed(p, ticket, false);
    });
  });
  it('edits time limits, attendance schemes and a workday calendar whose year of holidays and make-up days is imported', async () => {
    const shots = async (p: Page, suffix: string) => {
      await p.goto('/studio/kinds/timeLimit/edit?id=tl.stage.handle');
      await p.getByTestId('definition-form').waitFor();
      await screenshot(p, `studio-time-limit${suffix}`);
      await p.goto('/studio/kinds/attendance/edit?id=standard');
      await p.getByTestId('definition-form').waitFor();
      // 09:00-12:00 and 13:30-17:30 as two time ranges making a 7-hour day
      expect(await p.getByTestId('attendance-periods').locator('.ant-picker-range').count()).toBe(2);
      expect(await p.locator('.ant-form-item').filter({ has: p.getByTestId('attendance-periods') }).last().locator('label').first().textContent()).toMatch(/7 (小时|h)/);
      await screenshot(p, `studio-attendance${suffix}`);
    };
    await shots(page, '');

    await page.goto('/studio/kinds/calendar/edit?id=cn-official');
    const holidays = page.getByTestId('calendar-dates-holidays');
    await holidays.waitFor();
    // one year at a time, the latest first
    const years = await holidays.getByTestId('calendar-years-holidays').locator('.ant-segmented-item').allTextContents();
    expect(years[0]).toMatch(/^20\d\d$/);
    const latest = years[0]!;
    expect(new Set((await holidays.locator('tbody tr.ant-table-row td:first-child').allTextContents()).map((d) => d.slice(0, 4)))).toEqual(new Set([latest]));
    expect(await page.getByTestId('weekend-days').locator('.ant-checkbox-wrapper-checked').allTextContents()).toEqual(['星期六', '星期日']);
    await screenshot(page, 'studio-calendar');

    // a year's holidays pasted (one bad line is named and skipped)
    await holidays.getByTestId('import-holidays').click();
    await page.getByTestId('import-text-holidays').fill(['日期,名称,英文名称', '2031-01-01,元旦,New Year\'s Day', '2031/1/23 春节 Spring Festival', '2031-02-30,春节', '20310124\t春节\tSpring Festival'].join('\n'));
    await expect.poll(() => page.getByTestId('import-parsed').textContent()).toContain('3');
    expect(await page.getByTestId('import-bad-lines').textContent()).toContain('4');
    await settled(page);
    await screenshot(page, 'studio-calendar-import');
    await page.getByTestId('import-ok-holidays').click();
    await expect.poll(() => holidays.locator('tbody tr.ant-table-row td:first-child').allTextContents()).toEqual(['2031-01-01', '2031-01-23', '2031-01-24']);

    const dir = await mkdtemp(join(tmpdir(), 'calendar-'));
    // the make-up working days from a workbook (dates typed as dates or as text)
    const book = new ExcelJS.Workbook();
    book.addWorksheet('2031').addRows([['日期', '名称', '英文名称'], [new Date(Date.UTC(2031, 0, 19)), '春节调休上班', 'Make-up working day'], ['2031-02-08', '春节调休上班', 'Make-up working day']]);
    await book.xlsx.writeFile(join(dir, 'workdays-2031.xlsx'));
    const workdays = page.getByTestId('calendar-dates-workdays');
    await workdays.getByTestId('import-workdays').click();
    const [chooser] = await Promise.all([page.waitForEvent('filechooser'), page.getByTestId('import-file-workdays').click()]);
    await chooser.setFiles(join(dir, 'workdays-2031.xlsx'));
    await expect.poll(() => page.getByTestId('import-parsed').textContent()).toContain('2');
    await page.getByTestId('import-ok-workdays').click();
    await expect.poll(() => workdays.locator('tbody tr.ant-table-row td:first-child').allTextContents()).toEqual(['2031-01-19', '2031-02-08']);
    await rm(dir, { recursive: true, force: true });
    await saveDefinition(page, 'cn-official');

    const saved = await (await page.request.get('/api/definitions/calendar/cn-official', { headers: await bearer(page, 'sz.admin') })).json() as {
      definition: { holidays: { date: string; name: string; nameEn?: string }[]; workdays: { date: string }[] };
    };
    expect(saved.definition.holidays.filter((d) => d.date.startsWith('2031'))).toEqual([
      { date: '2031-01-01', name: '元旦', nameEn: 'New Year\'s Day' }, { date: '2031-01-23', name: '春节', nameEn: 'Spring Festival' }, { date: '2031-01-24', name: '春节', nameEn: 'Spring Festival' },
    ]);
    expect(saved.definition.holidays.filter((d) => d.date.startsWith(latest)).length).toBeGreaterThan(5);
    expect(saved.definition.workdays.filter((d) => d.date.startsWith('2031')).map((d) => d.date)).toEqual(['2031-01-19', '2031-02-08']);

    const en = await newPage(browser, server.url, 'en-US');
    await login(en, 'sz.admin', '/studio/');
    await shots(en, '-en');
    await en.goto('/studio/kinds/calendar/edit?id=cn-official');
    await en.getByTestId('calendar-dates-holidays').waitFor();
    await screenshot(en, 'studio-calendar-en');
    await en.context().close();
  });
});
