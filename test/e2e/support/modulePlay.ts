import { expect } from 'vitest';
import type { Browser, Locator, Page } from 'playwright-core';
import { login, newPage } from './browser.js';
import type { E2eServer } from './server.js';
import type { TicketApi } from './ticketApi.js';
import { untilStill } from './selects.js';

/** Waits until no antd dialog or drawer is still animating in (screenshots show them whole). */
export { untilStill as settled };

/** Module scenarios: each step signs in as the demo user whose job it is, on a page of its own. */
export class Player {
  constructor(private readonly browser: Browser, private readonly server: E2eServer) {}

  async as(user: string, steps: (page: Page) => Promise<void>, lang: 'zh-CN' | 'en-US' = 'zh-CN'): Promise<void> {
    const page = await newPage(this.browser, this.server.url, lang);
    try {
      await login(page, user);
      await steps(page);
    } finally {
      await page.context().close();
    }
  }
}

/** Opens a list screen from the generated menu by its name (view name). */
export async function openMenu(page: Page, name: string): Promise<void> {
  await page.getByTestId('main-menu').getByText(name, { exact: true }).click();
  await page.getByTestId('list-screen').waitFor();
}

/** Switches the list to another tab and waits for its rows. */
export async function openTab(page: Page, key: string): Promise<void> {
  await page.getByTestId(`tab-${key}`).click();
  await page.waitForURL(new RegExp(`/${key}$`));
}

export const listRow = (page: Page, ticket: string): Locator => page.locator(`tr[data-ticket="${ticket}"]`);

/** Presses a row's button (查看, 编辑, 催办, 恢复 …) in the current list. */
export async function rowPress(page: Page, ticket: string, button: string): Promise<void> {
  await listRow(page, ticket).getByTestId(`row-${button}`).click();
}

/** 查看 on the row: the detail page opens. */
export async function viewFromList(page: Page, ticket: string): Promise<void> {
  await rowPress(page, ticket, 'list.view');
  await page.waitForURL(new RegExp(`/tickets/${ticket}`));
  await page.getByTestId('ticket-page').waitFor();
}

/** Ticks rows for a batch button. */
export async function selectRows(page: Page, tickets: readonly string[]): Promise<void> {
  for (const id of tickets) await listRow(page, id).locator('td.ant-table-selection-column').click();
  await expect.poll(() => page.getByTestId('batch-bar').textContent()).toContain(String(tickets.length));
}

/** OK in a list's action dialog; waits for it to close. */
export async function dialogOk(page: Page): Promise<void> {
  await untilStill(page);
  await page.getByTestId('action-ok').click();
  await page.locator('[data-testid=action-dialog-body]').waitFor({ state: 'detached' });
}

/** Filters the list by the primary text filter (事件编号 / 事件标题) and searches. */
export async function search(page: Page, filter: 'number' | 'title', text: string): Promise<void> {
  await page.getByTestId(`filter-${filter}`).fill(text);
  await page.getByTestId('filter-search').click();
}

/** Picks a user (网格员) in a dialog's user picker by typing part of the name. */
export async function pickUser(page: Page, field: string, name: string): Promise<void> {
  const picker = page.getByTestId(`picker-action_${field}`);
  await picker.click();
  await page.keyboard.type(name);
  await page.locator('.ant-select-dropdown:visible .ant-select-item-option').filter({ hasText: name }).first().click();
  await expect.poll(() => picker.textContent()).toContain(name);
}

/** The events of the ticket's timeline, oldest first, without the engine's own ($…). */
export async function timeline(page: Page): Promise<string[]> {
  const events = await page.getByTestId('ticket-timeline').getByTestId('timeline-item').evaluateAll((els) => els.map((e) => e.getAttribute('data-event') ?? ''));
  return events.filter((e) => !e.startsWith('$')).reverse();
}


