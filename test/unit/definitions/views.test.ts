import { beforeAll, describe, expect, it } from 'vitest';
import type { ButtonType, Flow, StatusBinding, View, ViewClause, ViewTab } from '../../../definitions/schemas/index.js';
import { availableActions, compileBundle, createBundle, formatFinding, type Bundle, type CompiledBundle } from '../../../engine/index.js';
import { builtInPackagesDir, readPackageWithDependencies } from '../../../runtime/definitions/readPackage.js';
import { Scenario } from '../../support/scenario.js';

/**
 * The workbench's list screens (DESIGN principle 5) as the linkage package defines them: one view
 * per list of ACC, DSP, HND, REV and CLS, consistent with the flows, buttons, roles and vocabularies
 * of the bundle; and the 12345 hotline's flow variant (DEF-1, DEF-9) with its status bindings.
 */

let bundle: Bundle;
let cb: CompiledBundle;
beforeAll(async () => {
  const { bundle: built, findings } = createBundle(await readPackageWithDependencies(`${builtInPackagesDir}/hotline-12345`));
  expect(findings.filter((f) => f.severity === 'error').map(formatFinding)).toEqual([]);
  bundle = built!;
  cb = compileBundle(bundle);
});

const views = (): View[] => Object.values(bundle.defs.view);
const viewOf = (id: string): View => {
  const v = bundle.defs.view[id];
  if (!v) throw new Error(`no view ${id}`);
  return v;
};
const flowOf = (id: string): Flow => bundle.defs.flow[id]!;
const button = (id: string): ButtonType | undefined => bundle.defs.buttonType[id];
const unique = <T>(xs: readonly T[]): T[] => [...new Set(xs)];
const CJK = /[\u4e00-\u9fa5]/;

/** The flows whose node ids a view uses: its own `flow`, else every flow its entity runs on. */
function flowsFor(view: View): Flow[] {
  if (view.flow) return [flowOf(view.flow)];
  const ticketFlows = unique(Object.values(bundle.defs.domain).map((d) => d.flow)).map(flowOf);
  if (view.entity === 'ticket') return ticketFlows;
  if (view.entity === 'application') return unique(ticketFlows.map((f) => f.applicationFlow ?? '')).map(flowOf);
  const personal = Object.values(bundle.defs.item).flatMap((i) => (i.flow ? [i.flow] : []));
  return unique([...ticketFlows.map((f) => f.taskFlow ?? ''), ...personal]).map(flowOf);
}

/** Node ids a view may name: without its own `flow`, only the nodes every flow of its entity has. */
function nodesFor(view: View): Set<string> {
  const [first, ...rest] = flowsFor(view).map((f) => new Set(f.nodes.map((n) => n.id)));
  return new Set([...(first ?? [])].filter((n) => rest.every((s) => s.has(n))));
}

const nodeClauses = (tab: ViewTab): ViewClause[] => (tab.query.where ?? []).filter((c) => c.field === 'node');
const clauseNodes = (c: ViewClause): string[] => (Array.isArray(c.value) ? (c.value as string[]) : [String(c.value)]);

/** Whether a flow offers the button at the node: a transition from it ('*': any node), never at a final node. */
function offersAt(flow: Flow, node: string, buttonId: string): boolean {
  const at = flow.nodes.find((n) => n.id === node);
  if (!at || at.final === true) return false;
  return flow.transitions.some((t) => t.button === buttonId && (t.from.includes(node) || t.from.includes('*')));
}

function bindingRole(flow: string, node: string, kind?: string): string | undefined {
  const all = Object.values(bundle.defs.statusBinding) as StatusBinding[];
  const b = all.find((x) => x.flow === flow && x.node === node && x.applicationKind === kind) ?? all.find((x) => x.flow === flow && x.node === node && !x.applicationKind);
  return b?.handlerType === 'role' ? b.role : undefined;
}

