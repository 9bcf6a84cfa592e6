import { describe, expect, it } from 'vitest';
import type { Bundle } from '../../../engine/definitions/bundleTypes';
import { mergeForm } from '../../../engine/forms/mergeForm';
import { mergeForms, ticketFormId } from '../../../designer/workbench/src/register/mergeForms';
import { registrationForm } from '../../../designer/workbench/src/register/registrationForm';
import { hiddenConditionalFields } from '../../../designer/workbench/src/register/conditionalFields';
import { form, item, linkage } from './linkageDefs';

/** `if: { properties: { x: { const } }, required: [x] }` decided the way a JSON Schema validator would, for these tests. */
const isValid = (schema: Record<string, unknown>, data: unknown) => {
  const s = schema as { properties?: Record<string, { const?: unknown }>; required?: string[] };
  const d = data as Record<string, unknown>;
  return (s.required ?? []).every((r) => r in d) && Object.entries(s.properties ?? {}).every(([k, p]) => !(k in d) || !('const' in p) || d[k] === p.const);
};

describe('ACC-1 registration form on the client (DEF-14 merge mirrored)', () => {
  it('merges 暴露垃圾专表 over the default form exactly as the engine does', () => {
    const bundle = { defs: { form: Object.fromEntries(linkage.forms.map((f) => [f.id, f])) } } as unknown as Bundle;
    const engine = mergeForm(bundle, 'form.bllj');
    const client = mergeForms(form, 'form.bllj')!;
    expect(client.ids).toEqual(['form.default', 'form.bllj']);
    expect(client.schema.properties).toEqual(engine.schema.properties);
    expect(client.schema.required).toEqual(engine.schema.required);
    expect(client.schema.allOf).toEqual(engine.schema.allOf);
    expect(client.uiSchema).toEqual(engine.uiSchema);
    expect(client.schema.required).toEqual(expect.arrayContaining(['reporterPhone', 'garbageType', 'dangerousGoods']));
    // the default form's order first, the personalised fields after it
    const order = client.uiSchema['ui:order'] as string[];
    expect(order.indexOf('remarks')).toBeLessThan(order.indexOf('garbageType'));
    expect(client.title).toBe('暴露垃圾专表');
  });

  it('uses the item\u2019s own form, else the domain\u2019s; an unknown or self-extending form gives none', () => {
    const domain = linkage.domains[0]!;
    expect(ticketFormId(domain, item('item.bllj'))).toBe('form.bllj');
    expect(ticketFormId(domain, item('item.wzgg'))).toBe('form.default');
    expect(ticketFormId(domain, undefined)).toBe('form.default');
    expect(mergeForms(form, 'form.none')).toBeUndefined();
    const loop = (id: string) => ({ id, name: id, extends: id === 'a' ? 'b' : 'a', schema: { type: 'object', properties: {} } }) as never;
    expect(mergeForms(loop, 'a')).toBeUndefined();
  });

  it('hides 危险物品描述 until 是否有危险物品 is yes, and draws item, grid and region as pickers', () => {
    const domain = linkage.domains[0]!;
    const bllj = item('item.bllj');
    const hidden = registrationForm(domain, bllj, form, { dangerousGoods: false }, isValid)!;
    expect(hidden.hidden).toEqual(['dangerousGoodsDescription']);
    expect(hidden.renderUi.dangerousGoodsDescription).toMatchObject({ 'ui:widget': 'hidden' });
    const shown = registrationForm(domain, bllj, form, { dangerousGoods: true }, isValid)!;
    expect(shown.hidden).toEqual([]);
    expect((shown.renderUi.dangerousGoodsDescription as Record<string, unknown>)['ui:widget']).toBe('textarea');
    expect(shown.renderUi).toMatchObject({ item: { 'ui:widget': 'itemPicker' }, grid: { 'ui:widget': 'gridPicker' }, regionCode: { 'ui:widget': 'regionPicker' } });
    // an item of another domain does not bring its form
    expect(registrationForm({ ...domain, id: 'other' }, bllj, form, {}, isValid)!.ids).toEqual(['form.default']);
    expect(registrationForm(domain, item('item.wzgg'), form, {}, isValid)!.hidden).toEqual([]);
  });

  it('a field required unconditionally is never hidden by a rule', () => {
    const schema = { required: ['a'], allOf: [{ if: { properties: { x: { const: true } }, required: ['x'] }, then: { required: ['a', 'b'] }, else: { required: ['c'] } }] };
    expect(hiddenConditionalFields(schema, { x: true }, isValid)).toEqual(['c']);
    expect(hiddenConditionalFields(schema, { x: false }, isValid)).toEqual(['b']);
  });
});
