/**
 * The engine's error catalogue. Every refusal the engine returns carries one of these codes;
 * the runtime maps them to HTTP statuses. Messages are templates with `{name}` parameters.
 */
export const engineErrors = {
  ENG_UNKNOWN_BUTTON: { message: 'Unknown button "{button}".', zh: '未知按钮“{button}”。' },
  ENG_BUTTON_DISABLED: { message: 'Button "{button}" is disabled.', zh: '按钮“{button}”已停用。' },
  ENG_NOT_AVAILABLE: { message: 'Button "{button}" is not available at node "{node}".', zh: '当前环节“{node}”不能执行“{button}”。' },
  ENG_RULE_REFUSED: { message: 'Refused by rule {rule}: {reason}', zh: '规则 {rule} 不允许：{reason}' },
  ENG_FORBIDDEN_ROLE: { message: 'Role {role} at {where} is required.', zh: '需要 {where} 的角色 {role}。' },
  ENG_OUT_OF_SCOPE: { message: 'This {entity} is not handled by your {where}.', zh: '该{entity}不由您所在的{where}办理。' },
  ENG_NOT_FOUND: { message: '{entity} "{id}" was not found.', zh: '未找到{entity}“{id}”。' },
  ENG_EXTRACTED_BY_OTHER: { message: 'Ticket {id} was extracted from the pool by {assignee}.', zh: '工单 {id} 已被 {assignee} 从工单池提取。' },
  ENG_FOLLOWER_LOCKED: { message: 'Merged follower {id} follows its main {main} and cannot be operated alone.', zh: '已合并的从单 {id} 跟随主单 {main}，不能单独操作。' },
  ENG_INVALID_PAYLOAD: { message: 'Invalid input at {pointer}: {reason}', zh: '输入不正确（{pointer}）：{reason}' },
  ENG_OPINION_REQUIRED: { message: 'An opinion is required for "{button}".', zh: '“{button}”需要填写意见。' },
  ENG_LIMIT_REACHED: { message: 'The limit of {limit} {kind} applications is reached.', zh: '{kind}申请已达上限 {limit} 次。' },
  ENG_NO_DISPATCH_TARGET: { message: 'No {direction} center exists for {center}.', zh: '{center} 没有{direction}中心。' },
  ENG_MERGE_REFUSED: { message: 'Cannot merge: {reason}', zh: '不能合并：{reason}' },
  ENG_DEFINITION_INVALID: { message: 'The definition set has {count} errors.', zh: '定义有 {count} 处错误。' },
  ENG_UNKNOWN_REFERENCE: { message: '{kind} "{id}" does not exist.', zh: '{kind}“{id}”不存在。' },
} as const;

export type EngineErrorCode = keyof typeof engineErrors;

export interface EngineError {
  readonly code: EngineErrorCode;
  readonly message: string;
  readonly messageZh: string;
  readonly params: Readonly<Record<string, string | number>>;
}

function fill(template: string, params: Record<string, string | number>): string {
  return template.replace(/\{(\w+)\}/g, (_, key: string) => String(params[key] ?? `{${key}}`));
}

export function engineError(code: EngineErrorCode, params: Record<string, string | number> = {}): EngineError {
  const entry = engineErrors[code];
  return { code, message: fill(entry.message, params), messageZh: fill(entry.zh, params), params };
}

/** Thrown only for programming errors inside the engine; callers get `EngineError` values. */
export class EngineInvariantError extends Error {
  constructor(readonly code: EngineErrorCode, readonly params: Record<string, string | number> = {}) {
    super(engineError(code, params).message);
    this.name = 'EngineInvariantError';
  }
}
