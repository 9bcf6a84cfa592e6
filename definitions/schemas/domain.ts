import { Type, type Static } from '@sinclair/typebox';
import { Enabled, Id, Name, NameEn, Ref, Remark } from './common.js';

/** 领域 (DEF-1): a business domain runs its items through one flow with one form. */
export const DomainSchema = Type.Object(
  {
    id: Id,
    name: Name('领域名称'),
    nameEn: NameEn(),
    flow: Ref('flow', { title: '关联流程' }),
    form: Ref('form', { title: '关联表单' }),
    exportTemplate: Type.Optional(Ref('exportTemplate', { title: '导出模板' })),
    ticketPrefix: Type.Optional(Type.String({ pattern: '^[A-Z]{0,4}$', title: '编号前缀', description: 'Overrides the channel prefix of ticket numbers.' })),
    enabled: Enabled,
    remark: Remark,
  },
  { $id: 'tongguan/domain', title: '领域', additionalProperties: false },
);
export type Domain = Static<typeof DomainSchema>;
