import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { closeDropdown, departmentNode, dialogOk, listRow, listShot, openMenu, openTab, Player, refusedAction, registerDirect, rowPress, settled, tabCount, viewFromList, viewShot } from './support/modulePlay.js';
import { confirm, fillOpinion, pickDepartments, pickOption, press } from './support/ticketPage.js';
import { useE2e } from './support/useE2e.js';

/**
 * 统一分拨 (SPEC DSP-1..DSP-6) played by clicking in chromium: 张家港's dispatcher and shift leaders,
 * 杨舍镇 for delegation and returns. Tickets reach dispatch through the acceptance module's API.
 */
describe('module 统一分拨 by clicking', () => {
  const { server, browser, api } = useE2e();
  const play = new Player(browser, server);

  const toDispatch = (user: string, title: string, o: { difficult?: boolean; callbackWanted?: boolean } = {}) =>
    registerDirect(api, user, { title, button: 'acc.toDispatch', opinion: '送分拨', ...o });
  const detail = (user: string, id: string) => api.call<{
    ticket: { node: string; center: string; returned: boolean; dispatch?: { handling: string; forced: boolean; cc: string[] } };
    tasks: { id: string; department: string; role: string; node: string }[];
    history: { event: string; actor?: { user: string } | null }[];
  }>(user, 'GET', `/api/tickets/${id}`);
  const taskRow = (page: Page, department: string) => page.getByTestId('ticket-tasks').locator(`tr[data-department="${department}"]`);
  /** The dispatcher opens 事件分拨 → 待分拨 and the ticket's row. */
  const openPending = async (page: Page, id: string) => {
    await openMenu(page, '事件分拨');
    await viewFromList(page, id);
  };

  it('DSP-2/DSP-3 main + assist with forced dispatch and a CC; the CC\'d unit sees it, the main unit may not return; 加派 from 已分拨', async () => {
    const t = await toDispatch('zjg.acceptor', '人民路违规广告牌需多部门处理');
    await play.as('zjg.dispatcher', async (page) => {
      await openPending(page, t.id);
      await press(page, 'ticket-actions', 'dsp.assign');
      await pickDepartments(page, 'main', ['张家港市城市管理局']);
      await pickDepartments(page, 'assists', ['张家港市生态环境局']);
      await page.locator('#action_forced').check();
      await pickDepartments(page, 'cc', ['张家港市公安局']);
      await fillOpinion(page, '城管局牵头，生态环境局配合；强制分拨');
      await settled(page);
      await viewShot(page, 'dsp-assign-forced');
      await confirm(page, 'handling');
      expect(await taskRow(page, 'zjg.cgj').textContent()).toContain('主办');
      expect(await taskRow(page, 'zjg.sthj').textContent()).toContain('协办');
      expect(await page.getByTestId('ticket-header').textContent()).toContain('强制分拨');
      expect(await page.getByTestId('ticket-header').textContent()).toContain('张家港市公安局');

      // DSP-3 加派 from 已分拨: a department not yet on the ticket gets a task; those handling it are not offered
      await openMenu(page, '事件分拨');
      await openTab(page, 'dispatched');
      await rowPress(page, t.id, 'dsp.addDispatch');
      await page.locator('[data-testid=action-dialog-body][data-button="dsp.addDispatch"]').waitFor();
      const taken = page.getByTestId('hint-taken');
      await expect.poll(() => taken.textContent()).toContain('张家港市城市管理局');
      expect(await taken.textContent()).toContain('张家港市生态环境局');
      expect(await taken.textContent()).not.toContain('张家港市公安局');
      // one list of departments: the engine adds them in the ticket's way of handling (here as assists)
      expect(await taken.textContent()).toContain('生成「协办」任务单');
      const dialogText = await page.getByTestId('action-dialog-body').textContent();
      expect(dialogText).toContain('加派部门');
      expect(dialogText).not.toContain('主办部门');
      const held = await departmentNode(page, 'departments', '张家港市城市管理局');
      expect(await held.getAttribute('class')).toContain('ant-select-tree-treenode-disabled');
      expect(await held.textContent()).toContain('（已在处置）');
      await settled(page);
      await viewShot(page, 'dsp-add-dispatch-taken');
      await held.click({ force: true });
      await closeDropdown(page);
      expect(await page.getByTestId('picker-action_departments').textContent()).not.toContain('张家港市城市管理局');
      const free = await departmentNode(page, 'departments', '张家港市交通运输局');
      expect(await free.getAttribute('class')).not.toContain('ant-select-tree-treenode-disabled');
      await free.locator('.ant-select-tree-node-content-wrapper').click();
      await closeDropdown(page);
      await expect.poll(() => page.getByTestId('picker-action_departments').textContent()).toContain('张家港市交通运输局');
      await fillOpinion(page, '涉及道路，加派交通局');
      await settled(page);
      await viewShot(page, 'dsp-add-dispatch');
      await dialogOk(page);
    });
    const d = await detail('zjg.dispatcher', t.id);
    expect(d.ticket.dispatch).toMatchObject({ handling: 'mainAssist', forced: true, cc: ['zjg.gaj'] });
    expect(d.tasks.map((x) => x.department).sort()).toEqual(['zjg.cgj', 'zjg.jtj', 'zjg.sthj']);
    expect(d.tasks.find((x) => x.department === 'zjg.jtj')?.role).toBe('assist');
    // the server refuses a department already handling the ticket, saying which
    const dup = await refusedAction(api, 'zjg.dispatcher', t.id, { button: 'dsp.addDispatch', opinion: '重复加派', payload: { handling: 'mainAssist', main: 'zjg.jtj' } });
    expect([dup.status, dup.code]).toEqual([400, 'TG_ERR_VALIDATION']);
    expect(dup.messageZh).toContain('张家港市交通运输局');
    expect(dup.message).toContain('already handling this ticket');
    expect(d.history.map((h) => h.event)).toContain('dsp.addDispatch');

    // the CC'd department sees the ticket among its 下辖事件 (HND-7)
    await play.as('zjg.gaj.handler', async (page) => {
      await openMenu(page, '下辖事件');
      await listRow(page, t.id).waitFor();
    });
    // forced: the main unit's 退回 shows refused, with the rule's reason
    await play.as('zjg.cgj.handler', async (page) => {
      await page.goto(`/tickets/${t.id}`);
      await page.getByTestId('ticket-page').waitFor();
      const back = page.getByTestId('task-actions-zjg.cgj').locator('button[data-button="task.return"]');
      expect(await back.isDisabled()).toBe(true);
    });
  });

  it('DSP-2/DSP-4 send to review: the shift leader returns it to the dispatcher, then assigns several departments (多部门)', async () => {
    const t = await toDispatch('zjg.acceptor', '沿河违规广告需审核');
    await play.as('zjg.dispatcher', async (page) => {
      await openPending(page, t.id);
      await press(page, 'ticket-actions', 'dsp.toReview');
      await fillOpinion(page, '涉及多个部门，请值班长审核');
      await confirm(page, 'dispatchReview');
    });
    await play.as('zjg.shiftleader', async (page) => {
      await openMenu(page, '分拨审核');
      await listRow(page, t.id).waitFor();
      await listShot(page, 'dsp-review-list');
      await viewFromList(page, t.id);
      await press(page, 'ticket-actions', 'dsprev.return');
      await fillOpinion(page, '请先明确主责部门');
      await confirm(page, 'dispatch');
    });
    await play.as('zjg.dispatcher', async (page) => {
      await openPending(page, t.id);
      await press(page, 'ticket-actions', 'dsp.toReview');
      await fillOpinion(page, '建议生态环境局和水务局共同处理');
      await confirm(page, 'dispatchReview');
    });
    await play.as('zjg.shiftleader', async (page) => {
      await openMenu(page, '分拨审核');
      await viewFromList(page, t.id);
      await press(page, 'ticket-actions', 'dsp.assign');
      await page.locator('[data-testid=action-dialog-body] label').filter({ hasText: '多部门' }).first().click();
      await pickDepartments(page, 'departments', ['张家港市生态环境局', '张家港市水务局']);
      await fillOpinion(page, '两部门共同处理');
      await confirm(page, 'handling');
      for (const dep of ['zjg.sthj', 'zjg.swj']) expect(await taskRow(page, dep).textContent()).toContain('多部门');
      await openMenu(page, '分拨审核');
      await openTab(page, 'dispatched');
      await listRow(page, t.id).waitFor();
    });
    expect((await detail('zjg.shiftleader', t.id)).history.map((h) => h.event)).toEqual(['acc.toDispatch', 'dsp.toReview', 'dsprev.return', 'dsp.toReview', 'dsp.assign']);
  });

  it('DSP-2 return to the acceptor and direct reply (with a callback wanted it waits for the callback)', async () => {
    const back = await toDispatch('ys.acceptor', '信息不全的占道经营');
    const reply = await toDispatch('ys.acceptor', '咨询户外广告审批流程', { callbackWanted: true });
    await play.as('ys.dispatcher', async (page) => {
      await openPending(page, back.id);
      await press(page, 'ticket-actions', 'dsp.returnToAcceptor');
      await fillOpinion(page, '缺少具体地点，请受理员补充');
      await confirm(page);
      await openPending(page, reply.id);
      await press(page, 'ticket-actions', 'dsp.directReply');
      await fillOpinion(page, '已告知审批流程和所需材料');
      await confirm(page, 'callback');
    });
    await play.as('ys.acceptor', async (page) => {
      await openMenu(page, '事件受理');
      await listRow(page, back.id).waitFor();
    });
    expect((await detail('ys.acceptor', back.id)).ticket.node).toBe('acceptance');
  });

  it('DSP-2/X-8 delegate to 杨舍镇, whose dispatcher escalates it back to 张家港', async () => {
    const t = await toDispatch('zjg.acceptor', '东桥路属地违规广告');
    await play.as('zjg.dispatcher', async (page) => {
      await openPending(page, t.id);
      await press(page, 'ticket-actions', 'dsp.delegate');
      await pickOption(page, 'center', '杨舍镇');
      await fillOpinion(page, '属地处理');
      await confirm(page);
    });
    await play.as('ys.acceptor', async (page) => {
      await openMenu(page, '事件受理');
      await viewFromList(page, t.id);
      await press(page, 'ticket-actions', 'acc.toDispatch');
      await fillOpinion(page, '送分拨');
      await confirm(page, 'dispatch');
    });
    await play.as('ys.dispatcher', async (page) => {
      await openPending(page, t.id);
      await press(page, 'ticket-actions', 'dsp.escalate');
      await fillOpinion(page, '涉及县级审批，请上级中心处理');
      await confirm(page);
    });
    const d = await detail('zjg.acceptor', t.id);
    expect(d.ticket).toMatchObject({ node: 'acceptance', center: 'zjg' });
    expect(d.history.map((h) => h.event)).toEqual(['acc.toDispatch', 'dsp.delegate', 'acc.toDispatch', 'dsp.escalate']);
  });

  it('DSP-5 a task return approved by the shift leader lands in 分拨退回, from where it is dispatched again', async () => {
    const t = await toDispatch('zjg.acceptor', '职责不清的违规广告');
    // HND/REV preconditions: assigned, returned by the unit, return approved
    await api.act('zjg.dispatcher', t.id, { button: 'dsp.assign', opinion: '请城管局处理', payload: { handling: 'mainAssist', main: 'zjg.cgj' } });
    const task = (await detail('zjg.cgj.handler', t.id)).tasks[0]!.id;
    await api.act('zjg.cgj.handler', t.id, { button: 'task.return', target: { kind: 'task', id: task }, opinion: '不属于本局职责' });
    const app = (await api.detail('zjg.shiftleader', t.id)).applications.find((a) => a.kind === 'return')!.id;
    await api.act('zjg.shiftleader', t.id, { button: 'app.approve', target: { kind: 'application', id: app }, opinion: '同意退回' });

    await play.as('zjg.dispatcher', async (page) => {
      await openMenu(page, '分拨退回');
      await listRow(page, t.id).waitFor();
      await listShot(page, 'dsp-returned');
      await viewFromList(page, t.id);
      expect(await page.getByTestId('ticket-header').textContent()).toContain('退回');
      await press(page, 'ticket-actions', 'dsp.assign');
      await pickDepartments(page, 'main', ['张家港市市场监督管理局']);
      await fillOpinion(page, '改派市场监管局');
      await confirm(page, 'handling');
      await openMenu(page, '分拨退回');
      await page.getByTestId('list-empty').waitFor();
    });
  });

  it('DSP-6/DSP-3/DSP-1 difficult events, 分拨查询 with only-mine, everyone\'s 已分拨 for a shift leader who dispatches; the dispatch pool is off', async () => {
    const hard = await toDispatch('zjg.acceptor', '多年未解决的违规广告', { difficult: true });
    const other = await toDispatch('zjg.acceptor', '值班长分拨的广告牌');
    await play.as('zjg.dispatcher', async (page) => {
      await openMenu(page, '疑难事件');
      await listRow(page, hard.id).waitFor();
      expect(await listRow(page, other.id).count()).toBe(0);
      await listShot(page, 'dsp-difficult');
      await viewFromList(page, hard.id);
      expect(await page.getByTestId('ticket-header').textContent()).toContain('疑难');
      await press(page, 'ticket-actions', 'dsp.assign');
      await pickDepartments(page, 'main', ['张家港市城市管理局']);
      await fillOpinion(page, '疑难事件，城管局主办');
      await confirm(page, 'handling');
      await openMenu(page, '疑难事件');
      await openTab(page, 'dispatched');
      await listRow(page, hard.id).waitFor();
      // DSP-1: no center has the dispatch pool on
      await openMenu(page, '分拨工单池');
      expect(await page.getByTestId('pool-disabled').textContent()).toContain('未开启分拨工单池');
    });
    await play.as('zjg.shiftleader2', async (page) => {
      await openMenu(page, '事件分拨');
      await viewFromList(page, other.id);
      await press(page, 'ticket-actions', 'dsp.assign');
      await pickDepartments(page, 'main', ['张家港市城市管理局']);
      await fillOpinion(page, '城管局处理');
      await confirm(page, 'handling');
      // DSP-3: a shift leader holding the dispatcher role sees every dispatcher's 已分拨
      await openMenu(page, '事件分拨');
      await openTab(page, 'dispatched');
      await listRow(page, hard.id).waitFor();
      await listRow(page, other.id).waitFor();
    });
    await play.as('zjg.dispatcher', async (page) => {
      await openMenu(page, '分拨查询');
      await listRow(page, other.id).waitFor();
      await listRow(page, hard.id).waitFor();
      const everyone = await tabCount(page, 'all');
      await page.getByTestId('only-mine').click();
      await expect.poll(() => listRow(page, other.id).count()).toBe(0);
      expect(await listRow(page, hard.id).count()).toBe(1);
      // the tab's badge counts what the rows show (DSP-6), the pager's total alike
      const mine = (await api.call<{ total: number }>('zjg.dispatcher', 'GET', '/api/views/view.dsp.query/tabs/all?onlyMine=true&pageSize=1')).total;
      expect(mine).toBeLessThan(everyone);
      await expect.poll(() => tabCount(page, 'all')).toBe(mine);
      expect(await page.locator('.ant-pagination-total-text').textContent()).toContain(String(mine));
      await listShot(page, 'dsp-query-mine');
      await page.getByTestId('only-mine').click();
      await expect.poll(() => tabCount(page, 'all')).toBe(everyone);
    });
  });

  it('shows 统一分拨 in English: menu, pending list and the delegate dialog', async () => {
    const t = await toDispatch('zjg.acceptor', 'English dispatch');
    await play.as('zjg.dispatcher', async (page) => {
      await page.getByTestId('lang-switch').getByText('EN').click();
      const menu = page.getByTestId('main-menu');
      await expect.poll(() => menu.textContent()).toContain('Dispatch returns');
      expect(await menu.textContent()).not.toMatch(/[\u4e00-\u9fff]/);
      await openMenu(page, 'Dispatch');
      await viewFromList(page, t.id);
      const bar = await page.getByTestId('ticket-actions').textContent();
      for (const name of ['Send to review', 'Return to acceptor', 'Reply directly', 'Escalate to upper center', 'Delegate to lower center', 'Assign departments']) expect(bar).toContain(name);
      await press(page, 'ticket-actions', 'dsp.delegate');
      const body = await page.getByTestId('action-dialog-body').textContent();
      expect(body).toContain('Lower center');
      expect(body).toContain('Handling opinion');
      await settled(page);
      await viewShot(page, 'dsp-delegate-en');
    });
  });

  it('shows 加派 and the only-mine counts of 分拨查询 in English', async () => {
    const t = await toDispatch('zjg.acceptor', 'English add dispatch');
    await api.act('zjg.dispatcher', t.id, { button: 'dsp.assign', opinion: '请处置', payload: { handling: 'mainAssist', main: 'zjg.cgj' } });
    await play.as('zjg.dispatcher', async (page) => {
      await openMenu(page, 'Dispatch');
      await openTab(page, 'dispatched');
      await rowPress(page, t.id, 'dsp.addDispatch');
      const taken = page.getByTestId('hint-taken');
      await expect.poll(() => taken.textContent()).toContain('Departments already handling this ticket cannot be added: Zhangjiagang Urban Management Bureau');
      const held = await departmentNode(page, 'departments', 'Zhangjiagang Urban Management Bureau');
      expect(await held.textContent()).toContain('(already handling)');
      await settled(page);
      await viewShot(page, 'dsp-add-dispatch-en');
      await closeDropdown(page);
      const body = await page.getByTestId('action-dialog-body').textContent();
      expect(body).toContain('Departments to add');
      expect(body).not.toContain('Main department');
      await page.locator('.tg-action-dialog .ant-modal-close').click();
      await page.locator('[data-testid=action-dialog-body]').waitFor({ state: 'detached' });
      await openMenu(page, 'Dispatch query');
      const everyone = await tabCount(page, 'all');
      await page.getByTestId('only-mine').click();
      const mine = (await api.call<{ total: number }>('zjg.dispatcher', 'GET', '/api/views/view.dsp.query/tabs/all?onlyMine=true&pageSize=1')).total;
      await expect.poll(() => tabCount(page, 'all')).toBe(mine);
      expect(mine).toBeLessThanOrEqual(everyone);
      expect(await page.locator('.ant-card-extra').textContent()).toContain('Only mine');
      await listShot(page, 'dsp-query-mine-en');
    }, 'en-US');
  });
});
