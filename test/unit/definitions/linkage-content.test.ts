import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Ajv, type ValidateFunction } from 'ajv';
import addFormatsModule from 'ajv-formats';
import type { TSchema } from '@sinclair/typebox';
import { describe, expect, it } from 'vitest';
import {
  CatalogueDirectorySchema,
  ItemDomainLinkSchema,
  ItemSchema,
  type CatalogueDirectory,
  type DepartmentAssignment,
  type DispatchConfig,
  type Item,
  type ItemDomainLink,
} from '../../../definitions/schemas/catalogue.js';
import { DomainSchema, type Domain } from '../../../definitions/schemas/domain.js';
import { ExportTemplateSchema, type ExportTemplate } from '../../../definitions/schemas/export-template.js';
import { FormSchema, type Form } from '../../../definitions/schemas/form.js';
import { ManifestSchema, type Manifest } from '../../../definitions/schemas/manifest.js';
import type { Department } from '../../../definitions/schemas/organisation.js';
import {
  DistributionRuleSchema,
  SystemParameterSchema,
  type DistributionRule,
  type SystemParameter,
} from '../../../definitions/schemas/parameters.js';
import { ServiceSchema, type Service } from '../../../definitions/schemas/service.js';
import { TimeLimitSchema, type TimeLimit } from '../../../definitions/schemas/time-limit.js';
import { VocabularySchema, type Vocabulary } from '../../../definitions/schemas/vocabulary.js';

/**
 * Content of the `linkage` and `hotline-12345` definition packages (DEF-1..DEF-15, ACC-1, ACC-11):
 * every file validates against its kind's schema, and the catalogue, dispatch configurations,
 * forms, vocabularies, parameters and time limits hold the seed's invariants.
 */

// ajv-formats is CommonJS: its default export arrives wrapped under some loaders.
const addFormats = ((addFormatsModule as unknown as { default?: typeof addFormatsModule }).default ??
  addFormatsModule) as typeof addFormatsModule;

const root = join(dirname(fileURLToPath(import.meta.url)), '../../../definitions/packages');
const read = <T>(pkg: string, file: string): T => JSON.parse(readFileSync(join(root, pkg, file), 'utf8')) as T;
const readDir = <T>(pkg: string, dir: string): T[] =>
  readdirSync(join(root, pkg, dir))
    .filter((f) => f.endsWith('.json'))
    .sort()
    .map((f) => read<T>(pkg, `${dir}/${f}`));

const directories = read<CatalogueDirectory[]>('linkage', 'catalogue-directories.json');
const items = read<Item[]>('linkage', 'items.json');
const forms = readDir<Form>('linkage', 'forms');
const vocabularies = read<Vocabulary[]>('linkage', 'vocabularies.json');
const parameters = read<SystemParameter[]>('linkage', 'system-parameters.json');
const rules = read<DistributionRule[]>('linkage', 'distribution-rules.json');
const limits = read<TimeLimit[]>('linkage', 'time-limits.json');
const services = read<Service[]>('linkage', 'services.json');
const exportTemplates = read<ExportTemplate[]>('linkage', 'export-templates.json');
const hotlineManifest = read<Manifest>('hotline-12345', 'manifest.json');
const hotlineDomains = read<Domain[]>('hotline-12345', 'domains.json');
const hotlineForms = readDir<Form>('hotline-12345', 'forms');
const hotlineLimits = read<TimeLimit[]>('hotline-12345', 'time-limits.json');
const hotlineLinks = read<ItemDomainLink[]>('hotline-12345', 'item-domain-links.json');
const departments = read<Department[]>('demo-org', 'departments.json');

function definitionAjv() {
  const ajv = new Ajv({ allErrors: true, strict: false });
  addFormats(ajv);
  return ajv;
}

