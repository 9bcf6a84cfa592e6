import { wordMessage, type MessageEntry, type MessageLang, type MessageTemplate } from '../lint/lintMessages.js';

const m = (en: string, zh: string): MessageTemplate => ({ 'en-US': en, 'zh-CN': zh });

/** The wording of each step autoDispatch takes (shown by the rule tester), keyed by a stable code. */
export const dispatchStepMessages = {
  DSP_ITEM_UNKNOWN: m('item {item} is unknown', '事项 {item} 不存在'),
  DSP_NO_CONFIG: m('item {item} has no dispatch configuration at {center}: manual dispatch', '事项“{item}”在{center}没有分拨配置：人工分拨'),
  DSP_DEFAULT_MODE: m('item {item} at {center}: default mode {mode}', '事项“{item}”在{center}：默认分拨方式为{mode}'),
  DSP_NO_DEPARTMENTS: m('no departments configured: manual dispatch', '没有配置分拨部门：人工分拨'),
  DSP_ASSIGN: m('assign departments ({handling})', '分拨到部门（{handling}）'),
  DSP_TOP_CENTER: m('{center} is the top center: manual dispatch', '{center}是最高一级中心：人工分拨'),
  DSP_GRID_IN: m('grid {grid} lies in {target}', '网格 {grid} 位于 {target}'),
  DSP_GRID_NOWHERE: m('grid {grid} lies in no lower center', '网格 {grid} 不在任何下级中心'),
  DSP_NO_LOWER: m('no lower center to delegate to: manual dispatch', '没有可分拨的下级中心：人工分拨'),
  DSP_NOT_BACK: m('{target} sent the ticket here: not sent back automatically', '工单由 {target} 转来：不自动退回'),
  DSP_TO: m('to {target}', '分拨到{target}'),
} as const satisfies Record<string, MessageEntry>;

export type DispatchStepCode = keyof typeof dispatchStepMessages;

/** One step of the dispatch decision: a code and its parameters. */
export interface DispatchStep {
  readonly code: DispatchStepCode;
  readonly params: Readonly<Record<string, string>>;
}

/**
 * A step worded in `lang`. In English, names take their English form where the step has one
 * (`itemEn` for `item` …) unless `englishNames` is false (the engine's own trace keeps the names).
 */
export function dispatchStepText(step: DispatchStep, lang: MessageLang, englishNames = true): string {
  const params: Record<string, string> = { ...step.params };
  if (lang === 'en-US' && englishNames) {
    for (const [k, v] of Object.entries(step.params)) if (k.endsWith('En') && v) params[k.slice(0, -2)] = v;
  }
  return wordMessage(dispatchStepMessages, step.code, params, lang) ?? step.code;
}
