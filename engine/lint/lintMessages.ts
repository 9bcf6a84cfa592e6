import type { OrgFindingCode } from '../org/orgFinding.js';
import type { LintCode } from './lintCodes.js';

/** The languages findings are worded in. */
export type MessageLang = 'zh-CN' | 'en-US';

/** One wording of a finding in both languages; `{name}` is a parameter, `{name→}` a list joined by arrows. */
export interface MessageTemplate {
  readonly 'en-US': string;
  readonly 'zh-CN': string;
}

/** A code's wording, or several chosen by the finding's `variant` parameter. */
export type MessageEntry = MessageTemplate | Readonly<Record<string, MessageTemplate>>;

const m = (en: string, zh: string): MessageTemplate => ({ 'en-US': en, 'zh-CN': zh });

/**
 * The wording of every lint code and of the organisation codes lint surfaces, keyed by code (STYLE 4:
 * one catalogue per layer). Findings carry their code and parameters; the engine words its own
 * `message` in English from here, and the studio and the CLI word it in the UI language.
 */
export const lintMessages = {
  LINT_UNKNOWN_REFERENCE: m('{kind} "{id}" references {refKind} "{ref}", which does not exist', '{kind}“{id}”引用的{refKind}“{ref}”不存在'),
  LINT_DISABLED_REFERENCE: m('{kind} "{id}" references {refKind} "{ref}", which is disabled', '{kind}“{id}”引用的{refKind}“{ref}”已停用'),
  LINT_UNKNOWN_BUTTON: m('{kind} "{id}" uses button "{ref}", which has no button type', '{kind}“{id}”使用的按钮“{ref}”没有对应的按钮类型'),
  LINT_FLOW_UNKNOWN_INITIAL: m('flow "{flow}" starts at node "{node}", which it does not have', '流程“{flow}”的初始节点“{node}”不是它的节点'),
  LINT_DUPLICATE_NODE: m('flow "{flow}" defines node "{node}" twice', '流程“{flow}”重复定义了节点“{node}”'),
  LINT_TRANSITION_UNKNOWN_NODE: {
    from: m('transition {index} of flow "{flow}" starts at node "{node}", which the flow does not have', '流程“{flow}”的第 {index} 条流转从节点“{node}”出发，但流程没有该节点'),
    to: m('transition {index} of flow "{flow}" goes to node "{node}", which the flow does not have', '流程“{flow}”的第 {index} 条流转到达节点“{node}”，但流程没有该节点'),
  },
  LINT_TRANSITION_WITHOUT_BUTTON: m('transition {index} of flow "{flow}" has neither a button nor an internal event, so nothing can take it', '流程“{flow}”的第 {index} 条流转既没有按钮也没有内部事件，无法触发'),
  LINT_TRANSITION_BUTTON_AND_EVENT: m('transition {index} of flow "{flow}" names button "{button}" and event "{event}"; the event is ignored', '流程“{flow}”的第 {index} 条流转同时指定了按钮“{button}”和事件“{event}”，事件将被忽略'),
  LINT_TRANSITION_FROM_FINAL: m('transition {index} of flow "{flow}" leaves final node "{node}" for "{to}"; a final node only records (transitions without a target), so it is never taken',
    '流程“{flow}”的第 {index} 条流转从结束节点“{node}”流向“{to}”；结束节点只接受不流转的操作，该流转永远不会发生'),
  LINT_BUTTON_SCOPE_MISMATCH: m('button "{button}" acts on a {buttonScope}, but flow "{flow}" drives a {flowScope}', '按钮“{button}”作用于{buttonScope}，但流程“{flow}”驱动的是{flowScope}'),
  LINT_UNKNOWN_EFFECT: m('transition {index} of flow "{flow}" names effect "{effect}", which the engine does not know', '流程“{flow}”的第 {index} 条流转使用了引擎不认识的效果“{effect}”'),
  LINT_FLOW_SCOPE_MISMATCH: {
    domain: m('domain "{id}" runs flow "{flow}", which must be a {expectedScope} flow, but it drives a {actualScope}', '领域“{id}”的流程“{flow}”应为{expectedScope}流程，但它驱动的是{actualScope}'),
    item: m('the personalised flow "{flow}" of item "{id}" must be a {expectedScope} flow, but it drives a {actualScope}', '事项“{id}”的个性化流程“{flow}”应为{expectedScope}流程，但它驱动的是{actualScope}'),
    taskFlow: m('the taskFlow "{flow}" of "{id}" must be a {expectedScope} flow, but it drives a {actualScope}', '流程“{id}”的部门处置流程“{flow}”应为{expectedScope}流程，但它驱动的是{actualScope}'),
    applicationFlow: m('the applicationFlow "{flow}" of "{id}" must be a {expectedScope} flow, but it drives a {actualScope}', '流程“{id}”的申请审核流程“{flow}”应为{expectedScope}流程，但它驱动的是{actualScope}'),
    view: m('the flow "{flow}" of view "{id}" must be a {expectedScope} flow, but it drives a {actualScope}', '视图“{id}”的流程“{flow}”应为{expectedScope}流程，但它驱动的是{actualScope}'),
  },
  LINT_FLOW_MISSING_SUBFLOW: {
    taskFlow: m('ticket flow "{flow}" creates department tasks but names no taskFlow', '工单流程“{flow}”会创建部门任务，但没有指定部门处置流程'),
    applicationFlow: m('ticket flow "{flow}" names no applicationFlow, but its task flow "{taskFlow}" creates applications', '工单流程“{flow}”没有指定申请审核流程，但其部门处置流程“{taskFlow}”会创建申请'),
  },
  LINT_FLOW_MISSING_REQUIRED_NODE: m('{scope} flow "{flow}" lacks node(s) {missing}, which the engine relies on', '{scope}流程“{flow}”缺少引擎依赖的节点 {missing}'),
  LINT_UNREACHABLE_NODE: m('node "{node}" of flow "{flow}" cannot be reached from {entries}', '流程“{flow}”的节点“{node}”无法从 {entries} 到达'),
  LINT_DEAD_END_NODE: m('node "{node}" of flow "{flow}" is not final but no transition leads out of it', '流程“{flow}”的节点“{node}”不是结束节点，却没有任何流出的流转'),
  LINT_NO_PATH_TO_CLOSING: {
    noFinal: m('ticket flow "{flow}" has no final node, so no ticket can be closed', '工单流程“{flow}”没有结束节点，工单无法办结'),
    stuck: m('a ticket at node "{node}" of flow "{flow}" can never reach a final node ({finals})', '处于流程“{flow}”节点“{node}”的工单永远无法到达结束节点（{finals}）'),
  },
  LINT_STAGE_LIMIT_NOT_STAGE: m('node "{node}" of flow "{flow}" is bound to "{limit}", an {limitType} time limit; nodes take stage limits', '流程“{flow}”的节点“{node}”绑定了“{limit}”，它是{limitType}时限；节点只能使用环节时限'),
  LINT_OVERALL_LIMIT_NOT_OVERALL: m('item "{item}" takes "{limit}" as its overall limit in domain "{domain}", but it is a {limitType} time limit', '事项“{item}”在领域“{domain}”中的整体时限“{limit}”是{limitType}时限'),
  LINT_BUTTON_UNUSED: m('button type "{button}" ({name}) is used by no flow transition and no view', '按钮类型“{button}”（{name}）没有被任何流转或视图使用'),
  LINT_NODE_WITHOUT_BINDING: m('node "{node}" of flow "{flow}" has no flow-status binding (use handler type "none" for a node nobody handles)', '流程“{flow}”的节点“{node}”没有流程状态配置（无人处理的节点请用处理人类型“无”）'),
  LINT_BINDING_UNKNOWN_NODE: m('status binding "{binding}" names node "{node}", which flow "{flow}" does not have', '流程状态配置“{binding}”的节点“{node}”不在流程“{flow}”中'),
  LINT_BINDING_WITHOUT_ROLE: m('status binding "{binding}" is handled by a role but names none', '流程状态配置“{binding}”的处理人类型为角色，但没有指定角色'),
  LINT_BINDING_WITHOUT_EXTERNAL: m('status binding "{binding}" is handled by an external method but names none', '流程状态配置“{binding}”的处理人类型为外部方法，但没有指定外部方法'),
  LINT_DUPLICATE_BINDING: {
    plain: m('status binding "{binding}" binds node "{node}" of flow "{flow}" again (first: "{first}")', '流程状态配置“{binding}”重复配置了流程“{flow}”的节点“{node}”（首个：“{first}”）'),
    application: m('status binding "{binding}" binds node "{node}" of flow "{flow}" for {applicationKind} again (first: "{first}")', '流程状态配置“{binding}”重复配置了流程“{flow}”节点“{node}”的{applicationKind}申请（首个：“{first}”）'),
  },
  LINT_DUPLICATE_STATUS_VALUE: m('status value {value} of node "{node}" is already the status of node "{other}" in flow "{flow}"', '节点“{node}”的状态值 {value} 已是流程“{flow}”中节点“{other}”的状态值'),
  LINT_ROLE_NOBODY_HOLDS: m('{kind} "{id}" uses role "{role}", which no enabled user holds', '{kind}“{id}”使用的角色“{role}”没有任何启用的用户持有'),
  LINT_DIRECTORY_PARENT_CYCLE: m('catalogue directory "{directory}" is its own ancestor ({cycle→})', '事项目录“{directory}”是它自己的上级（{cycle→}）'),
  LINT_ITEM_IN_DISABLED_DIRECTORY: {
    direct: m('enabled item "{item}" sits in disabled directory "{disabled}"', '启用的事项“{item}”位于已停用的目录“{disabled}”'),
    below: m('enabled item "{item}" sits in directory "{directory}" below disabled directory "{disabled}"', '启用的事项“{item}”所在目录“{directory}”位于已停用的目录“{disabled}”之下'),
  },
  LINT_ITEM_IN_NO_DOMAIN: m('item "{item}" ({name}) is linked to no domain, so no flow can run it', '事项“{item}”（{name}）没有关联任何领域，没有流程可以办理它'),
  LINT_DUPLICATE_ITEM_CODE: m('item "{item}" has code {code}, already used by item "{first}"', '事项“{item}”的清单编码 {code} 已被事项“{first}”使用'),
  LINT_ITEM_FORM_NOT_EXTENDING: m('the personalised form "{form}" of item "{item}" extends none of its domain forms ({domainForms})', '事项“{item}”的个性化表单“{form}”没有继承其领域的任何表单（{domainForms}）'),
  LINT_NOT_A_CENTER: {
    dispatch: m('item "{item}": the dispatch region "{region}" is not a command center (an independent city, county or town region)', '事项“{item}”：分拨配置的适用区域“{region}”不是指挥中心（独立的市、县或镇区域）'),
    rule: m('distribution rule "{rule}" applies at "{region}", which is not a command center', '分流规则“{rule}”适用的“{region}”不是指挥中心'),
  },
  LINT_DISPATCH_DUPLICATE_REGION: m('item "{item}": a dispatch configuration for "{region}" is given twice; only the first is used', '事项“{item}”：“{region}”的分拨配置重复，只使用第一个'),
  LINT_DISPATCH_NO_LOWER_CENTER: m('item "{item}": "{region}" is a lowest center and has no lower center to delegate to', '事项“{item}”：“{region}”是最低一级中心，没有下级中心可分拨'),
  LINT_DISPATCH_NOT_LOWER_CENTER: m('item "{item}": "{lowerCenter}" is not a lower center of "{region}" (lower centers: {lowers})', '事项“{item}”：“{lowerCenter}”不是“{region}”的下级中心（下级中心：{lowers}）'),
  LINT_DISPATCH_NO_UPPER_CENTER: m('item "{item}": "{region}" is the top center and has no upper center to escalate to', '事项“{item}”：“{region}”是最高一级中心，没有上级中心可上报'),
  LINT_DISPATCH_ASSIGNMENT_INCOMPLETE: {
    noMain: m('item "{item}": main+assist handling (主协办) names no main department', '事项“{item}”：主协办方式没有指定主办部门'),
    noDepartments: m('item "{item}": multi-department handling (多部门) names no departments', '事项“{item}”：多部门方式没有指定部门'),
    noAssignment: m('item "{item}": dispatch to departments at "{region}" names no departments', '事项“{item}”：“{region}”分拨到部门但没有指定部门'),
  },
  LINT_DISPATCH_UNKNOWN_DEPARTMENT: {
    missing: m('item "{item}": dispatch names department "{department}", which does not exist', '事项“{item}”：分拨配置的部门“{department}”不存在'),
    notUnit: m('item "{item}": department "{department}" is not a unit of center "{region}"', '事项“{item}”：部门“{department}”不是中心“{region}”的成员单位'),
  },
  LINT_DISPATCH_NOT_SUB_UNIT: m('item "{item}": department "{department}" is neither a sub-unit of "{parent}" nor a unit of a lower center of "{region}"', '事项“{item}”：部门“{department}”既不是“{parent}”的下级单位，也不是“{region}”下级中心的成员单位'),
  LINT_SUB_DISPATCH_UNASSIGNED: m('item "{item}": sub-dispatch is configured for "{department}", which this configuration does not assign, so it is never used', '事项“{item}”：为“{department}”配置了下级部门分拨，但本配置没有分拨给它，永远不会使用'),
  LINT_FORM_EXTENDS_CYCLE: m('form "{form}" extends itself through {cycle→}', '表单“{form}”通过 {cycle→} 继承了自己'),
  LINT_VIEW_UNKNOWN_STATUS: m('tab "{tab}" of view "{view}" names node "{node}", which no {entity} flow has ({flows})', '视图“{view}”的页签“{tab}”使用的节点“{node}”不在任何{entity}流程中（{flows}）'),
  LINT_VIEW_TAB_ROLE: m('tab "{tab}" of view "{view}" is for role "{role}", which is not among the view\'s roles ({roles})', '视图“{view}”的页签“{tab}”的角色“{role}”不在视图的角色（{roles}）中'),
  LINT_MISSING_SYSTEM_PARAMETER: m('system parameter {id} is missing; the engine reads it', '缺少引擎需要的系统参数 {id}'),
  LINT_SYSTEM_PARAMETER_TYPE: m('system parameter {id} must be a non-negative integer count, not "{value}"', '系统参数 {id} 应为非负整数，而不是“{value}”'),
  LINT_CALENDAR_HOLIDAY_AND_WORKDAY: m('{date} is both a holiday ({holiday}) and a make-up workday ({workday}) in calendar "{calendar}"; it counts as a holiday', '工作日设置“{calendar}”中 {date} 既是节假日（{holiday}）又是调休上班日（{workday}），按节假日计算'),
  LINT_ATTENDANCE_PERIODS: {
    reversed: m('period {start}-{end} of attendance scheme "{scheme}" does not end after it starts', '考勤方案“{scheme}”的时段 {start}-{end} 结束时间不晚于开始时间'),
    overlapping: m('period {start}-{end} of attendance scheme "{scheme}" starts before the previous period ends', '考勤方案“{scheme}”的时段 {start}-{end} 在上一个时段结束前开始'),
  },
  LINT_CHECK_FAILED: {
    bundle: m('the bundle could not be read: {error}', '无法读取定义包：{error}'),
    check: m('the {check} check could not read the bundle: {error}', '检查项 {check} 无法读取定义包：{error}'),
  },
  // organisation findings lint surfaces (engine/org)
  ORG_DUPLICATE_ID: m('Duplicate id \'{id}\' in {array}; the first one is used.', '{array} 中标识“{id}”重复，使用第一个'),
  ORG_UNKNOWN_PARENT: m('Department \'{id}\' names unknown parent \'{parent}\'.', '部门“{id}”的上级部门“{parent}”不存在'),
  ORG_PARENT_CYCLE: m('Department \'{id}\' is in a parent cycle ({cycle→}); it is treated as a root.', '部门“{id}”的上级关系形成循环（{cycle→}），按顶级部门处理'),
  ORG_CENTER_UNDER_NON_REGION: m('Center \'{id}\' sits under {parentKind} \'{parent}\'; a center belongs under a region.', '指挥中心“{id}”位于{parentKind}“{parent}”之下；中心应位于行政区域之下'),
  ORG_REGION_UNDER_NON_REGION: m('Region \'{id}\' sits under {parentKind} \'{parent}\'.', '行政区域“{id}”位于{parentKind}“{parent}”之下'),
  ORG_LEVEL_ORDER: m('Department \'{id}\' ({level}) is above its parent \'{parent}\' ({parentLevel}).', '部门“{id}”（{level}）的层级高于其上级“{parent}”（{parentLevel}）'),
  ORG_INDEPENDENT_IGNORED: m('Department \'{id}\' is flagged independent but only city, county and town regions can be centers.', '部门“{id}”标记为独立单位，但只有市、县、镇区域可以作为指挥中心'),
  ORG_COMMUNITY_LEVEL: m('Community \'{id}\' should be at village level, not {level}.', '村社区“{id}”应为村级，而不是{level}'),
  ORG_OUTSIDE_CENTER: {
    unit: m('Unit \'{id}\' has no command center above it.', '单位“{id}”上面没有指挥中心'),
    community: m('Community \'{id}\' has no command center above it.', '村社区“{id}”上面没有指挥中心'),
  },
  ORG_UNKNOWN_REF: {
    gridCommunity: m('Grid \'{id}\' names unknown department \'{ref}\'.', '网格“{id}”所属的部门“{ref}”不存在'),
    userDepartment: m('User \'{id}\' names unknown department \'{ref}\'.', '用户“{id}”所属的部门“{ref}”不存在'),
    userRole: m('User \'{id}\' holds unknown role \'{ref}\'.', '用户“{id}”持有的角色“{ref}”不存在'),
  },
  ORG_GRID_NOT_IN_COMMUNITY: m('Grid \'{id}\' belongs to \'{community}\', which is a {communityKind}, not a community.', '网格“{id}”所属的“{community}”是{communityKind}，不是村社区'),
  ORG_GRID_RING_OPEN: m('Grid \'{id}\' ring {ring} is not a closed ring of at least four positions.', '网格“{id}”的第 {ring} 个坐标环没有闭合或少于四个点'),
  ORG_GRID_UNRESOLVABLE: m('Grid \'{id}\' has neither geometry nor keywords.', '网格“{id}”既没有范围也没有地址关键词'),
  ORG_DUPLICATE_LOGIN: m('Login \'{login}\' is used by more than one user.', '登录名称“{login}”被多个用户使用'),
  ORG_ROLE_PLACEMENT: {
    center: m('User \'{id}\' holds center role \'{role}\' but sits in \'{department}\', which is not a center.', '用户“{id}”持有中心角色“{role}”，但所在部门“{department}”不是指挥中心'),
    grid: m('Grid worker \'{id}\' sits in \'{department}\', which is not a community.', '网格员“{id}”所在的“{department}”不是村社区'),
  },
} as const satisfies Partial<Record<LintCode | OrgFindingCode, MessageEntry>>;

