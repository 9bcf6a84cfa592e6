import { describe, expect, it } from 'vitest';
import type { Form } from '../../../definitions/schemas/form.js';
import { byId, definitionAjv, duplicates, forms, hotlineForms, vocabularies } from './support/linkageData.js';

/**
 * The forms (DEF-14, ACC-1) and vocabularies (DEF-15, ACC-11) of the `linkage` and `hotline-12345`
 * packages: fields, enums, uiSchema, validation of registrations, and the seed vocabularies.
 */

describe('DEF-14 forms', () => {
  const formsById = byId([...forms, ...hotlineForms]);
  const defaultForm = formsById.get('form.default');
  const vocab = (id: string) => vocabularies.find((v) => v.id === id)?.entries.map((e) => e.value) ?? [];
  const property = (name: string) => defaultForm?.schema.properties[name] as Record<string, unknown> | undefined;

  /** A personalised form as the engine sees it: the base's properties and required lists joined with its own. */
  function merged(form: Form): Form['schema'] {
    const base = form.extends ? merged(formsById.get(form.extends) as Form) : undefined;
    const allOf = [...(base?.allOf ?? []), ...(form.schema.allOf ?? [])];
    return {
      type: 'object',
      properties: { ...base?.properties, ...form.schema.properties },
      required: [...new Set([...(base?.required ?? []), ...(form.schema.required ?? [])])],
      ...(allOf.length > 0 ? { allOf } : {}),
    };
  }
  const dataAjv = definitionAjv();
  const validatorFor = (id: string) => dataAjv.compile(merged(formsById.get(id) as Form));

  const ticket = {
    reportTime: '2024-05-20T09:30:00+08:00',
    channel: 'phone',
    reporterName: '张三',
    reporterPhone: '13912345678',
    reporterGender: '男',
    title: '东桥路口有垃圾堆放',
    description: '东桥路与东环路交叉口东北角堆放大量生活垃圾，已有异味。',
    regionCode: '320582',
    address: '张家港市杨舍镇东桥路与东环路交叉口',
    location: { lng: 120.562, lat: 31.872 },
    grid: 'g.ys.dq.01',
    item: 'item.bllj',
    tags: ['repeated'],
    eventType: 'complaint',
    difficult: false,
    urgency: 'normal',
    callbackWanted: true,
    confidential: false,
  };

  it('every form folder file holds one form; personalised forms extend form.default', () => {
    expect(forms.map((f) => f.id).sort()).toEqual(['form.bllj', 'form.default']);
    expect(defaultForm?.name).toBe('工单信息表');
    expect(defaultForm?.extends).toBeUndefined();
    expect(formsById.get('form.bllj')?.extends).toBe('form.default');
    expect(formsById.get('form.hotline')?.extends).toBe('form.default');
  });

  it('ACC-1: the default form has the registration fields, Chinese titles and the required ones', () => {
    const fields = [
      'reportTime', 'channel', 'reporterName', 'reporterPhone', 'reporterGender', 'reporterBirthDate', 'reporterAddress',
      'reporterDetailAddress', 'title', 'description', 'regionCode', 'address', 'location', 'grid', 'item', 'tags',
      'eventType', 'difficult', 'urgency', 'callbackWanted', 'confidential', 'attachments', 'remarks',
    ];
    expect(Object.keys(defaultForm?.schema.properties ?? {})).toEqual(fields);
    for (const f of fields) expect(property(f)?.title, f).toMatch(/[\u4e00-\u9fa5]/);
    expect([...(defaultForm?.schema.required ?? [])].sort()).toEqual(
      ['reportTime', 'channel', 'reporterName', 'reporterPhone', 'reporterGender', 'title', 'description', 'regionCode',
        'address', 'grid', 'item', 'eventType', 'difficult'].sort(),
    );
    expect(property('confidential')?.default).toBe(false);
    expect(property('reportTime')?.format).toBe('date-time');
    expect(property('reporterBirthDate')?.format).toBe('date');
  });

  it('the default form enums follow the vocabularies', () => {
    expect(property('channel')?.enum).toEqual(vocab('channel'));
    expect(property('eventType')?.enum).toEqual(vocab('eventType'));
    expect(property('urgency')?.enum).toEqual(vocab('urgency'));
    expect((property('tags')?.items as { enum?: string[] }).enum).toEqual(vocab('eventTag'));
    expect(property('reporterGender')?.enum).toEqual(['男', '女']);
  });

  it('the uiSchema orders every field and gives Chinese placeholders', () => {
    const ui = defaultForm?.uiSchema ?? {};
    const order = ui['ui:order'] as string[];
    expect(order.filter((f) => f !== '*').sort()).toEqual(Object.keys(defaultForm?.schema.properties ?? {}).sort());
    expect((ui['description'] as Record<string, unknown>)['ui:widget']).toBe('textarea');
    expect((ui['reporterGender'] as Record<string, unknown>)['ui:widget']).toBe('radio');
    expect((ui['channel'] as Record<string, unknown>)['ui:widget']).toBe('select');
    expect((ui['title'] as Record<string, unknown>)['ui:placeholder']).toMatch(/[\u4e00-\u9fa5]/);
  });

  it('a complete registration validates; a bad phone, a missing title or an unknown channel does not', () => {
    const validate = validatorFor('form.default');
    expect(validate(ticket), JSON.stringify(validate.errors)).toBe(true);
    expect(validate({ ...ticket, reporterPhone: '0512-58681234' })).toBe(true);
    expect(validate({ ...ticket, reporterPhone: '12345' })).toBe(false);
    expect(validate({ ...ticket, channel: 'pigeon' })).toBe(false);
    const { title: _title, ...untitled } = ticket;
    expect(validate(untitled)).toBe(false);
  });

  it('暴露垃圾专表 adds garbage type and dangerous goods; a description is required when there are dangerous goods', () => {
    const bllj = formsById.get('form.bllj');
    expect(bllj?.name).toBe('暴露垃圾专表');
    expect(bllj?.schema.required).toEqual(expect.arrayContaining(['garbageType', 'dangerousGoods']));
    expect((bllj?.schema.properties['garbageType'] as { enum?: string[] }).enum).toEqual([
      '生活垃圾', '建筑垃圾', '大件垃圾', '园林垃圾', '其他',
    ]);
    const validate = validatorFor('form.bllj');
    const garbage = { ...ticket, garbageType: '生活垃圾', garbageVolume: 1.5, dangerousGoods: false };
    expect(validate(garbage), JSON.stringify(validate.errors)).toBe(true);
    expect(validate({ ...garbage, dangerousGoods: true })).toBe(false);
    expect(validate({ ...garbage, dangerousGoods: true, dangerousGoodsDescription: '废弃油漆桶 3 个' })).toBe(true);
    const { garbageType: _type, ...untyped } = garbage;
    expect(validate(untyped)).toBe(false);
    expect(validate({ ...garbage, garbageType: '电子垃圾' })).toBe(false);
    const { reporterName: _name, ...anonymous } = garbage;
    expect(validate(anonymous)).toBe(false);
  });

  it('12345工单表 adds the hotline fields on top of the default form', () => {
    const hotline = formsById.get('form.hotline');
    expect(Object.keys(hotline?.schema.properties ?? {})).toEqual(['callId', 'callerLocation', 'appealCategory', 'replyDeadline']);
    const validate = validatorFor('form.hotline');
    const call = { ...ticket, channel: 'hotline12345', callId: 'CALL-20240520-0001', appealCategory: '环境保护' };
    expect(validate(call), JSON.stringify(validate.errors)).toBe(true);
    expect(validate({ ...call, appealCategory: '未知' })).toBe(false);
    const { callId: _callId, ...noCall } = call;
    expect(validate(noCall)).toBe(false);
  });
});

