import type { Page } from 'playwright-core';

/** Fills an RJSF text or number input by its id (`root_name`, `root_dispatch_0_region` …). */
export async function fill(page: Page, id: string, value: string): Promise<void> {
  await page.locator(`#${id}`).fill(value);
}

/** Chooses an option of an antd select (RJSF enum or a definition picker) by typing and picking the matching option. */
export async function choose(page: Page, id: string, option: string): Promise<void> {
  const input = page.locator(`#${id}`);
  await input.click();
  // the dropdown holding this select's listbox (antd renders closed dropdowns of other selects too)
  const dropdown = page.locator('.ant-select-dropdown').filter({ has: page.locator(`[id="${id}_list"]`) });
  await dropdown.waitFor();
  if (await input.getAttribute('readonly') === null) await input.fill(option);
  await dropdown.locator('.ant-select-item-option').filter({ hasText: option }).first().click();
  await page.keyboard.press('Escape');
  await input.evaluate((e) => (e as HTMLElement).blur());
  await dropdown.waitFor({ state: 'hidden' });
}

/** Waits until no antd dialog or drawer is still animating in (screenshots show them whole). */
export async function settled(page: Page): Promise<void> {
  await page.locator('[class*="-appear-active"], [class*="-enter-active"]').first().waitFor({ state: 'detached' });
}

/** Adds an element to an RJSF array field. */
export async function addItem(page: Page, arrayId: string): Promise<void> {
  await page.locator(`#${arrayId}__add`).click();
}

/** Saves the open definition and waits for the success message naming it. */
export async function saveDefinition(page: Page, id: string): Promise<void> {
  await page.getByTestId('save').click();
  const done = page.locator('.ant-message-success').filter({ hasText: id }).or(page.locator('.ant-message-error'));
  await done.first().waitFor();
  const error = page.locator('.ant-message-error');
  if (await error.count() > 0) {
    const errors = await page.getByTestId('schema-errors').allTextContents();
    throw new Error(`saving ${id} failed: ${await error.first().textContent()} ${errors.join(' ')}`);
  }
}

/** Opens the "new" editor of a kind in a package. */
export async function newDefinition(page: Page, kind: string, pkg = 'linkage'): Promise<void> {
  await page.goto(`/studio/kinds/${kind}/new`);
  await page.getByTestId('definition-form').waitFor();
  await choose(page, 'package-select', pkg);
}

/** The domain 市政设施 (id municipal, the general flow and default form) and its catalogue directory, through the studio's forms. */
export async function createMunicipalDomain(page: Page): Promise<void> {
  await newDefinition(page, 'domain');
  await fill(page, 'root_id', 'municipal');
  await fill(page, 'root_name', '市政设施');
  await choose(page, 'root_flow', 'flow.linkage');
  await choose(page, 'root_form', 'form.default');
  await saveDefinition(page, 'municipal');

  await newDefinition(page, 'catalogueDirectory');
  await fill(page, 'root_id', 'dir.municipal');
  await fill(page, 'root_name', '市政设施');
  await saveDefinition(page, 'dir.municipal');
}
