import { readFile } from 'node:fs/promises';
import ExcelJS from 'exceljs';
import PizZip from 'pizzip';
import { describe, expect, it } from 'vitest';
import { login, newPage, screenshot } from './support/browser.js';
import { fillRegistration, pane } from './support/registerForm.js';
import { openTicket } from './support/ticketPage.js';
import { useE2e } from './support/useE2e.js';

const CJK = /[\u4e00-\u9fff]/;

/**
 * Texts the server writes, read in the en-US workbench: 消息中心 messages worded by the client
 * from their language-free subject (old messages too), grid names (ORG-4), the item's handling
 * standard at registration, and the xlsx / docx exports in the UI language.
 */
describe('server texts in the English workbench (chromium)', () => {
  const { server, browser, api } = useE2e();
  let ticket = { id: '', number: '' };

  it('X-2 messages: an urge, a rejected return application and an old message read in English', async () => {
    ticket = await api.register('zjg.acceptor', { title: 'Billboard at the Dongqiao crossing' });
    await api.act('zjg.dispatcher', ticket.id, { button: 'dsp.assign', opinion: 'For city management', payload: { handling: 'mainAssist', main: 'zjg.cgj' } });
    await api.act('zjg.acceptor', ticket.id, { button: 'ticket.urge', opinion: 'Please hurry' });
    const task = (await api.detail('zjg.cgj.handler', ticket.id)).tasks.find((t) => t.department === 'zjg.cgj')!;
    await api.act('zjg.cgj.handler', ticket.id, { button: 'task.return', target: { kind: 'task', id: task.id }, opinion: 'Not ours' });
    const application = (await api.detail('zjg.shiftleader', ticket.id)).applications.find((a) => a.kind === 'return')!;
    await api.act('zjg.shiftleader', ticket.id, { button: 'app.reject', target: { kind: 'application', id: application.id }, opinion: 'It is yours' });
    // a message written before messages carried their subject: only the Chinese title
    await server.app.services.knex('messages').insert({
      id: 'old-rejection', user_id: 'zjg.cgj.handler', ticket_id: ticket.id, kind: 'rejection', title: `驳回：延期申请未通过 ${ticket.number} 旧的违规广告牌`,
      body: JSON.stringify({ type: 'notify', reason: 'application:applicant', data: { kind: 'extension' } }), created_at: Date.now() - 86_400_000, read_at: null,
    });

    const page = await newPage(browser, server.url, 'en-US');
    await login(page, 'zjg.cgj.handler', '/messages');
    const table = page.getByTestId('messages-table');
    const texts = () => table.getByTestId('message-text').allTextContents();
    await expect.poll(texts, { timeout: 20_000 }).toEqual(expect.arrayContaining([
      `Return application not approved: ${ticket.number} Billboard at the Dongqiao crossing`,
      `${ticket.number} Billboard at the Dongqiao crossing`,
      `Extension application not approved: ${ticket.number} 旧的违规广告牌`,
    ]));
    const all = (await table.textContent())!;
    expect(all).toContain('Urge');
    expect(all).toContain('Rejection');
    // the only Chinese left is the old ticket's own title
    expect(all.replace('旧的违规广告牌', '')).not.toMatch(CJK);
    await screenshot(page, 'english-messages');

    // the same messages in Chinese
    await page.getByTestId('lang-switch').getByText('中文').click();
    await expect.poll(texts).toEqual(expect.arrayContaining([
      `退回申请未通过 ${ticket.number} Billboard at the Dongqiao crossing`,
      `延期申请未通过 ${ticket.number} 旧的违规广告牌`,
    ]));
  });

  it('ORG-4/X-4 the ticket detail names its grid in English and exports an English docx', async () => {
    const page = await newPage(browser, server.url, 'en-US');
    await openTicket(page, 'zjg.acceptor', ticket.id);
    await expect.poll(() => page.getByTestId('ticket-header').textContent()).toContain('Dongqiao Community Grid 1');
    expect(await page.getByTestId('ticket-header').textContent()).not.toContain('东桥社区第1网格');
    await screenshot(page, 'english-ticket-detail');
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('ticket-export').click()]);
    expect(download.suggestedFilename()).toBe(`${ticket.number}-details.docx`);
    const xml = new PizZip(await readFile((await download.path())!)).file('word/document.xml')!.asText().replace(/<[^>]+>/g, ' ');
    for (const expected of ['Ticket details', 'Unauthorised outdoor advertising', 'Dongqiao Community Grid 1', 'Phone']) expect(xml, expected).toContain(expected);
    expect(xml).not.toContain('详情页事件信息');
  });

  it('X-4 a list exported from the English workbench has English column titles and values', async () => {
    const page = await newPage(browser, server.url, 'en-US');
    await login(page, 'zjg.dispatcher', '/views/view.dsp.dispatch/dispatched');
    await page.locator(`tr[data-ticket="${ticket.id}"]`).waitFor();
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('toolbar-list.export').click()]);
    expect(download.suggestedFilename()).toBe('Dispatch-Dispatched.xlsx');
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(await readFile((await download.path())!) as unknown as ArrayBuffer);
    const sheet = book.worksheets[0]!;
    const header = (sheet.getRow(1).values as unknown[]).slice(1).map(String);
    expect(header).toEqual(expect.arrayContaining(['Ticket number', 'Title', 'Item', 'Channel', 'Status', 'Time limit']));
    const row = [...Array(sheet.rowCount - 1).keys()].map((i) => (sheet.getRow(i + 2).values as unknown[]).slice(1)).find((r) => r.includes(ticket.number))!;
    const cell = (title: string) => String(row[header.indexOf(title)]);
    expect(cell('Item')).toBe('Unauthorised outdoor advertising');
    expect(cell('Channel')).toBe('Phone');
    expect(cell('Status')).not.toMatch(CJK);
    expect(cell('Time limit')).not.toMatch(CJK);
  });

  it('ACC-1 registration in English: grids by their English names, the item\u2019s handling standard in English', async () => {
    const page = await newPage(browser, server.url, 'en-US');
    await login(page, 'zjg.acceptor', '/register');
    await fillRegistration(page, { title: 'Billboard on Dongqiao Road', channel: 'Phone', address: '东桥路 12 号' }, 'en-US');
    expect(await pane(page).getByTestId(/picker-.*_grid$/).textContent()).toContain('Dongqiao Community Grid 1');
    const info = pane(page).getByTestId('item-info');
    await expect.poll(() => info.getByTestId('handling-standard').textContent()).toContain('Within 3 working days verify who put it up');
    expect(await info.getByTestId('item-description').textContent()).toContain('Large outdoor ads');
    expect(await info.textContent()).not.toMatch(CJK);
    // the grid picker lists the center's grids in English, grouped by community
    await pane(page).getByTestId(/picker-.*_grid$/).click();
    const dropdown = page.locator('.ant-select-dropdown:visible');
    await expect.poll(() => dropdown.textContent()).toContain('Dongqiao Community Grid 2');
    expect(await dropdown.textContent()).not.toMatch(CJK);
    await screenshot(page, 'english-register-grids');
    await page.keyboard.press('Escape');
    await screenshot(page, 'english-register-item-info');
  });
});