/** Names of kinds, scopes and levels that findings mention, in Chinese (English uses the identifiers). */
const zhWords: Readonly<Record<string, string>> = {
  domain: '领域', catalogueDirectory: '事项目录', item: '事项', itemDomainLink: '事项领域关联', form: '表单', flow: '流程', timeLimit: '时限',
  calendar: '工作日设置', attendance: '考勤方案', buttonGroup: '按钮组', buttonType: '按钮类型', statusBinding: '流程状态配置', view: '视图',
  systemParameter: '系统参数', distributionRule: '分流规则', vocabulary: '字典', service: '服务', exportTemplate: '导出模板', department: '部门',
  grid: '网格', user: '用户', role: '角色', ticket: '工单', task: '部门任务', application: '申请', list: '列表', overall: '整体', stage: '环节',
  unit: '成员单位', community: '村社区', region: '行政区域', departments: '部门', grids: '网格', users: '用户', roles: '角色',
  province: '省级', city: '市级', county: '县级', town: '镇级', village: '村级', extension: '延期', suspension: '挂账', return: '退回',
  result: '办结', transfer: '转办', lowerCenter: '下级中心', upperCenter: '上级中心', mainAssist: '主协办', multi: '多部门',
};

/** Parameters whose values are such words (kinds, scopes …), translated on a Chinese screen. */
const WORD_PARAM = /^(kind|refKind|[a-z]*Kind|[a-z]*Scope|scope|limitType|entity|array|level|parentLevel|applicationKind|mode|handling)$/;

