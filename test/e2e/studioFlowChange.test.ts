import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { launchBrowser, login, newPage, screenshot } from './support/browser.js';
import { startE2eServer, type E2eServer } from './support/server.js';
import { choose, fill, saveDefinition, settled } from './support/studio.js';
import { bearer, createAsJson, pasteJson, publishDrafts } from './support/studioJson.js';
import { confirm, fillOpinion, press } from './support/ticketPage.js';
import { expectListed, openList, openRow, taskRow, Workbench } from './support/workbench.js';

/*
 * Where 现场勘查 goes. In this product "department handling" is the task flow (flow.linkage.task: a
 * department's task is pending until it presses 办结) and "result review" is the result application that
 * 办结 creates (reviewed by the center's reviewer in 结果审核). So the step between them is a task node:
 * 办结 now moves the task to siteInspection, and the new button 勘查完成 there completes the task and
 * creates the result application. A domain runs a ticket flow, whose `taskFlow` names the task flow:
 * the general ticket flow is copied (with its status bindings) onto flow.municipal whose taskFlow is the
 * copied task flow flow.municipal.task holding the new node, and the domain 市政设施 is bound to it.
 */

type Json = Record<string, unknown>;
interface Transition { from: string[]; button?: string; event?: string; to?: string; effects?: { type: string; params?: Json }[] }
interface Detail {
  ticket: { id: string; node: string; flow: string; bundleHash: string };
  tasks: { id: string; department: string; node: string; flow: string }[];
  applications: { id: string; kind: string; node: string }[];
  actions: { tasks: Record<string, { button: string; allowed: boolean }[]> };
}

const ITEM = {
  id: 'item.municipal.gd', directory: 'dir.municipal', code: '9100000011', name: '管道破损', enabled: true,
  domains: [{ domain: 'municipal', overallLimit: 'tl.overall.1nd' }],
  dispatch: [{ region: 'zjg', mode: 'departments', assignment: { handling: 'mainAssist', main: 'zjg.cgj' } }],
};

/** The general task flow with 现场勘查 between 办结 and the result application. */
function withSiteInspection(source: Json): Json {
  const nodes = [...source.nodes as Json[]];
  nodes.splice(nodes.findIndex((n) => n.id === 'completed'), 0, { id: 'siteInspection', name: '现场勘查', stageLimit: 'tl.municipal.site' });
  const transitions = (source.transitions as Transition[]).flatMap((t): Transition[] => {
    if (t.button === 'task.complete') {
      return [
        { ...t, to: 'siteInspection', effects: (t.effects ?? []).filter((e) => e.type !== 'createApplication') },
        { ...t, from: ['siteInspection'], button: 'task.siteDone', to: 'completed' },
      ];
    }
    // a task under inspection may still be withdrawn
    if (t.to === 'withdrawn') return [{ ...t, from: [...t.from, 'siteInspection'] }];
    return [t];
  });
  return { ...source, id: 'flow.municipal.task', name: '市政设施部门处置流程（含现场勘查）', nodes, transitions };
}

