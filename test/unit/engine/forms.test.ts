import { beforeAll, describe, expect, it } from 'vitest';
import { mergeForm, validateTicketFields, type CompiledBundle } from '../../../engine/index.js';
import { builtInBundle } from '../../support/scenario.js';

let cb: CompiledBundle;
beforeAll(async () => {
  cb = await builtInBundle();
});

const base = {
  reportTime: '2025-06-10T09:00:00+08:00', channel: 'phone', reporterName: '张三', reporterPhone: '13812345678', reporterGender: '男',
  title: '路边暴露垃圾', description: '东桥路口有一堆生活垃圾', regionCode: '320582', address: '东桥路 12 号', grid: 'g.ys.dq.01',
  item: 'item.bllj', eventType: 'complaint', difficult: false,
};

describe('DEF-14 personalised forms', () => {
  it('DEF-14 the 暴露垃圾 form extends the default form: fields added, required joined, base order first', () => {
    const form = mergeForm(cb.bundle, 'form.bllj');
    expect(form.ids).toEqual(['form.default', 'form.bllj']);
    expect(Object.keys(form.schema.properties)).toEqual(expect.arrayContaining(['title', 'reporterPhone', 'garbageType', 'dangerousGoods']));
    expect(form.schema.required).toEqual(expect.arrayContaining(['title', 'garbageType', 'dangerousGoods']));
    const order = form.uiSchema['ui:order'] as string[];
    expect(order.indexOf('reportTime')).toBeLessThan(order.indexOf('garbageType'));
  });

  it('DEF-14 registration data is validated against the merged form, including the conditional field', () => {
    expect(validateTicketFields(cb.bundle, 'linkage', 'item.bllj', { ...base, garbageType: '生活垃圾', dangerousGoods: false })).toEqual([]);
    const missing = validateTicketFields(cb.bundle, 'linkage', 'item.bllj', { ...base, dangerousGoods: true });
    expect(missing.map((e) => e.pointer).sort()).toEqual(['/dangerousGoodsDescription', '/garbageType']);
    // an item without a personalised form uses the domain's default form
    expect(validateTicketFields(cb.bundle, 'linkage', 'item.wzgg', { ...base, item: 'item.wzgg' })).toEqual([]);
    expect(validateTicketFields(cb.bundle, 'linkage', 'item.wzgg', { ...base, reporterPhone: 'abc' }).map((e) => e.pointer)).toEqual(['/reporterPhone']);
  });
});
