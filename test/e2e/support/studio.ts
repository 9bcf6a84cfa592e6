import type { Page } from 'playwright-core';
import { untilStill as settled } from './selects.js';

/** Waits until no antd dialog or drawer is still animating in (screenshots show them whole). */
export { settled };

/** Fills an RJSF text or number input by its id (`root_name`, `root_dispatch_0_region` …). */
export async function fill(page: Page, id: string, value: string): Promise<void> {
  await page.locator(`#${id}`).fill(value);
}

/** Chooses an option of an antd select (RJSF enum or a definition picker) by typing and picking the matching option. */
export async function choose(page: Page, id: string, option: string): Promise<void> {
  const input = page.locator(`#${id}`);
  const chosen = page.locator('.ant-select').filter({ has: input }).first()
    .locator('.ant-select-content-has-value, .ant-select-selection-item'); // a single or a multiple select's value
  const wasEmpty = await chosen.count() === 0;
  // the dropdown holding this select's listbox (antd renders closed dropdowns of other selects too)
  const dropdown = page.locator('.ant-select-dropdown').filter({ has: page.locator(`[id="${id}_list"]`) });
  for (let attempt = 1; ; attempt++) {
    await input.click();
    await dropdown.waitFor();
    if (await input.getAttribute('readonly') === null) await input.fill(option);
    await settled(page);
    await dropdown.locator('.ant-select-item-option').filter({ hasText: option }).first().click();
    await page.keyboard.press('Escape');
    await input.evaluate((e) => (e as HTMLElement).blur());
    await dropdown.waitFor({ state: 'hidden' });
    // an option clicked while the dropdown still slid in can be missed (CI lost a dispatch mode so): once more
    if (!wasEmpty || await chosen.count() > 0) return;
    if (attempt === 2) throw new Error(`choosing "${option}" in #${id} left it empty`);
  }
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

/** A name in the studio's forms: the Chinese one, and the English one where given. */
async function fillNames(page: Page, name: string, nameEn?: string): Promise<void> {
  await fill(page, 'root_name', name);
  if (nameEn) await fill(page, 'root_nameEn', nameEn);
}

/** A domain on the general flow and default form, and a catalogue directory of the same name, through the studio's forms. */
export async function createDomain(page: Page, d: { id: string; directory: string; name: string; nameEn?: string }): Promise<void> {
  await newDefinition(page, 'domain');
  await fill(page, 'root_id', d.id);
  await fillNames(page, d.name, d.nameEn);
  await choose(page, 'root_flow', 'flow.linkage');
  await choose(page, 'root_form', 'form.default');
  await saveDefinition(page, d.id);

  await newDefinition(page, 'catalogueDirectory');
  await fill(page, 'root_id', d.directory);
  await fillNames(page, d.name, d.nameEn);
  await saveDefinition(page, d.directory);
}

/** The domain 市政设施 (id municipal) and its directory dir.municipal. */
export async function createMunicipalDomain(page: Page): Promise<void> {
  await createDomain(page, { id: 'municipal', directory: 'dir.municipal', name: '市政设施' });
}

/** A new personalised form on the default one: its fields, one required field and one if/then rule (not saved yet). */
export async function fillPersonalForm(page: Page, f: { id: string; name: string; nameEn?: string; properties: object; required: string; rule: object }): Promise<void> {
  await newDefinition(page, 'form');
  await fill(page, 'root_id', f.id);
  await fillNames(page, f.name, f.nameEn);
  await choose(page, 'root_extends', 'form.default');
  await fill(page, 'root_schema_properties', JSON.stringify(f.properties));
  await addItem(page, 'root_schema_required');
  await fill(page, 'root_schema_required_0', f.required);
  await addItem(page, 'root_schema_allOf');
  await fill(page, 'root_schema_allOf_0', JSON.stringify(f.rule));
}

/** A new item with its personalised form and overall limit in one domain, dispatched in 张家港 to 城管局 (main) with 住建局 assisting (not saved yet). */
export async function fillDispatchedItem(page: Page, i: { id: string; directory: string; code: string; name: string; nameEn?: string; form: string; domain: string; overallLimit: string }): Promise<void> {
  await newDefinition(page, 'item');
  await fill(page, 'root_id', i.id);
  await choose(page, 'root_directory', i.directory);
  await fill(page, 'root_code', i.code);
  await fillNames(page, i.name, i.nameEn);
  await choose(page, 'root_form', i.form);
  await addItem(page, 'root_domains');
  await choose(page, 'root_domains_0_domain', i.domain);
  await choose(page, 'root_domains_0_overallLimit', i.overallLimit);
  await addItem(page, 'root_dispatch');
  await choose(page, 'root_dispatch_0_region', 'zjg');
  await choose(page, 'root_dispatch_0_mode', 'departments');
  await choose(page, 'root_dispatch_0_assignment_handling', 'mainAssist');
  await choose(page, 'root_dispatch_0_assignment_main', 'zjg.cgj');
  await choose(page, 'root_dispatch_0_assignment_assists', 'zjg.zjj');
}
