import { expect } from 'vitest';
import type { Locator, Page } from 'playwright-core';

/** Steps of the handling module's browser tests (统一处置, HND-1/HND-5) that the shared helpers do not cover. */

/** The nodes (data-node) of the ticket's applications of a kind, newest first, optionally only those whose row names `applicant` (the department's name). */
export async function applicationNodes(page: Page, kind: string, applicant?: string): Promise<string[]> {
  const rows = page.getByTestId('ticket-applications').locator(`tr[data-kind="${kind}"]`);
  return (applicant ? rows.filter({ hasText: applicant }) : rows).evaluateAll((els) => els.map((e) => e.getAttribute('data-node') ?? ''));
}

/** The newest application row of a kind on the detail page. */
export const newestApplication = (page: Page, kind: string): Locator => page.getByTestId('ticket-applications').locator(`tr[data-kind="${kind}"]`).first();

/** Opens the message centre from the bell and waits until it lists a message containing `text`; returns the table. */
export async function expectMessage(page: Page, text: string): Promise<Locator> {
  await page.getByTestId('message-bell').click();
  const table = page.getByTestId('messages-table');
  await expect.poll(async () => {
    if (!(await table.textContent())?.includes(text)) {
      // the outbox delivers within a second or two: look again
      await page.reload();
      await table.waitFor();
    }
    return table.textContent();
  }, { timeout: 15_000 }).toContain(text);
  return table;
}
