import { describe, expect, it } from 'vitest';
import { prepareSchema } from '../../../designer/workbench/src/forms/prepareSchema';
import defaultForm from '../../../definitions/packages/linkage/forms/default.json';

describe('forms: definitions prepared for RJSF in the UI language', () => {
  const schema = {
    type: 'object',
    properties: {
      tags: { type: 'array', uniqueItems: true, items: { type: 'string', enum: ['a', 'b'] } },
      channel: { type: 'string', title: '上报方式', titleEn: 'Channel', enum: ['phone'] },
      place: { type: 'string', format: 'region' },
    },
  };
  const ui = {
    tags: { 'ui:widget': 'checkboxes', 'ui:enumNames': ['甲', '乙'], 'ui:enumNamesEn': ['A', 'B'] },
    channel: { 'ui:placeholder': '请选择', 'ui:placeholderEn': 'Choose', 'ui:help': '帮助', 'ui:helpEn': 'Help' },
  };

  it('a multi-select\u2019s choice names move to its items (where RJSF reads them), in the UI language', () => {
    expect(prepareSchema(schema, ui, 'zh-CN').uiSchema.tags).toMatchObject({ items: { 'ui:enumNames': ['甲', '乙'] } });
    expect(prepareSchema(schema, ui, 'en-US').uiSchema.tags).toMatchObject({ items: { 'ui:enumNames': ['A', 'B'] } });
  });

  it('ui:placeholderEn / ui:helpEn replace the Chinese texts in en-US and never reach RJSF', () => {
    const zh = prepareSchema(schema, ui, 'zh-CN').uiSchema.channel as Record<string, unknown>;
    // @rjsf/antd would show the help instead of the field's errors: it becomes the description
    expect(zh).toEqual({ 'ui:placeholder': '请选择', 'ui:description': '帮助' });
    const en = prepareSchema(schema, ui, 'en-US');
    expect(en.uiSchema.channel).toEqual({ 'ui:placeholder': 'Choose', 'ui:description': 'Help' });
    const withDescription = prepareSchema({ type: 'object', properties: { p: { type: 'string', description: '手机号。' } } }, { p: { 'ui:help': '自动带出。' } }, 'zh-CN');
    expect(withDescription.uiSchema.p).toEqual({ 'ui:description': '自动带出。手机号。' });
    const unpunctuated = prepareSchema({ type: 'object', properties: { p: { type: 'string', description: 'Mobile.', descriptionEn: 'Mobile.' } } }, { p: { 'ui:help': '自动带出', 'ui:helpEn': 'Fills in' } }, 'en-US');
    expect(unpunctuated.uiSchema.p).toEqual({ 'ui:description': 'Fills in. Mobile.' });
    expect((en.schema.properties!.channel as { title: string }).title).toBe('Channel');
    expect(en.uiSchema.place).toEqual({ 'ui:widget': 'regionPicker' });
  });

  it('the built-in default form has no Chinese placeholder left in en-US where it gives an English one', () => {
    const en = prepareSchema(defaultForm.schema as Record<string, unknown>, defaultForm.uiSchema as Record<string, unknown>, 'en-US').uiSchema as Record<string, Record<string, unknown>>;
    const withEn = Object.entries(defaultForm.uiSchema).filter(([, v]) => typeof v === 'object' && v && 'ui:placeholderEn' in v).map(([k]) => k);
    expect(withEn.length).toBeGreaterThan(5);
    for (const k of withEn) expect(en[k]!['ui:placeholder']).not.toMatch(/[\u4e00-\u9fff]/);
  });
});