/** Registration over HTTP, for preconditions of a step that is not the registration itself. */
export async function registerDirect(api: TicketApi, user: string, o: { title: string; button: string; opinion?: string; grid?: string; address?: string; item?: string; difficult?: boolean; callbackWanted?: boolean; fields?: Record<string, unknown> }): Promise<{ id: string; number: string }> {
  const grid = o.grid ?? 'g.ys.dq.01';
  const item = o.item ?? 'item.wzgg';
  const fields = {
    reportTime: new Date().toISOString(), channel: 'phone', reporterName: '钱七', reporterPhone: '13800003333', reporterGender: '女', title: o.title, description: `${o.title}。`,
    regionCode: '320582', address: o.address ?? '东桥路 30 号', grid, item, eventType: 'complaint', difficult: o.difficult ?? false, ...o.fields,
  };
  const r = await api.call<{ ticket: { id: string; number: string } }>(user, 'POST', '/api/tickets', {
    domain: 'linkage', item, title: o.title, channel: 'phone', grid, difficult: o.difficult ?? false, callbackWanted: o.callbackWanted ?? false,
    fields, button: o.button, ...(o.opinion ? { opinion: o.opinion } : {}),
  });
  return r.ticket;
}

/** 修改 in the edit dialog: waits for it to close, or fails with what the dialog says. */
export async function saveEdit(page: Page): Promise<void> {
  await untilStill(page);
  await page.getByTestId('edit-save').click();
  try {
    await page.getByTestId('edit-dialog').waitFor({ state: 'detached' });
  } catch (e) {
    const errors = await page.getByTestId('edit-dialog').locator('.ant-form-item-explain-error, [data-testid=edit-error]').allInnerTexts();
    throw new Error(`the edit was not saved: ${errors.join(' | ')}`, { cause: e });
  }
}

/** A screenshot of what the screen shows now (a dialog over the page), under test/.artifacts/screenshots/<name>.png. */
export async function viewShot(page: Page, name: string): Promise<void> {
  await page.screenshot({ path: `test/.artifacts/screenshots/${name}.png` });
}

/** A full-page screenshot of a list once its table has stopped loading. */
export async function listShot(page: Page, name: string): Promise<void> {
  await page.locator('[data-testid=list-table] .ant-spin-spinning').first().waitFor({ state: 'detached' });
  await page.screenshot({ path: `test/.artifacts/screenshots/${name}.png`, fullPage: true });
}

/** The count a list tab's badge shows (data-count of the tab label). */
export async function tabCount(page: Page, key: string): Promise<number> {
  return Number(await page.getByTestId(`tab-${key}`).getAttribute('data-count'));
}

/**
 * Opens a department picker of the action dialog, types `name` and returns the tree node showing it
 * (to read whether it is offered); Escape closes the picker again.
 */
export async function departmentNode(page: Page, field: string, name: string): Promise<Locator> {
  await page.getByTestId(`picker-action_${field}`).click();
  // a multiple picker keeps what was typed before: typed over, not added to (Backspace would drop a chosen tag)
  await page.keyboard.press('ControlOrMeta+A');
  await page.keyboard.type(name);
  const node = page.locator('.ant-select-dropdown:visible .ant-select-tree-treenode').filter({ hasText: name }).first();
  await node.waitFor();
  return node;
}

/** Closes an open select dropdown (Escape) and waits until none is shown. */
export async function closeDropdown(page: Page): Promise<void> {
  await page.keyboard.press('Escape');
  await expect.poll(() => page.locator('.ant-select-dropdown:visible').count()).toBe(0);
}

/** An action the server is expected to refuse: its status and error body ({ code, message, messageZh }). */
export async function refusedAction(api: TicketApi, user: string, ticket: string, body: Record<string, unknown>): Promise<{ status: number; code: string; message: string; messageZh: string }> {
  const res = await fetch(`${api.url}/api/tickets/${ticket}/actions`, {
    method: 'POST', headers: { authorization: `Bearer ${await api.token(user)}`, 'content-type': 'application/json' }, body: JSON.stringify(body),
  });
  const json = (await res.json()) as { code: string; message: string; messageZh: string };
  return { status: res.status, ...json };
}
