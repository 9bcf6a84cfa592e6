import { Type, type Static } from '@sinclair/typebox';
import { Color, Id, Ref, StringEnum } from './common.js';

/**
 * 流程状态配置 (DEF-11): the status a node shows in lists and who handles it. For application
 * flows, `applicationKind` narrows the binding to one kind of application.
 */
export const StatusBindingSchema = Type.Object(
  {
    id: Id,
    flow: Ref('flow', { title: '流程' }),
    node: Type.String({ minLength: 1, title: '对应活动' }),
    applicationKind: Type.Optional(
      StringEnum(['assist', 'extension', 'suspension', 'transfer', 'return', 'result'], { title: '申请类型' }),
    ),
    statusText: Type.String({ minLength: 1, maxLength: 50, title: '状态文本' }),
    statusTextEn: Type.Optional(Type.String({ title: '英文状态文本' })),
    statusValue: Type.Integer({ minimum: 0, title: '状态值' }),
    textColor: Color('文字颜色'),
    backgroundColor: Color('背景颜色'),
    handlerType: StringEnum(['role', 'external', 'none'], { title: '处理人类型' }),
    role: Type.Optional(Ref('role', { title: '角色' })),
    external: Type.Optional(
      Type.Object(
        { plugin: Type.String({ minLength: 1, title: '外部方法类名' }), method: Type.String({ minLength: 1, title: '方法名' }) },
        { additionalProperties: false, title: '外部方法' },
      ),
    ),
  },
  { $id: 'tongguan/status-binding', title: '流程状态配置', additionalProperties: false },
);
export type StatusBinding = Static<typeof StatusBindingSchema>;