const TICKET_FIELDS = ['id', 'number', 'domain', 'item', 'node', 'center', 'source', 'origin', 'channel', 'reportedAt', 'registeredAt',
  'registeredBy', 'title', 'grid', 'gridWorker', 'urgency', 'difficult', 'callbackWanted', 'confidential', 'dispatch', 'returned',
  'mergedInto', 'fields', 'outcome'];
const TASK_FIELDS = ['id', 'ticket', 'department', 'center', 'role', 'parent', 'node', 'createdAt', 'gridWorker', 'mergedInto'];
const APPLICATION_FIELDS = ['id', 'ticket', 'task', 'kind', 'node', 'applicant', 'chain', 'step', 'payload', 'createdAt', 'decidedAt'];
/** Columns computed by the list service rather than read from state. */
const COMPUTED = ['sla'];

/** Whether a dotted path reads the listed entity (task and application lists may read their ticket/task). */
function knownPath(entity: View['entity'], path: string): boolean {
  const [root = '', next = '', leaf] = path.split('.');
  if (COMPUTED.includes(path)) return true;
  if (root === 'fields') return next in (bundle.defs.form['form.default']?.schema.properties ?? {});
  if (entity === 'ticket') return TICKET_FIELDS.includes(root);
  if (root === 'ticket' && next) return knownPath('ticket', [next, leaf].filter(Boolean).join('.'));
  if (entity === 'application' && root === 'task' && next) return TASK_FIELDS.includes(next);
  return (entity === 'task' ? TASK_FIELDS : APPLICATION_FIELDS).includes(root);
}

// Every list the SPEC and seed 4.2 name: [view id, module, menu name, entity, the seed's tabs].
const SPEC_LISTS: [string, View['module'], string, View['entity'], string[]][] = [
  ['view.acc.acceptance', 'acceptance', '事件受理', 'ticket', ['待受理', '已受理']], // ACC-5
  ['view.acc.acceptanceReview', 'acceptance', '受理审核', 'ticket', ['待受理', '已受理']], // ACC-6
  ['view.acc.verification', 'acceptance', '事件核实', 'ticket', ['待核实', '已核实']], // ACC-7
  ['view.acc.draft', 'acceptance', '事件暂存', 'ticket', []], // ACC-8
  ['view.acc.voided', 'acceptance', '事件废止', 'ticket', []], // ACC-9
  ['view.acc.pool', 'acceptance', '受理工单池', 'ticket', []], // ACC-10
  ['view.dsp.pool', 'dispatch', '分拨工单池', 'ticket', []], // DSP-1
  ['view.dsp.dispatch', 'dispatch', '事件分拨', 'ticket', ['待分拨', '已分拨']], // DSP-2, DSP-3
  ['view.dsp.review', 'dispatch', '分拨审核', 'ticket', ['待分拨', '已分拨']], // DSP-4
  ['view.dsp.returned', 'dispatch', '分拨退回', 'ticket', []], // DSP-5
  ['view.dsp.query', 'dispatch', '分拨查询', 'ticket', []], // DSP-6
  ['view.dsp.difficult', 'dispatch', '疑难事件', 'ticket', ['待分拨', '已分拨']], // DSP-6
  ['view.hnd.tasks', 'handling', '事件处置', 'task', ['待处置', '处置中', '已处置']], // HND-1, HND-2
  ['view.hnd.applications', 'handling', '我的申请', 'application', []], // HND-4
  ['view.hnd.reviews', 'handling', '待我审核', 'application', ['协办', '延期', '挂账', '转派', '退回', '结果审核']], // HND-5
  ['view.hnd.cc', 'handling', '下辖事件', 'ticket', []], // HND-7
  ['view.rev.result', 'review', '结果审核', 'application', ['待审核', '已审核']], // REV-1
  ['view.rev.assist', 'review', '协办审核', 'application', ['待审核', '已审核']], // REV-2
  ['view.rev.extension', 'review', '延期审核', 'application', ['待审核', '已审核']], // REV-3
  ['view.rev.suspension', 'review', '挂账审核', 'application', ['待审核', '已审核']], // REV-4
  ['view.rev.return', 'review', '退回审核', 'application', ['待审核', '已审核']], // REV-5
  ['view.rev.transfer', 'review', '转派审核', 'application', ['待审核', '已审核']], // REV-6
  ['view.rev.check', 'review', '事件核查', 'ticket', ['待核查', '已核查']], // REV-7
  ['view.cls.callback', 'closing', '事件回访', 'ticket', ['待回访', '已回访']], // CLS-1
  ['view.cls.evaluation', 'closing', '事件评价', 'ticket', ['待评价', '已评价']], // CLS-2
  ['view.cls.closing', 'closing', '事件结案', 'ticket', ['待结案', '已结案']], // CLS-3
];

