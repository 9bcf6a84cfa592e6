import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { screenshot } from './support/browser.js';
import { assigned, finish } from './support/seedFlow.js';
import { useE2e } from './support/useE2e.js';
import { confirm, fillOpinion, pickDepartments, press } from './support/ticketPage.js';
import { expectListed, openList, openRow, openTab, pickExact, pressRow, taskRow, timeline, Workbench } from './support/workbench.js';

/** Words of the workbench itself (menus, tabs, buttons, dialogs, headers) that an English screen must not show. */
const CHROME = /查看|通过|回访|结案|重派|评价|确定|取消|刷新|导出|时限|事件编号|暂无|待结案|已结案|市民满意度|处置评分|意见|统一/g;

/** SPEC CLS (统一结案) played by clicking in both languages; the tickets reach callback or closing over HTTP. */
describe('module 统一结案 (CLS) by clicking in chromium', () => {
  const { server, browser, api } = useE2e();

  const handled = async (title: string, callbackWanted: boolean) => {
    const id = await assigned(api, title, { handling: 'mainAssist', main: 'zjg.cgj' }, { callbackWanted });
    await finish(api, id, 'zjg.cgj');
    return id;
  };

  it('CLS-1 callback from 事件回访, CLS-2 evaluation from 事件评价, CLS-3 close from 事件结案', async () => {
    const wb = new Workbench(browser, server.url);
    const id = await handled('人民路违规广告牌', true);
    await wb.as('zjg.acceptor', async (page) => {
      await openList(page, '事件回访', 'pending');
      await screenshot(page, 'cls-callback-pending');
      await openRow(page, id);
      await press(page, 'ticket-actions', 'cb.submit');
      await pickExact(page, 'satisfaction', '满意');
      await fillOpinion(page, '市民表示满意');
      await screenshot(page, 'cls-dialog-callback');
      await confirm(page, 'closing');
      await page.goto('/');
      await openList(page, '事件回访', 'done');
      await expectListed(page, id);
      await openList(page, '事件评价', 'pending');
      await pressRow(page, id, 'eval.submit');
      await page.locator('#action_score').fill('5');
      await fillOpinion(page, '处置及时');
      await screenshot(page, 'cls-dialog-evaluation');
      await confirm(page);
      await expectListed(page, id, false);
      await openTab(page, 'done');
      await expectListed(page, id);
    });
    await wb.as('zjg.shiftleader', async (page) => {
      await openList(page, '事件结案', 'pending');
      await openRow(page, id);
      await press(page, 'ticket-actions', 'cls.close');
      await fillOpinion(page, '结案');
      await confirm(page, 'closed');
      expect(await timeline(page)).toEqual(expect.arrayContaining(['cb.submit', 'eval.submit', 'cls.close']));
      await page.goto('/');
      await openList(page, '事件结案', 'closed');
      await expectListed(page, id);
    });
  });

  it('CLS-3 reassign (重派) from 事件结案: the new department handles, its result decides again, then the ticket is closed', async () => {
    const wb = new Workbench(browser, server.url);
    const id = await handled('沙洲路违规广告牌', false);
    await wb.as('zjg.shiftleader', async (page) => {
      await openList(page, '事件结案', 'pending');
      await openRow(page, id);
      await press(page, 'ticket-actions', 'cls.reassign');
      await pickDepartments(page, 'main', ['张家港市住房和城乡建设局']);
      await fillOpinion(page, '整改不彻底，重派');
      await screenshot(page, 'cls-dialog-reassign');
      await confirm(page, 'handling');
      expect(await taskRow(page, 'zjg.zjj').getAttribute('data-node')).toBe('pending');
    });
    await finish(api, id, 'zjg.zjj');
    await wb.as('zjg.shiftleader', async (page) => {
      await openList(page, '事件结案', 'pending');
      await openRow(page, id);
      await press(page, 'ticket-actions', 'cls.close');
      await confirm(page, 'closed');
    });
  });

  it('X-4 CLS-1..3 in English: menu, tabs, buttons and dialogs speak English', async () => {
    const wb = new Workbench(browser, server.url, 'en-US');
    const id = await handled('Billboard on Renmin Road', true);
    const english = async (page: Page) => {
      // ticket data (descriptions, opinions, department names) stays Chinese; the workbench's own words must not
      const text = await page.locator('body').innerText();
      expect(text.match(CHROME), 'Chinese workbench text on an English screen').toBeNull();
    };
    await wb.as('zjg.acceptor', async (page) => {
      expect(await page.getByTestId('main-menu').textContent()).toContain('Unified closing');
      await openList(page, 'Callback', 'pending');
      expect(await page.getByTestId('tab-done').textContent()).toContain('Called back');
      await english(page);
      await openRow(page, id);
      expect(await page.getByTestId('ticket-actions').locator('button[data-button="cb.submit"]').textContent()).toContain('Record callback');
      await press(page, 'ticket-actions', 'cb.submit');
      const dialog = page.getByTestId('action-dialog');
      expect(await dialog.textContent()).toContain('Citizen satisfaction');
      expect(await dialog.textContent()).toContain('Callback record');
      await pickExact(page, 'satisfaction', 'Satisfied');
      await fillOpinion(page, 'The citizen is satisfied');
      await screenshot(page, 'cls-dialog-callback-en');
      await english(page);
      await confirm(page, 'closing');
      await page.goto('/');
      await openList(page, 'Evaluation', 'pending');
      await pressRow(page, id, 'eval.submit');
      expect(await page.getByTestId('action-dialog').textContent()).toContain('Handling score');
      await page.locator('#action_score').fill('4');
      await english(page);
      await confirm(page);
    });
    await wb.as('zjg.shiftleader', async (page) => {
      await openList(page, 'Closing', 'pending');
      await screenshot(page, 'cls-closing-en');
      await english(page);
      await openRow(page, id);
      const bar = page.getByTestId('ticket-actions');
      expect(await bar.locator('button[data-button="cls.close"]').textContent()).toBe('Close');
      expect(await bar.locator('button[data-button="cls.reassign"]').textContent()).toBe('Reassign');
      await press(page, 'ticket-actions', 'cls.close');
      await english(page);
      await confirm(page, 'closed');
      expect(await page.getByTestId('ticket-status').textContent()).toMatch(/^[A-Za-z ]+$/);
      await screenshot(page, 'cls-closed-en');
    });
  });
});
