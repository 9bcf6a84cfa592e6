import { Type, type Static } from '@sinclair/typebox';
import { Enabled, Name, Ref, StringEnum } from './common.js';

/** 系统参数 (DEF-13); the ids the seed names are required by lint. */
export const SystemParameterSchema = Type.Object(
  {
    id: Type.String({ pattern: '^[A-Z][A-Z0-9_]*$', title: '参数标识' }),
    name: Name('参数名称'),
    value: Type.Union([Type.Integer(), Type.Boolean(), Type.String()], { title: '参数值' }),
    description: Type.Optional(Type.String({ title: '说明' })),
  },
  { $id: 'tongguan/system-parameter', title: '系统参数', additionalProperties: false },
);
export type SystemParameter = Static<typeof SystemParameterSchema>;

/** 分流规则 (DEF-13): acceptance and dispatch pools, for all centers or one. */
export const DistributionRuleSchema = Type.Object(
  {
    id: Type.String({ minLength: 1, title: '标识' }),
    pool: StringEnum(['acceptance', 'dispatch'], { title: '工单池' }),
    center: Type.Optional(Ref('department', { title: '指挥中心', description: 'Omitted: every center.' })),
    enabled: Enabled,
  },
  { $id: 'tongguan/distribution-rule', title: '分流规则', additionalProperties: false },
);
export type DistributionRule = Static<typeof DistributionRuleSchema>;