describe('list views: one per SPEC list (ACC, DSP, HND, REV, CLS)', () => {
  it.each(SPEC_LISTS)('%s is %s › %s', (id, module, name, entity, tabs) => {
    const v = viewOf(id);
    expect([v.module, v.name, v.entity]).toEqual([module, name, entity]);
    expect(v.tabs.map((t) => t.name)).toEqual(expect.arrayContaining(tabs));
  });

  it('menus are ordered within each module and tab keys are unique within a view', () => {
    for (const module of ['acceptance', 'dispatch', 'handling', 'review', 'closing']) {
      const orders = views().filter((v) => v.module === module).map((v) => v.order);
      expect(orders.length, module).toBeGreaterThan(0);
      expect(unique(orders).length, module).toBe(orders.length);
    }
    for (const v of views()) expect(unique(v.tabs.map((t) => t.key)).length, v.id).toBe(v.tabs.length);
  });

  it('every view, tab, column and filter has a Chinese name and an English one', () => {
    const bad: string[] = [];
    const check = (where: string, zh: string, en: string | undefined) => {
      if (!CJK.test(zh) || !en || CJK.test(en)) bad.push(`${where}: ${zh} / ${en ?? '(none)'}`);
    };
    for (const v of views()) {
      check(v.id, v.name, v.nameEn);
      for (const t of v.tabs) check(`${v.id} tab ${t.key}`, t.name, t.nameEn);
      for (const c of v.columns) check(`${v.id} column ${c.field}`, c.title, c.titleEn);
      for (const f of v.filters) check(`${v.id} filter ${f.field}`, f.title, f.titleEn);
    }
    expect(bad).toEqual([]);
  });

  it('tab nodes and node clauses exist in the flows of the listed entity; kinds only on applications', () => {
    const bad: string[] = [];
    for (const v of views()) {
      if (v.flow) expect(flowOf(v.flow).scope, v.id).toBe(v.entity);
      const known = nodesFor(v);
      for (const t of v.tabs) {
        const named = [...(t.query.nodes ?? []), ...nodeClauses(t).flatMap(clauseNodes)];
        bad.push(...named.filter((n) => !known.has(n)).map((n) => `${v.id}/${t.key}: ${n}`));
        if (t.query.applicationKinds && v.entity !== 'application') bad.push(`${v.id}/${t.key}: applicationKinds on a ${v.entity} list`);
      }
    }
    expect(bad).toEqual([]);
  });

  it('columns, filters, clauses and sorts read known fields; vocabularies exist', () => {
    const bad: string[] = [];
    for (const v of views()) {
      const paths = [
        ...v.columns.map((c) => c.field), ...v.filters.map((f) => f.field),
        ...v.tabs.flatMap((t) => [...(t.query.where ?? []).map((c) => c.field), ...(t.query.sort ? [t.query.sort.field] : [])]),
      ];
      bad.push(...paths.filter((p) => !knownPath(v.entity, p)).map((p) => `${v.id}: ${p}`));
      for (const c of v.columns) {
        if (c.format === 'vocabulary' && !bundle.defs.vocabulary[c.vocabulary ?? '']) bad.push(`${v.id}: column ${c.field} vocabulary`);
      }
      for (const f of v.filters) if (f.vocabulary && !bundle.defs.vocabulary[f.vocabulary]) bad.push(`${v.id}: filter ${f.field} vocabulary`);
      expect(v.filters.filter((f) => f.primary).map((f) => f.field).slice(0, 2), v.id).toEqual(
        v.entity === 'ticket' ? ['number', 'title'] : ['ticket.number', 'ticket.title'],
      );
    }
    expect(bad).toEqual([]);
  });

  it('ticket lists show the seed columns (已受理: 事件编号 事件标题 事项类别 上报时间 上报人 上报方式 行政区划)', () => {
    const seed = ['事件编号', '事件标题', '事项类别', '上报时间', '上报人', '上报方式', '行政区划'];
    for (const v of views().filter((x) => x.entity === 'ticket')) {
      expect(v.columns.map((c) => c.title).slice(0, seed.length), v.id).toEqual(seed);
      expect(v.columns.find((c) => c.field === 'fields.reporterName')?.format, v.id).toBe('maskedName');
    }
    for (const v of views().filter((x) => x.entity !== 'ticket')) {
      expect(v.columns.map((c) => c.field), v.id).toEqual(expect.arrayContaining(['ticket.number', 'ticket.title', 'node', 'sla']));
    }
  });
});

