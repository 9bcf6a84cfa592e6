import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { newPage, screenshot } from './support/browser.js';
import { useE2e } from './support/useE2e.js';
import { confirm, fillOpinion, openTicket, pickDepartments, pickOption, press, ticketNode } from './support/ticketPage.js';

/** The seed's scenarios played by clicking through the ticket detail, each step by the demo user whose job it is. */
describe('ticket lifecycle through the detail page in chromium', () => {
  const { server, browser, api } = useE2e();

  /** Opens the ticket as `user`, runs the steps, closes the page. */
  async function as(user: string, id: string, steps: (page: Page) => Promise<void>): Promise<void> {
    const page = await newPage(browser, server.url);
    try {
      await openTicket(page, user, id);
      await steps(page);
    } finally {
      await page.context().close();
    }
  }

  const taskRow = (page: Page, department: string) => page.getByTestId('ticket-tasks').locator(`tr[data-department="${department}"]`);
  const applicationRow = (page: Page, kind: string) => page.getByTestId('ticket-applications').locator(`tr[data-kind="${kind}"]`).first();

  it('DSP-2 → HND-1 → REV-3 → REV-1 → CLS-1 → CLS-3: main+assist with an approved extension, callback and close', async () => {
    const { id } = await api.register('zjg.acceptor', { title: '人民路沿街违规广告牌', callbackWanted: true });

    await as('zjg.dispatcher', id, async (page) => {
      expect(await ticketNode(page)).toBe('dispatch');
      await press(page, 'ticket-actions', 'dsp.assign');
      // 主协办 is the default: main and assists are offered, the multi-department list is not
      expect(await page.getByTestId('picker-action_departments').count()).toBe(0);
      await pickDepartments(page, 'main', ['张家港市城市管理局']);
      await pickDepartments(page, 'assists', ['张家港市生态环境局']);
      await pickDepartments(page, 'cc', ['张家港市公安局']);
      await fillOpinion(page, '请城管局牵头拆除，生态环境局配合');
      await expect.poll(() => page.locator('.ant-select-dropdown:visible').count()).toBe(0);
      await screenshot(page, 'dialog-assign');
      await confirm(page, 'handling');
      expect(await taskRow(page, 'zjg.cgj').textContent()).toContain('主办');
      expect(await taskRow(page, 'zjg.sthj').textContent()).toContain('协办');
    });

    await as('zjg.cgj.handler', id, async (page) => {
      await press(page, 'task-actions-zjg.cgj', 'task.applyExtension');
      // HND-1: YQ_APPLY_COUNT is 2 in the seed's parameters
      expect(await page.getByTestId('hint-limit').textContent()).toContain('还可申请 2 次');
      expect(await page.getByTestId('hint-deadlines').textContent()).toMatch(/当前环节截止：\d{4}-\d\d-\d\d \d\d:\d\d；事件到期：\d{4}/);
      await page.locator('#action_amount').fill('1');
      await fillOpinion(page, '广告牌体量大，需联系吊车外运');
      await screenshot(page, 'dialog-extension');
      await confirm(page);
      await expect.poll(() => applicationRow(page, 'extension').getAttribute('data-node')).toBe('centerReview');
      expect(await applicationRow(page, 'extension').textContent()).toContain('延期 1 工作日');
    });

    // REV-3: the center's shift leader reviews extensions
    await as('zjg.shiftleader', id, async (page) => {
      await press(page, 'application-actions-extension-zjg.cgj', 'app.approve');
      expect(await page.getByTestId('hint-application').textContent()).toContain('广告牌体量大');
      expect(await page.getByTestId('hint-deadlines').textContent()).toContain('通过后环节截止');
      await fillOpinion(page, '同意延期');
      await confirm(page);
      await expect.poll(() => applicationRow(page, 'extension').getAttribute('data-node')).toBe('approved');
    });

    await as('zjg.sthj.handler', id, async (page) => {
      await press(page, 'task-actions-zjg.sthj', 'task.complete');
      await fillOpinion(page, '已配合现场检查');
      await confirm(page);
      await expect.poll(() => taskRow(page, 'zjg.sthj').getAttribute('data-node')).toBe('completed');
    });
    await as('zjg.cgj.handler', id, async (page) => {
      expect(await taskRow(page, 'zjg.cgj').textContent()).toContain('延期 1');
      await press(page, 'task-actions-zjg.cgj', 'task.complete');
      await fillOpinion(page, '广告牌已拆除');
      await confirm(page);
      await expect.poll(() => taskRow(page, 'zjg.cgj').getAttribute('data-node')).toBe('completed');
    });

    // REV-1: the assist's approval does not move the ticket, the main's does
    await as('zjg.reviewer', id, async (page) => {
      await press(page, 'application-actions-result-zjg.sthj', 'app.approve');
      await confirm(page, 'handling');
      await press(page, 'application-actions-result-zjg.cgj', 'app.approve');
      await fillOpinion(page, '处置到位');
      await confirm(page, 'callback');
    });

    await as('zjg.acceptor', id, async (page) => {
      await press(page, 'ticket-actions', 'cb.submit');
      await pickOption(page, 'satisfaction', '满意');
      await fillOpinion(page, '市民表示满意');
      await confirm(page, 'closing');
    });

    await as('zjg.shiftleader', id, async (page) => {
      await press(page, 'ticket-actions', 'cls.close');
      await fillOpinion(page, '结案');
      await confirm(page, 'closed');
      expect(await page.getByTestId('ticket-status').textContent()).toBe('已结案');
      // CLS-2: a closed ticket can still be evaluated, but not closed again
      expect(await page.getByTestId('ticket-actions').locator('button').evaluateAll((els) => els.map((e) => e.getAttribute('data-button')))).toEqual(['eval.submit']);
      const events = await page.getByTestId('ticket-timeline').getByTestId('timeline-item').evaluateAll((els) => els.map((e) => e.getAttribute('data-event')));
      expect(events.filter((e) => !e?.startsWith('$')).reverse()).toEqual([
        'acc.toDispatch', 'dsp.assign', 'task.applyExtension', 'app.approve', 'task.complete', 'task.complete', 'app.approve', 'app.approve', 'cb.submit', 'cls.close',
      ]);
      await page.getByTestId('ticket-timeline').screenshot({ path: 'test/.artifacts/screenshots/ticket-timeline.png' });
    });
  });

  it('DSP-2/REV-1 multi-department: every department completes, only the last approval moves the ticket', async () => {
    const { id } = await api.register('zjg.acceptor', { title: '河道沿岸违规广告', callbackWanted: false });
    const departments = [['zjg.sthj', '张家港市生态环境局'], ['zjg.swj', '张家港市水务局']] as const;
    await as('zjg.dispatcher', id, async (page) => {
      await press(page, 'ticket-actions', 'dsp.assign');
      await page.locator('[data-testid=action-dialog-body] label').filter({ hasText: '多部门' }).first().click();
      expect(await page.getByTestId('picker-action_main').count()).toBe(0);
      await pickDepartments(page, 'departments', departments.map(([, name]) => name));
      await fillOpinion(page, '多部门联合处置');
      await confirm(page, 'handling');
      for (const [dep] of departments) expect(await taskRow(page, dep).textContent()).toContain('多部门');
    });
    for (const [i, [dep]] of departments.entries()) {
      await as(`${dep}.handler`, id, async (page) => {
        await press(page, `task-actions-${dep}`, 'task.complete');
        await fillOpinion(page, '已处理');
        await confirm(page);
        await expect.poll(() => taskRow(page, dep).getAttribute('data-node')).toBe('completed');
      });
      await as('zjg.reviewer', id, async (page) => {
        await press(page, `application-actions-result-${dep}`, 'app.approve');
        await confirm(page, i < departments.length - 1 ? 'handling' : 'closing');
      });
    }
  });

  it('X-8 escalated to 苏州 and delegated back to 张家港', async () => {
    const { id } = await api.register('zjg.acceptor', { title: '跨区域违规广告' });
    await as('zjg.dispatcher', id, async (page) => {
      await press(page, 'ticket-actions', 'dsp.escalate');
      await fillOpinion(page, '涉及市级管理，请市中心处理');
      await confirm(page);
      // the ticket left 张家港: the page reloads it as 苏州's
      await expect.poll(() => ticketNode(page)).toBe('acceptance');
      expect(await page.getByTestId('ticket-actions').count()).toBe(0);
    });
    await as('sz.acceptor', id, async (page) => {
      await press(page, 'ticket-actions', 'acc.toDispatch');
      await fillOpinion(page, '送分拨');
      await confirm(page, 'dispatch');
    });
    await as('sz.dispatcher', id, async (page) => {
      await press(page, 'ticket-actions', 'dsp.delegate');
      await pickOption(page, 'center', '张家港市');
      await fillOpinion(page, '请张家港市处理');
      await confirm(page, 'acceptance');
    });
    // ACC-5: 张家港's acceptance pool is on — the acceptor extracts it (the pool screen is tested elsewhere)
    await api.call('zjg.acceptor', 'POST', '/api/pools/acceptance/extract');
    await as('zjg.acceptor', id, async (page) => {
      expect(await page.getByTestId('ticket-header').textContent()).toContain('张家港市');
      await press(page, 'ticket-actions', 'acc.toDispatch');
      await fillOpinion(page, '送分拨');
      await confirm(page, 'dispatch');
    });
    const d = await api.detail('zjg.dispatcher', id);
    expect(d.ticket).toMatchObject({ node: 'dispatch', center: 'zjg' });
  });

  it('HND-1/REV-4 an approved suspension freezes the task and pauses its deadline; cancelling resumes it', async () => {
    const { id } = await api.register('zjg.acceptor', { title: '工地围挡广告' });
    await api.act('zjg.dispatcher', id, { button: 'dsp.assign', opinion: '请处理', payload: { handling: 'mainAssist', main: 'zjg.cgj' } });
    await as('zjg.cgj.handler', id, async (page) => {
      await press(page, 'task-actions-zjg.cgj', 'task.applySuspension');
      expect(await page.getByTestId('hint-limit').textContent()).toContain('还可申请 1 次');
      await fillOpinion(page, '等待施工队进场');
      await confirm(page);
      await expect.poll(() => applicationRow(page, 'suspension').getAttribute('data-node')).toBe('centerReview');
    });
    await as('zjg.shiftleader', id, async (page) => {
      await press(page, 'application-actions-suspension-zjg.cgj', 'app.approve');
      await confirm(page);
      await expect.poll(() => applicationRow(page, 'suspension').getAttribute('data-node')).toBe('approved');
    });
    await as('zjg.cgj.handler', id, async (page) => {
      const row = taskRow(page, 'zjg.cgj');
      expect(await row.getAttribute('data-node')).toBe('suspended');
      expect(await row.locator('[data-sla]').getAttribute('data-sla')).toBe('paused');
      // a frozen task cannot be completed
      expect(await page.getByTestId('task-actions-zjg.cgj').locator('button[data-button="task.complete"]:not([disabled])').count()).toBe(0);
      await screenshot(page, 'ticket-suspended');
      await press(page, 'application-actions-suspension-zjg.cgj', 'app.cancelSuspension');
      await fillOpinion(page, '施工队已进场');
      await confirm(page);
      await expect.poll(() => row.getAttribute('data-node')).toBe('pending');
      expect(await row.locator('[data-sla]').getAttribute('data-sla')).not.toBe('paused');
    });
  });
});