function render(template: string, params: Readonly<Record<string, unknown>>, lang: MessageLang): string | undefined {
  let complete = true;
  const quote = (v: unknown) => (lang === 'zh-CN' ? `“${String(v)}”` : `"${String(v)}"`);
  const out = template.replace(/\{(\w+)(→)?\}/g, (_all, name: string, arrows?: string) => {
    const v = params[name];
    if (v === undefined) {
      complete = false;
      return `{${name}}`;
    }
    if (Array.isArray(v)) return v.map(quote).join(arrows ? ' → ' : lang === 'zh-CN' ? '、' : name === 'entries' ? ' or ' : ', ');
    const text = String(v);
    return lang === 'zh-CN' && WORD_PARAM.test(name) ? zhWords[text] ?? text : text;
  });
  return complete ? out : undefined;
}

const isTemplate = (e: MessageEntry): e is MessageTemplate => typeof (e as MessageTemplate)['en-US'] === 'string';

/** A coded message (a finding, a trace step) worded in `lang` from `catalogue`; undefined without a wording or a parameter. */
export function wordMessage(catalogue: Readonly<Record<string, MessageEntry>>, code: string, params: Readonly<Record<string, unknown>>, lang: MessageLang): string | undefined {
  const template = messageTemplate(code, params.variant, catalogue);
  return template && render(template[lang], params, lang);
}

