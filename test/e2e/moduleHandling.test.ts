import { describe, expect, it } from 'vitest';
import { screenshot } from './support/browser.js';
import { assigned as seedAssigned } from './support/seedFlow.js';
import { settled } from './support/studio.js';
import { confirm, fillOpinion, pickDepartments, press } from './support/ticketPage.js';
import { applicationRow, expectListed, listRow, openList, openRow, openTab, pressRow, searchOption, taskRow, timeline, Workbench } from './support/workbench.js';
import { applicationNodes, expectMessage, newestApplication } from './support/handlingPlay.js';
import { useE2e } from './support/useE2e.js';

/** SPEC HND (统一处置) played by clicking: each step by the seed's user, the work found in the module's lists; acceptance and dispatch are seeded over HTTP. */
describe('module 统一处置 (HND) by clicking in chromium', () => {
  const { server, browser, api } = useE2e();
  const wb = new Workbench(browser, server);

  const assigned = (title: string, payload: Record<string, unknown>, center: 'zjg' | 'ys' = 'zjg') => seedAssigned(api, title, payload, { center });

  it('HND-1 feedback and complete, HND-2 待处置 → 处置中 → 已处置, HND-7 the CC department sees it under 下辖事件', async () => {
    const id = await assigned('东桥路口违规广告牌', { handling: 'mainAssist', main: 'zjg.cgj', cc: ['zjg.gaj'] });
    await wb.as('zjg.cgj.handler', async (page) => {
      await openList(page, '事件处置', 'pending');
      await screenshot(page, 'hnd-tasks-pending');
      await openRow(page, id);
      await press(page, 'task-actions-zjg.cgj', 'task.feedback');
      await fillOpinion(page, '已联系广告主，约定明日拆除');
      await screenshot(page, 'hnd-dialog-feedback');
      await confirm(page);
      await expect.poll(() => timeline(page)).toContain('task.feedback');
      // stage feedback has no flow effect
      expect(await taskRow(page, 'zjg.cgj').getAttribute('data-node')).toBe('pending');
      await press(page, 'task-actions-zjg.cgj', 'task.complete');
      await fillOpinion(page, '广告牌已拆除');
      await confirm(page);
      await expect.poll(() => taskRow(page, 'zjg.cgj').getAttribute('data-node')).toBe('completed');
      await page.goto('/');
      await openList(page, '事件处置', 'inProgress');
      await expectListed(page, id);
      await openTab(page, 'pending');
      await expectListed(page, id, false);
    });
    const d = await api.detail('zjg.reviewer', id);
    await api.act('zjg.reviewer', id, { button: 'app.approve', target: { kind: 'application', id: d.applications.find((a) => a.kind === 'result')!.id } });
    await wb.as('zjg.cgj.handler', async (page) => {
      await openList(page, '事件处置', 'handled');
      await expectListed(page, id);
    });
    await wb.as('zjg.gaj.handler', async (page) => {
      await openList(page, '下辖事件', 'cc');
      await expectListed(page, id);
      await screenshot(page, 'hnd-cc');
      await openRow(page, id);
      // a CC department looks, it does not handle
      expect(await page.locator('[data-testid^="task-actions-"] button:not([disabled])').count()).toBe(0);
    });
  });

  it('HND-1 sub-dispatch to a sub-unit; HND-5 the parent reviews the sub-unit\'s extension under 待我审核, then the center; HND-4 my applications', async () => {
    const id = await assigned('人民路违规广告牌', { handling: 'mainAssist', main: 'zjg.cgj' });
    await wb.as('zjg.cgj.handler', async (page) => {
      await openList(page, '事件处置', 'pending');
      await openRow(page, id);
      await press(page, 'task-actions-zjg.cgj', 'task.subDispatch');
      await pickDepartments(page, 'main', ['环境卫生管理所']);
      await fillOpinion(page, '请环卫所清运');
      await screenshot(page, 'hnd-dialog-subdispatch');
      await confirm(page);
      await taskRow(page, 'zjg.cgj.hws').waitFor();
      expect(await taskRow(page, 'zjg.cgj.hws').getAttribute('data-node')).toBe('pending');
    });
    await wb.as('zjg.cgj.hws.handler', async (page) => {
      await openList(page, '事件处置', 'pending');
      await openRow(page, id);
      await press(page, 'task-actions-zjg.cgj.hws', 'task.applyExtension');
      await page.locator('#action_amount').fill('1');
      await fillOpinion(page, '垃圾量大，需调车');
      await confirm(page);
      await expect.poll(() => applicationRow(page, 'extension').getAttribute('data-node')).toBe('parentReview');
      await page.goto('/');
      await openList(page, '我的申请', 'extensionPending');
      await expectListed(page, id);
    });
    await wb.as('zjg.cgj.handler', async (page) => {
      await openList(page, '待我审核', 'extension');
      await expectListed(page, id);
      await screenshot(page, 'hnd-reviews-extension');
      await pressRow(page, id, 'app.approve');
      await fillOpinion(page, '同意，报中心');
      await confirm(page);
      await expectListed(page, id, false);
      await openTab(page, 'reviewed');
      await expectListed(page, id);
    });
    await wb.as('zjg.shiftleader', async (page) => {
      await openList(page, '延期审核', 'pending');
      await openRow(page, id);
      await press(page, 'application-actions-extension-zjg.cgj.hws', 'app.approve');
      await confirm(page);
      await expect.poll(() => applicationRow(page, 'extension').getAttribute('data-node')).toBe('approved');
    });
    await wb.as('zjg.cgj.hws.handler', async (page) => {
      await openList(page, '我的申请', 'extensionDone');
      await expectListed(page, id);
    });
  });

  it('HND-1 transfer, return, assist and suspension applications; HND-4 cancelling the approved suspension from 我的申请', async () => {
    const id = await assigned('工地围挡违规广告', { handling: 'mainAssist', main: 'zjg.cgj', assists: ['zjg.sthj'] });
    await wb.as('zjg.cgj.handler', async (page) => {
      await openList(page, '事件处置', 'pending');
      await openRow(page, id);
      await press(page, 'task-actions-zjg.cgj', 'task.applyTransfer');
      await searchOption(page, 'department', '张家港市住房和城乡建设局');
      await fillOpinion(page, '属住建职责');
      await screenshot(page, 'hnd-dialog-transfer');
      await confirm(page);
      await expect.poll(() => applicationRow(page, 'transfer').getAttribute('data-node')).toBe('centerReview');
      await page.goto('/');
      await openList(page, '我的申请', 'transferPending');
      await expectListed(page, id);
    });
    await wb.as('zjg.sthj.handler', async (page) => {
      await openList(page, '事件处置', 'pending');
      await openRow(page, id);
      await press(page, 'task-actions-zjg.sthj', 'task.return');
      await fillOpinion(page, '非本部门职责');
      await confirm(page);
      await expect.poll(() => applicationRow(page, 'return').getAttribute('data-node')).toBe('centerReview');
    });
    await wb.as('zjg.shiftleader', async (page) => {
      await openList(page, '转派审核', 'pending');
      await openRow(page, id);
      await press(page, 'application-actions-transfer-zjg.cgj', 'app.approve');
      await fillOpinion(page, '同意转派');
      await confirm(page);
      await taskRow(page, 'zjg.zjj').waitFor();
      await page.goto('/');
      await openList(page, '退回审核', 'pending');
      await openRow(page, id);
      await press(page, 'application-actions-return-zjg.sthj', 'app.approve');
      await confirm(page);
      await expect.poll(() => taskRow(page, 'zjg.sthj').getAttribute('data-node')).toBe('returned');
    });
    await wb.as('zjg.zjj.handler', async (page) => {
      await openList(page, '事件处置', 'pending');
      await openRow(page, id);
      await press(page, 'task-actions-zjg.zjj', 'task.applyAssist');
      await pickDepartments(page, 'departments', ['张家港市公安局']);
      await fillOpinion(page, '需要公安配合');
      await confirm(page);
      await expect.poll(() => applicationRow(page, 'assist').getAttribute('data-node')).toBe('centerReview');
      await press(page, 'task-actions-zjg.zjj', 'task.applySuspension');
      await fillOpinion(page, '等待施工队进场');
      await confirm(page);
      await expect.poll(() => applicationRow(page, 'suspension').getAttribute('data-node')).toBe('centerReview');
    });
    // REV-2: the center's reviewer (结果审核岗) decides assist applications, the shift leader suspensions
    await wb.as('zjg.reviewer', async (page) => {
      await openList(page, '协办审核', 'pending');
      await pressRow(page, id, 'app.approve');
      await confirm(page);
      await expectListed(page, id, false);
    });
    await wb.as('zjg.shiftleader', async (page) => {
      await openList(page, '挂账审核', 'pending');
      await pressRow(page, id, 'app.approve');
      await confirm(page);
      await expectListed(page, id, false);
    });
    await wb.as('zjg.zjj.handler', async (page) => {
      await openList(page, '我的申请', 'assistDone');
      await expectListed(page, id);
      await openTab(page, 'suspensionDone');
      await expectListed(page, id);
      await screenshot(page, 'hnd-my-applications');
      await pressRow(page, id, 'app.cancelSuspension');
      await fillOpinion(page, '施工队已进场');
      await confirm(page);
      await expectListed(page, id, false);
      await openTab(page, 'suspensionCancelled');
      await expectListed(page, id);
      await openRow(page, id);
      expect(await taskRow(page, 'zjg.zjj').getAttribute('data-node')).toBe('pending');
      expect(await taskRow(page, 'zjg.gaj').getAttribute('data-node')).toBe('pending');
    });
    await wb.as('zjg.sthj.handler', async (page) => {
      await openList(page, '我的申请', 'returnDone');
      await expectListed(page, id);
    });
  });

  it('HND-6 an extension past the overall deadline: the reviewer is warned in the list\'s detail and in the approval dialog', async () => {
    const id = await assigned('长江路违规广告牌', { handling: 'mainAssist', main: 'zjg.cgj' });
    await wb.as('zjg.cgj.handler', async (page) => {
      await openList(page, '事件处置', 'pending');
      await openRow(page, id);
      await press(page, 'task-actions-zjg.cgj', 'task.applyExtension');
      await page.locator('#action_amount').fill('15');
      await fillOpinion(page, '需要大修');
      await confirm(page);
      await expect.poll(() => applicationRow(page, 'extension').getAttribute('data-node')).toBe('centerReview');
    });
    await wb.as('zjg.shiftleader', async (page) => {
      await openList(page, '延期审核', 'pending');
      await openRow(page, id);
      expect(await page.getByTestId('extension-warning').textContent()).toContain('该部门延期后时间将大于事件到期时间');
      await press(page, 'application-actions-extension-zjg.cgj', 'app.approve');
      expect(await page.getByTestId('hint-exceeds').textContent()).toContain('该部门延期后时间将大于事件到期时间');
      await screenshot(page, 'hnd-dialog-extension-warning');
      await confirm(page);
      await expect.poll(() => applicationRow(page, 'extension').getAttribute('data-node')).toBe('approved');
    });
  });

  it('HND-3 the handler merges two tasks from 待处置 and splits the follower again with its row button, and from the detail page', async () => {
    const a = await assigned('东桥路口广告牌甲', { handling: 'mainAssist', main: 'zjg.cgj' });
    const b = await assigned('东桥路口广告牌乙', { handling: 'mainAssist', main: 'zjg.cgj' });
    const follower = async () => (await api.call<{ tasks: { department: string; mergedInto?: string | null }[] }>('zjg.cgj.handler', 'GET', `/api/tickets/${b}`)).tasks.find((t) => t.department === 'zjg.cgj')!.mergedInto ?? null;
    await wb.as('zjg.cgj.handler', async (page) => {
      await openList(page, '事件处置', 'pending');
      for (const id of [a, b]) await listRow(page, id).locator('td.ant-table-selection-column').click();
      await page.getByTestId('toolbar-list.merge').click();
      await page.getByTestId('merge-ok').waitFor();
      await settled(page);
      expect(await page.locator('.ant-modal').textContent()).toContain('东桥路口广告牌甲');
      await screenshot(page, 'hnd-merge-dialog');
      await page.getByTestId('merge-ok').click();
      await page.getByTestId('merge-ok').waitFor({ state: 'detached' });
      await expect.poll(follower).not.toBeNull();
      await listRow(page, b).getByTestId('row-list.split').click();
      await expect.poll(follower).toBeNull();

      // merged again, the follower is split from its ticket's page (拆分 beside the task's buttons)
      const tasks = async (id: string) => (await api.call<{ tasks: { id: string; department: string }[] }>('zjg.cgj.handler', 'GET', `/api/tickets/${id}`)).tasks.find((t) => t.department === 'zjg.cgj')!.id;
      await api.call('zjg.cgj.handler', 'POST', '/api/tasks/merge', { taskIds: [await tasks(a), await tasks(b)] });
      await expect.poll(follower).not.toBeNull();
      await page.goto(`/tickets/${b}`);
      const split = taskRow(page, 'zjg.cgj').locator('[data-testid^="split-task-"]');
      await split.click();
      await page.locator('.ant-popconfirm').getByRole('button', { name: /确\s*定/ }).click();
      await expect.poll(follower).toBeNull();
      await expect.poll(() => split.count()).toBe(0);
    });
  });

  it('HND-1 a community sends its task to its grid worker, who finds it under 网格处置 and reports back', async () => {
    const id = await assigned('河东社区楼道堆物', { handling: 'multi', departments: ['ys.hq', 'ys.cgzd'] }, 'ys');
    await wb.as('ys.hq.handler', async (page) => {
      await openList(page, '事件处置', 'pending');
      await openRow(page, id);
      await press(page, 'task-actions-ys.hq', 'task.toGridWorker');
      await fillOpinion(page, '请网格员现场处置');
      await screenshot(page, 'hnd-dialog-grid');
      await confirm(page);
      await expect.poll(() => taskRow(page, 'ys.hq').getAttribute('data-node')).toBe('gridHandling');
    });
    await wb.as('ys.hq.grid', async (page) => {
      await openList(page, '网格处置', 'pending');
      await screenshot(page, 'hnd-grid-pending');
      await openRow(page, id);
      await press(page, 'task-actions-ys.hq', 'grid.taskSubmit');
      await fillOpinion(page, '已现场清理');
      await confirm(page);
      await expect.poll(() => taskRow(page, 'ys.hq').getAttribute('data-node')).toBe('pending');
    });
    await wb.as('ys.hq.handler', async (page) => {
      await openList(page, '事件处置', 'pending');
      await openRow(page, id);
      await press(page, 'task-actions-ys.hq', 'task.complete');
      await fillOpinion(page, '网格员已处置');
      await confirm(page);
      await expect.poll(() => taskRow(page, 'ys.hq').getAttribute('data-node')).toBe('completed');
      expect(await timeline(page)).toEqual(expect.arrayContaining(['task.toGridWorker', 'grid.taskSubmit', 'task.complete']));
    });
  });
  it('HND-1 下派 to the lower center\'s unit (杨舍镇城管中队): it handles; HND-5 the parent fails its result once (told), passes it to the center; the result returns and the parent task goes on', async () => {
    const id = await assigned('沙洲路违规广告牌需镇里拆除', { handling: 'mainAssist', main: 'zjg.cgj' });
    await wb.as('zjg.cgj.handler', async (page) => {
      await openList(page, '事件处置', 'pending');
      await openRow(page, id);
      await press(page, 'task-actions-zjg.cgj', 'task.subDispatch');
      await pickDepartments(page, 'main', ['杨舍镇城管中队']);
      await fillOpinion(page, '属杨舍镇辖区，请镇城管中队拆除');
      await screenshot(page, 'hnd-dialog-subdispatch-lower');
      await confirm(page);
      await taskRow(page, 'ys.cgzd').waitFor();
      expect(await taskRow(page, 'ys.cgzd').getAttribute('data-node')).toBe('pending');
      // the parent's own task stays with the parent, the sub-task is not among its work
      expect(await taskRow(page, 'zjg.cgj').getAttribute('data-node')).toBe('pending');
    });
    await wb.as('ys.cgzd.handler', async (page) => {
      await openList(page, '事件处置', 'pending');
      await expectListed(page, id);
      await openRow(page, id);
      await press(page, 'task-actions-ys.cgzd', 'task.feedback');
      await fillOpinion(page, '已到现场，联系广告主');
      await confirm(page);
      await press(page, 'task-actions-ys.cgzd', 'task.complete');
      await fillOpinion(page, '广告牌已拆除');
      await confirm(page);
      await expect.poll(() => newestApplication(page, 'result').getAttribute('data-node')).toBe('parentReview');
      expect(await newestApplication(page, 'result').textContent()).toContain('张家港市城市管理局');
    });
    await wb.as('zjg.cgj.handler', async (page) => {
      await openList(page, '待我审核', 'result');
      await expectListed(page, id);
      await screenshot(page, 'hnd-reviews-result');
      await pressRow(page, id, 'app.reject');
      await fillOpinion(page, '现场照片不清晰，请补拍');
      await confirm(page);
      await expectListed(page, id, false);
      await openTab(page, 'reviewed');
      await expectListed(page, id);
    });
    await wb.as('ys.cgzd.handler', async (page) => {
      // fail: the applicant is told and goes on with its task
      const messages = await expectMessage(page, '办结申请未通过');
      expect(await messages.textContent()).toContain('沙洲路违规广告牌需镇里拆除');
      await screenshot(page, 'hnd-told-rejected');
      await page.goto(`/tickets/${id}`);
      await page.getByTestId('ticket-page').waitFor();
      expect(await taskRow(page, 'ys.cgzd').getAttribute('data-node')).toBe('pending');
      expect(await applicationNodes(page, 'result')).toEqual(['rejected']);
      await press(page, 'task-actions-ys.cgzd', 'task.complete');
      await fillOpinion(page, '广告牌已拆除，照片已补拍');
      await confirm(page);
      await expect.poll(() => applicationNodes(page, 'result')).toEqual(['parentReview', 'rejected']);
    });
    await wb.as('zjg.cgj.handler', async (page) => {
      await openList(page, '待我审核', 'result');
      await openRow(page, id);
      await press(page, 'application-actions-result-ys.cgzd', 'app.approve');
      await fillOpinion(page, '拆除到位，报中心审核');
      await confirm(page);
      // pass: on to the center's reviewer
      await expect.poll(() => newestApplication(page, 'result').getAttribute('data-node')).toBe('centerReview');
      expect(await newestApplication(page, 'result').textContent()).toContain('张家港市');
    });
    await wb.as('zjg.reviewer', async (page) => {
      await openList(page, '结果审核', 'pending');
      await expectListed(page, id);
      await openRow(page, id);
      await press(page, 'application-actions-result-ys.cgzd', 'app.approve');
      await confirm(page);
      await expect.poll(() => taskRow(page, 'ys.cgzd').getAttribute('data-node')).toBe('approved');
      // the sub-unit's share is done; the ticket still waits for the parent's own task
      expect(await page.getByTestId('ticket-page').getAttribute('data-node')).toBe('handling');
    });
    await wb.as('zjg.cgj.handler', async (page) => {
      await openList(page, '事件处置', 'pending');
      await openRow(page, id);
      expect(await taskRow(page, 'ys.cgzd').getAttribute('data-node')).toBe('approved');
      expect(await timeline(page)).toEqual(expect.arrayContaining(['task.subDispatch', 'task.feedback', 'task.complete', 'app.reject', 'app.approve']));
      await screenshot(page, 'hnd-subdispatch-returned');
      await press(page, 'task-actions-zjg.cgj', 'task.complete');
      await fillOpinion(page, '镇城管中队已拆除，本局办结');
      await confirm(page);
      await expect.poll(() => taskRow(page, 'zjg.cgj').getAttribute('data-node')).toBe('completed');
    });
  });

  it('HND-5 待我审核: the parent passes its sub-units\' assist (assist task), fails a suspension (told, goes on), passes a return (sub-task returned, parent goes on) and a transfer (on to the shift leader)', async () => {
    const id = await assigned('港城大道占道广告', { handling: 'mainAssist', main: 'zjg.cgj' });
    await wb.as('zjg.cgj.handler', async (page) => {
      await openList(page, '事件处置', 'pending');
      await openRow(page, id);
      await press(page, 'task-actions-zjg.cgj', 'task.subDispatch');
      await pickDepartments(page, 'main', ['环境卫生管理所']);
      await pickDepartments(page, 'assists', ['城管执法大队']);
      await fillOpinion(page, '环卫所主办，执法大队配合');
      await confirm(page);
      await taskRow(page, 'zjg.cgj.zfdd').waitFor();
    });
    await wb.as('zjg.cgj.hws.handler', async (page) => {
      await openList(page, '事件处置', 'pending');
      await openRow(page, id);
      await press(page, 'task-actions-zjg.cgj.hws', 'task.applyAssist');
      await pickDepartments(page, 'departments', ['张家港市公安局']);
      await fillOpinion(page, '需要公安维持秩序');
      await confirm(page);
      await expect.poll(() => newestApplication(page, 'assist').getAttribute('data-node')).toBe('parentReview');
      await press(page, 'task-actions-zjg.cgj.hws', 'task.applySuspension');
      await fillOpinion(page, '等待广告主自行拆除');
      await confirm(page);
      await expect.poll(() => newestApplication(page, 'suspension').getAttribute('data-node')).toBe('parentReview');
    });
    await wb.as('zjg.cgj.zfdd.handler', async (page) => {
      await openList(page, '事件处置', 'pending');
      await openRow(page, id);
      await press(page, 'task-actions-zjg.cgj.zfdd', 'task.return');
      await fillOpinion(page, '不需要执法大队参与');
      await confirm(page);
      await expect.poll(() => newestApplication(page, 'return').getAttribute('data-node')).toBe('parentReview');
    });
    await wb.as('zjg.cgj.handler', async (page) => {
      // assist: pass → the assisting department gets a task under the parent
      await openList(page, '待我审核', 'assist');
      await expectListed(page, id);
      await pressRow(page, id, 'app.approve');
      await fillOpinion(page, '同意公安协办');
      await confirm(page);
      await expectListed(page, id, false);
      // suspension: fail
      await openTab(page, 'suspension');
      await expectListed(page, id);
      await pressRow(page, id, 'app.reject');
      await fillOpinion(page, '不宜挂账，请继续处置');
      await confirm(page);
      await expectListed(page, id, false);
      // return: pass → the sub-task is returned, the parent's goes on
      await openTab(page, 'return');
      await expectListed(page, id);
      await screenshot(page, 'hnd-reviews-return');
      await openRow(page, id);
      await press(page, 'application-actions-return-zjg.cgj.zfdd', 'app.approve');
      await fillOpinion(page, '同意退回');
      await confirm(page);
      await expect.poll(() => taskRow(page, 'zjg.cgj.zfdd').getAttribute('data-node')).toBe('returned');
      expect(await taskRow(page, 'zjg.cgj').getAttribute('data-node')).toBe('pending');
      expect(await taskRow(page, 'zjg.gaj').getAttribute('data-node')).toBe('pending');
      expect(await taskRow(page, 'zjg.gaj').textContent()).toContain('协办');
      expect(await applicationNodes(page, 'assist')).toEqual(['approved']);
      expect(await applicationNodes(page, 'suspension')).toEqual(['rejected']);
      expect(await page.getByTestId('ticket-page').getAttribute('data-node')).toBe('handling');
      await screenshot(page, 'hnd-parent-reviewed');
    });
    await wb.as('zjg.gaj.handler', async (page) => {
      await openList(page, '事件处置', 'pending');
      await expectListed(page, id);
    });
    await wb.as('zjg.cgj.hws.handler', async (page) => {
      await expectMessage(page, '挂账申请未通过');
      await page.goto(`/tickets/${id}`);
      await page.getByTestId('ticket-page').waitFor();
      // told, and goes on: the task is workable, not suspended
      expect(await taskRow(page, 'zjg.cgj.hws').getAttribute('data-node')).toBe('pending');
      await press(page, 'task-actions-zjg.cgj.hws', 'task.applyTransfer');
      await searchOption(page, 'department', '城管执法大队');
      await fillOpinion(page, '属执法大队职责');
      await confirm(page);
      await expect.poll(() => newestApplication(page, 'transfer').getAttribute('data-node')).toBe('parentReview');
    });
    await wb.as('zjg.cgj.handler', async (page) => {
      await openList(page, '待我审核', 'transfer');
      await pressRow(page, id, 'app.approve');
      await fillOpinion(page, '同意，报中心');
      await confirm(page);
      await expectListed(page, id, false);
      await openTab(page, 'reviewed');
      await expect.poll(() => listRow(page, id).count()).toBe(4);
    });
    await wb.as('zjg.shiftleader', async (page) => {
      // pass: forwarded to the center's shift leader
      await openList(page, '转派审核', 'pending');
      await expectListed(page, id);
      await openRow(page, id);
      expect(await newestApplication(page, 'transfer').getAttribute('data-node')).toBe('centerReview');
      await press(page, 'application-actions-transfer-zjg.cgj.hws', 'app.approve');
      await confirm(page);
      await expect.poll(() => taskRow(page, 'zjg.cgj.hws').getAttribute('data-node')).toBe('transferred');
      expect(await page.getByTestId('ticket-tasks').locator('tr[data-department="zjg.cgj.zfdd"][data-node="pending"]').count()).toBe(1);
    });
  });

  it('shows 下派 and 待我审核 in English', async () => {
    const en = new Workbench(browser, server.url, 'en-US');
    const id = await assigned('English sub-dispatch', { handling: 'mainAssist', main: 'zjg.cgj' });
    await en.as('zjg.cgj.handler', async (page) => {
      await openList(page, 'Handling', 'pending');
      await openRow(page, id);
      await press(page, 'task-actions-zjg.cgj', 'task.subDispatch');
      const body = await page.getByTestId('action-dialog-body').textContent();
      expect(body).toContain('Main department');
      await pickDepartments(page, 'main', ['Yangshe Urban Management Squadron']);
      await fillOpinion(page, 'Please handle on site');
      await screenshot(page, 'hnd-dialog-subdispatch-en');
      await confirm(page);
      await taskRow(page, 'ys.cgzd').waitFor();
    });
    await en.as('ys.cgzd.handler', async (page) => {
      await openList(page, 'Handling', 'pending');
      await openRow(page, id);
      await press(page, 'task-actions-ys.cgzd', 'task.applySuspension');
      await fillOpinion(page, 'Waiting for the owner');
      await confirm(page);
      await expect.poll(() => newestApplication(page, 'suspension').getAttribute('data-node')).toBe('parentReview');
      expect(await newestApplication(page, 'suspension').textContent()).toContain('Parent department review');
    });
    await en.as('zjg.cgj.handler', async (page) => {
      await openList(page, 'Pending my review', 'suspension');
      await expectListed(page, id);
      const tabs = await page.getByTestId('list-tabs').textContent();
      expect(tabs).not.toMatch(/[\u4e00-\u9fff]/);
      await screenshot(page, 'hnd-reviews-en');
      await pressRow(page, id, 'app.approve');
      await settled(page);
      await screenshot(page, 'hnd-reviews-approve-en');
      await fillOpinion(page, 'Agreed, on to the center');
      await confirm(page);
      await expectListed(page, id, false);
    });
  });
});
