import { describe, expect, it } from 'vitest';
import { groupButtons, reasonText } from '../../../designer/workbench/src/ticket/buttonGroups';
import type { AvailableAction } from '../../../designer/workbench/src/ticket/types';
import { catalogue, index } from './fixtures';

const offer = (button: string, allowed = true, reason?: AvailableAction['reason']): AvailableAction => ({ button, name: button, group: index.button(button)?.group ?? '', order: 0, allowed, ...(reason ? { reason } : {}) });
const refusal = (code: string, params: Record<string, string> = {}) => ({ code, message: `en ${code}`, messageZh: `zh ${code}`, params });

describe('the buttons a detail shows', () => {
  it('groups by button group in the groups\u2019 order and orders inside a group by the button order', () => {
    const groups = groupButtons([offer('cls.close'), offer('ticket.urge'), offer('dsp.assign'), offer('dsp.escalate'), offer('dsp.toReview')], index.button, catalogue.buttonGroups);
    expect(groups.map((g) => [g.group, g.buttons.map((b) => b.button)])).toEqual([
      ['bg.dispatch', ['dsp.toReview', 'dsp.escalate', 'dsp.assign']],
      ['bg.closing', ['cls.close']],
      ['bg.list', ['ticket.urge']],
    ]);
  });

  it('hides buttons that are not the user\u2019s (role, scope, node) and keeps those a rule refuses, with the reason', () => {
    const groups = groupButtons([
      offer('task.complete'),
      offer('task.applySuspension', false, refusal('ENG_RULE_REFUSED', { rule: 'task.notAssistLine', reason: '协办单位及其下级单位不能申请挂账', reasonEn: 'Assist units and their sub-units cannot apply for suspension' })),
      offer('task.return', false, refusal('ENG_FORBIDDEN_ROLE')),
      offer('task.applyExtension', false, refusal('ENG_OUT_OF_SCOPE')),
      offer('task.feedback', false),
    ], index.button, catalogue.buttonGroups);
    const shown = groups.flatMap((g) => g.buttons);
    expect(shown.map((b) => [b.button, b.allowed])).toEqual([['task.complete', true], ['task.applySuspension', false]]);
    expect(reasonText(shown[1]!.reason, 'zh-CN')).toBe('协办单位及其下级单位不能申请挂账');
    expect(reasonText(shown[1]!.reason, 'en-US')).toBe('Assist units and their sub-units cannot apply for suspension');
  });

  it('leaves out buttons whose front-end method is not an action (view, export, edit belong to lists and forms)', () => {
    expect(groupButtons([offer('list.view'), offer('acc.edit'), offer('list.export')], index.button, catalogue.buttonGroups)).toEqual([]);
  });

  it('tells other refusals by the engine\u2019s message in the UI language', () => {
    const limit = refusal('ENG_LIMIT_REACHED');
    expect(reasonText(limit, 'zh-CN')).toBe('zh ENG_LIMIT_REACHED');
    expect(reasonText(limit, 'en-US')).toBe('en ENG_LIMIT_REACHED');
    expect(reasonText(undefined, 'zh-CN')).toBe('');
  });
});