/** The template of a code (and `variant`), if the catalogue has one. */
export function messageTemplate(code: string, variant?: unknown, catalogue: Readonly<Record<string, MessageEntry>> = lintMessages): MessageTemplate | undefined {
  const entry = catalogue[code];
  if (!entry) return undefined;
  if (isTemplate(entry)) return entry;
  return typeof variant === 'string' ? entry[variant] : undefined;
}

/**
 * A finding worded in `lang` from its code and parameters (`params.variant` picks a wording);
 * the finding's own `message` when the catalogue has no wording or a parameter is missing.
 */
export function lintMessage(finding: { readonly code: string; readonly message?: string; readonly params?: Readonly<Record<string, unknown>> }, lang: MessageLang): string {
  const params = finding.params ?? {};
  const template = messageTemplate(finding.code, params.variant);
  return (template && render(template[lang], params, lang)) ?? finding.message ?? finding.code;
}

/** The English message of a finding (what the engine stores as `message`), throwing on a missing wording or parameter. */
export function englishMessage(code: string, params: Readonly<Record<string, unknown>>): string {
  const template = messageTemplate(code, params.variant);
  const text = template && render(template['en-US'], params, 'en-US');
  if (text === undefined) throw new Error(`no English wording of ${code}${params.variant ? `/${String(params.variant)}` : ''} with ${Object.keys(params).join(', ')}`);
  return text;
}
