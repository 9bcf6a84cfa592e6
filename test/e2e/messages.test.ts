import { describe, expect, it } from 'vitest';
import { login, newPage, screenshot } from './support/browser.js';
import { useE2e } from './support/useE2e.js';

/** an urge reaches the handling department's handler in the message centre, with an unread count. */
describe('message centre in chromium', () => {
  const { server, browser, api } = useE2e();

  it('X-2 the handler sees the urge counted on the bell, opens it, reaches the ticket and marks everything read', async () => {
    const ticket = await api.register('zjg.acceptor', { title: '东桥路口违规广告牌（催办）' });
    await api.act('zjg.dispatcher', ticket.id, { button: 'dsp.assign', opinion: '交办城管', payload: { handling: 'mainAssist', main: 'zjg.cgj' } });
    await api.act('zjg.acceptor', ticket.id, { button: 'ticket.urge', opinion: '群众再次来电，请尽快处理' });

    const page = await newPage(browser, server.url);
    await login(page, 'zjg.cgj.handler');
    const badge = page.getByTestId('message-bell').locator('xpath=..').locator('.ant-badge-count');
    await expect.poll(() => badge.textContent(), { timeout: 10_000 }).toBe('1');
    await page.getByTestId('message-bell').click();
    const table = page.getByTestId('messages-table');
    await expect.poll(() => table.textContent()).toContain(`${ticket.number} 东桥路口违规广告牌（催办）`);
    expect(await table.textContent()).toContain('催办');
    expect(await table.textContent()).toContain('未读');
    await screenshot(page, 'messages-zh');

    await table.getByRole('link').first().click();
    await page.waitForURL(`**/tickets/${ticket.id}`);
    await page.goBack();
    await page.getByRole('button', { name: '全部已读' }).click();
    await expect.poll(() => table.locator('.ant-tag-red').count()).toBe(0);
    await expect.poll(() => badge.count()).toBe(0);

    await page.getByTestId('lang-switch').getByText('EN').click();
    await expect.poll(() => table.textContent()).toContain('Urge');
    await screenshot(page, 'messages-en');
  });
});