describe('list views: buttons and roles', () => {
  it('every button exists, is enabled and fits the listed entity; batch buttons are batchable', () => {
    const bad: string[] = [];
    for (const v of views()) {
      for (const t of v.tabs) {
        for (const id of [...t.rowButtons, ...(t.batchButtons ?? [])]) {
          const b = button(id);
          if (!b || !b.enabled) bad.push(`${v.id}/${t.key}: ${id} unknown or disabled`);
          else if (b.scope !== 'list' && b.scope !== v.entity) bad.push(`${v.id}/${t.key}: ${id} acts on a ${b.scope}`);
        }
        for (const id of t.batchButtons ?? []) if (!button(id)?.batch) bad.push(`${v.id}/${t.key}: ${id} is not batchable`);
      }
      for (const id of v.toolbarButtons ?? []) {
        const b = button(id);
        if (!b || !(b.scope === 'list' || b.method === 'register')) bad.push(`${v.id} toolbar: ${id}`);
      }
    }
    expect(bad).toEqual([]);
  });

  it('a row button on a tab with nodes is offered by the flow at one of them, to a role the view serves', () => {
    const bad: string[] = [];
    for (const v of views()) {
      for (const t of v.tabs) {
        for (const id of unique([...t.rowButtons, ...(t.batchButtons ?? [])])) {
          const b = button(id)!;
          if (b.roles && !b.roles.some((r) => v.roles.includes(r))) bad.push(`${v.id}/${t.key}: ${id} needs ${b.roles.join('|')}`);
          if (b.scope === 'list' || !t.query.nodes) continue;
          const at = flowsFor(v).flatMap((f) => (t.query.nodes ?? []).filter((n) => offersAt(f, n, id)).map((n) => [f.id, n] as const));
          if (at.length === 0) bad.push(`${v.id}/${t.key}: no flow offers ${id} at ${t.query.nodes.join(',')}`);
          if (b.roles) continue;
          const kinds = t.query.applicationKinds?.length === 1 ? t.query.applicationKinds[0] : undefined;
          for (const [flow, node] of at) {
            const role = bindingRole(flow, node, kinds);
            if (!role || !v.roles.includes(role)) bad.push(`${v.id}/${t.key}: ${id} at ${node} is for ${role ?? 'nobody'}`);
          }
        }
      }
    }
    expect(bad).toEqual([]);
  });

  it('every role a view, binding or button names exists and some enabled demo user holds it', () => {
    const held = new Set(Object.values(bundle.defs.user).filter((u) => u.enabled).flatMap((u) => u.roles));
    const used = unique([
      ...views().flatMap((v) => v.roles),
      ...Object.values(bundle.defs.statusBinding).flatMap((b) => (b.role ? [b.role] : [])),
      ...Object.values(bundle.defs.buttonType).flatMap((b) => b.roles ?? []),
    ]);
    expect(used.filter((r) => !bundle.defs.role[r] || !held.has(r))).toEqual([]);
    expect(unique(views().flatMap((v) => v.roles)).sort()).toEqual(
      ['acceptor', 'dispatcher', 'gridWorker', 'handler', 'reviewer', 'shiftLeader'],
    );
  });

  it('X-4 a list is exported exactly when it has the export button, and only by roles that may export', () => {
    const exporters = button('list.export')?.roles ?? [];
    for (const v of views()) {
      const exportable = v.exportable ?? true;
      expect(v.toolbarButtons?.includes('list.export') ?? false, v.id).toBe(exportable);
      if (exportable) expect(v.roles.some((r) => exporters.includes(r)), v.id).toBe(true);
    }
  });

  it('pools: ACC-10 and DSP-1 list their pool; ACC-5 registers and extracts', () => {
    expect(viewOf('view.acc.pool')).toMatchObject({ pool: 'acceptance', exportable: true });
    expect(viewOf('view.dsp.pool')).toMatchObject({ pool: 'dispatch', exportable: true });
    for (const v of views()) {
      const pooled = v.tabs.filter((t) => t.query.scope === 'pool');
      expect(pooled.length > 0, v.id).toBe(v.pool !== undefined);
    }
    expect(viewOf('view.acc.pool').tabs[0]?.query.nodes).toEqual(['acceptance']);
    expect(viewOf('view.dsp.pool').tabs[0]?.query.nodes).toEqual(['dispatch']);
    expect(viewOf('view.acc.acceptance').toolbarButtons).toEqual(expect.arrayContaining(['list.register', 'list.extract']));
  });
});

