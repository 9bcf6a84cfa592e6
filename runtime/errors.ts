import type { EngineError } from '../engine/index.js';

/**
 * The runtime's error catalogue (fastify's lib/errors.js habit): every error a client can see has a
 * stable code, an HTTP status and a message in Chinese and English. No stack traces leave the server.
 */
export const runtimeErrors = {
  TG_ERR_VALIDATION: { status: 400, zh: '请求参数不正确：{detail}', en: 'Invalid request: {detail}' },
  TG_ERR_UNAUTHENTICATED: { status: 401, zh: '请先登录。', en: 'Please log in.' },
  TG_ERR_BAD_CREDENTIALS: { status: 401, zh: '用户名或密码错误。', en: 'Wrong login name or password.' },
  TG_ERR_ACCOUNT_LOCKED: { status: 423, zh: '账号已锁定，请于 {minutes} 分钟后再试。', en: 'The account is locked; try again in {minutes} minutes.' },
  TG_ERR_SESSION_EXPIRED: { status: 401, zh: '登录已过期，请重新登录。', en: 'Your session has expired; please log in again.' },
  TG_ERR_FORBIDDEN: { status: 403, zh: '无权执行此操作：{detail}', en: 'Not allowed: {detail}' },
  TG_ERR_OUT_OF_SCOPE: { status: 403, zh: '该数据不在您的数据范围内。', en: 'This record is outside your data scope.' },
  TG_ERR_NOT_FOUND: { status: 404, zh: '未找到{what}。', en: '{what} was not found.' },
  TG_ERR_UNKNOWN_BUTTON: { status: 404, zh: '未知按钮：{detail}', en: 'Unknown button: {detail}' },
  TG_ERR_STALE_VERSION: { status: 409, zh: '工单已被他人处理（{detail}），请刷新后重试。', en: 'Someone else acted on this ticket first ({detail}); reload and try again.' },
  TG_ERR_ACTION_REFUSED: { status: 422, zh: '{detail}', en: '{detail}' },
  TG_ERR_IDEMPOTENCY_CONFLICT: { status: 409, zh: '该幂等键已用于另一请求。', en: 'This idempotency key was used for a different request.' },
  TG_ERR_NO_BUNDLE: { status: 503, zh: '尚未发布任何定义。', en: 'No definitions have been published yet.' },
  TG_ERR_INTERNAL: { status: 500, zh: '服务器内部错误，请稍后重试。', en: 'Internal server error; please try again later.' },
  TG_ERR_ID_TAKEN: { status: 409, zh: '标识 {id} 已被使用。', en: 'The id {id} is already in use.' },
  TG_ERR_LOGIN_TAKEN: { status: 409, zh: '登录名称 {login} 已被使用。', en: 'The login name {login} is already taken.' },
  TG_ERR_DEPARTMENT_NAME_TAKEN: { status: 409, zh: '同一上级部门下已有名为“{name}”的部门。', en: 'A department named {name} already exists under the same parent.' },
  TG_ERR_DEPARTMENT_IN_USE: { status: 409, zh: '部门“{name}”下仍有用户、下级部门、网格或工单数据，不能删除，可停用。', en: 'Department {name} still has users, sub-departments, grids or ticket data and cannot be deleted; disable it instead.' },
  TG_ERR_IMPORT_FILE: { status: 400, zh: '无法读取导入文件，请上传按用户导入模板填写的 .xlsx 文件。', en: 'Cannot read the import file; upload an .xlsx file filled in from the user import template.' },
  TG_ERR_CATALOGUE_IMPORT_FILE: { status: 400, zh: '无法读取导入文件，请上传按事项目录与清单导入模板填写的 .xlsx 文件。', en: 'Cannot read the import file; upload an .xlsx file filled in from the catalogue import template.' },
  TG_ERR_DRAFTS_INVALID: { status: 422, zh: '草稿定义有 {count} 个错误，无法试算；请先在“检查”中修复，或改用已发布版本。', en: 'The draft definitions have {count} errors and cannot be tried; fix them (Lint) or use the published version.' },
  TG_ERR_POOL_DISABLED: { status: 409, zh: '本中心未开启{pool}工单池（分流规则），请在待办列表中直接办理。', en: 'The {poolEn} pool is off at your center (distribution rules); work the tickets from your to-do list.' },
  TG_ERR_DEFINITION_ENABLED: { status: 409, zh: '{what}处于启用状态，请先停用再{action}。', en: '{whatEn} is enabled; disable it before you {actionEn} it.' },
  TG_ERR_DIRECTORY_IN_USE: { status: 409, zh: '事项目录 {id} 下仍有{detail}，不能{action}。', en: 'Catalogue directory {id} still holds {detailEn}; it cannot be {actionEn}.' },
  TG_ERR_DEFINITION_HAS_TICKETS: { status: 409, zh: '{what}已有工单数据（{count} 条），不能删除。', en: '{whatEn} is used by ticket data ({count} records) and cannot be deleted.' },
  TG_ERR_PUBLISH_REFUSED: { status: 422, zh: '定义检查发现 {count} 个错误，未发布。', en: 'The definitions have {count} errors; nothing was published.' },
  TG_ERR_ALREADY_PUBLISHED: { status: 409, zh: '这些定义已作为版本 {version} 发布，没有可发布的变更。', en: 'These definitions were already published as version {version}; there is nothing new to publish.' },
  TG_ERR_ATTACHMENT_TOO_LARGE: { status: 413, zh: '附件不能超过 {limit} MB。', en: 'An attachment may not exceed {limit} MB.' },
  TG_ERR_ATTACHMENT_TYPE: { status: 400, zh: '不支持的附件类型“{ext}”，仅支持 {allowed}。', en: 'Attachments of type "{ext}" are not accepted; allowed: {allowed}.' },
  TG_ERR_ATTACHMENT_CONTENT: { status: 400, zh: '附件“{name}”的内容与文件类型不符（{detail}）。', en: 'The content of "{name}" does not match its file type ({detailEn}).' },
  TG_ERR_ATTACHMENT_UNKNOWN: { status: 400, zh: '附件 {ids} 不存在、不是您上传的或已关联到其他工单。', en: 'Attachments {ids} do not exist, were not uploaded by you or belong to another ticket.' },
  TG_ERR_EXPORT_TEMPLATE: { status: 422, zh: '导出模板“{template}”无法使用：{detail}', en: 'The export template "{template}" cannot be used: {detail}' },
  TG_ERR_OPINION_DUPLICATE: { status: 409, zh: '该常用意见已存在。', en: 'You have already saved this common opinion.' },
  TG_ERR_FOLLOWER_LOCKED: { status: 422, zh: '已合并的从单 {id} 跟随主单 {main}，不能单独操作。', en: 'Merged follower {id} follows its main {main} and cannot be operated alone.' },
  TG_ERR_MERGE_MISMATCH: { status: 422, zh: '不能合并：{what}不一致（{detail}）。', en: 'Cannot merge: the {whatEn} differs ({detail}).' },
  TG_ERR_MERGE_FOLLOWER: { status: 422, zh: '{id} 已是合并的从单，不能作为主单或再次合并。', en: '{id} is already a merged follower; it cannot be a main or be merged again.' },
  TG_ERR_MERGE_HAS_FOLLOWERS: { status: 422, zh: '{id} 已有从单，只能作为主单。', en: '{id} already has followers; it can only be the main.' },
  TG_ERR_MERGE_STEP: { status: 422, zh: '{id} 处于“{node}”，不能合并（{reason}）。', en: '{id} is at "{node}" and cannot be merged ({reasonEn}).' },
  TG_ERR_MERGE_ROLE: { status: 403, zh: '只有{who}可以{action}。', en: 'Only {whoEn} may {actionEn}.' },
  TG_ERR_NOT_MERGED: { status: 422, zh: '{id} 不是可拆分的从单（{reason}）。', en: '{id} is not a follower that can be split ({reasonEn}).' },
} as const;