const ajv = definitionAjv();
const compiled = new Map<TSchema, ValidateFunction>();
function failures(schema: TSchema, definitions: readonly unknown[]) {
  let validate = compiled.get(schema);
  if (!validate) {
    validate = ajv.compile(schema);
    compiled.set(schema, validate);
  }
  const check = validate;
  return definitions.flatMap((definition, index) =>
    check(definition)
      ? []
      : [{ at: (definition as { id?: string }).id ?? index, errors: check.errors?.map((e) => `${e.instancePath} ${e.message}`) }],
  );
}

const byId = <T extends { id: string }>(list: readonly T[]) => new Map(list.map((x) => [x.id, x]));
const duplicates = (values: readonly string[]) => values.filter((v, i) => values.indexOf(v) !== i);
const ID = /^[a-z0-9][a-z0-9.-]*$/;

describe('linkage and hotline-12345 definitions validate against their kind schemas', () => {
  const cases: [string, TSchema, readonly unknown[]][] = [
    ['catalogue-directories.json', CatalogueDirectorySchema, directories],
    ['items.json', ItemSchema, items],
    ['forms/*.json', FormSchema, forms],
    ['vocabularies.json', VocabularySchema, vocabularies],
    ['system-parameters.json', SystemParameterSchema, parameters],
    ['distribution-rules.json', DistributionRuleSchema, rules],
    ['time-limits.json', TimeLimitSchema, limits],
    ['services.json', ServiceSchema, services],
    ['export-templates.json', ExportTemplateSchema, exportTemplates],
    ['hotline-12345/manifest.json', ManifestSchema, [hotlineManifest]],
    ['hotline-12345/domains.json', DomainSchema, hotlineDomains],
    ['hotline-12345/forms/*.json', FormSchema, hotlineForms],
    ['hotline-12345/time-limits.json', TimeLimitSchema, hotlineLimits],
    ['hotline-12345/item-domain-links.json', ItemDomainLinkSchema, hotlineLinks],
  ];

  it.each(cases)('%s', (_file, schema, definitions) => {
    expect(definitions.length).toBeGreaterThan(0);
    expect(failures(schema, definitions)).toEqual([]);
  });

  it('ids are lowercase ascii with dots and dashes, unique within each kind', () => {
    const kinds: [string, readonly { id: string }[]][] = [
      ['catalogueDirectory', directories],
      ['item', items],
      ['form', [...forms, ...hotlineForms]],
      ['timeLimit', [...limits, ...hotlineLimits]],
      ['service', services],
      ['exportTemplate', exportTemplates],
      ['distributionRule', rules],
      ['domain', hotlineDomains],
    ];
    for (const [kind, list] of kinds) {
      const ids = list.map((x) => x.id);
      expect({ kind, bad: ids.filter((id) => !ID.test(id)) }).toEqual({ kind, bad: [] });
      expect({ kind, duplicates: duplicates(ids) }).toEqual({ kind, duplicates: [] });
    }
  });
});

describe('DEF-2 catalogue directories', () => {
  const top = directories.filter((d) => d.parent === undefined);
  const second = directories.filter((d) => d.parent !== undefined);

  it('has at least 8 top-level directories with second-level directories under them', () => {
    expect(top.length).toBeGreaterThanOrEqual(8);
    expect(top.map((d) => d.name)).toEqual(
      expect.arrayContaining(['市容环境', '环境保护', '交通运输', '市政设施', '住房建设', '水务管理', '市场监管']),
    );
    expect(second.length).toBeGreaterThanOrEqual(8);
    const srhj = directories.find((d) => d.id === 'dir.srhj');
    expect(srhj?.name).toBe('市容环境');
    expect(second.filter((d) => d.parent === 'dir.srhj').map((d) => d.name)).toEqual(
      expect.arrayContaining(['环境卫生', '市容秩序']),
    );
  });

  it('parents resolve to top-level directories; every directory has a version and a description', () => {
    const ids = new Set(top.map((d) => d.id));
    expect(second.filter((d) => !ids.has(d.parent ?? ''))).toEqual([]);
    for (const d of directories) {
      expect(d.version, d.id).toBe('2024版');
      expect(d.description?.length ?? 0, d.id).toBeGreaterThan(0);
    }
  });

  it('an enabled item is never filed under a disabled directory', () => {
    const dirs = byId(directories);
    const bad = items.filter((i) => i.enabled && !dirs.get(i.directory)?.enabled);
    expect(bad.map((i) => i.id)).toEqual([]);
  });
});