describe('list views: the seed\u2019s particular lists', () => {
  const tabOf = (view: string, key: string): ViewTab => {
    const t = viewOf(view).tabs.find((x) => x.key === key);
    if (!t) throw new Error(`no tab ${view}/${key}`);
    return t;
  };

  it('ACC-7 and REV-7: urge and change grid worker, one or batch; only mine on verification', () => {
    expect(viewOf('view.acc.verification')).toMatchObject({ onlyMine: true, flow: 'flow.linkage' });
    expect(tabOf('view.acc.verification', 'pending')).toMatchObject({ query: { nodes: ['verification'] }, batchButtons: ['ticket.urgeGrid', 'ver.changeGridWorker'] });
    expect(tabOf('view.rev.check', 'pending')).toMatchObject({ query: { nodes: ['check'] }, batchButtons: ['ticket.urgeGrid', 'chk.changeGridWorker'] });
    expect(tabOf('view.acc.verification', 'verified').query.where).toEqual([{ field: 'outcome.verification', op: 'exists' }]);
  });

  it('ACC-9 restore from voided, DSP-3 add-dispatch on dispatched, DSP-5 returned, DSP-6 difficult', () => {
    expect(tabOf('view.acc.voided', 'voided')).toMatchObject({ query: { nodes: ['voided'] }, rowButtons: ['list.view', 'acc.restore'] });
    expect(tabOf('view.dsp.dispatch', 'dispatched')).toMatchObject({ query: { scope: 'actedBy' } });
    expect(tabOf('view.dsp.dispatch', 'dispatched').rowButtons).toContain('dsp.addDispatch');
    expect(tabOf('view.dsp.returned', 'returned').query).toMatchObject({ nodes: ['dispatch'], where: [{ field: 'returned', op: 'eq', value: true }] });
    expect(tabOf('view.dsp.difficult', 'pending').query).toMatchObject({ nodes: ['dispatch', 'dispatchReview'], where: [{ field: 'difficult', op: 'eq', value: true }] });
    expect(viewOf('view.dsp.query').onlyMine).toBe(true);
  });

  it('HND-2 pending / in progress / handled tasks; HND-7 CC\u2019d tickets', () => {
    expect(viewOf('view.hnd.tasks').tabs.map((t) => [t.name, t.query.scope, t.query.nodes])).toEqual([
      ['待处置', 'department', ['pending', 'gridHandling', 'suspended']],
      ['处置中', 'department', ['completed']],
      ['已处置', 'department', ['approved', 'returned']],
    ]);
    expect(viewOf('view.hnd.cc').tabs.map((t) => t.query.scope)).toEqual(['cc']);
  });

  it('HND-4 my applications: per kind, pending and done; an approved suspension can be cancelled', () => {
    const v = viewOf('view.hnd.applications');
    expect(v.tabs.every((t) => t.query.scope === 'applicant' && t.query.applicationKinds?.length === 1)).toBe(true);
    for (const kind of ['assist', 'extension', 'suspension', 'transfer', 'return'] as const) {
      expect(tabOf(v.id, `${kind}Pending`).query).toMatchObject({ nodes: ['parentReview', 'centerReview', 'upperReview'], applicationKinds: [kind] });
      expect(tabOf(v.id, `${kind}Done`).query).toMatchObject({ nodes: ['approved', 'rejected'], applicationKinds: [kind] });
    }
    expect(tabOf(v.id, 'suspensionDone').rowButtons).toContain('app.cancelSuspension');
    expect(tabOf(v.id, 'suspensionCancelled').query.nodes).toEqual(['cancelled']);
  });

  it('HND-5 and REV-1..6: reviews list the reviewer step of their kind; results approve in batch', () => {
    for (const t of viewOf('view.hnd.reviews').tabs.filter((x) => x.query.scope === 'reviewer')) {
      expect(t.query.nodes, t.key).toEqual(['parentReview']);
      expect(t.rowButtons, t.key).toEqual(['list.view', 'app.approve', 'app.reject']);
    }
    const reviews: [string, string, string[], string][] = [
      ['view.rev.result', 'result', ['centerReview'], 'reviewer'],
      ['view.rev.assist', 'assist', ['centerReview'], 'shiftLeader'],
      ['view.rev.extension', 'extension', ['centerReview', 'upperReview'], 'shiftLeader'],
      ['view.rev.suspension', 'suspension', ['centerReview', 'upperReview'], 'shiftLeader'],
      ['view.rev.return', 'return', ['centerReview'], 'shiftLeader'],
      ['view.rev.transfer', 'transfer', ['centerReview', 'upperReview'], 'shiftLeader'],
    ];
    for (const [id, kind, nodes, role] of reviews) {
      expect(viewOf(id).roles, id).toEqual([role]);
      expect(tabOf(id, 'pending').query, id).toMatchObject({ scope: 'reviewer', nodes, applicationKinds: [kind] });
      expect(tabOf(id, 'reviewed').query, id).toMatchObject({ scope: 'actedBy', applicationKinds: [kind] });
    }
    expect(tabOf('view.rev.result', 'pending').batchButtons).toEqual(['app.approve']);
  });

  it('CLS-1..3: callback, evaluation of handled tickets, closing', () => {
    expect(tabOf('view.cls.callback', 'pending').query.nodes).toEqual(['callback']);
    expect(tabOf('view.cls.evaluation', 'pending').query.where).toContainEqual({ field: 'outcome.evaluation', op: 'notExists' });
    expect(tabOf('view.cls.evaluation', 'done').query.where).toContainEqual({ field: 'outcome.evaluation', op: 'exists' });
    expect(tabOf('view.cls.evaluation', 'pending').rowButtons).toContain('eval.submit');
    expect(viewOf('view.cls.closing').tabs.map((t) => t.query.nodes)).toEqual([['closing'], ['closed']]);
  });
});

