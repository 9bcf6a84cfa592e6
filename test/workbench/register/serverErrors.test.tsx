import { describe, expect, it } from 'vitest';
import { mapServerError, splitBatchError, withoutStaleErrors } from '../../../designer/workbench/src/register/serverErrors';
import type { TicketDraft } from '../../../designer/workbench/src/register/ticketDraft';

const VALIDATION = { code: 'TG_ERR_VALIDATION', message: 'Invalid request', messageZh: '请求参数不正确' };

describe('ACC-1 the server\u2019s refusal shown at the fields', () => {
  it('engine validation of the form: pointers relative to the form (details.fields)', () => {
    const e = mapServerError({ ...VALIDATION, details: { fields: [{ pointer: '/reporterPhone', message: 'must match pattern "^1"' }, { pointer: '/location/lng', message: 'must be number' }] } }, 'zh-CN');
    expect(e.fields).toEqual({ reporterPhone: { __errors: ['must match pattern "^1"'] }, location: { lng: { __errors: ['must be number'] } } });
    expect(e.general).toEqual([]);
  });

  it('the request schema check: pointers relative to the body; columns map to their form fields, a missing one to its name', () => {
    const e = mapServerError({
      ...VALIDATION,
      details: [
        { pointer: '/title', message: 'must NOT have fewer than 1 characters' },
        { pointer: '/fields/garbageType', message: 'bad' },
        { pointer: '/reportedAt', message: 'must be number' },
        { pointer: '/', message: "must have required property 'channel'", params: { missingProperty: 'channel' } },
        { pointer: '/opinion', message: 'too long' },
      ],
    }, 'en-US', (m) => (m.startsWith('must have required') ? 'required' : m));
    expect(Object.keys(e.fields).sort()).toEqual(['channel', 'garbageType', 'reportTime', 'title']);
    expect(e.fields.channel).toEqual({ __errors: ['required'] });
    expect(e.opinion).toEqual(['too long']);
    expect(e.general).toEqual([]);
  });

  it('what names no field is shown whole in the UI language', () => {
    expect(mapServerError({ code: 'TG_ERR_ACTION_REFUSED', message: 'Refused', messageZh: '操作被拒绝' }, 'zh-CN').general).toEqual(['操作被拒绝']);
    const partly = mapServerError({ ...VALIDATION, details: [{ pointer: '/payload/gridWorker', message: 'x' }, { pointer: '/title', message: 'y' }] }, 'en-US');
    expect(partly.general).toEqual(['Invalid request']);
    expect(partly.fields.title).toEqual({ __errors: ['y'] });
  });

  it('a batch refused whole: /tickets/<i>/… goes to tab i', () => {
    const split = splitBatchError({ ...VALIDATION, details: [{ pointer: '/tickets/1/urgency', message: 'must be equal to one of the allowed values' }] }, 2, 'en-US');
    expect(split[0]!.fields).toEqual({});
    expect(split[1]!.fields).toEqual({ urgency: { __errors: ['must be equal to one of the allowed values'] } });
  });

  it('an edit takes away the errors it answers and keeps the others', () => {
    const before: TicketDraft = {
      key: 'k', domain: 'linkage', fields: { title: '' }, opinion: '', payload: {},
      errors: { fields: { title: { __errors: ['required'] }, channel: { __errors: ['required'] } }, opinion: ['opinion required'], general: ['pick a method'] },
    };
    const typed = withoutStaleErrors(before, { ...before, fields: { title: 'x' } });
    expect(typed.errors).toEqual({ fields: { channel: { __errors: ['required'] } }, opinion: ['opinion required'], general: ['pick a method'] });
    const picked = withoutStaleErrors(typed, { ...typed, method: 'acc.toDispatch', opinion: 'ok', fields: { ...typed.fields, channel: 'phone' } });
    expect(picked.errors).toBeUndefined();
    const refused = { ...before, errors: { fields: {}, opinion: [], general: ['new'] } };
    expect(withoutStaleErrors(before, refused)).toBe(refused);
  });
});