describe('DEF-3 items', () => {
  const dirs = byId(directories);
  const overall = byId(limits);

  it('has at least 40 items with unique 10-digit codes and names', () => {
    expect(items.length).toBeGreaterThanOrEqual(40);
    expect(duplicates(items.map((i) => i.code))).toEqual([]);
    expect(duplicates(items.map((i) => i.name))).toEqual([]);
    for (const i of items) expect(i.code, i.id).toMatch(/^\d{10}$/);
  });

  it('codes are grouped by directory: 20 + top-level index + second-level index + sequence', () => {
    const top = directories.filter((d) => d.parent === undefined).map((d) => d.id);
    for (const i of items) {
      const dir = dirs.get(i.directory);
      expect(dir, i.id).toBeDefined();
      const topId = dir?.parent ?? dir?.id ?? '';
      const topIndex = top.indexOf(topId);
      const subIndex = directories.filter((d) => d.parent === topId).findIndex((d) => d.id === i.directory);
      expect(i.code.slice(0, 6), i.id).toBe(`20${String(topIndex).padStart(2, '0')}${String(subIndex).padStart(2, '0')}`);
    }
  });

  it('every item carries a region, description, legal basis and handling standard', () => {
    for (const i of items) {
      expect(['苏州市', '张家港市'], i.id).toContain(i.region);
      expect(i.description?.length ?? 0, i.id).toBeGreaterThan(10);
      expect(i.legalBasis ?? '', i.id).toMatch(/《[^》]+》/);
      expect(i.handlingStandard ?? '', i.id).toMatch(/1\. .+2\. /);
    }
  });

  it('exactly two items are disabled', () => {
    expect(items.filter((i) => !i.enabled).length).toBe(2);
  });

  it('every item joins the linkage domain with an enabled overall time limit', () => {
    for (const i of items) {
      expect(i.domains.map((d) => d.domain), i.id).toEqual(['linkage']);
      const limit = overall.get(i.domains[0]?.overallLimit ?? '');
      expect(limit?.type, i.id).toBe('overall');
      expect(limit?.enabled, i.id).toBe(true);
    }
  });

  it('personalised forms resolve to forms extending the default form', () => {
    const allForms = byId(forms);
    for (const i of items.filter((x) => x.form !== undefined)) {
      expect(allForms.get(i.form ?? '')?.extends, i.id).toBe('form.default');
    }
  });

  it('暴露垃圾 is item.bllj 2000000001 with form.bllj and the 1-natural-day limit', () => {
    const bllj = items.find((i) => i.id === 'item.bllj');
    expect(bllj).toMatchObject({
      code: '2000000001',
      name: '暴露垃圾',
      directory: 'dir.srhj.hjws',
      enabled: true,
      form: 'form.bllj',
      domains: [{ domain: 'linkage', overallLimit: 'tl.overall.1nd' }],
    });
  });
});

