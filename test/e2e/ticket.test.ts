import { readFile } from 'node:fs/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { launchBrowser, newPage, screenshot } from './support/browser.js';
import { startE2eServer, type E2eServer } from './support/server.js';
import { TicketApi } from './support/ticketApi.js';
import { openTicket, press, ticketNode } from './support/ticketPage.js';

describe('ticket detail in chromium', () => {
  let server: E2eServer;
  let browser: Browser;
  let api: TicketApi;
  let id: string;
  let number: string;
  let pending: string;
  beforeAll(async () => {
    server = await startE2eServer();
    browser = await launchBrowser();
    api = new TicketApi(server.url);
    const note = await api.upload('zjg.acceptor', '现场说明.txt', '广告牌位于东桥路口东北角');
    ({ id, number } = await api.register('zjg.acceptor', { title: '东桥路口违规广告牌', urgency: 'urgent', attachments: [note] }));
    ({ id: pending } = await api.register('zjg.acceptor', { title: '待分拨的事件' }));
    await api.act('zjg.dispatcher', id, { button: 'dsp.assign', opinion: '请城管局主办，生态环境局协办', payload: { handling: 'mainAssist', main: 'zjg.cgj', assists: ['zjg.sthj'], cc: ['zjg.gaj'] } });
  });
  afterAll(async () => {
    await browser?.close();
    await server?.dispose();
  });

  it('X-1/X-5 shows the form fields with their titles, the deadlines with their explanation and the flow timeline', async () => {
    const page = await newPage(browser, server.url);
    await openTicket(page, 'zjg.dispatcher', id);
    const header = page.getByTestId('ticket-header');
    expect(await page.getByTestId('ticket-number').textContent()).toContain(number);
    expect(await page.getByTestId('ticket-title').textContent()).toBe('东桥路口违规广告牌');
    expect(await page.getByTestId('ticket-status').textContent()).toBe('待处置');
    expect(await header.textContent()).toContain('紧急');
    // fields with the default form's titles and labels
    const fields = page.getByTestId('ticket-fields');
    expect(await fields.textContent()).toContain('事件描述');
    expect(await fields.locator('[data-field=channel]').textContent()).toBe('电话');
    expect(await fields.locator('[data-field=eventType]').textContent()).toBe('投诉');
    expect(await fields.locator('[data-field=item]').textContent()).toBe('违规设置户外广告');
    // the center that holds the ticket sees the reporter in full
    expect(await page.getByTestId('ticket-reporter').getAttribute('data-visibility')).toBe('full');
    expect(await page.getByTestId('ticket-reporter').locator('[data-field=reporterPhone]').textContent()).toBe('13812345678');
    // tasks per department
    const tasks = page.getByTestId('ticket-tasks');
    expect(await tasks.locator('tr[data-department="zjg.cgj"]').textContent()).toContain('主办');
    expect(await tasks.locator('tr[data-department="zjg.sthj"]').textContent()).toContain('协办');
    // the overall deadline with the engine's explanation, in Chinese
    const sla = page.getByTestId('ticket-sla');
    expect(await sla.getByTestId('clock-overall').getAttribute('data-state')).toBe('normal');
    await sla.getByTestId('sla-explanation').getByText('时限说明 · 总时限').click();
    await expect.poll(() => sla.getByTestId('sla-explanation').textContent()).toMatch(/时限 \d+ 个工作日[\s\S]*到期/);
    // 工单流转: newest first, with actor and opinion
    const items = page.getByTestId('ticket-timeline').getByTestId('timeline-item');
    expect(await items.count()).toBe(2);
    expect(await items.first().getAttribute('data-event')).toBe('dsp.assign');
    expect(await items.first().textContent()).toContain('请城管局主办，生态环境局协办');
    expect(await items.first().textContent()).toContain('姚振华'); // zjg.dispatcher, by name
    expect(await items.first().textContent()).toContain('事件分拨 → 事件处置');
    await screenshot(page, 'ticket-detail-zh');
    await page.getByTestId('ticket-timeline').screenshot({ path: 'test/.artifacts/screenshots/ticket-timeline.png' });
  });

  it('X-3 a handling unit sees the reporter masked, and only its own task\u2019s buttons', async () => {
    const page = await newPage(browser, server.url);
    await openTicket(page, 'zjg.sthj.handler', id);
    const reporter = page.getByTestId('ticket-reporter');
    expect(await reporter.getAttribute('data-visibility')).toBe('masked');
    expect(await reporter.locator('[data-field=reporterPhone]').textContent()).not.toContain('12345678');
    expect(await page.getByTestId('task-actions-zjg.sthj').locator('button[data-button="task.complete"]').count()).toBe(1);
    expect(await page.getByTestId('task-actions-zjg.cgj').count()).toBe(0);
    // HND-1: an assisting unit may not suspend — shown disabled with the rule's reason, not hidden
    const suspend = page.getByTestId('task-actions-zjg.sthj').locator('button[data-button="task.applySuspension"]');
    expect(await suspend.isDisabled()).toBe(true);
    expect(await page.getByTestId('task-actions-zjg.sthj').locator('[data-reason]').first().getAttribute('data-reason')).toBe('协办单位及其下级单位不能申请挂账');
  });

  it('shows the detail in English with the explanation in English', async () => {
    const page = await newPage(browser, server.url, 'en-US');
    await openTicket(page, 'zjg.dispatcher', id);
    expect(await page.getByTestId('ticket-status').textContent()).toBe('In handling');
    expect(await page.getByTestId('ticket-tasks').textContent()).toContain('Main');
    // X-4 the item and the flow's nodes by their English names (nameEn), not the Chinese ones
    expect(await page.getByTestId('ticket-header').textContent()).toContain('Unauthorised outdoor advertising');
    expect(await page.getByTestId('ticket-fields').locator('[data-field=item]').textContent()).toBe('Unauthorised outdoor advertising');
    const moved = page.getByTestId('ticket-timeline').locator('[data-event="dsp.assign"]');
    expect(await moved.textContent()).toContain('Dispatch → Handling');
    expect(await page.getByTestId('ticket-timeline').textContent()).not.toMatch(/事件分拨|事件处置|违规设置户外广告/);
    // and the departments by theirs (people's names stay as they are)
    expect(await page.getByTestId('ticket-tasks').locator('tr[data-department="zjg.cgj"]').textContent()).toContain('Zhangjiagang Urban Management Bureau');
    expect(await page.getByTestId('user-center').textContent()).toBe('Zhangjiagang');
    await page.getByTestId('sla-explanation').getByText('How the deadline is computed · Overall limit').click();
    await expect.poll(() => page.getByTestId('sla-explanation').textContent()).toMatch(/Limit: \d+ working days[\s\S]*Due/);
    await screenshot(page, 'ticket-detail-en');
  });

  it('generates the English dialog from the button type and refuses to send it incomplete', async () => {
    const page = await newPage(browser, server.url, 'en-US');
    await openTicket(page, 'zjg.dispatcher', pending);
    await press(page, 'ticket-actions', 'dsp.assign');
    const dialog = page.getByTestId('action-dialog-body');
    expect(await page.locator('.ant-modal-title').textContent()).toBe('Assign departments');
    expect(await dialog.textContent()).toContain('Main department');
    expect(await dialog.textContent()).toContain('Handling opinion');
    expect(await dialog.textContent()).not.toContain('多部门（多选）');
    await page.getByTestId('action-ok').click();
    await expect.poll(() => dialog.textContent()).toContain('Please enter the Handling opinion');
    expect(await dialog.textContent()).toContain('must have required property');
    // the branch not chosen (多部门) does not complain
    expect(await dialog.textContent()).not.toMatch(/oneOf|allowed values/);
    await screenshot(page, 'dialog-assign-en');
    await page.keyboard.press('Escape');
    expect(await ticketNode(page)).toBe('dispatch');
  });

  it('HND-6/REV-3 warns the reviewer when an extension would pass the ticket’s due time', async () => {
    const { id: long } = await api.register('zjg.acceptor', { title: '需长期整改的违规广告' });
    await api.act('zjg.dispatcher', long, { button: 'dsp.assign', opinion: '请处理', payload: { handling: 'mainAssist', main: 'zjg.cgj' } });
    const task = (await api.detail('zjg.cgj.handler', long)).tasks[0]!.id;
    await api.act('zjg.cgj.handler', long, { button: 'task.applyExtension', target: { kind: 'task', id: task }, opinion: '需整体改造', payload: { amount: 30, unit: 'workDay' } });
    const page = await newPage(browser, server.url);
    await openTicket(page, 'zjg.shiftleader', long);
    expect(await page.getByTestId('ticket-applications').getByTestId('extension-warning').textContent()).toBe('注：该部门延期后时间将大于事件到期时间');
    await press(page, 'application-actions-extension-zjg.cgj', 'app.approve');
    expect(await page.getByTestId('hint-exceeds').textContent()).toBe('注：该部门延期后时间将大于事件到期时间');
    expect(await page.getByTestId('hint-application').textContent()).toContain('延期 30 工作日');
  });

  it('ACC-1 downloads the ticket’s attachments under their names', async () => {
    const page = await newPage(browser, server.url);
    await openTicket(page, 'zjg.dispatcher', id);
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('ticket-attachments').locator('button[data-attachment]').first().click()]);
    expect(download.suggestedFilename()).toBe('现场说明.txt');
    expect((await readFile((await download.path())!)).toString()).toBe('广告牌位于东桥路口东北角');
  });

  it('X-4 exports the ticket through the docx template', async () => {
    const page = await newPage(browser, server.url);
    await openTicket(page, 'zjg.dispatcher', id);
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('ticket-export').click()]);
    expect(download.suggestedFilename()).toMatch(/\.docx$/);
    const bytes = await readFile((await download.path())!);
    expect(bytes.subarray(0, 2).toString()).toBe('PK');
  });
});
