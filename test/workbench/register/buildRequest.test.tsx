import { describe, expect, it } from 'vitest';
import { buildRegisterBody, cleanFields, registrationSource } from '../../../designer/workbench/src/register/buildRequest';
import { copyDraft, emptyDraft, isoWithOffset, type TicketDraft } from '../../../designer/workbench/src/register/ticketDraft';

const draft = (fields: Record<string, unknown>, extra: Partial<TicketDraft> = {}): TicketDraft => ({ key: 'k', domain: 'linkage', fields, opinion: '', payload: {}, ...extra });

describe('ACC-1 the registration request built from a tab', () => {
  it('reads the ticket columns from the form and sends the fields whole (as test/integration/support/api.ts registers)', () => {
    const fields = {
      reportTime: '2025-06-10T09:00:00+08:00', channel: 'phone', reporterName: '张三', reporterPhone: '13812345678', title: ' 东桥路垃圾 ',
      grid: 'g.ys.dq.01', item: 'item.bllj', urgency: 'urgent', difficult: false, callbackWanted: true, confidential: false, garbageType: '生活垃圾',
    };
    const body = buildRegisterBody(draft(fields, { opinion: '  请尽快处理 ' }), 'acc.toDispatch');
    expect(body).toEqual({
      domain: 'linkage', item: 'item.bllj', title: '东桥路垃圾', channel: 'phone', reportedAt: Date.parse('2025-06-10T01:00:00Z'),
      grid: 'g.ys.dq.01', urgency: 'urgent', difficult: false, callbackWanted: true, confidential: false,
      fields, button: 'acc.toDispatch', opinion: '请尽快处理',
    });
  });

  it('leaves out what the tab does not hold: empty values, an unknown urgency, a blank opinion, the payload of a method without a dialog', () => {
    const body = buildRegisterBody(draft({ title: '', remarks: '', tags: [], urgency: 'whenever', location: { lng: undefined } }, { opinion: '  ', payload: { gridWorker: 'u1' } }), 'acc.saveDraft');
    expect(body).toEqual({ domain: 'linkage', item: '', title: '', channel: '', fields: { urgency: 'whenever' }, button: 'acc.saveDraft' });
    expect(buildRegisterBody(draft({}, { payload: { gridWorker: 'u1' } }), 'acc.toVerification', true).payload).toEqual({ gridWorker: 'u1' });
    expect(cleanFields({ a: null, b: 0, c: false, d: { e: '' } })).toEqual({ b: 0, c: false });
  });

  it('a new tab holds the report time with its offset; a copy keeps everything but the attachments', () => {
    const d = emptyDraft('linkage', new Date('2025-06-10T01:00:00Z'));
    expect(Date.parse(d.fields.reportTime as string)).toBe(Date.parse('2025-06-10T01:00:00Z'));
    expect(isoWithOffset(new Date())).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}[+-]\d{2}:\d{2}$/);
    const done = { ...draft({ title: 'x', attachments: ['a1'] }, { method: 'acc.toDispatch', opinion: 'o' }), done: { id: '1', number: 'DH1', button: 'acc.toDispatch' } };
    const copy = copyDraft(done);
    expect(copy).toMatchObject({ domain: 'linkage', fields: { title: 'x' }, method: 'acc.toDispatch', opinion: 'o' });
    expect(copy.fields).not.toHaveProperty('attachments');
    expect(copy.done).toBeUndefined();
    expect(copy.key).not.toBe(done.key);
  });

  it('ACC-5 a grid worker\u2019s registration is a grid report; a center role registers for the center', () => {
    expect(registrationSource(['gridWorker'])).toEqual({ source: 'grid' });
    expect(registrationSource(['acceptor'])).toEqual({});
    expect(registrationSource(['gridWorker', 'acceptor'])).toEqual({});
  });
});
