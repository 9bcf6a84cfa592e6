import { Type, type Static } from '@sinclair/typebox';
import { Enabled, Id, Name, Ref, Remark, StringEnum } from './common.js';
import { GuardSchema } from './condition.js';

/** 按钮组 (DEF-10). */
export const ButtonGroupSchema = Type.Object(
  {
    id: Id,
    name: Name('按钮组名称'),
    order: Type.Optional(Type.Integer({ title: '排序' })),
    enabled: Enabled,
    remark: Remark,
  },
  { $id: 'tongguan/button-group', title: '按钮组', additionalProperties: false },
);
export type ButtonGroup = Static<typeof ButtonGroupSchema>;

/** A dialog the front end builds for the button: JSON Schema + uiSchema, plus the opinion rule. */
export const ButtonDialogSchema = Type.Object(
  {
    opinion: StringEnum(['required', 'optional', 'none'], { title: '意见', default: 'optional' }),
    opinionLabel: Type.Optional(Type.String({ title: '意见标题' })),
    opinionLabelEn: Type.Optional(Type.String({ title: '意见标题（英文）' })),
    schema: Type.Optional(Type.Record(Type.String(), Type.Unknown(), { title: 'JSON Schema' })),
    uiSchema: Type.Optional(Type.Record(Type.String(), Type.Unknown(), { title: '界面配置' })),
    confirm: Type.Optional(Type.String({ title: '确认提示' })),
    confirmEn: Type.Optional(Type.String({ title: '确认提示（英文）' })),
  },
  { additionalProperties: false, title: '对话框' },
);
export type ButtonDialog = Static<typeof ButtonDialogSchema>;

/**
 * 按钮类型 (DEF-10). `id` is the back-end key (按钮类型标识), unique across the bundle;
 * `method` is the front-end method (执行方法名) the workbench runs.
 */
export const ButtonTypeSchema = Type.Object(
  {
    id: Id,
    name: Name('按钮类型名称'),
    nameEn: Type.Optional(Type.String({ title: '英文名称' })),
    group: Ref('buttonGroup', { title: '按钮组' }),
    scope: StringEnum(['ticket', 'task', 'application', 'list'], { title: '作用对象' }),
    method: StringEnum(['action', 'register', 'view', 'edit', 'export', 'extract', 'merge', 'split'], { title: '执行方法名' }),
    externalId: Type.Optional(Type.String({ title: '按钮外部标识' })),
    order: Type.Optional(Type.Integer({ title: '排序' })),
    batch: Type.Optional(Type.Boolean({ title: '可批量' })),
    roles: Type.Optional(
      Type.Array(Ref('role'), { title: '可操作角色', description: 'Who may press it; omitted: the role bound to the current node.' }),
    ),
    dialog: Type.Optional(ButtonDialogSchema),
    visibleWhen: Type.Optional(Type.Array(GuardSchema, { title: '显隐控制' })),
    enabled: Enabled,
    remark: Remark,
  },
  { $id: 'tongguan/button-type', title: '按钮类型', additionalProperties: false },
);
export type ButtonType = Static<typeof ButtonTypeSchema>;
