import { describe, expect, it } from 'vitest';
import { screenshot } from './support/browser.js';
import { assigned, taskAction } from './support/seedFlow.js';
import { confirm, fillOpinion, pickDepartments, press } from './support/ticketPage.js';
import { useE2e } from './support/useE2e.js';
import { applicationRow, expectListed, listRow, openList, openRow, openTab, pressRow, taskRow, Workbench } from './support/workbench.js';

/**
 * SPEC REV-2 协办审核 (seed 4.2.4.2) and REV-7 事件核查 played by clicking: 张家港's reviewer
 * (结果审核岗) decides an assist application, sends it to the shift leader (送值班长), reassigns
 * (重派), closes without a check (不核查结案) or sends it to a grid worker (网格员核查); then a
 * batch urge from 事件核查. Handling is seeded over HTTP.
 */
describe('module 统一审核 协办审核 (REV-2) and 事件核查 batch urge (REV-7) by clicking in chromium', () => {
  const { server, browser, api } = useE2e();
  const wb = () => new Workbench(browser, server.url);

  /** 城管局 main has completed; 生态环境局 (assist), still handling, applies for 公安局's help. */
  const assistPending = async (title: string, callbackWanted = false) => {
    const id = await assigned(api, title, { handling: 'mainAssist', main: 'zjg.cgj', assists: ['zjg.sthj'] }, { callbackWanted });
    await taskAction(api, id, 'zjg.cgj', 'task.complete', '已拆除');
    await taskAction(api, id, 'zjg.sthj', 'task.applyAssist', '需要公安配合', { departments: ['zjg.gaj'] });
    return id;
  };
  const assistNode = async (id: string) => (await api.detail('zjg.reviewer', id)).applications.find((a) => a.kind === 'assist')?.node;
  const messages = async (user: string, id: string) => (await api.call<{ rows: { kind: string; ticketId?: string }[] }>(user, 'GET', '/api/messages?pageSize=100')).rows
    .filter((m) => m.ticketId === id).map((m) => m.kind);

  it('REV-2 送值班长: the reviewer sends the application on; the shift leader finds it in 待值班长审核 and passes it', async () => {
    const id = await assistPending('港城大道违规广告');
    await wb().as('zjg.reviewer', async (page) => {
      await openList(page, '协办审核', 'pending');
      const row = listRow(page, id);
      for (const b of ['app.approve', 'app.reject', 'app.toShiftLeader', 'rev.reassign', 'rev.closeWithoutCheck', 'rev.toCheck']) {
        expect(await row.getByTestId(`row-${b}`).count(), b).toBe(1);
      }
      expect(await row.getByTestId('row-app.toShiftLeader').textContent()).toContain('送值班长');
      // the shift leader's tab is his alone: the reviewer's tabs are 待审核 and 已审核
      expect(await page.getByTestId('list-tabs').locator('[data-testid^="tab-"]').evaluateAll((es) => es.map((e) => e.getAttribute('data-testid'))))
        .toEqual(['tab-pending', 'tab-reviewed']);
      await screenshot(page, 'rev-assist-reviewer-pending');
      await pressRow(page, id, 'app.toShiftLeader');
      await fillOpinion(page, '是否需要公安配合拿不准，请值班长审核');
      await screenshot(page, 'rev-assist-dialog-shift-leader');
      await confirm(page);
      await expectListed(page, id, false);
      await openTab(page, 'reviewed');
      await expectListed(page, id);
    });
    expect(await assistNode(id)).toBe('shiftLeaderReview');
    await expect.poll(() => messages('zjg.shiftleader', id)).toContain('application');
    await wb().as('zjg.shiftleader', async (page) => {
      await openList(page, '协办审核', 'shiftLeader');
      await expectListed(page, id);
      // the reviewer's 待审核 (with 通过/不通过 he may not press) is not his
      expect(await page.getByTestId('list-tabs').locator('[data-testid^="tab-"]').evaluateAll((es) => es.map((e) => e.getAttribute('data-testid'))))
        .toEqual(['tab-shiftLeader', 'tab-reviewed']);
      await screenshot(page, 'rev-assist-shift-leader-pending');
      await openRow(page, id);
      expect(await applicationRow(page, 'assist').getAttribute('data-node')).toBe('shiftLeaderReview');
      await press(page, 'application-actions-assist-zjg.sthj', 'app.approve');
      await fillOpinion(page, '同意公安局协办');
      await confirm(page);
      await expect.poll(() => applicationRow(page, 'assist').getAttribute('data-node')).toBe('approved');
      await expect.poll(() => taskRow(page, 'zjg.gaj').getAttribute('data-node')).toBe('pending');
      await screenshot(page, 'rev-assist-shift-leader-approved');
      await page.goto('/');
      await openList(page, '协办审核', 'reviewed');
      await expectListed(page, id);
    });
    await wb().as('zjg.gaj.handler', async (page) => {
      await openList(page, '事件处置', 'pending');
      await expectListed(page, id);
    });
  });

  it('REV-2 in English: the reviewer\'s row buttons and the status of the assist application', async () => {
    const id = await assistPending('Binjiang Road billboard');
    await new Workbench(browser, server.url, 'en-US').as('zjg.reviewer', async (page) => {
      await openList(page, 'Assist review', 'pending');
      const row = listRow(page, id);
      const label = (b: string) => row.getByTestId(`row-${b}`).textContent();
      expect([await label('app.toShiftLeader'), await label('rev.reassign'), await label('rev.closeWithoutCheck'), await label('rev.toCheck')])
        .toEqual(['Send to shift leader', 'Reassign', 'Close without check', 'Send to check']);
      expect(await row.textContent()).toContain('Assist review');
      expect(await page.getByTestId('tab-shiftLeader').count()).toBe(0);
      await screenshot(page, 'rev-assist-reviewer-pending-en');
    });
    await new Workbench(browser, server.url, 'en-US').as('zjg.shiftleader', async (page) => {
      await openList(page, 'Assist review', 'shiftLeader');
      expect(await page.getByTestId('tab-shiftLeader').textContent()).toContain('Shift leader review');
      expect(await page.getByTestId('tab-pending').count()).toBe(0);
    });
  });

  it('REV-2 重派 from the list: the handling is rejected and reassigned to 住建局; the earlier tasks and their applications are withdrawn', async () => {
    const id = await assistPending('金港路违规广告');
    await wb().as('zjg.reviewer', async (page) => {
      await openList(page, '协办审核', 'pending');
      await pressRow(page, id, 'rev.reassign');
      await pickDepartments(page, 'main', ['张家港市住房和城乡建设局']);
      await fillOpinion(page, '处置不到位，重派住建局');
      await screenshot(page, 'rev-assist-dialog-reassign');
      await confirm(page);
      await expectListed(page, id, false);
      await openTab(page, 'reviewed');
      await expectListed(page, id);
      await openRow(page, id);
      await expect.poll(() => taskRow(page, 'zjg.zjj').getAttribute('data-node')).toBe('pending');
      expect(await taskRow(page, 'zjg.sthj').getAttribute('data-node')).toBe('withdrawn');
      expect(await taskRow(page, 'zjg.cgj').getAttribute('data-node')).toBe('withdrawn');
      expect(await applicationRow(page, 'assist').getAttribute('data-node')).toBe('withdrawn');
      expect(await applicationRow(page, 'result').getAttribute('data-node')).toBe('withdrawn');
      await screenshot(page, 'rev-assist-reassigned');
    });
    await wb().as('zjg.zjj.handler', async (page) => {
      await openList(page, '事件处置', 'pending');
      await expectListed(page, id);
    });
  });

  it('REV-2 不核查结案 from the ticket page: on to closing without a check, the assist still handling withdrawn', async () => {
    const id = await assistPending('杨舍路违规广告');
    await wb().as('zjg.reviewer', async (page) => {
      await openList(page, '协办审核', 'pending');
      await openRow(page, id);
      await press(page, 'ticket-actions', 'rev.closeWithoutCheck');
      expect(await page.getByTestId('action-dialog-body').textContent()).toContain('不经网格员核查');
      await fillOpinion(page, '处置到位，无需网格员核查');
      await screenshot(page, 'rev-assist-dialog-close-without-check');
      await confirm(page, 'closing');
      await expect.poll(() => taskRow(page, 'zjg.sthj').getAttribute('data-node')).toBe('withdrawn');
      expect(await applicationRow(page, 'assist').getAttribute('data-node')).toBe('withdrawn');
      // passing the handling approves 城管局's result with it: nothing left behind in 结果审核
      expect(await applicationRow(page, 'result').getAttribute('data-node')).toBe('approved');
      expect(await taskRow(page, 'zjg.cgj').getAttribute('data-node')).toBe('approved');
      await page.goto('/');
      await openList(page, '结果审核', 'pending');
      await expectListed(page, id, false);
      await openTab(page, 'reviewed');
      await expectListed(page, id);
      await screenshot(page, 'rev-assist-closed-result-reviewed');
    });
    await wb().as('zjg.shiftleader', async (page) => {
      await openList(page, '事件结案', 'pending');
      await expectListed(page, id);
    });
  });

  it('REV-2 网格员核查 from the list, twice; REV-7 a batch urge of both from 事件核查 reaches the grid worker', async () => {
    const ids = [await assistPending('暨阳路违规广告'), await assistPending('沙洲路违规横幅')];
    await wb().as('zjg.reviewer', async (page) => {
      await openList(page, '协办审核', 'pending');
      for (const id of ids) {
        await pressRow(page, id, 'rev.toCheck');
        await fillOpinion(page, '请网格员核查处置情况');
        await confirm(page);
      }
      await page.goto('/');
      await openList(page, '事件核查', 'pending');
      for (const id of ids) await expectListed(page, id);
      for (const id of ids) await listRow(page, id).locator('td.ant-table-selection-column').click();
      await expect.poll(() => page.getByTestId('batch-bar').textContent()).toContain('已选 2 条');
      expect(await page.getByTestId('batch-ticket.urgeGrid').textContent()).toMatch(/催\s?促/); // antd spaces a two-character label
      await screenshot(page, 'rev-check-batch-selected');
      await page.getByTestId('batch-ticket.urgeGrid').click();
      await page.locator('[data-testid=action-dialog-body]').waitFor();
      await fillOpinion(page, '请今天内核查');
      await confirm(page);
      await screenshot(page, 'rev-check-batch-urged');
    });
    for (const id of ids) {
      expect((await api.detail('zjg.reviewer', id)).ticket.node).toBe('check');
      expect(await assistNode(id)).toBe('centerReview');
      await expect.poll(() => messages('ys.dq.grid', id)).toContain('urge');
    }
    await wb().as('ys.dq.grid', async (page) => {
      await openList(page, '网格核查', 'checking');
      for (const id of ids) await expectListed(page, id);
    });
  });
});
