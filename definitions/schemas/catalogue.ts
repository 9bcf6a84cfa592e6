import { Type, type Static } from '@sinclair/typebox';
import { Enabled, Id, Name, NameEn, Ref, StringEnum, Text } from './common.js';

/** 事项目录 (DEF-2): a tree of directories grouping items. */
export const CatalogueDirectorySchema = Type.Object(
  {
    id: Id,
    name: Name('事项目录名称'),
    nameEn: NameEn(),
    parent: Type.Optional(Ref('catalogueDirectory', { title: '上级目录' })),
    version: Type.Optional(Type.String({ maxLength: 50, title: '版本' })),
    enabled: Enabled,
    description: Type.Optional(Text('事项目录描述')),
  },
  { $id: 'tongguan/catalogue-directory', title: '事项目录', additionalProperties: false },
);
export type CatalogueDirectory = Static<typeof CatalogueDirectorySchema>;

const Departments = (title: string) => Type.Array(Ref('department'), { uniqueItems: true, title });

/** How departments share a ticket: 主协办 (one main, any assists) or 多部门 (all main). */
export const HandlingModeSchema = StringEnum(['mainAssist', 'multi'], { title: '协办方式' });
export type HandlingMode = Static<typeof HandlingModeSchema>;

/** Departments chosen for a ticket or a sub-dispatch, with the mode. */
export const DepartmentAssignmentSchema = Type.Object(
  {
    handling: HandlingModeSchema,
    main: Type.Optional(Ref('department', { title: '主办部门' })),
    assists: Type.Optional(Departments('协办部门')),
    departments: Type.Optional(Departments('多部门')),
  },
  { additionalProperties: false },
);
export type DepartmentAssignment = Static<typeof DepartmentAssignmentSchema>;

/** 分拨配置 (DEF-4) for one applicable center. */
export const DispatchConfigSchema = Type.Object(
  {
    region: Ref('department', { title: '适用区域', description: 'The command center this configuration applies at.' }),
    mode: StringEnum(['lowerCenter', 'departments', 'upperCenter'], { title: '默认分拨方式' }),
    lowerCenter: Type.Optional(Ref('department', { title: '下级中心', description: 'Omitted: the lower center whose area holds the ticket\u2019s grid.' })),
    assignment: Type.Optional(DepartmentAssignmentSchema),
    subDispatch: Type.Optional(
      Type.Array(
        Type.Object(
          { department: Ref('department', { title: '部门' }), ...DepartmentAssignmentSchema.properties },
          { additionalProperties: false },
        ),
        { title: '下级部门配置' },
      ),
    ),
    enabled: Type.Optional(Enabled),
  },
  { additionalProperties: false, title: '分拨配置' },
);
export type DispatchConfig = Static<typeof DispatchConfigSchema>;

/** 事项清单 (DEF-3): an event category. */
export const ItemSchema = Type.Object(
  {
    id: Id,
    directory: Ref('catalogueDirectory', { title: '事项目录' }),
    code: Type.String({ pattern: '^\\d{10}$', title: '清单编码', description: 'Ten digits, e.g. 2000000001.' }),
    name: Name('清单名称'),
    nameEn: NameEn(),
    enabled: Enabled,
    region: Type.Optional(Type.String({ maxLength: 200, title: '行政区划' })),
    description: Type.Optional(Text('清单描述')),
    descriptionEn: Type.Optional(Text('英文清单描述')),
    legalBasis: Type.Optional(Text('法律依据')),
    legalBasisEn: Type.Optional(Text('英文法律依据')),
    handlingStandard: Type.Optional(Text('事件处置标准')),
    handlingStandardEn: Type.Optional(Text('英文事件处置标准')),
    form: Type.Optional(Ref('form', { title: '个性化表单' })),
    flow: Type.Optional(Ref('flow', { title: '个性化流程', description: 'A task-scope flow replacing the default department handling.' })),
    domains: Type.Array(
      Type.Object(
        { domain: Ref('domain', { title: '领域' }), overallLimit: Type.Optional(Ref('timeLimit', { title: '整体时限' })) },
        { additionalProperties: false },
      ),
      { title: '领域&时限关联' },
    ),
    dispatch: Type.Array(DispatchConfigSchema, { default: [], title: '分拨配置' }),
    keywords: Type.Optional(Type.Array(Type.String(), { title: '关键词' })),
  },
  { $id: 'tongguan/item', title: '事项清单', additionalProperties: false },
);
export type Item = Static<typeof ItemSchema>;

/** Links an item of another package to a domain of this one (merged into `item.domains`). */
export const ItemDomainLinkSchema = Type.Object(
  {
    item: Ref('item', { title: '事项' }),
    domain: Ref('domain', { title: '领域' }),
    overallLimit: Type.Optional(Ref('timeLimit', { title: '整体时限' })),
  },
  { $id: 'tongguan/item-domain-link', title: '事项领域关联', additionalProperties: false },
);
export type ItemDomainLink = Static<typeof ItemDomainLinkSchema>;
