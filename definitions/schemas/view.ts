import { Type, type Static } from '@sinclair/typebox';
import { Id, Name, Ref, StringEnum } from './common.js';

/** A filter clause on a list: `field` is a dotted path of the listed entity. */
export const ViewClauseSchema = Type.Object(
  {
    field: Type.String({ minLength: 1, title: '字段' }),
    op: StringEnum(['eq', 'ne', 'in', 'notIn', 'exists', 'notExists', 'gt', 'lt'], { title: '比较' }),
    value: Type.Optional(Type.Unknown()),
  },
  { additionalProperties: false, title: '条件' },
);
export type ViewClause = Static<typeof ViewClauseSchema>;

/**
 * Which rows a tab lists. `nodes` are node ids of the entity's flows; `scope` says whose rows:
 * the user's center, the user's center and the centers below it (queries, X-3), the user's
 * department, rows awaiting the user's own review step, rows the user acted on, CC'd rows, or the pool.
 */
export const ViewQuerySchema = Type.Object(
  {
    nodes: Type.Optional(Type.Array(Type.String({ minLength: 1 }), { title: '节点' })),
    applicationKinds: Type.Optional(
      Type.Array(StringEnum(['assist', 'extension', 'suspension', 'transfer', 'return', 'result']), { title: '申请类型' }),
    ),
    scope: StringEnum(['center', 'centerTree', 'department', 'reviewer', 'actedBy', 'applicant', 'cc', 'pool', 'assignee'], { title: '范围' }),
    where: Type.Optional(Type.Array(ViewClauseSchema, { title: '条件' })),
    everyoneFor: Type.Optional(Type.Array(Ref('role'), {
      title: '查看全部的角色',
      description: "With scope actedBy: viewers holding one of these roles see what every holder of the view's roles at their center acted on (DSP-3: a shift leader's 已分拨).",
    })),
    sort: Type.Optional(Type.Object({ field: Type.String(), dir: StringEnum(['asc', 'desc']) }, { additionalProperties: false })),
  },
  { additionalProperties: false, title: '查询' },
);
export type ViewQuery = Static<typeof ViewQuerySchema>;

export const ViewColumnSchema = Type.Object(
  {
    field: Type.String({ minLength: 1, title: '字段' }),
    title: Type.String({ minLength: 1, title: '列名' }),
    titleEn: Type.Optional(Type.String({ title: '英文列名' })),
    width: Type.Optional(Type.Integer({ minimum: 40, title: '宽度' })),
    priority: Type.Optional(Type.Integer({
      minimum: 1, maximum: 9, title: '显示优先级',
      description: 'On a list narrower than its columns, columns of the highest number are hidden first (the rightmost first among equals); 1 is never hidden. Default: 1 for the first two columns (number, title), the status and the time limit, 3 for the others.',
    })),
    format: Type.Optional(
      StringEnum(['text', 'datetime', 'maskedName', 'maskedPhone', 'status', 'sla', 'vocabulary', 'department', 'region', 'item', 'user'], {
        title: '格式', description: 'user: a login shown as the person\'s name (resolved on the server, in rows and exports alike).',
      }),
    ),
    vocabulary: Type.Optional(Ref('vocabulary', { title: '字典' })),
  },
  { additionalProperties: false, title: '列' },
);
export type ViewColumn = Static<typeof ViewColumnSchema>;

export const ViewFilterSchema = Type.Object(
  {
    field: Type.String({ minLength: 1, title: '字段' }),
    title: Type.String({ minLength: 1, title: '名称' }),
    titleEn: Type.Optional(Type.String()),
    widget: StringEnum(['text', 'select', 'dateRange', 'department', 'item'], { title: '控件' }),
    vocabulary: Type.Optional(Ref('vocabulary', { title: '字典' })),
    primary: Type.Optional(Type.Boolean({ title: '常用', description: 'Shown without expanding the filter panel.' })),
  },
  { additionalProperties: false, title: '筛选' },
);
export type ViewFilter = Static<typeof ViewFilterSchema>;

export const ViewTabSchema = Type.Object(
  {
    key: Type.String({ pattern: '^[A-Za-z][A-Za-z0-9_]*$', title: '标识' }),
    name: Type.String({ minLength: 1, title: '名称' }),
    nameEn: Type.Optional(Type.String()),
    roles: Type.Optional(Type.Array(Ref('role'), {
      minItems: 1, title: '角色',
      description: "Who sees the tab: some of the view's roles (default all of them). A tab whose row buttons only one role may press is that role's alone (a button the user may not press is not shown).",
    })),
    query: ViewQuerySchema,
    rowButtons: Type.Array(Ref('buttonType'), { default: [], title: '行按钮' }),
    batchButtons: Type.Optional(Type.Array(Ref('buttonType'), { title: '批量按钮' })),
  },
  { additionalProperties: false, title: '页签' },
);
export type ViewTab = Static<typeof ViewTabSchema>;

/** A generated list screen of the workbench: module, menu entry, tabs, columns, filters, buttons. */
export const ViewSchema = Type.Object(
  {
    id: Id,
    module: StringEnum(['acceptance', 'dispatch', 'handling', 'review', 'closing'], { title: '模块' }),
    name: Name('菜单名称'),
    nameEn: Type.Optional(Type.String()),
    order: Type.Integer({ title: '排序' }),
    entity: StringEnum(['ticket', 'task', 'application'], { title: '列表对象' }),
    flow: Type.Optional(Ref('flow', { title: '流程', description: 'Whose node ids the tabs use; defaults to the domain flows of the entity.' })),
    roles: Type.Array(Ref('role'), { minItems: 1, title: '角色' }),
    tabs: Type.Array(ViewTabSchema, { minItems: 1, title: '页签' }),
    columns: Type.Array(ViewColumnSchema, { minItems: 1, title: '列' }),
    filters: Type.Array(ViewFilterSchema, { default: [], title: '筛选' }),
    onlyMine: Type.Optional(Type.Boolean({ title: '仅看与我有关' })),
    pool: Type.Optional(StringEnum(['acceptance', 'dispatch'], { title: '工单池' })),
    exportable: Type.Optional(Type.Boolean({ title: '可导出', default: true })),
    toolbarButtons: Type.Optional(Type.Array(Ref('buttonType'), { title: '工具栏按钮' })),
  },
  { $id: 'tongguan/view', title: '视图', additionalProperties: false },
);
export type View = Static<typeof ViewSchema>;
