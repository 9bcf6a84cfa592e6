import { afterEach, describe, expect, it } from 'vitest';
import { i18next, setLang } from '../../../designer/shared/i18n';
import { messageText, subjectOf } from '../../../designer/workbench/src/messages/messageText';

const t = (key: string, options?: Record<string, unknown>) => i18next.t(key, options);
const say = (m: Parameters<typeof messageText>[0]) => messageText(m, t);

/** the message centre words a message's subject in the UI language; old messages (no subject) are read from their Chinese title. */
describe('message texts', () => {
  afterEach(() => setLang('zh-CN'));

  it('words stored subjects in English and Chinese', () => {
    const ticket = { number: 'DH2025061000001', ticketTitle: '违规广告牌' };
    const messages = [
      { kind: 'urge', title: 'x', subject: { kind: 'urge', ...ticket } },
      { kind: 'rejection', title: 'x', subject: { kind: 'rejection', application: 'extension', ...ticket } },
      { kind: 'application', title: 'x', subject: { kind: 'application', application: 'assist', ...ticket } },
      { kind: 'return', title: 'x', subject: { kind: 'return', application: 'return', ...ticket } },
      { kind: 'return', title: 'x', subject: { kind: 'return', ...ticket } },
      { kind: 'notice', title: 'x', subject: { kind: 'notice', ...ticket } },
      { kind: 'rejection', title: 'x', subject: { kind: 'rejection' } },
    ];
    setLang('en-US');
    expect(messages.map(say)).toEqual([
      'DH2025061000001 违规广告牌',
      'Extension application not approved: DH2025061000001 违规广告牌',
      'Assistance application to review: DH2025061000001 违规广告牌',
      'Return application to review: DH2025061000001 违规广告牌',
      'Ticket returned: DH2025061000001 违规广告牌',
      'DH2025061000001 违规广告牌',
      'Application not approved:',
    ]);
    setLang('zh-CN');
    expect(messages.slice(0, 5).map(say)).toEqual([
      'DH2025061000001 违规广告牌',
      '延期申请未通过 DH2025061000001 违规广告牌',
      '协办申请待审核 DH2025061000001 违规广告牌',
      '退回申请待审核 DH2025061000001 违规广告牌',
      '工单被退回 DH2025061000001 违规广告牌',
    ]);
  });

  it('reads messages written before subjects from their kind, effect and Chinese title', () => {
    const old = [
      { kind: 'urge', title: '催办：DH1 东桥路口违规广告牌', subject: null },
      { kind: 'rejection', title: '驳回：延期申请未通过 DH2 违规广告牌', subject: null, body: { type: 'notify', data: { kind: 'extension' } } },
      // without the effect, the application's kind comes from the title
      { kind: 'application', title: '待审核：协办申请 DH3 申请材料不全', subject: null },
      { kind: 'return', title: '待审核：退回申请 DH4 标题', subject: null, body: { data: { kind: 'return' } } },
      { kind: 'return', title: '退回：DH5 网格上报', subject: null },
      { kind: 'notice', title: '通知：DH6 标题', subject: null },
    ];
    expect(subjectOf(old[2]!)).toEqual({ kind: 'application', application: 'assist', ticketText: 'DH3 申请材料不全' });
    setLang('en-US');
    expect(old.map(say)).toEqual([
      'DH1 东桥路口违规广告牌',
      'Extension application not approved: DH2 违规广告牌',
      'Assistance application to review: DH3 申请材料不全',
      'Return application to review: DH4 标题',
      'Ticket returned: DH5 网格上报',
      'DH6 标题',
    ]);
  });
});
