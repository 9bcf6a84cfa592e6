import { customizeValidator } from '@rjsf/validator-ajv8';
import { describe, expect, it } from 'vitest';
import { registrationForm } from '../../../designer/workbench/src/register/registrationForm';
import { validateDraft } from '../../../designer/workbench/src/register/validateDraft';
import type { TicketDraft } from '../../../designer/workbench/src/register/ticketDraft';
import { CUSTOM_FORMATS } from '../../../designer/workbench/src/forms/prepareSchema';
import { button, form, item, linkage } from './linkageDefs';

const validator = customizeValidator({ customFormats: Object.fromEntries(CUSTOM_FORMATS.map((f) => [f, () => true])) });
const texts = { required: 'required', methodRequired: 'pick a method', opinionRequired: 'opinion required' };
const isValid = (s: Record<string, unknown>, d: unknown) => validator.isValid(s as never, d, s as never);
const complete = {
  reportTime: '2025-06-10T09:00:00+08:00', channel: 'phone', reporterName: '张三', reporterPhone: '13812345678', reporterGender: '男',
  title: '测试事件', description: '东桥路口垃圾', regionCode: '320582', address: '东桥路 12 号', grid: 'g.ys.dq.01', item: 'item.bllj',
  eventType: 'complaint', difficult: false, garbageType: '生活垃圾', dangerousGoods: false,
};
const draft = (fields: Record<string, unknown>, extra: Partial<TicketDraft> = {}): TicketDraft => ({ key: 'k', domain: 'linkage', fields, opinion: '', payload: {}, ...extra });
const check = (d: TicketDraft, method: ReturnType<typeof button> | null = button('acc.toDispatch')) =>
  validateDraft(d, registrationForm(linkage.domains[0], item('item.bllj'), form, d.fields, isValid), method ?? undefined, validator, 'en-US', texts);

describe('ACC-1 what the client checks before a submit', () => {
  it('a complete 暴露垃圾 form with a method and an opinion passes', () => {
    expect(check(draft(complete, { method: 'acc.toDispatch', opinion: '送分拨' }))).toEqual({ fields: {}, opinion: [], general: [] });
  });

  it('names the missing required fields, the conditional one when its condition holds, a bad phone, the method and the opinion', () => {
    const { reporterName: _n, garbageType: _g, ...rest } = complete;
    const e = check(draft({ ...rest, reporterPhone: '12345', dangerousGoods: true }, { opinion: ' ' }));
    expect(Object.keys(e.fields).sort()).toEqual(['dangerousGoodsDescription', 'garbageType', 'reporterName', 'reporterPhone']);
    expect(e.fields.reporterName).toEqual({ __errors: ['required'] });
    expect(e.opinion).toEqual(['opinion required']);
    const noMethod = check(draft(complete), null);
    expect(noMethod.general).toEqual(['pick a method']);
  });

  it('a method whose dialog asks for fields checks its payload; a method without an opinion rule of required does not ask for one', () => {
    const verification = { ...button('acc.toVerification')!, dialog: { ...button('acc.toVerification')!.dialog!, schema: { type: 'object', properties: { gridWorker: { type: 'string' } }, required: ['gridWorker'] } } };
    expect(check(draft(complete, { opinion: 'x' }), verification as never).general).toHaveLength(1);
    expect(check(draft(complete, { opinion: 'x', payload: { gridWorker: 'u' } }), verification as never).general).toEqual([]);
    expect(check(draft(complete), button('acc.saveDraft')).opinion).toEqual([]);
  });
});
