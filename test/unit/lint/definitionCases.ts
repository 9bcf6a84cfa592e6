import { add, dispatchIndex, flowOf, item, nodeIndex, where } from './lintSupport.js';
import type { NegativeCase } from './negativeCases.js';

/** Buttons, status bindings, roles, the catalogue, forms, views, parameters and calendars. */
export const definitionCases: readonly NegativeCase[] = [
  {
    code: 'LINT_BUTTON_UNUSED', title: 'DEF-10 a button type nothing uses',
    breakIt: (b) => where(b, 'buttonType', add(b, 'buttonType', { id: 'btn.orphan', name: '孤立按钮', group: 'bg.list', scope: 'ticket', method: 'action', enabled: true }, 'button-types.json')),
  },
  {
    code: 'LINT_NODE_WITHOUT_BINDING', title: 'DEF-11 a node without a flow-status binding',
    breakIt: (b) => { delete b.defs.statusBinding['sb.ticket.check']; return where(b, 'flow', 'flow.linkage', 'nodes', nodeIndex(flowOf(b, 'flow.linkage'), 'check')); },
  },
  {
    code: 'LINT_BINDING_UNKNOWN_NODE', title: 'DEF-11 a binding names a node the flow lacks',
    breakIt: (b) => where(b, 'statusBinding', add(b, 'statusBinding', {
      id: 'sb.ghost', flow: 'flow.linkage', node: 'nowhere', statusText: '幽灵', statusValue: 904, textColor: '#000000', backgroundColor: '#ffffff', handlerType: 'none',
    }, 'status-bindings.json'), 'node'),
  },
  {
    code: 'LINT_BINDING_WITHOUT_ROLE', title: 'DEF-11 handler type role without a role',
    breakIt: (b) => { delete b.defs.statusBinding['sb.ticket.acceptance']!.role; return where(b, 'statusBinding', 'sb.ticket.acceptance', 'handlerType'); },
  },
  {
    code: 'LINT_BINDING_WITHOUT_EXTERNAL', title: 'DEF-11 handler type external without a method',
    breakIt: (b) => { b.defs.statusBinding['sb.ticket.acceptance']!.handlerType = 'external'; return where(b, 'statusBinding', 'sb.ticket.acceptance', 'handlerType'); },
  },
  {
    code: 'LINT_DUPLICATE_BINDING', title: 'DEF-11 a node bound twice',
    breakIt: (b) => where(b, 'statusBinding', add(b, 'statusBinding', { ...b.defs.statusBinding['sb.ticket.check']!, id: 'sb.again' }, 'status-bindings.json'), 'node'),
  },
  {
    code: 'LINT_DUPLICATE_STATUS_VALUE', title: 'DEF-11 two nodes with one status value',
    breakIt: (b) => {
      const value = b.defs.statusBinding['sb.ticket.dispatch']!.statusValue;
      return where(b, 'statusBinding', add(b, 'statusBinding', { ...b.defs.statusBinding['sb.ticket.check']!, id: 'sb.check.again', statusValue: value }, 'status-bindings.json'), 'statusValue');
    },
    also: ['LINT_DUPLICATE_BINDING'],
  },
  {
    code: 'LINT_ROLE_NOBODY_HOLDS', title: 'ORG-2 a node bound to a role nobody holds',
    breakIt: (b) => {
      add(b, 'role', { id: 'inspector', name: '督查员' }, 'roles.json', 'demo-org');
      b.defs.statusBinding['sb.ticket.check']!.role = 'inspector';
      return where(b, 'statusBinding', 'sb.ticket.check', 'role');
    },
  },
  {
    code: 'LINT_DIRECTORY_PARENT_CYCLE', title: 'DEF-2 a directory is its own parent',
    breakIt: (b) => { b.defs.catalogueDirectory['dir.srhj']!.parent = 'dir.srhj'; return where(b, 'catalogueDirectory', 'dir.srhj', 'parent'); },
  },
  {
    code: 'LINT_ITEM_IN_DISABLED_DIRECTORY', title: 'DEF-2 an enabled item in a disabled directory',
    breakIt: (b) => {
      add(b, 'catalogueDirectory', { id: 'dir.off', name: '停用目录', enabled: false }, 'catalogue-directories.json');
      item(b, 'item.bllj').directory = 'dir.off';
      return where(b, 'item', 'item.bllj', 'directory');
    },
  },
  {
    code: 'LINT_ITEM_IN_NO_DOMAIN', title: 'DEF-1 an item linked to no domain',
    breakIt: (b) => { item(b, 'item.bllj').domains = []; return where(b, 'item', 'item.bllj', 'domains'); },
  },
  {
    code: 'LINT_DUPLICATE_ITEM_CODE', title: 'DEF-3 two items share a code',
    breakIt: (b) => { item(b, 'item.ljtmy').code = item(b, 'item.bllj').code; return where(b, 'item', 'item.ljtmy', 'code'); },
  },
  {
    code: 'LINT_ITEM_FORM_NOT_EXTENDING', title: 'DEF-3 a personalised form that does not extend the domain form',
    breakIt: (b) => { delete b.defs.form['form.bllj']!.extends; return where(b, 'item', 'item.bllj', 'form'); },
  },
  {
    code: 'LINT_NOT_A_CENTER', title: 'DEF-4 a dispatch region that is not a command center',
    breakIt: (b) => { const it = item(b, 'item.bllj'); const k = dispatchIndex(it, 'sz'); it.dispatch[k]!.region = 'zjg.cgj'; return where(b, 'item', it.id, 'dispatch', k, 'region'); },
  },
  {
    code: 'LINT_DISPATCH_DUPLICATE_REGION', title: 'DEF-4 two configurations for one region',
    breakIt: (b) => { const it = item(b, 'item.bllj'); const k = it.dispatch.push({ ...it.dispatch[dispatchIndex(it, 'ys')]! }) - 1; return where(b, 'item', it.id, 'dispatch', k, 'region'); },
  },
  {
    code: 'LINT_DISPATCH_NO_LOWER_CENTER', title: 'DEF-4 the lowest center delegates downwards',
    breakIt: (b) => { const it = item(b, 'item.bllj'); const k = dispatchIndex(it, 'ys'); it.dispatch[k] = { region: 'ys', mode: 'lowerCenter' }; return where(b, 'item', it.id, 'dispatch', k, 'mode'); },
  },
  {
    code: 'LINT_DISPATCH_NOT_LOWER_CENTER', title: 'DEF-4 a lowerCenter that is not below the region',
    breakIt: (b) => { const it = item(b, 'item.bllj'); const k = dispatchIndex(it, 'sz'); it.dispatch[k] = { region: 'sz', mode: 'lowerCenter', lowerCenter: 'ys' }; return where(b, 'item', it.id, 'dispatch', k, 'lowerCenter'); },
  },
  {
    code: 'LINT_DISPATCH_NO_UPPER_CENTER', title: 'DEF-4 the top center escalates upwards',
    breakIt: (b) => { const it = item(b, 'item.bllj'); const k = dispatchIndex(it, 'sz'); it.dispatch[k] = { region: 'sz', mode: 'upperCenter' }; return where(b, 'item', it.id, 'dispatch', k, 'mode'); },
  },
  {
    code: 'LINT_DISPATCH_ASSIGNMENT_INCOMPLETE', title: 'DEF-4 main+assist without a main',
    breakIt: (b) => { const it = item(b, 'item.bllj'); const k = dispatchIndex(it, 'ys'); delete it.dispatch[k]!.assignment!.main; return where(b, 'item', it.id, 'dispatch', k, 'assignment'); },
  },
  {
    code: 'LINT_DISPATCH_UNKNOWN_DEPARTMENT', title: 'DEF-4 dispatch to a department that does not exist',
    breakIt: (b) => { const it = item(b, 'item.bllj'); const k = dispatchIndex(it, 'zjg'); it.dispatch[k]!.assignment!.assists = ['zjg.nope']; return where(b, 'item', it.id, 'dispatch', k, 'assignment', 'assists', 0); },
  },
  {
    code: 'LINT_DISPATCH_NOT_SUB_UNIT', title: 'HND-1 sub-dispatch to a department that is not a sub-unit',
    breakIt: (b) => { const it = item(b, 'item.bllj'); const k = dispatchIndex(it, 'zjg'); it.dispatch[k]!.subDispatch![0]!.main = 'zjg.sthj'; return where(b, 'item', it.id, 'dispatch', k, 'subDispatch', 0, 'main'); },
  },
  {
    code: 'LINT_SUB_DISPATCH_UNASSIGNED', title: 'DEF-4 sub-dispatch for a department the configuration does not assign',
    breakIt: (b) => {
      const it = item(b, 'item.bllj');
      const k = dispatchIndex(it, 'zjg');
      it.dispatch[k]!.subDispatch = [{ department: 'zjg.jtj', handling: 'mainAssist', main: 'zjg.jtj.glz' }];
      return where(b, 'item', it.id, 'dispatch', k, 'subDispatch', 0, 'department');
    },
  },
  {
    code: 'LINT_FORM_EXTENDS_CYCLE', title: 'DEF-14 a form extends itself',
    breakIt: (b) => { b.defs.form['form.default']!.extends = 'form.default'; return where(b, 'form', 'form.default', 'extends'); },
  },
  {
    code: 'LINT_VIEW_UNKNOWN_STATUS', title: 'DESIGN-5 a view tab lists a node no ticket flow has',
    breakIt: (b) => where(b, 'view', add(b, 'view', {
      id: 'view.test', module: 'acceptance', name: '测试', order: 999, entity: 'ticket', roles: ['acceptor'], filters: [],
      tabs: [{ key: 'all', name: '全部', query: { nodes: ['nowhere'], scope: 'center' }, rowButtons: ['list.view'] }],
      columns: [{ field: 'number', title: '事件编号' }],
    }, 'views.json'), 'tabs', 0, 'query', 'nodes', 0),
  },
  {
    code: 'LINT_VIEW_TAB_ROLE', title: 'REV-2 a view tab is shown to a role the view is not for',
    breakIt: (b) => { b.defs.view['view.rev.assist']!.tabs[1]!.roles = ['dispatcher']; return where(b, 'view', 'view.rev.assist', 'tabs', 1, 'roles', 0); },
  },
  {
    code: 'LINT_MISSING_SYSTEM_PARAMETER', title: 'DEF-13 TH_APPLY_COUNT is missing',
    breakIt: (b) => { delete b.defs.systemParameter.TH_APPLY_COUNT; return 'linkage/system-parameters.json#'; },
  },
  {
    code: 'LINT_SYSTEM_PARAMETER_TYPE', title: 'DEF-13 YQ_APPLY_COUNT is not a count',
    breakIt: (b) => { b.defs.systemParameter.YQ_APPLY_COUNT!.value = 'two'; return where(b, 'systemParameter', 'YQ_APPLY_COUNT', 'value'); },
  },
  {
    code: 'LINT_CALENDAR_HOLIDAY_AND_WORKDAY', title: 'DEF-7 a date both holiday and make-up workday',
    breakIt: (b) => {
      const calendar = b.defs.calendar['cn-official']!;
      const j = calendar.workdays.push({ date: calendar.holidays[0]!.date, name: '调休' }) - 1;
      return where(b, 'calendar', 'cn-official', 'workdays', j, 'date');
    },
  },
  {
    code: 'LINT_ATTENDANCE_PERIODS', title: 'DEF-7 overlapping working periods',
    breakIt: (b) => { b.defs.attendance.standard!.periods[1] = { start: '11:00', end: '17:30' }; return where(b, 'attendance', 'standard', 'periods', 1); },
  },
  {
    code: 'LINT_CHECK_FAILED', title: 'lint never throws: unreadable data becomes a finding',
    breakIt: (b) => { (b.defs.calendar['cn-official'] as unknown as { holidays: unknown }).holidays = null; return '#'; },
  },
];
