import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { screenshot } from './support/browser.js';
import { dialogOk, listRow, listShot, openMenu, openTab, pickUser, Player, registerDirect, rowPress, saveEdit, search, selectRows, settled, viewShot, timeline, viewFromList } from './support/modulePlay.js';
import { fillRegistration, submitRegistration } from './support/registerForm.js';
import { confirm, fillOpinion, press } from './support/ticketPage.js';
import { useE2e } from './support/useE2e.js';

/** Today in Beijing as the ticket numbers carry it (ACC-11). */
const beijingDate = () => new Date(Date.now() + 8 * 3600_000).toISOString().slice(0, 10).replaceAll('-', '');

/**
 * 统一受理 (SPEC ACC-1..ACC-11) played by clicking in chromium: each step by the demo user whose job
 * it is (杨舍镇 and 凤凰镇 acceptors, shift leader and grid workers; 张家港's acceptance pool).
 */
describe('module 统一受理 by clicking', () => {
  const { server, browser, api } = useE2e();
  const play = new Player(browser, server);

  const history = async (id: string) => (await api.call<{ history: { event: string }[] }>('ys.acceptor', 'GET', `/api/tickets/${id}`)).history.map((h) => h.event);
  const messages = async (user: string, id: string) => (await api.call<{ rows: { kind: string; ticket?: string; ticketId?: string }[] }>(user, 'GET', '/api/messages?pageSize=100')).rows
    .filter((m) => JSON.stringify(m).includes(id)).map((m) => m.kind);
  const changes = (page: Page) => page.getByTestId('ticket-changes').locator('tbody tr').allInnerTexts();

  it('ACC-1/ACC-11/ACC-7/ACC-5: registered with 送核实, urged, verified by the grid worker, found by number, sent to dispatch and urged from 已受理', async () => {
    let t = { id: '', number: '' };
    await play.as('ys.acceptor', async (page) => {
      await openMenu(page, '事件受理');
      await page.getByTestId('toolbar-list.register').click();
      await fillRegistration(page, { title: '东桥路广告牌需核实', channel: '电话', address: '东桥路 66 号', method: '送核实', opinion: '请网格员核实广告牌位置' });
      t = await submitRegistration(page);
    });
    // ACC-11: channel prefix (电话 → DH) + the date + a sequence
    expect(t.number).toMatch(new RegExp(`^DH${beijingDate()}\\d{5}$`));

    await play.as('ys.acceptor', async (page) => {
      await openMenu(page, '事件核实');
      await listRow(page, t.id).waitFor();
      // the grid worker by name, not login
      expect(await listRow(page, t.id).textContent()).toContain('刘红霞');
      // 仅看与我有关: registered by me, so it stays
      await page.getByTestId('only-mine').click();
      await expect.poll(() => page.locator('tr[data-ticket]').count()).toBe(1);
      await listShot(page, 'acc-verification');
      await rowPress(page, t.id, 'ticket.urgeGrid');
      await fillOpinion(page, '请尽快核实');
      await dialogOk(page);
    });
    expect(await history(t.id)).toContain('ticket.urgeGrid');
    expect(await messages('ys.dq.grid', t.id)).toContain('urge');

    await play.as('ys.dq.grid', async (page) => {
      await openMenu(page, '网格核实');
      await viewFromList(page, t.id);
      await press(page, 'ticket-actions', 'ver.submit');
      await page.locator('#action_truthful').check();
      await fillOpinion(page, '现场核实属实，广告牌在路口东北角');
      await settled(page);
      await viewShot(page, 'acc-grid-verify-dialog');
      await confirm(page);
    });

    await play.as('ys.acceptor', async (page) => {
      await openMenu(page, '事件核实');
      await openTab(page, 'verified');
      await listRow(page, t.id).waitFor();
      await openMenu(page, '事件受理');
      await search(page, 'number', t.number);
      await expect.poll(() => page.locator('tr[data-ticket]').count()).toBe(1);
      await viewFromList(page, t.id);
      expect(await timeline(page)).toEqual(['acc.toVerification', 'ticket.urgeGrid', 'ver.submit']);
      await press(page, 'ticket-actions', 'acc.toDispatch');
      await fillOpinion(page, '核实属实，送分拨');
      await confirm(page, 'dispatch');
      await openMenu(page, '事件受理');
      await openTab(page, 'accepted');
      await rowPress(page, t.id, 'ticket.urge');
      await fillOpinion(page, '请尽快分拨');
      await dialogOk(page);
    });
    expect(await messages('ys.dispatcher', t.id)).toContain('urge');
  });

  it('ACC-1 直接答复 at registration: answered on the spot, the ticket is closed without dispatch', async () => {
    let t = { id: '', number: '' };
    await play.as('ys.acceptor', async (page) => {
      await openMenu(page, '事件受理');
      await page.getByTestId('toolbar-list.register').click();
      await fillRegistration(page, { title: '咨询户外广告审批流程', channel: '电话', address: '东桥路 8 号', method: '直接答复', opinion: '已电话告知市民户外广告的审批流程' });
      t = await submitRegistration(page);
    });
    const d = await api.detail('ys.acceptor', t.id);
    expect(d.ticket.node).toBe('closed');
    expect(d.tasks).toEqual([]);
    expect(d.history.map((h) => h.event)).toContain('acc.directReply');
  });

  it('ACC-6 acceptance review: 送审核, the shift leader returns it, the acceptor sends it again, the shift leader sends it to dispatch', async () => {
    let t = { id: '', number: '' };
    await play.as('ys.acceptor', async (page) => {
      await page.getByRole('button', { name: '事件登记' }).click();
      await fillRegistration(page, { title: '西门路占道经营拿不准', channel: '电话', address: '西门路 8 号', method: '送审核', opinion: '拿不准，请值班长定夺' });
      t = await submitRegistration(page);
    });
    await play.as('ys.shiftleader', async (page) => {
      await openMenu(page, '受理审核');
      await listRow(page, t.id).waitFor();
      await listShot(page, 'acc-review-list');
      await viewFromList(page, t.id);
      await press(page, 'ticket-actions', 'accrev.return');
      await fillOpinion(page, '请补充经营摊位数量');
      await confirm(page, 'acceptance');
    });
    await play.as('ys.acceptor', async (page) => {
      await openMenu(page, '事件受理');
      await viewFromList(page, t.id);
      await press(page, 'ticket-actions', 'acc.toReview');
      await fillOpinion(page, '已补充：三个摊位，请审核');
      await confirm(page, 'acceptanceReview');
    });
    await play.as('ys.shiftleader', async (page) => {
      await openMenu(page, '受理审核');
      await viewFromList(page, t.id);
      await press(page, 'ticket-actions', 'acc.toDispatch');
      await fillOpinion(page, '同意分拨');
      await confirm(page, 'dispatch');
      await openMenu(page, '受理审核');
      await openTab(page, 'accepted');
      await listRow(page, t.id).waitFor();
    });
    expect(await history(t.id)).toEqual(['acc.toReview', 'accrev.return', 'acc.toReview', 'acc.toDispatch']);
  });

  it('ACC-8/ACC-5 a draft is saved, found in 事件暂存, edited (change records) and submitted from there', async () => {
    let t = { id: '', number: '' };
    await play.as('ys.acceptor', async (page) => {
      await openMenu(page, '事件暂存');
      await page.getByTestId('toolbar-list.register').click();
      await fillRegistration(page, { title: '东桥新村楼道堆物', channel: '电话', address: '东桥新村 3 幢' });
      t = await submitRegistration(page, 'save-draft');
    });
    await play.as('ys.acceptor', async (page) => {
      await openMenu(page, '事件暂存');
      await listRow(page, t.id).waitFor();
      await listShot(page, 'acc-drafts');
      // 编辑 opens the detail with the ticket's own form, filled
      await rowPress(page, t.id, 'acc.edit');
      await page.getByTestId('edit-dialog').waitFor();
      expect(await page.locator('#edit_title').inputValue()).toBe('东桥新村楼道堆物');
      await page.locator('#edit_title').fill('东桥新村 3 幢楼道堆物');
      await page.locator('#edit_reporterDetailAddress').fill('东桥新村 3 幢 1 单元');
      await settled(page);
      await viewShot(page, 'acc-edit-dialog');
      await saveEdit(page);
      await expect.poll(() => page.getByTestId('ticket-title').textContent()).toBe('东桥新村 3 幢楼道堆物');
      expect(await page.locator('.ant-message').textContent()).toContain('已修改 2 个字段');
      const rows = await changes(page);
      expect(rows).toHaveLength(2);
      expect(rows[0]).toMatch(/事件标题\s+东桥新村楼道堆物\s+东桥新村 3 幢楼道堆物\s+冯敏/);
      expect(rows[1]).toMatch(/详细地址\s+东桥新村 3 幢 1 单元/);
      await screenshot(page, 'acc-changes');
      // submitted from the draft
      await press(page, 'ticket-actions', 'acc.toDispatch');
      await fillOpinion(page, '送分拨');
      await confirm(page, 'dispatch');
      await openMenu(page, '事件暂存');
      await page.getByTestId('list-empty').waitFor();
    });
    expect(await history(t.id)).toEqual(['acc.saveDraft', 'acc.edit', 'acc.toDispatch']);
  });

  it('ACC-5/ACC-9 a grid report is edited at 待受理, returned to its grid worker, reported again, voided and restored to the drafts', async () => {
    let t = { id: '', number: '' };
    await play.as('ys.dq.grid', async (page) => {
      await openMenu(page, '网格核实');
      await page.getByTestId('toolbar-grid.report').click();
      await fillRegistration(page, { title: '东桥路井盖松动', channel: '网格上报', address: '东桥路 20 号', method: '事件上报', opinion: '巡查发现井盖松动' });
      await screenshot(page, 'acc-grid-report');
      // a grid worker reports at once: no 暂存
      expect(await page.getByTestId('save-draft').count()).toBe(0);
      t = await submitRegistration(page);
    });
    // ACC-11: grid reports are numbered WG…
    expect(t.number).toMatch(new RegExp(`^WG${beijingDate()}\\d{5}$`));

    await play.as('ys.acceptor', async (page) => {
      await openMenu(page, '事件受理');
      await rowPress(page, t.id, 'acc.edit');
      await page.getByTestId('edit-dialog').waitFor();
      await page.locator('#edit_description').fill('东桥路 20 号门前井盖松动，车辆经过有异响');
      await saveEdit(page);
      await expect.poll(() => changes(page)).toHaveLength(1);
      await press(page, 'ticket-actions', 'acc.return');
      await fillOpinion(page, '请补充现场照片');
      await confirm(page);
    });
    await play.as('ys.dq.grid', async (page) => {
      await openMenu(page, '网格核实');
      await openTab(page, 'returned');
      await viewFromList(page, t.id);
      await press(page, 'ticket-actions', 'grid.resubmit');
      await fillOpinion(page, '已补充照片');
      await confirm(page);
    });
    await play.as('ys.acceptor', async (page) => {
      await openMenu(page, '事件受理');
      await viewFromList(page, t.id);
      // the change record is shown on the handling page too
      expect((await changes(page)).join()).toContain('事件描述');
      // 编辑 is offered on the detail while the engine allows acc.edit (待受理/暂存), not once voided
      expect(await page.getByTestId('edit-fields').textContent()).toBe('编辑');
      await press(page, 'ticket-actions', 'acc.void');
      expect(await page.getByTestId('action-dialog-body').textContent()).toContain('确认废止该工单？');
      await fillOpinion(page, '重复上报');
      await confirm(page, 'voided');
      expect(await page.getByTestId('edit-fields').count()).toBe(0);
      await openMenu(page, '事件废止');
      await listRow(page, t.id).waitFor();
      await listShot(page, 'acc-voided');
      await rowPress(page, t.id, 'acc.restore');
      await fillOpinion(page, '误废，恢复');
      await dialogOk(page);
      await page.getByTestId('list-empty').waitFor();
      await openMenu(page, '事件暂存');
      await listRow(page, t.id).waitFor();
    });
    expect(await history(t.id)).toEqual(['grid.report', 'acc.edit', 'acc.return', 'grid.resubmit', 'acc.void', 'acc.restore']);
  });

  it('ACC-7 change of grid worker for one verification and for a batch; batch urge', async () => {
    const ids: string[] = [];
    for (const title of ['西张老街违规广告', '西张新村违规广告']) {
      ids.push((await registerDirect(api, 'fh.acceptor', { title, button: 'acc.toVerification', opinion: '请核实', grid: 'g.fh.xz.01', address: '西张老街' })).id);
    }
    const [first, second] = ids as [string, string];
    await play.as('fh.acceptor', async (page) => {
      await openMenu(page, '事件核实');
      await rowPress(page, first, 'ver.changeGridWorker');
      await pickUser(page, 'gridWorker', '张建军');
      await dialogOk(page);
      await expect.poll(() => listRow(page, first).textContent()).toContain('张建军');
      await selectRows(page, [first, second]);
      await page.getByTestId('batch-ticket.urgeGrid').click();
      await fillOpinion(page, '请今天内核实');
      await dialogOk(page);
      await selectRows(page, [first, second]);
      await page.getByTestId('batch-ver.changeGridWorker').click();
      await pickUser(page, 'gridWorker', '张建军');
      await settled(page);
      await viewShot(page, 'acc-change-grid-worker');
      await dialogOk(page);
      await expect.poll(() => listRow(page, second).textContent()).toContain('张建军');
    });
    expect(await messages('fh.xz.grid', second)).toEqual(['urge']);
    await play.as('fh.xz.grid2', async (page) => {
      await openMenu(page, '网格核实');
      for (const id of ids) await listRow(page, id).waitFor();
    });
  });

  it('ACC-10/ACC-5 张家港 extracts a ticket 苏州 handed over from its acceptance pool and returns it to 苏州', async () => {
    // ACC-4 precondition: 苏州's 暴露垃圾 goes to 张家港 by its dispatch configuration
    const t = await registerDirect(api, 'sz.acceptor', { item: 'item.bllj', title: '步行街暴露垃圾', button: 'acc.toDispatch', opinion: '交办张家港', fields: { garbageType: '生活垃圾', dangerousGoods: false } });
    await play.as('zjg.acceptor', async (page) => {
      await openMenu(page, '受理工单池');
      await listRow(page, t.id).waitFor();
      const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('toolbar-list.export').click()]);
      expect(download.suggestedFilename()).toBe('受理工单池-工单池.xlsx');
      await listShot(page, 'acc-pool');
      await page.getByTestId('toolbar-list.extract').click();
      await expect.poll(() => page.locator('.ant-message').textContent()).toContain('已提取 1 条工单');
      await expect.poll(() => listRow(page, t.id).count()).toBe(0);
      await openMenu(page, '事件受理');
      await viewFromList(page, t.id);
      await press(page, 'ticket-actions', 'acc.return');
      await fillOpinion(page, '不属于本市职责');
      await confirm(page);
    });
    const d = await api.detail('sz.dispatcher', t.id);
    expect(d.ticket).toMatchObject({ node: 'dispatch', center: 'sz' });
  });

  it('shows 统一受理 in English: menus, lists, the edit dialog and the void dialog', async () => {
    const t = await registerDirect(api, 'ys.acceptor', { title: 'English draft', button: 'acc.saveDraft' });
    await play.as('ys.acceptor', async (page) => {
      await page.getByTestId('lang-switch').getByText('EN').click();
      const menu = page.getByTestId('main-menu');
      await expect.poll(() => menu.textContent()).toContain('Verification');
      for (const name of ['Acceptance', 'Drafts', 'Voided', 'Acceptance pool']) expect(await menu.textContent()).toContain(name);
      expect(await menu.textContent()).not.toMatch(/[\u4e00-\u9fff]/);
      await openMenu(page, 'Drafts');
      await listRow(page, t.id).waitFor();
      expect(await page.getByTestId('list-table').locator('thead').textContent()).toContain('Ticket number');
      expect(await listRow(page, t.id).textContent()).toContain('Edit');
      await rowPress(page, t.id, 'acc.edit');
      await page.getByTestId('edit-dialog').waitFor();
      const dialog = page.locator('.ant-modal').filter({ has: page.getByTestId('edit-dialog') });
      expect(await dialog.locator('.ant-modal-title').textContent()).toContain('Edit');
      expect(await dialog.textContent()).toContain('change records');
      expect(await dialog.textContent()).toContain('Reporter');
      expect(await dialog.getByTestId('edit-save').textContent()).toBe('Save changes');
      await page.locator('#edit_title').fill('English draft, edited');
      await settled(page);
      await viewShot(page, 'acc-edit-en');
      await saveEdit(page);
      await expect.poll(() => changes(page)).toHaveLength(1);
      expect((await changes(page))[0]).toContain('Title');
      expect(await page.locator('.ant-message').textContent()).toContain('1 field(s) changed');
      await press(page, 'ticket-actions', 'acc.void');
      const body = page.getByTestId('action-dialog-body');
      expect(await body.textContent()).toContain('Void this ticket?');
      expect(await page.locator('.ant-modal-title').last().textContent()).toBe('Void');
      await fillOpinion(page, 'duplicate');
      await confirm(page, 'voided');
      expect(await page.getByTestId('ticket-status').textContent()).not.toMatch(/[\u4e00-\u9fff]/);
      await screenshot(page, 'acc-voided-detail-en');
      await openMenu(page, 'Voided');
      await rowPress(page, t.id, 'acc.restore');
      expect(await page.locator('.ant-modal-title').last().textContent()).toBe('Restore');
      await dialogOk(page);
      await page.getByTestId('list-empty').waitFor();
    });
    expect(await ticketNodeOf(t.id)).toBe('draft');
  });

  const ticketNodeOf = async (id: string) => (await api.detail('ys.acceptor', id)).ticket.node;
});