describe('DEF-4 dispatch configurations', () => {
  const departmentsById = byId(departments);
  const isCenter = (d: Department | undefined) => d !== undefined && d.kind === 'region' && d.independent;
  const centerOf = (id: string): string | undefined => {
    for (let d = departmentsById.get(id); d; d = d.parent ? departmentsById.get(d.parent) : undefined) {
      if (isCenter(d)) return d.id;
    }
    return undefined;
  };
  const centers = departments.filter(isCenter).map((d) => d.id);
  const upperOf = (center: string) => {
    const parent = departmentsById.get(center)?.parent;
    return parent ? centerOf(parent) : undefined;
  };
  const lowerOf = (center: string) => centers.filter((c) => upperOf(c) === center);
  const configs = items.flatMap((i) => i.dispatch.map((c) => ({ item: i.id, ...c })));

  it('the demo organisation has the four centers the configurations use', () => {
    expect(centers.sort()).toEqual(['fh', 'sz', 'ys', 'zjg']);
    expect(lowerOf('sz')).toEqual(['zjg']);
    expect(lowerOf('zjg').sort()).toEqual(['fh', 'ys']);
  });

  it('at least 25 items have a configuration and some are left to manual dispatch', () => {
    const configured = items.filter((i) => i.dispatch.length > 0);
    expect(configured.length).toBeGreaterThanOrEqual(25);
    expect(items.filter((i) => i.enabled && i.dispatch.length === 0).length).toBeGreaterThanOrEqual(5);
  });

  it('every mode and handling appears several times', () => {
    const count = (pred: (c: DispatchConfig) => boolean) => configs.filter(pred).length;
    expect(count((c) => c.mode === 'lowerCenter' && c.lowerCenter !== undefined)).toBeGreaterThanOrEqual(3);
    expect(count((c) => c.mode === 'lowerCenter' && c.lowerCenter === undefined)).toBeGreaterThanOrEqual(3);
    expect(count((c) => c.mode === 'upperCenter')).toBeGreaterThanOrEqual(3);
    expect(count((c) => c.assignment?.handling === 'mainAssist')).toBeGreaterThanOrEqual(3);
    expect(count((c) => c.assignment?.handling === 'mainAssist' && (c.assignment.assists?.length ?? 0) > 0)).toBeGreaterThanOrEqual(3);
    expect(count((c) => c.assignment?.handling === 'multi')).toBeGreaterThanOrEqual(3);
    expect(count((c) => (c.subDispatch?.length ?? 0) > 0)).toBeGreaterThanOrEqual(3);
    expect(count((c) => c.region === 'sz' && c.mode === 'departments')).toBeGreaterThanOrEqual(1);
  });

  it('each item configures a center at most once, and only command centers', () => {
    for (const i of items) {
      expect(duplicates(i.dispatch.map((c) => c.region)), i.id).toEqual([]);
    }
    expect(configs.filter((c) => !centers.includes(c.region))).toEqual([]);
  });

  it('the lowest centers never delegate down, the top center never escalates, a delegation names a lower center', () => {
    for (const c of configs) {
      if (c.mode === 'lowerCenter') {
        expect(lowerOf(c.region).length, c.item).toBeGreaterThan(0);
        if (c.lowerCenter !== undefined) expect(lowerOf(c.region), c.item).toContain(c.lowerCenter);
        expect(c.assignment, c.item).toBeUndefined();
      }
      if (c.mode === 'upperCenter') {
        expect(upperOf(c.region), c.item).toBeDefined();
        expect(c.assignment, c.item).toBeUndefined();
      }
      if (c.mode !== 'lowerCenter') expect(c.lowerCenter, c.item).toBeUndefined();
      if (c.mode !== 'departments') expect(c.subDispatch, c.item).toBeUndefined();
    }
    expect(configs.filter((c) => ['ys', 'fh'].includes(c.region) && c.mode === 'lowerCenter')).toEqual([]);
    expect(configs.filter((c) => c.region === 'sz' && c.mode === 'upperCenter')).toEqual([]);
  });

  const assigned = (a: DepartmentAssignment) =>
    a.handling === 'mainAssist' ? [a.main ?? '', ...(a.assists ?? [])] : (a.departments ?? []);
  const wellFormed = (a: DepartmentAssignment, where: string) => {
    if (a.handling === 'mainAssist') {
      expect(a.main, where).toBeDefined();
      expect(a.departments, where).toBeUndefined();
      expect(a.assists ?? [], where).not.toContain(a.main);
    } else {
      expect(a.main, where).toBeUndefined();
      expect(a.assists, where).toBeUndefined();
      expect(a.departments?.length ?? 0, where).toBeGreaterThanOrEqual(2);
    }
  };

  it('assigned departments are member units of the configured center; sub-dispatch goes to their sub-units', () => {
    for (const c of configs.filter((x) => x.mode === 'departments')) {
      const where = `${c.item}@${c.region}`;
      expect(c.assignment, where).toBeDefined();
      if (!c.assignment) continue;
      wellFormed(c.assignment, where);
      const mine = assigned(c.assignment);
      for (const id of mine) {
        expect(departmentsById.get(id)?.kind, `${where}: ${id}`).toBe('unit');
        expect(centerOf(id), `${where}: ${id}`).toBe(c.region);
      }
      for (const sub of c.subDispatch ?? []) {
        expect(mine, where).toContain(sub.department);
        wellFormed(sub, `${where} > ${sub.department}`);
        for (const id of assigned(sub)) {
          expect(departmentsById.get(id)?.parent, `${where} > ${sub.department}: ${id}`).toBe(sub.department);
        }
      }
    }
  });

  it('暴露垃圾: sz → zjg; zjg → 城管局 (环卫所) with 生态环境局; ys and fh → their 城管中队', () => {
    const bllj = items.find((i) => i.id === 'item.bllj');
    expect(bllj?.dispatch).toEqual([
      { region: 'sz', mode: 'lowerCenter', lowerCenter: 'zjg' },
      {
        region: 'zjg',
        mode: 'departments',
        assignment: { handling: 'mainAssist', main: 'zjg.cgj', assists: ['zjg.sthj'] },
        subDispatch: [{ department: 'zjg.cgj', handling: 'mainAssist', main: 'zjg.cgj.hws' }],
      },
      { region: 'ys', mode: 'departments', assignment: { handling: 'mainAssist', main: 'ys.cgzd' } },
      { region: 'fh', mode: 'departments', assignment: { handling: 'mainAssist', main: 'fh.cgzd' } },
    ]);
  });
});

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

