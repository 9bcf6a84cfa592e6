import { Type, type Static } from '@sinclair/typebox';
import { Enabled, Id, Name, NameEn, Ref, Remark, StringEnum } from './common.js';
import { GuardSchema } from './condition.js';

/** What a flow drives: the ticket, one department task, or an application's review chain. */
export const FlowScopeSchema = StringEnum(['ticket', 'task', 'application'], { title: '流程对象' });
export type FlowScope = Static<typeof FlowScopeSchema>;

/** 节点 (DEF-8). */
export const FlowNodeSchema = Type.Object(
  {
    id: Type.String({ pattern: '^[A-Za-z][A-Za-z0-9_]*$', title: '节点标识' }),
    name: Name('节点名称'),
    nameEn: NameEn(),
    final: Type.Optional(Type.Boolean({ title: '结束节点' })),
    stageLimit: Type.Optional(Ref('timeLimit', { title: '环节时限' })),
    entryServices: Type.Optional(Type.Array(Ref('service'), { title: '入口服务' })),
    exitServices: Type.Optional(Type.Array(Ref('service'), { title: '出口服务' })),
    pauseClocks: Type.Optional(Type.Boolean({ title: '暂停计时', description: 'While here, the entity\u2019s clocks are paused (挂账).' })),
    overallClock: Type.Optional(
      Type.Boolean({ title: '计入整体时限', description: 'Ticket flows: whether the overall clock runs here (default yes; final nodes never).' }),
    ),
  },
  { additionalProperties: false, title: '节点' },
);
export type FlowNode = Static<typeof FlowNodeSchema>;

/**
 * Engine events raised by the engine itself rather than by a button:
 * `$tasks.settled` (the ticket's tasks reached a deciding state), `$application.approved`,
 * `$application.rejected`, `$application.cancelled` (sent to the task an application belongs to),
 * `$task.withdrawn` (sent to a task still open when its ticket leaves handling), `$handling.accepted`
 * (sent to a result application awaiting review when the reviewer passes the handling as a whole, REV-2 不核查结案).
 */
export const InternalEventSchema = StringEnum(
  ['$tasks.settled', '$application.approved', '$application.rejected', '$application.cancelled', '$task.withdrawn', '$handling.accepted'],
  { title: '内部事件' },
);
export type InternalEvent = Static<typeof InternalEventSchema>;

/** A named effect performed when a transition is taken; registered in the engine's effect registry. */
export const EffectSchema = Type.Object(
  {
    type: Type.String({ minLength: 1, title: '效果' }),
    params: Type.Optional(Type.Record(Type.String(), Type.Unknown())),
  },
  { additionalProperties: false, title: '效果' },
);
export type Effect = Static<typeof EffectSchema>;

export const TransitionSchema = Type.Object(
  {
    from: Type.Array(Type.String({ minLength: 1 }), { minItems: 1, title: '来源节点', description: 'Node ids; "*" means every node that is not final.' }),
    button: Type.Optional(Ref('buttonType', { title: '按钮' })),
    event: Type.Optional(InternalEventSchema),
    to: Type.Optional(Type.String({ minLength: 1, title: '目标节点', description: 'Omitted: the action has no flow effect (stays).' })),
    guards: Type.Optional(Type.Array(GuardSchema, { title: '条件' })),
    effects: Type.Optional(Type.Array(EffectSchema, { title: '效果' })),
    description: Type.Optional(Type.String()),
  },
  { additionalProperties: false, title: '流转' },
);
export type Transition = Static<typeof TransitionSchema>;

/** 流程 (DEF-9): nodes and transitions compiled into an XState machine. */
export const FlowSchema = Type.Object(
  {
    id: Id,
    name: Name('流程名称'),
    nameEn: NameEn(),
    scope: FlowScopeSchema,
    initial: Type.String({ minLength: 1, title: '初始节点' }),
    taskFlow: Type.Optional(Ref('flow', { title: '部门处置流程' })),
    applicationFlow: Type.Optional(Ref('flow', { title: '申请审核流程' })),
    nodes: Type.Array(FlowNodeSchema, { minItems: 1, title: '节点' }),
    transitions: Type.Array(TransitionSchema, { title: '流转' }),
    enabled: Enabled,
    remark: Remark,
  },
  { $id: 'tongguan/flow', title: '流程', additionalProperties: false },
);
export type Flow = Static<typeof FlowSchema>;