describe('studio: a changed flow reaches the workbench, tickets started before keep theirs', () => {
  let server: E2eServer;
  let browser: Browser;
  let page: Page;
  let wb: Workbench;
  let before: string;
  let after: string;

  const register = async (title: string): Promise<string> => {
    const fields = {
      reportTime: new Date().toISOString(), channel: 'phone', reporterName: '张三', reporterPhone: '13812345678', reporterGender: '男',
      title, description: '人行道下管道破损漏水', regionCode: '320582', address: '东桥路 12 号', grid: 'g.ys.dq.01', item: ITEM.id, eventType: 'complaint', difficult: false,
    };
    const res = await page.request.post('/api/tickets', {
      headers: await bearer(page, 'zjg.acceptor'),
      data: { domain: 'municipal', item: ITEM.id, title, channel: 'phone', grid: 'g.ys.dq.01', fields, button: 'acc.toDispatch', opinion: '送分拨' },
    });
    expect(res.status(), await res.text()).toBe(201);
    return ((await res.json()) as { ticket: { id: string } }).ticket.id;
  };
  const detail = async (id: string, user = 'zjg.cgj.handler'): Promise<Detail> =>
    (await page.request.get(`/api/tickets/${id}`, { headers: await bearer(page, user) })).json() as Promise<Detail>;

  beforeAll(async () => {
    server = await startE2eServer();
    browser = await launchBrowser();
    page = await newPage(browser, server.url);
    await page.context().grantPermissions(['clipboard-read', 'clipboard-write'], { origin: server.url });
    await login(page, 'sz.admin', '/studio/');
    wb = new Workbench(browser, server.url);
  });
  afterAll(async () => {
    await browser?.close();
    await server?.dispose();
  });

  it('publishes the domain 市政设施 on the general flow and a ticket starts on it', async () => {
    await createAsJson(page, 'domain', { id: 'municipal', name: '市政设施', flow: 'flow.linkage', form: 'form.default', enabled: true });
    await createAsJson(page, 'catalogueDirectory', { id: 'dir.municipal', name: '市政设施', enabled: true });
    await createAsJson(page, 'item', ITEM);
    await publishDrafts(page, 2);
    before = await register('管道破损（发布前）');
    const d = await detail(before);
    expect(d.ticket).toMatchObject({ node: 'handling', flow: 'flow.linkage' });
    expect(d.tasks.map((t) => [t.department, t.node, t.flow])).toEqual([['zjg.cgj', 'pending', 'flow.linkage.task']]);
  });

  it('copies the general flows, inserts 现场勘查 with its button, group, status binding, stage limit and list, binds the domain and publishes', async () => {
    const admin = await bearer(page, 'sz.admin');
    const source = ((await (await page.request.get('/api/definitions/flow/flow.linkage.task', { headers: admin })).json()) as { definition: Json }).definition;

    await createAsJson(page, 'timeLimit', { id: 'tl.municipal.site', name: '现场勘查 4 工作时', type: 'stage', amount: 4, unit: 'workHour', metering: 'single', calendar: 'cn-official', attendance: 'standard', enabled: true });
    await createAsJson(page, 'buttonGroup', { id: 'bg.siteInspection', name: '现场勘查', order: 9, enabled: true });
    await createAsJson(page, 'buttonType', {
      id: 'task.siteDone', name: '勘查完成', nameEn: 'Inspection done', group: 'bg.siteInspection', scope: 'task', method: 'action', order: 36, enabled: true,
      dialog: { opinion: 'required', opinionLabel: '勘查结论', opinionLabelEn: 'Inspection findings' },
    });

    // the task flow: "复制" in the list opens the editor on a copy under a new id
    await page.goto('/studio/kinds/flow');
    await page.getByTestId('copy-flow.linkage.task').click();
    await expect.poll(() => page.getByTestId('editor-title').textContent()).toContain('flow.linkage.task');
    expect(await page.locator('#root_id').inputValue()).toBe('flow.linkage.task.copy');
    expect(await page.getByTestId('copy-bindings').locator('input').isChecked()).toBe(true);
    await pasteJson(page, withSiteInspection(source));
    await saveDefinition(page, 'flow.municipal.task');
    await page.locator('.ant-message-success').filter({ hasText: '流程状态配置' }).waitFor();

    // the ticket flow: a copy whose departments run the new task flow
    await page.goto('/studio/kinds/flow');
    await page.getByTestId('copy-flow.linkage').click();
    await expect.poll(() => page.locator('#root_id').inputValue()).toBe('flow.linkage.copy');
    await fill(page, 'root_id', 'flow.municipal');
    await fill(page, 'root_name', '市政设施业务协同流程');
    await choose(page, 'root_taskFlow', 'flow.municipal.task');
    await saveDefinition(page, 'flow.municipal');

    await createAsJson(page, 'statusBinding', {
      id: 'sb.task.siteInspection.municipal', flow: 'flow.municipal.task', node: 'siteInspection', statusText: '现场勘查中', statusTextEn: 'Site inspection',
      statusValue: 34, textColor: '#531dab', backgroundColor: '#f9f0ff', handlerType: 'role', role: 'handler',
    });
    const tasks = ((await (await page.request.get('/api/definitions/view/view.hnd.tasks', { headers: admin })).json()) as { definition: Json }).definition;
    await createAsJson(page, 'view', {
      ...tasks, id: 'view.hnd.site', name: '现场勘查', nameEn: 'Site inspection', order: 15, toolbarButtons: ['list.export'],
      tabs: [{ key: 'site', name: '待勘查', nameEn: 'To inspect', query: { nodes: ['siteInspection'], scope: 'department', sort: { field: 'createdAt', dir: 'asc' } }, rowButtons: ['list.view'] }],
    });

    await page.goto('/studio/kinds/domain/edit?id=municipal');
    await page.getByTestId('definition-form').waitFor();
    await pasteJson(page, { id: 'municipal', name: '市政设施', flow: 'flow.municipal', form: 'form.default', enabled: true });
    await saveDefinition(page, 'municipal');

    await page.goto('/studio/flow-graph?id=flow.municipal.task');
    await page.getByTestId('flow-node-siteInspection').click();
    await expect.poll(() => page.getByTestId('node-buttons').textContent()).toContain('勘查完成');
    await page.getByTestId('node-panel').waitFor();
    await settled(page);
    await screenshot(page, 'studio-flow-site-inspection');

    await publishDrafts(page, 3);
    const bindings = ((await (await page.request.get('/api/definitions/statusBinding?limit=1000', { headers: admin })).json()) as { items: { definition: { flow: string } }[] }).items;
    expect(bindings.filter((b) => b.definition.flow === 'flow.municipal').length).toBe(bindings.filter((b) => b.definition.flow === 'flow.linkage').length);
  });

  it('runs a new ticket through 现场勘查: its list and button for the department handler, then result review', async () => {
    after = await register('管道破损（发布后）');
    const started = await detail(after);
    const old = await detail(before);
    expect(started.ticket.flow).toBe('flow.municipal');
    expect(started.tasks[0]!.flow).toBe('flow.municipal.task');
    expect(started.ticket.bundleHash).not.toBe(old.ticket.bundleHash);

    await wb.as('zjg.cgj.handler', async (p) => {
      await openList(p, '事件处置', 'pending');
      await openRow(p, after);
      await press(p, 'task-actions-zjg.cgj', 'task.complete');
      await fillOpinion(p, '管道已修复，待现场勘查');
      await confirm(p);
      await expect.poll(() => taskRow(p, 'zjg.cgj').getAttribute('data-node')).toBe('siteInspection');
      expect(await taskRow(p, 'zjg.cgj').textContent()).toContain('现场勘查中');

      await p.goto('/');
      await openList(p, '现场勘查', 'site');
      await expectListed(p, after);
      await expectListed(p, before, false);
      await screenshot(p, 'workbench-site-inspection-list');
      await openRow(p, after);
      const button = p.getByTestId('task-actions-zjg.cgj').locator('button[data-button="task.siteDone"]');
      expect(await button.textContent()).toContain('勘查完成');
      expect(await button.getAttribute('data-allowed')).toBe('true');
      // no result application before the inspection is done, and the node's bound role is the department's handler
      const inspecting = await detail(after);
      expect(inspecting.applications.filter((a) => a.kind === 'result')).toEqual([]);
      const forReviewer = (await detail(after, 'zjg.reviewer')).actions.tasks[inspecting.tasks[0]!.id] ?? [];
      expect(forReviewer.filter((a) => a.button === 'task.siteDone' && a.allowed)).toEqual([]);
      await press(p, 'task-actions-zjg.cgj', 'task.siteDone');
      await fillOpinion(p, '现场勘查无渗漏');
      await confirm(p);
      await expect.poll(() => taskRow(p, 'zjg.cgj').getAttribute('data-node')).toBe('completed');
    });
    const result = await detail(after, 'zjg.reviewer');
    expect(result.applications.filter((a) => a.kind === 'result').map((a) => a.node)).toEqual(['centerReview']);

    await wb.as('zjg.reviewer', async (p) => {
      await openList(p, '结果审核', 'pending');
      await expectListed(p, after);
    });
  });

  it('keeps a ticket started before the publish on its flow: 办结 goes straight to result review', async () => {
    const old = await detail(before);
    expect(old.ticket.flow).toBe('flow.linkage');
    await wb.as('zjg.cgj.handler', async (p) => {
      await openList(p, '事件处置', 'pending');
      await openRow(p, before);
      await press(p, 'task-actions-zjg.cgj', 'task.complete');
      await fillOpinion(p, '管道已修复');
      await confirm(p);
      await expect.poll(() => taskRow(p, 'zjg.cgj').getAttribute('data-node')).toBe('completed');
    });
    const done = await detail(before);
    expect(done.ticket.bundleHash).toBe(old.ticket.bundleHash);
    expect(done.tasks[0]!.flow).toBe('flow.linkage.task');
    expect(done.applications.filter((a) => a.kind === 'result').map((a) => a.node)).toEqual(['centerReview']);
  });
});
