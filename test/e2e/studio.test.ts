import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { launchBrowser, login, newPage, screenshot } from './support/browser.js';
import { DEMO_PASSWORD, startE2eServer, type E2eServer } from './support/server.js';
import { addItem, choose, createMunicipalDomain, fill, fillDispatchedItem, fillPersonalForm, newDefinition, saveDefinition, settled } from './support/studio.js';

const PERSONAL_FORM = {
  properties: {
    facilityType: { type: 'string', title: '设施类型', enum: ['路灯', '井盖', '护栏', '其他'] },
    damaged: { type: 'boolean', title: '是否损坏', default: false },
    damageDetail: { type: 'string', title: '损坏情况', maxLength: 500 },
  },
  allOf: { if: { properties: { damaged: { const: true } }, required: ['damaged'] }, then: { required: ['damageDetail'] } },
};

interface Task { department: string; role: string; node: string }

describe('studio in chromium', () => {
  let server: E2eServer;
  let browser: Browser;
  let page: Page;

  const api = async (user: string) => {
    const res = await page.request.post('/api/auth/login', { data: { login: user, password: DEMO_PASSWORD } });
    const { token } = await res.json() as { token: string };
    return { authorization: `Bearer ${token}` };
  };

  beforeAll(async () => {
    server = await startE2eServer();
    browser = await launchBrowser();
    page = await newPage(browser, server.url);
    await login(page, 'sz.admin', '/studio/');
  });
  afterAll(async () => {
    await browser?.close();
    await server?.dispose();
  });

  it('lists every definition kind in the menu and the drafts of a kind with search', async () => {
    const menu = page.getByTestId('studio-menu');
    for (const group of ['领域与事项', '流程与表单', '时限与日历', '参数与字典', '组织机构', '检查与发布']) expect(await menu.textContent()).toContain(group);
    await page.goto('/studio/kinds/item');
    await page.getByTestId('definition-table').locator('tbody tr.ant-table-row').first().waitFor();
    await page.getByTestId('list-search').locator('input').fill('垃圾');
    await page.getByTestId('list-search').locator('input').press('Enter');
    await expect.poll(async () => (await page.getByTestId('definition-table').locator('tbody tr.ant-table-row').allTextContents()).join('|')).toContain('暴露垃圾');
    await page.getByTestId('list-search').locator('input').fill('2000000001');
    await page.getByTestId('list-search').locator('input').press('Enter');
    await expect.poll(() => page.getByTestId('definition-table').locator('tbody tr.ant-table-row').count()).toBe(1);
    expect(await page.getByTestId('definition-table').locator('tbody tr.ant-table-row').textContent()).toContain('暴露垃圾');
    await page.getByTestId('list-search').locator('input').fill('');
    await page.getByTestId('list-search').locator('input').press('Enter');
    await expect.poll(() => page.getByTestId('definition-table').locator('tbody tr.ant-table-row').count()).toBeGreaterThan(10);
    await screenshot(page, 'studio-kinds');

    // the seed's rule: a directory is disabled only when no item is linked to it
    await page.goto('/studio/kinds/catalogueDirectory');
    const toggle = page.getByTestId('toggle-dir.srhj.hjws');
    await toggle.click();
    await expect.poll(() => page.locator('.ant-message-error').textContent()).toContain('不能停用');
    expect(await page.locator('.ant-message-error').textContent()).toContain('item.bllj');
    expect(await toggle.getAttribute('aria-checked')).toBe('true');
  });

  it('creates the domain 市政设施 with a directory, an overall and a stage limit and a personalised form with a required and a conditional field', async () => {
    await createMunicipalDomain(page);

    await newDefinition(page, 'timeLimit');
    await fill(page, 'root_id', 'tl.municipal.3wd');
    await fill(page, 'root_name', '市政设施3工作日');
    await choose(page, 'root_type', 'overall');
    await fill(page, 'root_amount', '3');
    await choose(page, 'root_unit', 'workDay');
    await choose(page, 'root_metering', 'cumulative');
    await choose(page, 'root_calendar', 'cn-official');
    await choose(page, 'root_attendance', 'standard');
    await saveDefinition(page, 'tl.municipal.3wd');

    await newDefinition(page, 'timeLimit');
    await fill(page, 'root_id', 'tl.municipal.stage');
    await fill(page, 'root_name', '市政设施受理 2 工作时');
    await choose(page, 'root_type', 'stage');
    await fill(page, 'root_amount', '2');
    await choose(page, 'root_unit', 'workHour');
    await choose(page, 'root_metering', 'single');
    await saveDefinition(page, 'tl.municipal.stage');

    // the personalised form: a required field and a field required only when the facility is damaged
    await fillPersonalForm(page, { id: 'form.municipal.ld', name: '路灯损坏专表', properties: PERSONAL_FORM.properties, required: 'facilityType', rule: PERSONAL_FORM.allOf });
    const preview = page.getByTestId('form-preview');
    await preview.getByText('设施类型').waitFor();
    await preview.getByTestId('preview-check').click();
    await expect.poll(() => preview.locator('.ant-form-item-explain-error').count()).toBeGreaterThan(0);
    await saveDefinition(page, 'form.municipal.ld');

  });

  it('creates two items of the domain (one with the personalised form and a dispatch to main and assisting departments), a stage limit, and publishes them', async () => {
    // item 1: personalised form, domain with its overall limit, dispatch at 张家港 to two departments (main + assist)
    await fillDispatchedItem(page, { id: 'item.municipal.ld', directory: 'dir.municipal', code: '9100000001', name: '路灯损坏', form: 'form.municipal.ld', domain: 'municipal', overallLimit: 'tl.municipal.3wd' });
    await page.getByTestId('form-preview').getByText('设施类型').waitFor();
    await page.evaluate(() => window.scrollTo(0, 0));
    await screenshot(page, 'studio-item-editor');
    await saveDefinition(page, 'item.municipal.ld');

    // item 2: the domain's default form and limit
    await newDefinition(page, 'item');
    await fill(page, 'root_id', 'item.municipal.jg');
    await choose(page, 'root_directory', 'dir.municipal');
    await fill(page, 'root_code', '9100000002');
    await fill(page, 'root_name', '井盖缺失');
    await addItem(page, 'root_domains');
    await choose(page, 'root_domains_0_domain', 'municipal');
    await choose(page, 'root_domains_0_overallLimit', 'tl.municipal.3wd');
    await saveDefinition(page, 'item.municipal.jg');

    // the stage limit goes on the acceptance node of the flow the domain runs, from the flow graph
    await page.goto('/studio/flow-graph?id=flow.linkage');
    await page.getByTestId('flow-node-acceptance').click();
    await expect.poll(() => page.getByTestId('node-panel-title').textContent()).toContain('acceptance');
    await expect.poll(() => page.getByTestId('node-buttons').textContent()).toContain('送分拨');
    await choose(page, 'node-stage-limit', 'tl.municipal.stage');
    await page.getByTestId('save-stage-limit').click();
    await page.locator('.ant-message-success').waitFor();
    await expect.poll(() => page.getByTestId('flow-node-acceptance').textContent()).toContain('市政设施受理');
    await page.getByTestId('node-panel').waitFor();
    await settled(page);
    await screenshot(page, 'studio-flow');

    await page.goto('/studio/publish');
    await page.getByTestId('diff-table').waitFor();
    const pending = await page.getByTestId('diff-table').textContent();
    for (const id of ['municipal', 'dir.municipal', 'item.municipal.ld', 'item.municipal.jg', 'form.municipal.ld', 'tl.municipal.3wd', 'tl.municipal.stage', 'flow.linkage']) expect(pending).toContain(id);
    await page.getByTestId('publish').click();
    await page.locator('.ant-modal').getByTestId('diff-table').waitFor();
    await settled(page);
    await screenshot(page, 'studio-publish-diff');
    await page.getByTestId('publish-confirm').click();
    await expect.poll(() => page.getByTestId('published').textContent()).toContain('V2');

    await page.goto('/studio/versions');
    await expect.poll(() => page.getByTestId('versions-table').textContent()).toContain('V2');
    await expect.poll(async () => (await page.getByTestId('diff-table').textContent()) ?? '').toContain('item.municipal.ld');
  });

  it('registers a ticket of the new item as an acceptor and sends it to the departments the configuration names', async () => {
    const acceptor = await api('zjg.acceptor');
    const fields = {
      reportTime: '2026-06-10T09:00:00+08:00', channel: 'phone', reporterName: '张三', reporterPhone: '13812345678', reporterGender: '男',
      title: '路灯损坏', description: '东桥路路灯杆倾斜', regionCode: '320582', address: '东桥路 12 号', grid: 'g.ys.dq.01', item: 'item.municipal.ld',
      eventType: 'complaint', difficult: false, facilityType: '路灯', damaged: true,
    };
    const body = { domain: 'municipal', item: 'item.municipal.ld', title: '路灯损坏', channel: 'phone', grid: 'g.ys.dq.01', button: 'acc.toDispatch', opinion: '送分拨' };
    // the personalised form's conditional field is required once the facility is damaged
    const missing = await page.request.post('/api/tickets', { headers: acceptor, data: { ...body, fields } });
    expect(missing.status(), await missing.text()).toBe(400);
    expect(await missing.text()).toContain('damageDetail');

    const res = await page.request.post('/api/tickets', { headers: acceptor, data: { ...body, fields: { ...fields, damageDetail: '灯杆倾斜' } } });
    expect(res.status(), await res.text()).toBe(201);
    const { ticket } = await res.json() as { ticket: { id: string; node: string; domain: string } };
    expect(ticket).toMatchObject({ domain: 'municipal', node: 'handling' });
    const detail = await (await page.request.get(`/api/tickets/${ticket.id}`, { headers: acceptor })).json() as { tasks: Task[] };
    expect(detail.tasks.map((t) => [t.department, t.role]).sort()).toEqual([['zjg.cgj', 'main'], ['zjg.zjj', 'assist']]);

    const handler = await api('zjg.cgj.handler');
    const seen = await page.request.get(`/api/tickets/${ticket.id}`, { headers: handler });
    expect(seen.status()).toBe(200);
  });

  it('shows lint findings of a broken flow next to the field and refuses to publish until it is fixed', async () => {
    const admin = await api('sz.admin');
    const flow = (await (await page.request.get('/api/definitions/flow/flow.linkage', { headers: admin })).json() as { definition: { transitions: { from: string[]; to?: string }[] } }).definition;
    const original = flow.transitions[41]!.to!;

    await page.goto('/studio/kinds/flow/edit?id=flow.linkage');
    await page.getByTestId('definition-form').waitFor();
    await page.getByTestId('toggle-root_transitions_41').click();
    await fill(page, 'root_transitions_41_to', 'nowhere');
    await saveDefinition(page, 'flow.linkage');
    const findings = page.getByTestId('definition-findings');
    await expect.poll(() => findings.textContent()).toContain('LINT_TRANSITION_UNKNOWN_NODE');
    expect(await findings.textContent()).toContain('/transitions/41/to');
    const field = page.locator('.ant-form-item').filter({ has: page.locator('#root_transitions_41_to') }).last();
    expect(await field.locator('.ant-form-item-explain-error').textContent()).toContain('LINT_TRANSITION_UNKNOWN_NODE');

    await page.goto('/studio/lint');
    await expect.poll(() => page.getByTestId('findings-table').textContent()).toContain('LINT_TRANSITION_UNKNOWN_NODE');
    expect(await page.getByTestId('lint-summary').textContent()).toMatch(/[1-9]\d* 个错误/);
    await screenshot(page, 'studio-lint');

    // the flow graph marks the nodes the findings point at
    await page.goto('/studio/flow-graph?id=flow.linkage');
    await expect.poll(() => page.getByTestId('flow-findings').textContent()).toContain('LINT_TRANSITION_UNKNOWN_NODE');
    const from = flow.transitions[41]!.from[0]!;
    await expect.poll(() => page.getByTestId(`flow-node-${from}`).getAttribute('data-findings')).not.toBe('0');
    await screenshot(page, 'studio-flow-lint');

    await page.goto('/studio/publish');
    await page.getByTestId('publish-blocked').waitFor();
    expect(await page.getByTestId('publish').isDisabled()).toBe(true);
    expect(await page.getByTestId('findings-table').textContent()).toContain('flow.linkage');
    const refused = await page.request.post('/api/definitions/publish', { headers: admin });
    expect(refused.status()).toBe(422);
    await screenshot(page, 'studio-publish-blocked');

    await page.goto('/studio/kinds/flow/edit?id=flow.linkage');
    await page.getByTestId('definition-form').waitFor();
    await fill(page, 'root_transitions_41_to', original);
    await saveDefinition(page, 'flow.linkage');
    await expect.poll(() => page.getByText('检查通过，此定义没有问题').count()).toBe(1);
    await page.goto('/studio/publish');
    await page.getByTestId('running-version').waitFor();
    await expect.poll(() => page.getByTestId('publish-blocked').count()).toBe(0);
  });

  it('edits a definition as JSON in the bundled monaco editor, validated against the kind\u2019s schema', async () => {
    await page.goto('/studio/kinds/domain/edit?id=linkage');
    await page.getByTestId('definition-form').waitFor();
    await page.getByRole('tab', { name: 'JSON' }).click();
    const editor = page.getByTestId('json-editor').locator('.monaco-editor');
    await editor.waitFor();
    await expect.poll(() => editor.locator('.view-lines').textContent()).toContain('flow.linkage');
    await editor.locator('.view-lines').click();
    await page.keyboard.press('Control+A');
    // pasted: typed keys meet monaco's bracket and quote auto-closing
    await page.context().grantPermissions(['clipboard-read', 'clipboard-write'], { origin: server.url });
    await page.evaluate((text) => navigator.clipboard.writeText(text), '{"id": 5, "flow": "flow.linkage"}');
    await page.keyboard.press('Control+V');
    const errors = page.getByTestId('schema-errors');
    await expect.poll(async () => (await errors.count()) > 0 && (await errors.textContent())).toContain('/id');
    expect(await errors.textContent()).toContain('/name');
    expect(await errors.textContent()).not.toContain('/flow');
    // monaco marks the same schema problems in the text
    await expect.poll(() => editor.locator('.squiggly-warning, .squiggly-error').count()).toBeGreaterThan(0);
    await screenshot(page, 'studio-json');
    const scripts = await page.evaluate(() => performance.getEntriesByType('resource').map((e) => e.name).filter((n) => !n.startsWith(location.origin)));
    expect(scripts).toEqual([]);
  });

  it('exports every package as a file and imports it back, refusing a broken one with its findings', async () => {
    await page.goto('/studio/packages');
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('export').click()]);
    const file = await download.path();
    const set = JSON.parse(await readFile(file, 'utf8')) as { packages: { manifest: { name: string }; files: { path: string; data: unknown }[] }[] };
    expect(set.packages.map((p) => p.manifest.name)).toEqual(['calendar-cn', 'demo-org', 'hotline-12345', 'linkage']);

    const broken = structuredClone(set);
    const items = broken.packages.find((p) => p.manifest.name === 'linkage')!.files.find((f) => f.path === 'items.json')!;
    (items.data as { code: string }[])[0]!.code = 'x';
    const dir = await mkdtemp(join(tmpdir(), 'studio-import-'));
    await writeFile(join(dir, 'broken.json'), JSON.stringify(broken));
    await page.locator('input[type=file]').setInputFiles(join(dir, 'broken.json'));
    await expect.poll(() => page.getByTestId('findings-table').textContent()).toContain('/0/code');

    await page.locator('input[type=file]').setInputFiles(file);
    await page.locator('.ant-message-success').filter({ hasText: '已导入 4 个定义包' }).waitFor();
    await rm(dir, { recursive: true, force: true });
  });
});