describe('DEF-6 overall time limits', () => {
  const limitsById = byId([...limits, ...hotlineLimits]);

  it('this package holds only overall limits, all enabled', () => {
    expect(limits.map((l) => l.id).sort()).toEqual(
      ['tl.overall.1nd', 'tl.overall.10wd', 'tl.overall.24nh', 'tl.overall.3wd', 'tl.overall.5wd', 'tl.overall.8wh'].sort(),
    );
    for (const l of [...limits, ...hotlineLimits]) {
      expect(l.type, l.id).toBe('overall');
      expect(l.enabled, l.id).toBe(true);
    }
  });

  it('working-time limits name the calendar and attendance scheme; natural-time limits do not', () => {
    for (const l of [...limits, ...hotlineLimits]) {
      if (l.unit === 'workDay' || l.unit === 'workHour') {
        expect([l.calendar, l.attendance], l.id).toEqual(['cn-official', 'standard']);
      } else {
        expect([l.calendar, l.attendance], l.id).toEqual([undefined, undefined]);
      }
    }
    const calendars = read<{ id: string }[]>('calendar-cn', 'calendars.json').map((c) => c.id);
    const schemes = read<{ id: string }[]>('calendar-cn', 'attendance-schemes.json').map((c) => c.id);
    expect(calendars).toContain('cn-official');
    expect(schemes).toContain('standard');
  });

  it('urgent and very urgent amounts never exceed the ordinary amount', () => {
    for (const l of [...limits, ...hotlineLimits]) {
      const { urgent = l.amount, veryUrgent = urgent } = l.urgencyAmounts ?? {};
      expect(urgent, l.id).toBeLessThanOrEqual(l.amount);
      expect(veryUrgent, l.id).toBeLessThanOrEqual(urgent);
    }
  });

  it('the seed examples: 暴露垃圾 1 natural day cumulative, 3 working days with 2/1, 8 working hours single', () => {
    expect(limitsById.get('tl.overall.1nd')).toMatchObject({ amount: 1, unit: 'naturalDay', metering: 'cumulative' });
    expect(limitsById.get('tl.overall.3wd')).toMatchObject({ amount: 3, unit: 'workDay', urgencyAmounts: { urgent: 2, veryUrgent: 1 } });
    expect(limitsById.get('tl.overall.5wd')).toMatchObject({ amount: 5, unit: 'workDay' });
    expect(limitsById.get('tl.overall.10wd')).toMatchObject({ amount: 10, unit: 'workDay' });
    expect(limitsById.get('tl.overall.24nh')).toMatchObject({ amount: 24, unit: 'naturalHour' });
    expect(limitsById.get('tl.overall.8wh')).toMatchObject({ amount: 8, unit: 'workHour', metering: 'single' });
    expect(limitsById.get('tl.hotline.5wd')).toMatchObject({
      amount: 5, unit: 'workDay', urgencyAmounts: { urgent: 3, veryUrgent: 1 },
    });
  });
});

