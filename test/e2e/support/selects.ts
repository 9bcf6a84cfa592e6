import { expect } from 'vitest';
import type { Locator, Page } from 'playwright-core';
import { screenshot } from './browser.js';

/** Waits until no antd motion runs (a dropdown sliding in, a dialog or drawer appearing): a click during one can be lost. */
export async function untilStill(page: Page): Promise<void> {
  await page.locator('[class*="-appear-active"], [class*="-enter-active"]').first().waitFor({ state: 'detached' });
}

const openDropdowns = (page: Page) => page.locator('.ant-select-dropdown:visible');

/** Closes a dropdown still open and waits until none is shown (a closing one still takes clicks meant for the next). */
export async function closeDropdowns(page: Page): Promise<void> {
  if (await openDropdowns(page).count() > 0) await page.keyboard.press('Escape');
  await expect.poll(() => openDropdowns(page).count()).toBe(0);
}

export interface Choice {
  /** Opens the select's dropdown, typing a search first where the select needs one. */
  readonly open: () => Promise<void>;
  /** The option to click once the dropdown is still. */
  readonly option: Locator;
  /** Where the chosen label shows once the choice took. */
  readonly shown: Locator;
  readonly label: string;
  /** Names the screenshot taken when the option cannot be clicked. */
  readonly name: string;
}

/**
 * Picks an option of an antd select or tree select and checks that the choice took; once more if
 * not (an option clicked while its dropdown still slides in can be missed: CI lost 张家港市 of 下派,
 * a 转派 department, 事件类型 and 所属事项 so). A dropdown a late click reopened is closed again.
 */
export async function pick(page: Page, c: Choice): Promise<void> {
  for (let attempt = 1; ; attempt++) {
    try {
      await untilStill(page);
      await c.open();
      await untilStill(page);
      await c.option.click({ timeout: 5000 });
      await expect.poll(() => c.shown.textContent(), { timeout: 5000 }).toContain(c.label);
      break;
    } catch (e) {
      if (attempt === 2) {
        await screenshot(page, `failed-option-${c.name}`);
        throw e;
      }
      await closeDropdowns(page);
    }
  }
  await closeDropdowns(page);
}
