import { describe, expect, it } from 'vitest';
import { changedFields } from '../../../designer/workbench/src/ticket/changedFields';

describe('ACC-5 修改: the payload of an edit', () => {
  it('carries only the changed fields; a cleared field is sent as null; untouched ones (masked reporter data) are not sent', () => {
    const before = { title: '旧标题', reporterPhone: '138****5678', remarks: '备注', tags: ['a'], location: { lng: 1, lat: 2 }, urgency: 'normal' };
    const after = { title: '新标题', reporterPhone: '138****5678', remarks: '', tags: ['a'], location: { lng: 1, lat: 2 }, urgency: 'urgent', detailAddress: '东桥路 1 号' };
    expect(changedFields(before, after)).toEqual({ title: '新标题', remarks: null, urgency: 'urgent', detailAddress: '东桥路 1 号' });
    expect(changedFields(before, { ...before })).toEqual({});
    expect(changedFields({ remarks: undefined }, { remarks: '' })).toEqual({});
  });
});