export type RuntimeErrorCode = keyof typeof runtimeErrors;

function fill(template: string, params: Record<string, string | number>): string {
  return template.replace(/\{(\w+)\}/g, (_, k: string) => String(params[k] ?? ''));
}

export class AppError extends Error {
  readonly status: number;
  readonly messageZh: string;
  constructor(readonly code: RuntimeErrorCode, readonly params: Record<string, string | number> = {}, readonly details?: unknown) {
    const entry = runtimeErrors[code];
    super(fill(entry.en, params));
    this.name = 'AppError';
    this.status = entry.status;
    this.messageZh = fill(entry.zh, params);
  }

  toJSON() {
    return { code: this.code, message: this.message, messageZh: this.messageZh, ...(this.details === undefined ? {} : { details: this.details }) };
  }
}

/** An error whose detail is the engine's message: the English one in `message`, the Chinese one in `messageZh`. */
function withEngineDetail(code: RuntimeErrorCode, e: EngineError, details: unknown): AppError {
  const err = new AppError(code, { detail: e.message }, details);
  return Object.assign(err, { messageZh: fill(runtimeErrors[code].zh, { detail: e.messageZh }) });
}

/** Translates the engine's refusals at the edge (STYLE 8). */
export function fromEngineError(e: EngineError): AppError {
  const details = { engineCode: e.code, params: e.params };
  switch (e.code) {
    case 'ENG_UNKNOWN_BUTTON': return new AppError('TG_ERR_UNKNOWN_BUTTON', { detail: String(e.params.button ?? '') }, details);
    case 'ENG_NOT_FOUND': return new AppError('TG_ERR_NOT_FOUND', { what: String(e.params.entity ?? 'record') }, details);
    case 'ENG_FORBIDDEN_ROLE': return withEngineDetail('TG_ERR_FORBIDDEN', e, details);
    case 'ENG_OUT_OF_SCOPE': return new AppError('TG_ERR_OUT_OF_SCOPE', {}, details);
    case 'ENG_FOLLOWER_LOCKED': return new AppError('TG_ERR_FOLLOWER_LOCKED', { id: String(e.params.id ?? ''), main: String(e.params.main ?? '') }, details);
    case 'ENG_INVALID_PAYLOAD': case 'ENG_OPINION_REQUIRED': return withEngineDetail('TG_ERR_VALIDATION', e, details);
    default: return withEngineDetail('TG_ERR_ACTION_REFUSED', e, details);
  }
}
