import { Type, type Static } from '@sinclair/typebox';
import { Enabled, Id, Name, Ref, Remark } from './common.js';

const JsonObject = (title: string) => Type.Record(Type.String(), Type.Unknown(), { title });

/**
 * A ticket form (DEF-14): JSON Schema + uiSchema for @rjsf. A personalised form names the form it
 * extends; its properties are added to the base form's and its required list joins the base's.
 * English texts sit beside the Chinese ones: `titleEn`, `descriptionEn`, `enumNamesEn` in the
 * schema, `ui:placeholderEn`, `ui:helpEn`, `ui:enumNamesEn` in the uiSchema (the workbench picks
 * them for en-US).
 */
export const FormSchema = Type.Object(
  {
    id: Id,
    name: Name('表单名称'),
    nameEn: Type.Optional(Type.String({ title: '英文名称' })),
    extends: Type.Optional(Ref('form', { title: '继承表单' })),
    schema: Type.Object(
      {
        type: Type.Literal('object'),
        properties: JsonObject('字段'),
        required: Type.Optional(Type.Array(Type.String(), { uniqueItems: true })),
        dependencies: Type.Optional(JsonObject('依赖')),
        allOf: Type.Optional(Type.Array(Type.Unknown())),
        title: Type.Optional(Type.String()),
        titleEn: Type.Optional(Type.String()),
      },
      { additionalProperties: false, title: 'JSON Schema' },
    ),
    uiSchema: Type.Optional(JsonObject('界面配置')),
    enabled: Enabled,
    remark: Remark,
  },
  { $id: 'tongguan/form', title: '表单', additionalProperties: false },
);
export type Form = Static<typeof FormSchema>;
