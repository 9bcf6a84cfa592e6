import { expect } from 'vitest';
import type { Browser, Locator, Page } from 'playwright-core';
import { login, newPage } from './browser.js';
import { pick } from './selects.js';

/** Plays demo users in the workbench: each `as` signs in on a fresh page, runs the steps and closes the page. */
export class Workbench {
  /** `at`: the server's address, or the server (read when a user signs in, so a suite may make one before beforeAll). */
  constructor(private readonly browser: Browser, private readonly at: string | { readonly url: string }, readonly lang: 'zh-CN' | 'en-US' = 'zh-CN') {}

  async as(user: string, steps: (page: Page) => Promise<void>): Promise<void> {
    const page = await newPage(this.browser, typeof this.at === 'string' ? this.at : this.at.url, this.lang);
    try {
      await login(page, user);
      await steps(page);
    } finally {
      await page.context().close();
    }
  }
}

/** Opens a list from the generated menu by its name and switches to the tab with `tabKey`. */
export async function openList(page: Page, menuName: string, tabKey: string): Promise<void> {
  await page.getByTestId('main-menu').getByText(menuName, { exact: true }).click();
  await page.getByTestId('list-screen').waitFor();
  await openTab(page, tabKey);
}

/** Switches the list's tab; a tab the bar has no room for is chosen from the bar's "more" menu, as a user would. */
export async function openTab(page: Page, tabKey: string): Promise<void> {
  await page.getByTestId('list-tabs').waitFor();
  const tab = page.getByTestId('list-tabs').locator('.ant-tabs-nav-list').getByTestId(`tab-${tabKey}`);
  const inBar = await tab.evaluate((e) => {
    const bar = e.closest('.ant-tabs-nav-wrap')!.getBoundingClientRect();
    const r = e.getBoundingClientRect();
    return r.left >= bar.left && r.right <= bar.right;
  });
  if (inBar) await tab.click();
  else {
    await page.getByTestId('list-tabs').locator('.ant-tabs-nav-more').first().hover();
    await page.locator('.ant-tabs-dropdown:visible').getByTestId(`tab-${tabKey}`).click();
    // the pointer left on the menu can keep it open over the rows (CI lost a row click to it): move away until it closes
    await page.mouse.move(0, 0);
    await page.locator('.ant-tabs-dropdown:visible').first().waitFor({ state: 'hidden' });
  }
  await page.waitForURL(new RegExp(`/${tabKey}$`));
  await page.getByTestId('list-table').locator('.ant-spin-spinning').waitFor({ state: 'detached' });
}

/** The rows of a ticket in the list shown (several when the list holds its tasks or applications), optionally those showing `text`. */
export function listRow(page: Page, ticket: string, text?: string): Locator {
  const rows = page.locator(`tr[data-ticket="${ticket}"]`);
  return text ? rows.filter({ hasText: text }) : rows;
}

/** Waits until the ticket is (or is no longer) listed in the tab shown. */
export async function expectListed(page: Page, ticket: string, listed = true, text?: string): Promise<void> {
  await expect.poll(() => listRow(page, ticket, text).count()).toBe(listed ? 1 : 0);
}

/** Opens the ticket from its row by the row's 查看 button. */
export async function openRow(page: Page, ticket: string, text?: string): Promise<void> {
  await listRow(page, ticket, text).first().getByTestId('row-list.view').click();
  await page.waitForURL(new RegExp(`/tickets/${ticket}$`));
  await page.getByTestId('ticket-page').waitFor();
}

/** Presses a row button of a list (`row-<button>`) and waits for the action dialog. */
export async function pressRow(page: Page, ticket: string, button: string, text?: string): Promise<void> {
  await listRow(page, ticket, text).first().getByTestId(`row-${button}`).click();
  await page.locator('[data-testid=action-dialog-body]').waitFor();
}

export const taskRow = (page: Page, department: string) => page.getByTestId('ticket-tasks').locator(`tr[data-department="${department}"]`);
export const applicationRow = (page: Page, kind: string) => page.getByTestId('ticket-applications').locator(`tr[data-kind="${kind}"]`).first();

/** The events of the ticket's timeline, oldest first, without engine events ($…). */
export async function timeline(page: Page): Promise<string[]> {
  const events = await page.getByTestId('ticket-timeline').getByTestId('timeline-item').evaluateAll((els) => els.map((e) => e.getAttribute('data-event') ?? ''));
  return events.filter((e) => !e.startsWith('$')).reverse();
}

/** Picks an option of a searchable select in the action dialog by typing its label (long lists render only the options in view). */
export async function searchOption(page: Page, field: string, label: string): Promise<void> {
  await pick(page, {
    open: async () => {
      await page.locator(`#action_${field}`).click();
      await page.keyboard.type(label);
    },
    option: page.locator('.ant-select-dropdown:visible .ant-select-item-option').filter({ hasText: label }).first(),
    shown: page.locator('.ant-select').filter({ has: page.locator(`#action_${field}`) }).first(), label, name: field,
  });
}

/** Picks the option whose label is exactly `label` in a select of the action dialog. */
export async function pickExact(page: Page, field: string, label: string): Promise<void> {
  const select = page.locator('.ant-select').filter({ has: page.locator(`#action_${field}`) }).first();
  await pick(page, {
    open: () => select.click(),
    option: page.locator('.ant-select-dropdown:visible .ant-select-item-option').filter({ hasText: new RegExp(`^${label}$`) }).first(),
    shown: select, label, name: field,
  });
}
