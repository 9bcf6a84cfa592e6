import { Type, type Static } from '@sinclair/typebox';
import { Enabled, Id, Name, Remark, StringEnum } from './common.js';

/** 服务管理 (DEF-5): an interface service called from node entry/exit or effects. */
export const ServiceSchema = Type.Object(
  {
    id: Id,
    name: Name('服务名称'),
    kind: StringEnum(['internal', 'plugin', 'http'], { title: '服务类型' }),
    plugin: Type.Optional(Type.String({ title: '插件' })),
    method: Type.Optional(Type.String({ title: '方法' })),
    url: Type.Optional(Type.String({ format: 'uri', title: '地址' })),
    enabled: Enabled,
    remark: Remark,
  },
  { $id: 'tongguan/service', title: '服务', additionalProperties: false },
);
export type Service = Static<typeof ServiceSchema>;
