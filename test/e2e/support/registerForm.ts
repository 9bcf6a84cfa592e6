import { expect } from 'vitest';
import type { Locator, Page } from 'playwright-core';
import { screenshot } from './browser.js';
import { pick } from './selects.js';

/** The visible registration tab. */
export const pane = (page: Page): Locator => page.locator('[data-testid="register-tab"][data-active="true"]');
const field = (page: Page, label: string) => pane(page).getByLabel(label, { exact: true });
/** The form item (label, control, errors) of the visible tab's field labelled `label`. */
export const formItem = (page: Page, label: string): Locator => pane(page).locator('.ant-form-item').filter({ has: page.getByText(label, { exact: true }) }).last();

/** Picks `option` (its title) in an antd select or tree select, typing `search` first. */
export async function choose(page: Page, select: Locator, option: string, search?: string): Promise<void> {
  const root = select.locator('xpath=ancestor-or-self::*[contains(concat(" ", normalize-space(@class), " "), " ant-select ")][1]');
  await pick(page, {
    open: async () => {
      await select.click();
      if (search) await select.fill(search);
    },
    option: page.locator('.ant-select-dropdown:visible, .ant-tree-select-dropdown:visible').getByTitle(option, { exact: true }).first(),
    shown: root.locator('.ant-select-content'), label: option, name: 'register-choice',
  });
}

const LABELS = {
  'zh-CN': {
    channel: '上报方式', name: '上报人', phone: '联系方式', title: '事件标题', description: '事件描述', region: '行政区划', address: '事件地址',
    eventType: '事件类型', item: '所属事项', complaint: '投诉', male: '男', gender: '性别', region0: '张家港市（320582）', item0: '违规设置户外广告（2000020002）',
  },
  'en-US': {
    channel: 'Channel', name: 'Reporter', phone: 'Contact number', title: 'Title', description: 'Description', region: 'Region', address: 'Event address',
    eventType: 'Event type', item: 'Item', complaint: 'Complaint', male: 'Male', gender: 'Gender', region0: 'Zhangjiagang（320582）', item0: 'Unauthorised outdoor advertising（2000020002）',
  },
} as const;

export interface Registration {
  title: string;
  /** 上报方式 as the select shows it (电话, 网格上报 …). */
  channel: string;
  /** 事件地址: its keyword picks the grid (东桥路 → 东桥社区第1网格, 西张老街 → 西张社区第1网格). */
  address: string;
  phone?: string;
  /** 处办方式 (a registration button's name); omitted: the only one offered. */
  method?: string;
  opinion?: string;
  /** The domain to pick first (by its shown name); omitted: the default one. */
  domain?: string;
  /** The item as the picker shows it and what to type to find it; omitted: 违规设置户外广告. */
  item?: { option: string; search: string };
}

/** Fills a registration tab by typing and picking (ACC-1), with the seed's 违规设置户外广告 item unless another is named. */
export async function fillRegistration(page: Page, r: Registration, lang: 'zh-CN' | 'en-US' = 'zh-CN'): Promise<void> {
  const l = LABELS[lang];
  await page.getByTestId('register-page').waitFor();
  if (r.domain) await choose(page, pane(page).getByTestId('domain'), r.domain);
  await choose(page, field(page, l.channel), r.channel);
  await field(page, l.name).fill('赵六');
  await field(page, l.phone).fill(r.phone ?? '13700002222');
  await pane(page).locator('.ant-form-item').filter({ has: page.getByText(l.gender, { exact: true }) }).last().getByText(l.male, { exact: true }).click();
  await field(page, l.title).fill(r.title);
  await field(page, l.description).fill(`${r.title}，请尽快处理。`);
  await choose(page, field(page, l.region), l.region0);
  await field(page, l.address).fill(r.address);
  // the grid the address resolved to, by its name in the UI language (东桥社区第1网格 / Dongqiao Community Grid 1)
  await expect.poll(() => pane(page).getByTestId(/picker-.*_grid$/).textContent()).toMatch(lang === 'en-US' ? /Grid \d/ : /网格/);
  await choose(page, field(page, l.eventType), l.complaint);
  await choose(page, field(page, l.item), r.item?.option ?? l.item0, r.item?.search ?? '2000020002');
  if (r.method) await pane(page).getByTestId('method').getByText(r.method, { exact: true }).click();
  if (r.opinion !== undefined) await pane(page).getByTestId('opinion').fill(r.opinion);
}

/** Presses 提交 (or 暂存) and returns the registered ticket's id and number from the success screen. */
export async function submitRegistration(page: Page, button: 'submit' | 'save-draft' = 'submit'): Promise<{ id: string; number: string }> {
  await page.getByTestId(button).click();
  const number = /[A-Z]{2}\d{13}/.exec(await registrationAnswer(page))![0];
  const href = await pane(page).getByTestId('register-success-link').getAttribute('href');
  return { id: href!.split('/').pop()!, number };
}

/**
 * The visible tab's success line once the server has answered a registration; a refusal fails the test
 * with what the screen says and a screenshot, instead of a bare timeout.
 */
export async function registrationAnswer(page: Page): Promise<string> {
  const success = pane(page).getByTestId('register-success');
  // field errors of an earlier refused submit may still be fading out: only the success line ends the wait
  await success.waitFor({ timeout: 30_000 }).catch(() => undefined);
  if (await success.count() === 0) {
    // a refusal shows as a general error, as field errors (found by the client) or as a toast
    const refused = pane(page).getByTestId('register-general-error').or(pane(page).locator('.ant-form-item-explain-error')).or(page.locator('.ant-message-error'));
    const shot = await screenshot(page, `register-refused-${Date.now()}`);
    const errors = (await refused.allTextContents()).join(' | ');
    expect.fail(`registration not answered with success: ${errors || 'no error shown'} (screenshot ${shot}); the tab: ${(await pane(page).textContent() ?? '').slice(0, 1500)}`);
  }
  return (await success.textContent())!;
}

/** An item's personalised form as a test fills it: a required select, a switch that shows a conditional required text. */
export interface PersonalisedFields {
  select: { label: string; option: string };
  toggle: string;
  conditional: { label: string; text: string };
  /** Screenshot name, taken once everything is filled. */
  shot: string;
}

/**
 * Submits a filled registration whose item brings a personalised form: the required select and then
 * the conditional field each refuse the submit until filled; returns the registered ticket's id.
 */
export async function submitWithPersonalisedForm(page: Page, f: PersonalisedFields): Promise<string> {
  expect(await pane(page).getByText(f.conditional.label, { exact: true }).count()).toBe(0);
  await page.getByTestId('submit').click();
  await expect.poll(() => formItem(page, f.select.label).locator('.ant-form-item-explain-error').count()).toBe(1);
  expect(await pane(page).getByTestId('register-success').count()).toBe(0);
  await choose(page, field(page, f.select.label), f.select.option);

  await formItem(page, f.toggle).locator('input[type=checkbox], input[type=radio]').first().check();
  await formItem(page, f.conditional.label).waitFor();
  await page.getByTestId('submit').click();
  await expect.poll(() => formItem(page, f.conditional.label).locator('.ant-form-item-explain-error').count()).toBe(1);
  expect(await pane(page).getByTestId('register-success').count()).toBe(0);
  await field(page, f.conditional.label).fill(f.conditional.text);
  await screenshot(page, f.shot);
  return (await submitRegistration(page)).id;
}