describe('DEF-1/DEF-9 the 12345 hotline flow variant', () => {
  const transitionsOf = (flow: Flow, pick: (t: Flow['transitions'][number]) => boolean) => flow.transitions.filter(pick);
  const nodeIds = (flow: Flow) => flow.nodes.map((n) => n.id);

  it('runs on the linkage task and application flows, with the node ids the engine relies on', () => {
    const hotline = flowOf('flow.hotline');
    expect(bundle.defs.domain['hotline-12345']?.flow).toBe('flow.hotline');
    expect(hotline).toMatchObject({ scope: 'ticket', initial: 'registration', taskFlow: 'flow.linkage.task', applicationFlow: 'flow.linkage.application' });
    expect(nodeIds(hotline)).toEqual(expect.arrayContaining(['registration', 'acceptance', 'dispatch', 'handling', 'callback', 'closing', 'closed']));
    for (const t of hotline.transitions) {
      expect(t.from.filter((n) => n !== '*' && !nodeIds(hotline).includes(n)), JSON.stringify(t)).toEqual([]);
      if (t.to) expect(nodeIds(hotline), JSON.stringify(t)).toContain(t.to);
      if (t.button) expect(button(t.button)?.scope, t.button).toBe('ticket');
    }
  });

  it('has no grid verification, and adds 答复审核 (replyReview)', () => {
    const general = flowOf('flow.linkage');
    const hotline = flowOf('flow.hotline');
    expect(nodeIds(general)).toEqual(expect.arrayContaining(['verification', 'gridReturned']));
    expect(nodeIds(hotline)).not.toEqual(expect.arrayContaining(['verification']));
    expect(nodeIds(hotline)).not.toContain('gridReturned');
    expect(hotline.nodes.find((n) => n.id === 'replyReview')?.name).toBe('答复审核');
    const gridButtons = ['grid.report', 'acc.toVerification', 'ver.submit', 'ver.changeGridWorker', 'grid.resubmit'];
    expect(transitionsOf(hotline, (t) => gridButtons.includes(t.button ?? ''))).toEqual([]);
    expect(nodeIds(general)).not.toContain('replyReview');
  });

  it('never closes straight after handling, an upper review or a reply: callback is always required', () => {
    const general = flowOf('flow.linkage');
    const hotline = flowOf('flow.hotline');
    const settledTo = (f: Flow) => transitionsOf(f, (t) => t.event === '$tasks.settled').map((t) => t.to);
    expect(settledTo(general)).toContain('closing');
    expect(settledTo(hotline)).not.toContain('closing');
    expect(settledTo(hotline)).toEqual(expect.arrayContaining(['dispatch', 'upperReview', 'callback']));
    const intoClose = (f: Flow) => transitionsOf(f, (t) => (t.to === 'closing' || t.to === 'closed') && t.button !== 'cb.submit' && t.button !== 'cls.close');
    expect(intoClose(general).length).toBeGreaterThan(0);
    expect(intoClose(hotline)).toEqual([]);
  });

  it('a direct reply by an acceptor or dispatcher goes to the shift leader, who approves or returns it', () => {
    const hotline = flowOf('flow.hotline');
    const reply = (b: string, from: string) => transitionsOf(hotline, (t) => t.button === b && t.from.includes(from)).map((t) => t.to);
    expect(reply('acc.directReply', 'acceptance')).toEqual(['replyReview']);
    expect(reply('dsp.directReply', 'dispatch')).toEqual(['replyReview']);
    expect(reply('acc.directReply', 'acceptanceReview')).toEqual(['callback']);
    expect(reply('hotline.replyApprove', 'replyReview')).toEqual(['callback']);
    expect(reply('hotline.replyReturn', 'replyReview')).toEqual(['acceptance']);
    for (const id of ['hotline.replyApprove', 'hotline.replyReturn']) {
      expect(bundle.locations.buttonType[id]?.package, id).toBe('hotline-12345');
      expect(bundle.defs.buttonGroup[button(id)?.group ?? '']).toBeDefined();
    }
  });

  it('every hotline node has one status binding; shared nodes keep the linkage status and colours', () => {
    const bindings = Object.values(bundle.defs.statusBinding) as StatusBinding[];
    const hotline = bindings.filter((b) => b.flow === 'flow.hotline');
    expect(hotline.map((b) => b.node).sort()).toEqual(nodeIds(flowOf('flow.hotline')).sort());
    for (const b of hotline) {
      expect(b.id).toBe(`sb.hotline.${b.node}`);
      const linkage = bindings.find((x) => x.flow === 'flow.linkage' && x.node === b.node);
      if (!linkage) continue;
      const { statusText, statusValue, textColor, backgroundColor, handlerType, role } = linkage;
      expect(b, b.node).toMatchObject({ statusText, statusValue, textColor, backgroundColor, handlerType, ...(role ? { role } : {}) });
    }
    expect(hotline.find((b) => b.node === 'replyReview')).toMatchObject({ statusText: '答复审核', handlerType: 'role', role: 'shiftLeader' });
  });
});

