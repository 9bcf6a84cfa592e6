import type { Finding } from '../findings.js';

export type LintSeverity = Finding['severity'];

interface LintCodeSpec {
  readonly severity: LintSeverity;
  /** One line: what the finding means (designers and docs show it next to the code). */
  readonly description: string;
}

/**
 * Every lint code with its severity (STYLE 4: one catalogue per layer; tests assert on codes and
 * check that each code has a negative fixture). Errors fail `tongguan lint`; warnings fail it with
 * `--strict`; infos never fail it. Organisation findings keep their own `ORG_*` codes (engine/org).
 */
export const lintCodes = {
  // references (generic, from the schemas' `x-ref` keywords)
  LINT_UNKNOWN_REFERENCE: { severity: 'error', description: 'A reference names a definition (domain, flow, form, time limit, role …) that does not exist.' },
  LINT_DISABLED_REFERENCE: { severity: 'warning', description: 'An enabled definition references a disabled one.' },
  LINT_UNKNOWN_BUTTON: { severity: 'error', description: 'A flow transition or a view uses a button id that has no button type.' },
  // flows
  LINT_FLOW_UNKNOWN_INITIAL: { severity: 'error', description: 'A flow\u2019s initial node is not one of its nodes.' },
  LINT_DUPLICATE_NODE: { severity: 'error', description: 'Two nodes of one flow share an id.' },
  LINT_TRANSITION_UNKNOWN_NODE: { severity: 'error', description: 'A transition comes from or goes to a node the flow does not have.' },
  LINT_TRANSITION_WITHOUT_BUTTON: { severity: 'error', description: 'A transition has neither a button nor an internal event, so nothing can take it.' },
  LINT_TRANSITION_BUTTON_AND_EVENT: { severity: 'warning', description: 'A transition names both a button and an internal event; the event is ignored.' },
  LINT_TRANSITION_FROM_FINAL: { severity: 'warning', description: 'A transition leaves a final node; final nodes only take transitions without a target, so it is never taken.' },
  LINT_BUTTON_SCOPE_MISMATCH: { severity: 'error', description: 'A transition\u2019s button acts on another object (ticket, task, application, list) than the flow drives.' },
  LINT_UNKNOWN_EFFECT: { severity: 'error', description: 'A transition names an effect the engine\u2019s effect registry does not know.' },
  LINT_FLOW_SCOPE_MISMATCH: { severity: 'error', description: 'A flow is used where another scope is needed (domain → ticket flow, item or taskFlow → task flow, applicationFlow → application flow, view → its entity).' },
  LINT_FLOW_MISSING_SUBFLOW: { severity: 'error', description: 'A ticket flow creates tasks without a taskFlow, or its tasks apply without an applicationFlow.' },
  LINT_FLOW_MISSING_REQUIRED_NODE: { severity: 'error', description: 'A task or application flow lacks a node the engine relies on (pending, approved, returned, transferred; parentReview, centerReview, approved, rejected).' },
  LINT_UNREACHABLE_NODE: { severity: 'warning', description: 'No path leads from the flow\u2019s entry to this node.' },
  LINT_DEAD_END_NODE: { severity: 'error', description: 'A node that is not final has no transition leading out of it.' },
  LINT_NO_PATH_TO_CLOSING: { severity: 'error', description: 'A ticket flow has no final node, or a reachable node from which no final node can be reached.' },
  // time limits
  LINT_STAGE_LIMIT_NOT_STAGE: { severity: 'error', description: 'A node\u2019s stage limit is an overall time limit.' },
  LINT_OVERALL_LIMIT_NOT_OVERALL: { severity: 'error', description: 'An item\u2019s overall limit is a stage time limit.' },
  // buttons and status bindings
  LINT_BUTTON_UNUSED: { severity: 'info', description: 'A button type is used by no flow transition and no view.' },
  LINT_NODE_WITHOUT_BINDING: { severity: 'warning', description: 'A flow node has no flow-status binding, so lists cannot show its status or handler.' },
  LINT_BINDING_UNKNOWN_NODE: { severity: 'error', description: 'A flow-status binding names a node its flow does not have.' },
  LINT_BINDING_WITHOUT_ROLE: { severity: 'error', description: 'A flow-status binding with handler type "role" names no role.' },
  LINT_BINDING_WITHOUT_EXTERNAL: { severity: 'error', description: 'A flow-status binding with handler type "external" names no external method.' },
  LINT_DUPLICATE_BINDING: { severity: 'error', description: 'Two flow-status bindings cover the same flow, node and application kind.' },
  LINT_DUPLICATE_STATUS_VALUE: { severity: 'warning', description: 'Two nodes of one flow show the same status value.' },
  LINT_ROLE_NOBODY_HOLDS: { severity: 'error', description: 'A role used by a status binding, button or view is held by no enabled user.' },
  // catalogue, items and dispatch
  LINT_DIRECTORY_PARENT_CYCLE: { severity: 'error', description: 'Catalogue directories whose parents form a cycle.' },
  LINT_ITEM_IN_DISABLED_DIRECTORY: { severity: 'warning', description: 'An enabled item sits in a disabled catalogue directory (or below one).' },
  LINT_ITEM_IN_NO_DOMAIN: { severity: 'warning', description: 'An item is linked to no domain, so no flow can run it.' },
  LINT_DUPLICATE_ITEM_CODE: { severity: 'error', description: 'Two items share a catalogue code.' },
  LINT_ITEM_FORM_NOT_EXTENDING: { severity: 'warning', description: 'An item\u2019s personalised form does not extend the form of any of its domains.' },
  LINT_NOT_A_CENTER: { severity: 'error', description: 'A dispatch region or distribution-rule center is not a command center.' },
  LINT_DISPATCH_DUPLICATE_REGION: { severity: 'error', description: 'An item has two dispatch configurations for one region; only the first is used.' },
  LINT_DISPATCH_NO_LOWER_CENTER: { severity: 'error', description: 'A dispatch configuration delegates to a lower center at the lowest center.' },
  LINT_DISPATCH_NOT_LOWER_CENTER: { severity: 'error', description: 'A dispatch configuration\u2019s lowerCenter is not a lower center of its region.' },
  LINT_DISPATCH_NO_UPPER_CENTER: { severity: 'error', description: 'A dispatch configuration escalates to an upper center at the top center.' },
  LINT_DISPATCH_ASSIGNMENT_INCOMPLETE: { severity: 'error', description: 'Departments mode without an assignment, main+assist without a main, or multi-department without departments.' },
  LINT_DISPATCH_UNKNOWN_DEPARTMENT: { severity: 'error', description: 'Dispatch names a department that does not exist or is not a unit of that center.' },
  LINT_DISPATCH_NOT_SUB_UNIT: { severity: 'error', description: 'Sub-dispatch names a department that is neither a sub-unit of the department nor a unit of a lower center.' },
  LINT_SUB_DISPATCH_UNASSIGNED: { severity: 'warning', description: 'Sub-dispatch is configured for a department the configuration does not assign.' },
  // domains, forms, views, parameters, calendars
  LINT_FORM_EXTENDS_CYCLE: { severity: 'error', description: 'Forms whose `extends` chain forms a cycle.' },
  LINT_VIEW_UNKNOWN_STATUS: { severity: 'error', description: 'A view tab lists a node that no flow of the view\u2019s entity has.' },
  LINT_VIEW_TAB_ROLE: { severity: 'error', description: 'A view tab is shown to a role the view itself is not for (tab roles narrow the view\u2019s roles).' },
  LINT_MISSING_SYSTEM_PARAMETER: { severity: 'error', description: 'A system parameter the engine reads (EXTRACT_ACCEPT_CASE_NUMBER, YQ/GZ/TH_APPLY_COUNT) is missing.' },
  LINT_SYSTEM_PARAMETER_TYPE: { severity: 'error', description: 'A count parameter is not a non-negative integer.' },
  LINT_CALENDAR_HOLIDAY_AND_WORKDAY: { severity: 'warning', description: 'A date is both a holiday and a make-up workday; it counts as a holiday.' },
  LINT_ATTENDANCE_PERIODS: { severity: 'error', description: 'An attendance scheme\u2019s periods are empty, reversed, unordered or overlapping.' },
  LINT_CHECK_FAILED: { severity: 'error', description: 'A lint check met data it could not read; the bundle is probably malformed.' },
} as const satisfies Record<string, LintCodeSpec>;

export type LintCode = keyof typeof lintCodes;

export function isLintCode(code: string): code is LintCode {
  return Object.hasOwn(lintCodes, code);
}
