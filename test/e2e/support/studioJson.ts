import { expect } from 'vitest';
import type { Page } from 'playwright-core';
import { DEMO_PASSWORD } from './server.js';
import { choose, saveDefinition } from './studio.js';

/** Replaces the text of the editor's JSON tab by pasting `definition` (typed keys would meet monaco's auto-closing). */
export async function pasteJson(page: Page, definition: unknown): Promise<void> {
  await page.getByRole('tab', { name: 'JSON' }).click();
  const lines = page.getByTestId('json-editor').locator('.monaco-editor .view-lines');
  await lines.waitFor();
  await lines.click();
  await page.keyboard.press('Control+A');
  await page.evaluate((text) => navigator.clipboard.writeText(text), JSON.stringify(definition, null, 2));
  await page.keyboard.press('Control+V');
  const id = (definition as { id?: string }).id;
  // monaco renders only the lines in view: back to the top, where the id is
  await page.keyboard.press('Control+Home');
  if (id) await expect.poll(() => lines.textContent()).toContain(id);
  await expect.poll(() => page.getByTestId('json-parse-error').count()).toBe(0);
}

/** Creates a definition in the studio's "new" editor by pasting it into the JSON tab, and saves it. */
export async function createAsJson(page: Page, kind: string, definition: { id: string } & Record<string, unknown>, pkg = 'linkage'): Promise<void> {
  await page.goto(`/studio/kinds/${kind}/new`);
  await page.getByTestId('definition-form').waitFor();
  await choose(page, 'package-select', pkg);
  await pasteJson(page, definition);
  await saveDefinition(page, definition.id);
}

/** Publishes the drafts from the publish page and waits for version `version`. */
export async function publishDrafts(page: Page, version: number): Promise<void> {
  await page.goto('/studio/publish');
  await page.getByTestId('diff-table').waitFor();
  await page.getByTestId('publish').click();
  await page.getByTestId('publish-confirm').click();
  await expect.poll(() => page.getByTestId('published').textContent()).toContain(`V${version}`);
}

/** A bearer header for a demo user, for reading what the screens under test did. */
export async function bearer(page: Page, user: string): Promise<{ authorization: string }> {
  const res = await page.request.post('/api/auth/login', { data: { login: user, password: DEMO_PASSWORD } });
  const { token } = await res.json() as { token: string };
  return { authorization: `Bearer ${token}` };
}
