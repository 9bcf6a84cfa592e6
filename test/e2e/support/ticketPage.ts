import { expect } from 'vitest';
import type { Page } from 'playwright-core';
import { login, screenshot } from './browser.js';
import { closeDropdowns, pick, untilStill } from './selects.js';

export { untilStill };

/** Signs in as `user` and opens the ticket's detail page from its URL. */
export async function openTicket(page: Page, user: string, id: string): Promise<void> {
  await login(page, user, `/tickets/${id}`);
  await page.getByTestId('ticket-page').waitFor();
}

/** The detail's current node (data-node on the page), for polling after an action. */
export function ticketNode(page: Page): Promise<string | null> {
  return page.getByTestId('ticket-page').getAttribute('data-node');
}

/** Presses a button in a button bar (`ticket-actions`, `task-actions-<department>`, `application-actions-<kind>-<department>`) and waits for its dialog. */
export async function press(page: Page, bar: string, button: string): Promise<void> {
  await page.getByTestId(bar).locator(`button[data-button="${button}"]`).click();
  await page.locator(`[data-testid=action-dialog-body][data-button="${button}"]`).waitFor();
}

/** Picks departments by their full name in a department tree picker of the dialog. */
export async function pickDepartments(page: Page, field: string, names: string[]): Promise<void> {
  const picker = page.getByTestId(`picker-action_${field}`);
  for (const name of names) {
    await picker.click();
    await page.keyboard.type(name);
    await untilStill(page);
    await page.locator('.ant-select-dropdown:visible .ant-select-tree-node-content-wrapper').filter({ hasText: name }).first().click();
    await page.keyboard.press('Escape');
    await expect.poll(() => picker.textContent()).toContain(name);
    await closeDropdowns(page);
  }
}

/** Picks an option of an antd select in the dialog (RJSF enum select or an org select). */
export async function pickOption(page: Page, field: string, label: string): Promise<void> {
  const select = page.locator('.ant-select').filter({ has: page.locator(`#action_${field}`) }).first();
  await pick(page, {
    open: () => select.click(),
    option: page.locator('.ant-select-dropdown:visible .ant-select-item-option').filter({ hasText: label }).first(),
    shown: select, label, name: field,
  });
}

export async function fillOpinion(page: Page, text: string): Promise<void> {
  await page.locator('#action-opinion').fill(text);
}

/** Presses OK and waits for the dialog to close and the page to show `node` (the ticket's node after the action), if given. */
export async function confirm(page: Page, node?: string): Promise<void> {
  await untilStill(page);
  await page.getByTestId('action-ok').click();
  try {
    await page.locator('[data-testid=action-dialog-body]').waitFor({ state: 'detached' });
  } catch (e) {
    await screenshot(page, 'failed-dialog');
    throw e;
  }
  if (node) await expect.poll(() => ticketNode(page)).toBe(node);
}

/**
 * Waits until no antd dialog is still animating in: a click on a button that is still moving can miss
 * it, and the dialog then stays open with nothing sent (seen on a busy machine).
 */