describe('DEF-15 vocabularies', () => {
  const entries = (id: string) => vocabularies.find((v) => v.id === id)?.entries ?? [];

  it('has the event tag, event type, channel, urgency and satisfaction vocabularies', () => {
    expect(vocabularies.map((v) => v.id)).toEqual(
      expect.arrayContaining(['eventTag', 'eventType', 'channel', 'urgency', 'satisfaction']),
    );
    expect(vocabularies.find((v) => v.id === 'eventTag')?.name).toBe('事件标签');
    expect(vocabularies.find((v) => v.id === 'channel')?.name).toBe('上报方式');
    for (const v of vocabularies) {
      expect(duplicates(v.entries.map((e) => e.value)), v.id).toEqual([]);
      for (const e of v.entries) expect(e.labelEn?.length ?? 0, `${v.id}.${e.value}`).toBeGreaterThan(0);
    }
  });

  it('urgency is exactly normal 一般, urgent 紧急, veryUrgent 非常紧急', () => {
    expect(entries('urgency').map((e) => [e.value, e.label])).toEqual([
      ['normal', '一般'],
      ['urgent', '紧急'],
      ['veryUrgent', '非常紧急'],
    ]);
  });

  it('event types and satisfaction levels carry the seed labels', () => {
    expect(entries('eventType').map((e) => e.label)).toEqual(['投诉', '建议', '咨询', '求助', '举报', '表扬']);
    expect(entries('satisfaction').map((e) => e.label)).toEqual(['非常满意', '满意', '基本满意', '不满意']);
  });

  it('ACC-11: every channel has a unique ticket-number prefix', () => {
    const channels = entries('channel');
    expect(channels.every((e) => e.prefix !== undefined)).toBe(true);
    expect(duplicates(channels.map((e) => e.prefix ?? ''))).toEqual([]);
    const prefixes = Object.fromEntries(channels.map((e) => [e.label, e.prefix]));
    expect(prefixes).toMatchObject({ 电话: 'DH', 网络: 'WL', APP: 'AP', '12345': 'RX', 网格上报: 'WG', 微信: 'WX' });
  });
});
