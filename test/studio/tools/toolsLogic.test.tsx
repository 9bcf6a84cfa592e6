import dayjs from 'dayjs';
import { describe, expect, it } from 'vitest';
import { roleButtonMatrix } from '../../../designer/studio/src/tools/roleButtonMatrix';
import { parseFields } from '../../../designer/studio/src/tools/RuleTesterPage';
import { slaQuestion } from '../../../designer/studio/src/tools/SlaCalculatorPage';
import { fileToBase64, type RuleAnswer } from '../../../designer/studio/src/tools/toolsApi';

const refused = { code: 'ENG_RULE_REFUSED', message: 'assisting units cannot', messageZh: '协办单位不能申请挂账' };
const answer: RuleAnswer = {
  source: 'published', hash: 'h', version: 1, item: { id: 'item.bllj', name: '暴露垃圾' }, domain: { id: 'linkage', name: '联动' }, center: { id: 'zjg', name: '张家港市' },
  dispatch: { mode: 'departments', trace: [] },
  roles: [{ id: 'acceptor', name: '受理员' }, { id: 'handler', name: '处理员' }, { id: 'admin', name: '管理员' }],
  notes: [],
  nodes: [
    { entity: 'ticket', flow: 'f', node: 'acceptance', nodeName: '事件受理', roles: [
      { role: 'acceptor', user: { id: 'u1', login: 'zjg.acceptor', name: '受理员甲', department: 'zjg' }, buttons: [{ button: 'acc.toDispatch', name: '送分拨', allowed: true }] },
      { role: 'handler', buttons: [] }, { role: 'admin', buttons: [] },
    ] },
    { entity: 'task', flow: 't', node: 'pending', nodeName: '待处置', department: { id: 'zjg.sthj', name: '生态环境局' }, taskRole: 'assist', roles: [
      { role: 'acceptor', buttons: [] },
      { role: 'handler', buttons: [{ button: 'task.complete', name: '办结', allowed: true }, { button: 'task.applySuspension', name: '申请挂账', allowed: false, reason: refused }] },
      { role: 'admin', buttons: [] },
    ] },
    { entity: 'task', flow: 't', node: 'completed', nodeName: '已办结', roles: [{ role: 'handler', buttons: [{ button: 'x', name: '隐藏', allowed: false, reason: refused }] }] },
  ],
};

describe('rule tester: role × node matrix', () => {
  it('keeps roles and rows that show something; hidden buttons only when asked', () => {
    const visible = roleButtonMatrix(answer, false);
    expect(visible.roles.map((r) => r.id)).toEqual(['acceptor', 'handler']);
    expect(visible.roles[0]!.user).toEqual({ login: 'zjg.acceptor', name: '受理员甲' });
    expect(visible.rows.map((r) => r.key)).toEqual(['ticket/acceptance//', 'task/pending/zjg.sthj/']);
    expect(visible.rows[1]!.cells.handler!.map((b) => b.button)).toEqual(['task.complete']);

    const all = roleButtonMatrix(answer, true);
    expect(all.rows.map((r) => r.node)).toEqual(['acceptance', 'pending', 'completed']);
    expect(all.rows[1]!.cells.handler!.map((b) => `${b.button}:${b.allowed}`)).toEqual(['task.complete:true', 'task.applySuspension:false']);
  });
});

describe('rule tester: form fields box', () => {
  it('reads a JSON object, nothing when empty, and refuses anything else', () => {
    expect(parseFields('{"garbageType":"生活垃圾"}')).toEqual({ garbageType: '生活垃圾' });
    expect(parseFields('  ')).toBeUndefined();
    expect(parseFields(undefined)).toBeUndefined();
    expect(parseFields('[1]')).toBeNull();
    expect(parseFields('{oops')).toBeNull();
  });
});

describe('time-limit calculator request', () => {
  it('sends wall-clock times as typed, the limit or the ad-hoc amount, and only the suspensions that start', () => {
    const start = dayjs('2025-06-13 15:00');
    expect(slaQuestion({ limit: 'tl.overall.3wd', start, urgency: 'urgent', pauses: [{ from: dayjs('2025-06-16 10:00'), to: dayjs('2025-06-17 10:00') }, {}] }, 'limit')).toEqual({
      limit: 'tl.overall.3wd', start: '2025-06-13 15:00', urgency: 'urgent', pauses: [{ from: '2025-06-16 10:00', to: '2025-06-17 10:00' }],
    });
    expect(slaQuestion({ limit: 'ignored', amount: 2, unit: 'workHour', calendar: 'cn-official', start, urgency: 'normal', pauses: [{ from: dayjs('2025-06-16 10:00') }] }, 'adhoc')).toEqual({
      adhoc: { amount: 2, unit: 'workHour', calendar: 'cn-official' }, start: '2025-06-13 15:00', urgency: 'normal', pauses: [{ from: '2025-06-16 10:00' }],
    });
  });
});

describe('catalogue import upload', () => {
  it('encodes the file as base64, large files included', async () => {
    const bytes = new Uint8Array(100_000).map((_, i) => (i * 7) % 256);
    const encoded = await fileToBase64(new Blob([bytes]));
    expect(Uint8Array.from(atob(encoded), (c) => c.charCodeAt(0))).toEqual(bytes);
  });
});
