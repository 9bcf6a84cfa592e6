import { describe, expect, it } from 'vitest';
import { screenshot } from './support/browser.js';
import { assigned, decide, finish, taskAction, upperAssigned } from './support/seedFlow.js';
import { confirm, fillOpinion, press } from './support/ticketPage.js';
import { applicationRow, expectListed, listRow, openList, openRow, openTab, pressRow, searchOption, taskRow, Workbench } from './support/workbench.js';
import { useE2e } from './support/useE2e.js';

/** SPEC REV (统一审核) played by clicking: reviewers find the work in the review lists; handling and dispatch are seeded over HTTP. */
describe('module 统一审核 (REV) by clicking in chromium', () => {
  const { server, browser, api } = useE2e();
  const wb = new Workbench(browser, server);

  const completed = async (title: string) => {
    const id = await assigned(api, title, { handling: 'mainAssist', main: 'zjg.cgj' });
    await taskAction(api, id, 'zjg.cgj', 'task.complete', '已拆除');
    return id;
  };

  it('REV-1 batch approval from 结果审核 moves both tickets on; a rejection from the detail sends the task back to 待处置', async () => {
    const batch = [await completed('人民路违规广告牌'), await completed('长安路违规广告牌')];
    const rejected = await completed('沙洲路违规广告牌');
    await wb.as('zjg.reviewer', async (page) => {
      await openList(page, '结果审核', 'pending');
      for (const id of batch) await listRow(page, id).locator('td.ant-table-selection-column').click();
      expect(await page.getByTestId('batch-bar').textContent()).toContain('已选 2 条');
      await screenshot(page, 'rev-result-batch');
      await page.getByTestId('batch-app.approve').click();
      await page.locator('[data-testid=action-dialog-body]').waitFor();
      await fillOpinion(page, '处置到位');
      await confirm(page);
      for (const id of batch) await expectListed(page, id, false);
      await openTab(page, 'reviewed');
      for (const id of batch) await expectListed(page, id);

      await openTab(page, 'pending');
      await openRow(page, rejected);
      await press(page, 'application-actions-result-zjg.cgj', 'app.reject');
      await fillOpinion(page, '现场仍有残留');
      await confirm(page);
      await expect.poll(() => taskRow(page, 'zjg.cgj').getAttribute('data-node')).toBe('pending');
    });
    for (const id of batch) expect((await api.detail('zjg.reviewer', id)).ticket.node).toBe('callback');
    await wb.as('zjg.cgj.handler', async (page) => {
      await openList(page, '事件处置', 'pending');
      await expectListed(page, rejected);
    });
  });

  it('REV-1/REV-7 send to check; from 事件核查 an urge and a change of grid worker; the new grid worker checks from 网格核查; then the result is approved', async () => {
    const id = await completed('东桥路口违规广告牌');
    await wb.as('zjg.reviewer', async (page) => {
      await openList(page, '结果审核', 'pending');
      await openRow(page, id);
      await press(page, 'ticket-actions', 'rev.toCheck');
      await fillOpinion(page, '请网格员核查');
      await screenshot(page, 'rev-dialog-check');
      await confirm(page, 'check');
      await page.goto('/');
      await openList(page, '事件核查', 'pending');
      await pressRow(page, id, 'ticket.urgeGrid');
      await fillOpinion(page, '请尽快核查');
      await confirm(page);
      await screenshot(page, 'rev-check-pending');
      await pressRow(page, id, 'chk.changeGridWorker');
      await searchOption(page, 'gridWorker', '马家豪');
      await screenshot(page, 'rev-dialog-change-grid-worker');
      await confirm(page);
    });
    await wb.as('ys.dq.grid', async (page) => {
      await openList(page, '网格核查', 'checking');
      await expectListed(page, id, false);
    });
    await wb.as('ys.hq.grid', async (page) => {
      await openList(page, '网格核查', 'checking');
      await openRow(page, id);
      expect(await page.getByTestId('ticket-timeline').textContent()).toContain('请尽快核查');
      await press(page, 'ticket-actions', 'chk.submit');
      await page.locator('#action_resolved').check();
      await fillOpinion(page, '现场已整改');
      await screenshot(page, 'rev-dialog-check-submit');
      await confirm(page, 'handling');
    });
    await wb.as('zjg.reviewer', async (page) => {
      await openList(page, '事件核查', 'checked');
      await expectListed(page, id);
      await openList(page, '结果审核', 'pending');
      await openRow(page, id);
      await press(page, 'application-actions-result-zjg.cgj', 'app.approve');
      await confirm(page, 'callback');
    });
  });

  it('REV-2 assist rejected from its list; REV-5 the main\'s approved return goes back to 分拨退回', async () => {
    const id = await assigned(api, '工地围挡广告', { handling: 'mainAssist', main: 'zjg.cgj' });
    await taskAction(api, id, 'zjg.cgj', 'task.applyAssist', '需要公安配合', { departments: ['zjg.gaj'] });
    await taskAction(api, id, 'zjg.cgj', 'task.return', '不属本部门职责');
    // REV-2 the center's reviewer (结果审核岗) decides assist applications; returns are the shift leader's
    await wb.as('zjg.reviewer', async (page) => {
      await openList(page, '协办审核', 'pending');
      await screenshot(page, 'rev-assist-pending');
      await pressRow(page, id, 'app.reject');
      await fillOpinion(page, '无需配合');
      await confirm(page);
      await expectListed(page, id, false);
      await openTab(page, 'reviewed');
      await expectListed(page, id);
    });
    await wb.as('zjg.shiftleader', async (page) => {
      await openList(page, '退回审核', 'pending');
      await openRow(page, id);
      await press(page, 'application-actions-return-zjg.cgj', 'app.approve');
      await fillOpinion(page, '同意退回');
      await confirm(page, 'dispatch');
    });
    await wb.as('zjg.dispatcher', async (page) => {
      await openList(page, '分拨退回', 'returned');
      await expectListed(page, id);
    });
  });

  it('REV-3/REV-4/REV-6 an upper-assigned ticket\'s applications: 张家港\'s shift leader passes them on, 苏州\'s decides; REV-1 苏州 reviews the result under 上级结果审核', async () => {
    const id = await upperAssigned(api, '沿河暴露垃圾');
    const steps: [string, string, string, Record<string, unknown> | undefined][] = [
      ['task.applyExtension', 'extension', '延期审核', { amount: 1, unit: 'workDay' }],
      ['task.applySuspension', 'suspension', '挂账审核', undefined],
      ['task.applyTransfer', 'transfer', '转派审核', { department: 'zjg.zjj' }],
    ];
    for (const [button, kind, list, payload] of steps) {
      await taskAction(api, id, 'zjg.cgj', button, '申请', payload);
      await wb.as('zjg.shiftleader', async (page) => {
        await openList(page, list, 'pending');
        await openRow(page, id);
        await press(page, `application-actions-${kind}-zjg.cgj`, 'app.approve');
        await fillOpinion(page, '同意，报市中心');
        await confirm(page);
        await expect.poll(() => applicationRow(page, kind).getAttribute('data-node')).toBe('upperReview');
      });
      await wb.as('sz.shiftleader', async (page) => {
        await openList(page, list, 'pending');
        if (kind === 'extension') await screenshot(page, 'rev-upper-extension');
        await pressRow(page, id, 'app.approve');
        await confirm(page);
        await expectListed(page, id, false);
        await openTab(page, 'reviewed');
        await expectListed(page, id);
      });
      if (kind === 'suspension') {
        expect((await api.detail('zjg.cgj.handler', id)).tasks.find((t) => t.department === 'zjg.cgj')!.node).toBe('suspended');
        await decideCancel(id);
      }
    }
    const d = await api.detail('zjg.zjj.handler', id);
    expect(d.tasks.find((t) => t.department === 'zjg.zjj')!.node).toBe('pending');

    await taskAction(api, id, 'zjg.zjj', 'task.complete', '已清运');
    await decide(api, 'zjg.reviewer', id, 'result');
    await wb.as('sz.shiftleader', async (page) => {
      await openList(page, '上级结果审核', 'pending');
      await screenshot(page, 'rev-upper-result');
      await openRow(page, id);
      await press(page, 'ticket-actions', 'uprev.approve');
      await fillOpinion(page, '同意');
      await confirm(page, 'callback');
      await page.goto('/');
      await openList(page, '上级结果审核', 'reviewed');
      await expectListed(page, id);
    });
  });

  it('REV-1 苏州 rejects the result of a ticket it assigned: back to 苏州\'s acceptance for a new acceptance', async () => {
    const id = await upperAssigned(api, '河道漂浮垃圾');
    await finish(api, id, 'zjg.cgj');
    expect(await ticketNodeOf(id)).toBe('upperReview');
    await wb.as('sz.shiftleader', async (page) => {
      await openList(page, '上级结果审核', 'pending');
      await openRow(page, id);
      await press(page, 'ticket-actions', 'uprev.reject');
      await fillOpinion(page, '垃圾仍未清理干净，请重新受理交办');
      await confirm(page);
      await page.goto('/');
      await openList(page, '上级结果审核', 'reviewed');
      await expectListed(page, id);
    });
    const d = await api.detail('sz.shiftleader', id);
    expect([d.ticket.node, d.ticket.center]).toEqual(['acceptance', 'sz']);
    expect(d.history.map((h) => h.event)).toContain('uprev.reject');
  });

  /** HND-4 (another module): the handler cancels the approved suspension so the task goes on. */
  async function decideCancel(id: string) {
    const d = await api.detail('zjg.cgj.handler', id);
    const app = d.applications.find((a) => a.kind === 'suspension' && a.node === 'approved')!;
    await api.act('zjg.cgj.handler', id, { button: 'app.cancelSuspension', target: { kind: 'application', id: app.id }, opinion: '恢复' });
    expect(await ticketNodeOf(id)).toBe('handling');
  }
  const ticketNodeOf = async (id: string) => (await api.detail('zjg.shiftleader', id)).ticket.node;
});