describe('DEF-1/DEF-9 the hotline variant in play', () => {
  const hotline = { domain: 'hotline-12345', channel: 'hotline12345', item: 'item.bllj', callbackWanted: false };

  it('a 12345 direct reply waits for 答复审核, then goes to callback; a linkage reply without callback closes', async () => {
    const s = new Scenario(cb);
    const h = await s.register('ys.acceptor', 'acc.directReply', hotline, '已电话答复');
    expect(s.node(h.ticket.id)).toBe('replyReview');
    expect(cb.bindingOf(h.ticket.flow, 'replyReview')?.statusText).toBe('答复审核');
    await s.refused('ys.acceptor', 'hotline.replyApprove', { ticket: h.ticket.id }, 'ENG_FORBIDDEN_ROLE');
    await s.act('ys.shiftleader', 'hotline.replyApprove', { ticket: h.ticket.id }, '答复妥当');
    expect(s.node(h.ticket.id)).toBe('callback');
    const l = await s.register('ys.acceptor', 'acc.directReply', { item: 'item.bllj', callbackWanted: false }, '已电话答复');
    expect(s.node(l.ticket.id)).toBe('closed');
  });

  it('a returned reply goes back to the acceptors; the hotline offers no verification', async () => {
    const s = new Scenario(cb);
    const h = await s.register('ys.acceptor', 'acc.directReply', hotline, '已电话答复');
    await s.act('ys.shiftleader', 'hotline.replyReturn', { ticket: h.ticket.id }, '答复不完整');
    expect(s.node(h.ticket.id)).toBe('acceptance');
    const offered = await availableActions(cb, s.world(h.ticket.id), { kind: 'ticket', id: h.ticket.id }, s.actor('ys.acceptor'));
    expect(offered.map((a) => a.button)).toEqual(expect.arrayContaining(['acc.toDispatch', 'acc.directReply']));
    expect(offered.map((a) => a.button)).not.toContain('acc.toVerification');
  });

  it('a handled 12345 ticket is called back even when no callback was asked; a linkage one goes to closing', async () => {
    const s = new Scenario(cb);
    const finish = async (id: string) => {
      await s.act('ys.cgzd.handler', 'task.complete', { task: s.task(id, 'ys.cgzd').id }, '已清运');
      await s.act('ys.reviewer', 'app.approve', { application: s.application(id, 'result').id });
      return s.node(id);
    };
    const h = await s.register('ys.acceptor', 'acc.toDispatch', hotline);
    expect(s.node(h.ticket.id)).toBe('handling');
    expect(await finish(h.ticket.id)).toBe('callback');
    const l = await s.register('ys.acceptor', 'acc.toDispatch', { item: 'item.bllj', callbackWanted: false });
    expect(await finish(l.ticket.id)).toBe('closing');
  });
});