describe('DEF-13 parameters, DEF-5 services, DEF-12 export templates', () => {
  it('system parameters hold the seed values', () => {
    expect(Object.fromEntries(parameters.map((p) => [p.id, p.value]))).toEqual({
      EXTRACT_ACCEPT_CASE_NUMBER: 5,
      YQ_APPLY_COUNT: 2,
      GZ_APPLY_COUNT: 1,
      TH_APPLY_COUNT: 1,
    });
    for (const p of parameters) expect(p.name, p.id).toMatch(/[\u4e00-\u9fa5]/);
  });

  it('the acceptance pool is on at zjg, the dispatch pool off everywhere', () => {
    expect(rules).toEqual([
      { id: 'pool.acceptance.zjg', pool: 'acceptance', center: 'zjg', enabled: true },
      { id: 'pool.dispatch.all', pool: 'dispatch', enabled: false },
    ]);
  });

  it('services: internal ones name a method, plugin ones a plugin, http ones an https url', () => {
    expect(new Set(services.map((s) => s.kind))).toEqual(new Set(['internal', 'plugin', 'http']));
    for (const s of services) {
      if (s.kind === 'internal') expect(s.method, s.id).toBeDefined();
      if (s.kind === 'plugin') expect(s.plugin, s.id).toBeDefined();
      if (s.kind === 'http') expect(s.url, s.id).toMatch(/^https:\/\//);
    }
    expect(services.filter((s) => s.kind === 'plugin').map((s) => s.plugin).sort()).toEqual(['map', 'sms']);
  });

  it('the detail export template is a .docx', () => {
    expect(exportTemplates).toEqual([
      expect.objectContaining({ id: 'export.detail', name: '详情页事件信息导出模板', file: 'ticket-detail.docx', enabled: true }),
    ]);
  });
});

describe('DEF-1 hotline-12345 package', () => {
  it('depends on linkage and declares the 12345 domain with its flow, form and RX prefix', () => {
    expect(hotlineManifest).toMatchObject({ name: 'hotline-12345', title: '12345热线', version: '1.0.0', dependsOn: ['linkage'] });
    expect(hotlineDomains).toEqual([
      expect.objectContaining({ id: 'hotline-12345', name: '12345热线', flow: 'flow.hotline', form: 'form.hotline', ticketPrefix: 'RX', enabled: true }),
    ]);
  });

  it('links at least 15 enabled linkage items, each once, with the hotline overall limit', () => {
    const itemsById = byId(items);
    expect(hotlineLinks.length).toBeGreaterThanOrEqual(15);
    expect(duplicates(hotlineLinks.map((l) => l.item))).toEqual([]);
    for (const link of hotlineLinks) {
      expect(itemsById.get(link.item)?.enabled, link.item).toBe(true);
      expect(link.domain).toBe('hotline-12345');
      expect(link.overallLimit).toBe('tl.hotline.5wd');
    }
  });
});
