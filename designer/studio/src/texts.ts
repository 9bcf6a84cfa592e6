import { registerTexts } from '../../shared/i18n';

/** Texts of the studio (namespace `studio`). */
registerTexts('studio', {
  'zh-CN': {
    enums: {
      lowerCenter: '下级中心', departments: '部门', upperCenter: '上级中心', mainAssist: '主协办', multi: '多部门',
      overall: '整体时限', stage: '环节时限', workDay: '工作日', workHour: '工作小时', naturalDay: '自然日', naturalHour: '自然小时',
      single: '单次耗时', cumulative: '累计耗时', ticket: '工单', task: '部门任务', application: '申请',
    },
    fields: { assignment: '分拨部门', urgencyAmounts: '紧急配置', warnBefore: '预警提前量' },
    adminOnly: '配置中心需要管理员角色',
    groups: { catalogue: '领域与事项', flows: '流程与表单', time: '时限与日历', parameters: '参数与字典', org: '组织机构', publish: '检查与发布' },
    kinds: {
      domain: '领域', catalogueDirectory: '事项目录', item: '事项清单', itemDomainLink: '事项领域关联', form: '表单', flow: '流程',
      timeLimit: '时限', calendar: '工作日设置', attendance: '考勤方案', buttonGroup: '按钮组', buttonType: '按钮类型',
      statusBinding: '流程状态配置', view: '视图', systemParameter: '系统参数', distributionRule: '分流规则', vocabulary: '字典',
      service: '服务', exportTemplate: '导出模板', department: '部门', grid: '网格', user: '用户', role: '角色',
    },
    menu: { lint: '检查', publish: '发布', versions: '版本', packages: '导入导出', flowGraph: '流程图' },
    list: {
      search: '搜索标识、名称、编码…', all: '全部', enabled: '启用', disabled: '停用', newOne: '新建', id: '标识', name: '名称',
      package: '定义包', state: '状态', updated: '更新', actions: '操作', edit: '编辑', view: '查看', delete: '删除',
      deleteConfirm: '确定删除 {{id}}？', deleted: '已删除 {{id}}', enabledNow: '已启用 {{id}}', disabledNow: '已停用 {{id}}',
      total: '共 {{total}} 条', editWhenDisabled: '启用中的{{kind}}只能停用后编辑、删除', empty: '没有符合条件的定义',
      findings: '{{count}} 个问题',
    },
    editor: {
      form: '表单', json: 'JSON', save: '保存草稿', saved: '已保存 {{id}}', back: '返回列表', package: '所属定义包',
      packageRequired: '请选择定义包', newTitle: '新建{{kind}}', editTitle: '{{kind}} · {{id}}', readOnlyEnabled: '该{{kind}}启用中：先停用才能编辑（停用后可编辑、删除）。',
      disable: '停用', enable: '启用', jsonInvalid: 'JSON 格式错误：{{message}}', schemaErrors: '不符合 {{kind}} 的 JSON Schema：',
      lintTitle: '检查发现 {{count}} 个问题', noFindings: '检查通过，此定义没有问题', preview: '表单预览（工作台渲染效果）',
      previewNone: '选择个性化表单后在此预览', previewError: '无法预览：{{message}}', flowGraph: '查看流程图', jsonField: 'JSON',
      jsonFieldError: 'JSON 格式错误', exists: '已存在标识为 {{id}} 的定义，请换一个标识', refMissing: '{{id}}（不存在）', loadingEditor: '正在加载编辑器…',
    },
    lint: {
      title: '定义检查', run: '重新检查', ok: '没有错误，可以发布', errors: '{{error}} 个错误，{{warning}} 个警告，{{info}} 个提示',
      severity: '级别', code: '代码', where: '位置', message: '说明', definition: '定义', open: '打开', error: '错误', warning: '警告', info: '提示',
      none: '没有发现问题',
    },
    publish: {
      title: '发布', running: '运行中版本：V{{version}}', pending: '待发布的变更（草稿对比运行中版本）', noChanges: '草稿与运行中版本一致，无需发布',
      publish: '发布新版本', confirmTitle: '确认发布', confirm: '发布后新登记的工单使用新版本，在办工单继续使用原版本。', blocked: '存在 {{count}} 个错误，修复后才能发布',
      published: '已发布 V{{version}}', added: '新增', removed: '删除', changed: '修改', packages: '定义包', kind: '类别',
      goLint: '查看检查结果', refused: '发布被拒绝',
    },
    versions: {
      title: '版本', version: '版本', hash: '摘要', createdAt: '发布时间', createdBy: '发布人', packages: '定义包', compare: '对比',
      from: '从', to: '到', current: '运行中', diffTitle: 'V{{a}} → V{{b}} 的变更', noDiff: '两个版本没有差异', pick: '选择两个版本对比',
    },
    packages: {
      title: '导入导出', export: '导出全部定义包（JSON）', import: '导入定义包', importHint: '选择导出的 JSON 文件；全部校验通过才会替换草稿（全有或全无）。',
      imported: '已导入 {{packages}} 个定义包、{{definitions}} 个定义', importFailed: '导入失败，草稿未改变', file: '文件',
    },
    flow: {
      title: '流程图', pick: '点击节点查看其流程状态、按钮和环节时限', node: '节点', binding: '流程状态', buttons: '按钮', limit: '环节时限', none: '无', final: '结束节点',
      incoming: '进入', outgoing: '离开', to: '到', stays: '（不流转）', noBinding: '未配置流程状态', setLimit: '设置环节时限', saveLimit: '保存',
      limitSaved: '已保存 {{node}} 的环节时限', legend: '节点颜色取自流程状态配置；连线标注按钮；徽标为环节时限；点击节点查看状态、按钮和时限', anyNode: '任意未结束节点', edit: '编辑流程定义', event: '事件',
    },
  },
  'en-US': {
    enums: {
      lowerCenter: 'Lower center', departments: 'Departments', upperCenter: 'Upper center', mainAssist: 'Main + assisting', multi: 'Several departments',
      overall: 'Overall', stage: 'Stage', workDay: 'Working days', workHour: 'Working hours', naturalDay: 'Natural days', naturalHour: 'Natural hours',
      single: 'Single spell', cumulative: 'Cumulative', ticket: 'Ticket', task: 'Department task', application: 'Application',
    },
    fields: { assignment: 'Departments', urgencyAmounts: 'By urgency', warnBefore: 'Warn before' },
    titles: {
      id: 'Id', name: 'Name', nameEn: 'English name', enabled: 'Enabled', remark: 'Remark', description: 'Description', flow: 'Flow', form: 'Form',
      type: 'Type', amount: 'Amount', unit: 'Unit', metering: 'Metering', calendar: 'Workday calendar', attendance: 'Attendance scheme',
      directory: 'Catalogue directory', code: 'Code', region: 'Region', legalBasis: 'Legal basis', handlingStandard: 'Handling standard',
      domains: 'Domains & limits', domain: 'Domain', overallLimit: 'Overall limit', dispatch: 'Dispatch configuration', mode: 'Default mode',
      lowerCenter: 'Lower center', assignment: 'Departments', handling: 'Handling mode', main: 'Main department', assists: 'Assisting departments',
      departments: 'Departments', subDispatch: 'Sub-department configuration', department: 'Department', keywords: 'Keywords', parent: 'Parent',
      version: 'Version', extends: 'Extends', schema: 'JSON Schema', uiSchema: 'UI schema', properties: 'Fields', required: 'Required', nodes: 'Nodes',
      transitions: 'Transitions', from: 'From', to: 'To', button: 'Button', event: 'Event', guards: 'Rules', effects: 'Effects', initial: 'Initial node',
      scope: 'Scope', taskFlow: 'Department flow', applicationFlow: 'Application flow', stageLimit: 'Stage limit', final: 'Final node',
      urgencyAmounts: 'By urgency', urgent: 'Urgent', veryUrgent: 'Very urgent', warnBefore: 'Warn before', exportTemplate: 'Export template',
      ticketPrefix: 'Number prefix', pauseClocks: 'Pause clocks', overallClock: 'Overall clock runs', entryServices: 'Entry services', exitServices: 'Exit services',
      statusText: 'Status text', statusTextEn: 'English status text', statusValue: 'Status value', textColor: 'Text colour', backgroundColor: 'Background colour',
      handlerType: 'Handler type', role: 'Role', node: 'Node', item: 'Item', title: 'Title', titleEn: 'English title'
    },
    adminOnly: 'The studio needs the admin role',
    groups: { catalogue: 'Domains & items', flows: 'Flows & forms', time: 'Time & calendars', parameters: 'Parameters', org: 'Organisation', publish: 'Check & publish' },
    kinds: {
      domain: 'Domains', catalogueDirectory: 'Catalogue directories', item: 'Items', itemDomainLink: 'Item–domain links', form: 'Forms', flow: 'Flows',
      timeLimit: 'Time limits', calendar: 'Workday calendars', attendance: 'Attendance schemes', buttonGroup: 'Button groups', buttonType: 'Button types',
      statusBinding: 'Flow statuses', view: 'Views', systemParameter: 'System parameters', distributionRule: 'Distribution rules', vocabulary: 'Vocabularies',
      service: 'Services', exportTemplate: 'Export templates', department: 'Departments', grid: 'Grids', user: 'Users', role: 'Roles',
    },
    menu: { lint: 'Lint', publish: 'Publish', versions: 'Versions', packages: 'Import / export', flowGraph: 'Flow graph' },
    list: {
      search: 'Search id, name, code…', all: 'All', enabled: 'Enabled', disabled: 'Disabled', newOne: 'New', id: 'Id', name: 'Name',
      package: 'Package', state: 'State', updated: 'Updated', actions: 'Actions', edit: 'Edit', view: 'View', delete: 'Delete',
      deleteConfirm: 'Delete {{id}}?', deleted: 'Deleted {{id}}', enabledNow: 'Enabled {{id}}', disabledNow: 'Disabled {{id}}',
      total: '{{total}} in all', editWhenDisabled: 'Enabled ones are edited or deleted only after disabling them', empty: 'No definition matches',
      findings: '{{count}} findings',
    },
    editor: {
      form: 'Form', json: 'JSON', save: 'Save draft', saved: 'Saved {{id}}', back: 'Back to list', package: 'Package',
      packageRequired: 'Choose a package', newTitle: 'New: {{kind}}', editTitle: '{{kind}} · {{id}}', readOnlyEnabled: 'This definition is enabled: disable it to edit it (disabled ones can be edited and deleted).',
      disable: 'Disable', enable: 'Enable', jsonInvalid: 'Invalid JSON: {{message}}', schemaErrors: 'Does not match the JSON Schema of {{kind}}:',
      lintTitle: 'Lint found {{count}} problems', noFindings: 'Lint passed: no findings for this definition', preview: 'Form preview (as the workbench renders it)',
      previewNone: 'Choose a personalised form to preview it here', previewError: 'Cannot preview: {{message}}', flowGraph: 'Flow graph', jsonField: 'JSON',
      jsonFieldError: 'Invalid JSON', exists: 'A definition with id {{id}} exists already: choose another id', refMissing: '{{id}} (missing)', loadingEditor: 'Loading the editor…',
    },
    lint: {
      title: 'Lint', run: 'Lint again', ok: 'No errors: ready to publish', errors: '{{error}} errors, {{warning}} warnings, {{info}} notes',
      severity: 'Severity', code: 'Code', where: 'Where', message: 'Message', definition: 'Definition', open: 'Open', error: 'Error', warning: 'Warning', info: 'Info',
      none: 'No findings',
    },
    publish: {
      title: 'Publish', running: 'Running version: V{{version}}', pending: 'Pending changes (drafts against the running version)', noChanges: 'The drafts equal the running version: nothing to publish',
      publish: 'Publish a new version', confirmTitle: 'Publish?', confirm: 'Tickets registered from now on use the new version; running tickets keep theirs.', blocked: '{{count}} errors: fix them before publishing',
      published: 'Published V{{version}}', added: 'Added', removed: 'Removed', changed: 'Changed', packages: 'Packages', kind: 'Kind',
      goLint: 'See the findings', refused: 'Publishing refused',
    },
    versions: {
      title: 'Versions', version: 'Version', hash: 'Hash', createdAt: 'Published at', createdBy: 'By', packages: 'Packages', compare: 'Compare',
      from: 'From', to: 'To', current: 'Running', diffTitle: 'Changes from V{{a}} to V{{b}}', noDiff: 'The two versions do not differ', pick: 'Pick two versions to compare',
    },
    packages: {
      title: 'Import / export', export: 'Export all packages (JSON)', import: 'Import packages', importHint: 'Choose an exported JSON file; the drafts are replaced only if everything validates (all or nothing).',
      imported: 'Imported {{packages}} packages, {{definitions}} definitions', importFailed: 'Import failed; the drafts are unchanged', file: 'File',
    },
    flow: {
      title: 'Flow graph', pick: 'Click a node to see its flow status, buttons and stage limit', node: 'Node', binding: 'Flow status', buttons: 'Buttons', limit: 'Stage limit', none: 'None', final: 'Final node',
      incoming: 'In', outgoing: 'Out', to: 'to', stays: '(stays)', noBinding: 'No flow status configured', setLimit: 'Stage limit', saveLimit: 'Save',
      limitSaved: 'Saved the stage limit of {{node}}', legend: 'Node colours come from the flow statuses; edges name their buttons; badges are stage limits; click a node for its status, buttons and limits', anyNode: 'Any open node', edit: 'Edit the flow definition', event: 'Event',
    },
  },
});
