import type { User } from '../../definitions/schemas/index.js';
import { nodeOfStep } from '../../engine/decide/reviewChain.js';
import { autoDispatch, availableActions, reviewChain, type CompiledBundle } from '../../engine/index.js';
import type { Actor, ApplicationKind, ApplicationState, TaskRole, TaskState, TicketState, TicketWorld, Urgency } from '../../engine/model/state.js';
import { centerOf, communitiesWithin, communityOf, departmentOf, gridsOf, isCenter } from '../../engine/org/index.js';
import { AppError } from '../errors.js';

export interface RuleQuestion {
  readonly item: string;
  /** The command center holding the ticket (the dispatch configuration's 适用区域). */
  readonly center: string;
  /** Default: the item's first domain. */
  readonly domain?: string;
  /** Default: the first grid in the center's area. */
  readonly grid?: string;
  readonly urgency?: Urgency;
  readonly difficult?: boolean;
  readonly channel?: string;
  readonly fields?: Readonly<Record<string, unknown>>;
}

interface Named { readonly id: string; readonly name: string }

export interface ButtonCell {
  readonly button: string;
  readonly name: string;
  readonly nameEn?: string;
  readonly allowed: boolean;
  readonly reason?: { readonly code: string; readonly message: string; readonly messageZh: string };
}

/** One role at one node: its demo user and the buttons the role holds there (allowed or refused with the reason). */
export interface RoleCell {
  readonly role: string;
  readonly user?: { readonly id: string; readonly login: string; readonly name: string; readonly department: string };
  readonly buttons: readonly ButtonCell[];
}

export interface NodeRow {
  readonly entity: 'ticket' | 'task' | 'application';
  readonly flow: string;
  readonly node: string;
  readonly nodeName: string;
  /** Task rows: the department the task belongs to and its role (main, assist, multi). */
  readonly department?: Named;
  readonly taskRole?: TaskRole;
  /** Application rows: what the main department's task applies for. */
  readonly applicationKind?: ApplicationKind;
  readonly roles: readonly RoleCell[];
}

export interface RuleAnswer {
  readonly item: Named;
  readonly domain: Named;
  readonly center: Named;
  readonly grid?: Named;
  readonly dispatch: {
    readonly mode: string;
    readonly center?: Named;
    readonly handling?: string;
    readonly main?: Named;
    readonly assists?: readonly Named[];
    readonly departments?: readonly Named[];
    readonly subDispatch?: readonly { readonly department: Named; readonly main?: Named; readonly assists?: readonly Named[]; readonly departments?: readonly Named[] }[];
    readonly trace: readonly string[];
    /** The trace as codes and parameters (engine/dispatch/dispatchSteps.ts), for a UI to word in its language. */
    readonly steps: readonly { readonly code: string; readonly params: Readonly<Record<string, string>> }[];
  };
  readonly roles: readonly (Named & { readonly nameEn?: string })[];
  readonly nodes: readonly NodeRow[];
  /** Why task rows are missing, when they are: `noTasks` (the flow creates none) or `noDepartments` (auto-dispatch assigns none here). */
  readonly notes: readonly string[];
}

const TEST_ID = 'rule-test';
const APPLICATION_KINDS: readonly ApplicationKind[] = ['extension', 'suspension', 'transfer', 'assist', 'return', 'result'];
const invalid = (pointer: string, message: string) => new AppError('TG_ERR_VALIDATION', { detail: `${pointer} ${message}` }, [{ pointer, message }]);

/** A demo user of a role for a place: the first enabled one (by login) whose department matches. */
function demoUser(cb: CompiledBundle, role: string, where: (u: User) => boolean): User | undefined {
  return [...cb.org.users.values()].filter((u) => u.enabled !== false && u.roles.includes(role) && where(u)).sort((a, b) => a.login.localeCompare(b.login))[0];
}

/**
 * The rule tester (DEF-4, ACC-4, DEF-11, HND-1 显隐控制): where auto-dispatch sends a ticket of an
 * item at a center, with the engine's trace, and which buttons each role sees at every node of the
 * domain's ticket flow and of the task flow (for the departments auto-dispatch assigns), by asking
 * the engine's `availableActions` for a demo user of each role. Nothing is stored.
 */
export async function testRules(cb: CompiledBundle, q: RuleQuestion, now: number): Promise<RuleAnswer> {
  const { defs } = cb.bundle;
  const org = cb.org;
  const name = (id: string): Named => ({ id, name: departmentOf(org, id)?.name ?? id });
  const item = defs.item[q.item];
  if (!item) throw invalid('/item', `item ${q.item} does not exist`);
  if (!departmentOf(org, q.center) || !isCenter(org, q.center)) throw invalid('/center', `${q.center} is not a command center`);
  const domainId = q.domain ?? item.domains[0]?.domain;
  const domain = domainId ? defs.domain[domainId] : undefined;
  if (!domain || !item.domains.some((d) => d.domain === domain.id)) throw invalid('/domain', `item ${item.name} is linked to no domain ${q.domain ?? ''}`.trim());
  const ticketFlow = cb.flows[domain.flow];
  if (!ticketFlow) throw invalid('/domain', `the flow ${domain.flow} of domain ${domain.name} does not exist`);
  if (q.grid !== undefined && !org.grids.has(q.grid)) throw invalid('/grid', `grid ${q.grid} does not exist`);
  const grid = q.grid ?? communitiesWithin(org, q.center).flatMap((c) => gridsOf(org, c.id))[0]?.id;

  const registrar = demoUser(cb, 'acceptor', (u) => centerOf(org, u.department)?.id === q.center);
  const ticket: TicketState = {
    id: TEST_ID, number: 'TEST', bundleHash: cb.bundle.hash, domain: domain.id, item: item.id, flow: domain.flow, node: ticketFlow.flow.initial,
    center: q.center, trail: [{ center: q.center, via: 'register', at: now }], source: 'center', origin: 'center', channel: q.channel ?? 'phone',
    reportedAt: now, registeredAt: now, registeredBy: registrar?.id ?? 'rule-tester', title: item.name, ...(grid ? { grid } : {}),
    urgency: q.urgency ?? 'normal', difficult: q.difficult ?? false, callbackWanted: false, confidential: false, returned: false,
    fields: { ...(q.fields ?? {}) }, clocks: {}, version: 1,
  };
  const routed = autoDispatch(cb, ticket);
  const a = routed.assignment;
  const dispatch: RuleAnswer['dispatch'] = {
    mode: routed.mode, trace: routed.trace, steps: routed.steps, ...(routed.center ? { center: name(routed.center) } : {}),
    ...(a ? { handling: a.handling, ...(a.main ? { main: name(a.main) } : {}), ...(a.assists ? { assists: a.assists.map(name) } : {}), ...(a.departments ? { departments: a.departments.map(name) } : {}) } : {}),
    ...(routed.subDispatch ? {
      subDispatch: routed.subDispatch.map((s) => ({
        department: name(s.department), ...(s.main ? { main: name(s.main) } : {}), ...(s.assists ? { assists: s.assists.map(name) } : {}), ...(s.departments ? { departments: s.departments.map(name) } : {}),
      })),
    } : {}),
  };

  const roles = [...org.roles.values()].map((r) => r.id);
  const community = grid ? org.grids.get(grid)?.community : undefined;
  const centerUser = (role: string, department?: string) => demoUser(cb, role, (u) =>
    department ? u.department === department
      : role === 'gridWorker' ? (community ? communityOf(org, u.department)?.id === community : centerOf(org, u.department)?.id === q.center)
        : centerOf(org, u.department)?.id === q.center);

  async function row(world: TicketWorld, ref: { kind: 'ticket' } | { kind: 'task' | 'application'; id: string }, department?: string): Promise<RoleCell[]> {
    const cells: RoleCell[] = [];
    for (const role of roles) {
      const user = role === 'handler' && department ? centerUser(role, department) : centerUser(role);
      const actor: Actor = user ? { user: user.id, department: user.department, roles: [role] } : { user: `demo-${role}`, department: department ?? q.center, roles: [role] };
      const actions = await availableActions(cb, world, ref.kind === 'ticket' ? { kind: 'ticket', id: TEST_ID } : ref, actor);
      const buttons = actions.filter((x) => x.reason?.code !== 'ENG_FORBIDDEN_ROLE').map((x): ButtonCell => ({
        button: x.button, name: x.name, ...(cb.buttons[x.button]?.nameEn ? { nameEn: cb.buttons[x.button]!.nameEn! } : {}), allowed: x.allowed,
        ...(x.reason ? { reason: { code: x.reason.code, message: x.reason.message, messageZh: x.reason.messageZh } } : {}),
      }));
      cells.push({ role, ...(user ? { user: { id: user.id, login: user.login, name: user.name, department: user.department } } : {}), buttons });
    }
    return cells;
  }

  const notes: string[] = [];
  const taskFlowId = item.flow ?? ticketFlow.flow.taskFlow;
  const taskFlow = taskFlowId ? cb.flows[taskFlowId] : undefined;
  // the ticket node that holds department tasks: where the transition creating them leads
  const handlingNode = ticketFlow.flow.transitions.find((t) => t.effects?.some((e) => e.type === 'createTasks') && t.to)?.to;
  const assigned: { department: string; role: TaskRole }[] = !a ? [] : a.handling === 'multi'
    ? (a.departments ?? []).map((d) => ({ department: d, role: 'multi' as const }))
    : [...(a.main ? [{ department: a.main, role: 'main' as const }] : []), ...(a.assists ?? []).map((d) => ({ department: d, role: 'assist' as const }))];
  const task = (d: { department: string; role: TaskRole }, node: string): TaskState => ({
    id: `${TEST_ID}-${d.department}`, ticket: TEST_ID, department: d.department, center: q.center, role: d.role, round: 1, flow: taskFlow!.flow.id,
    node, createdAt: now, counts: { extension: 0, suspension: 0, return: 0 }, clocks: {}, version: 1,
    ...(cb.bindingOf(taskFlow!.flow.id, node)?.role === 'gridWorker' && centerUser('gridWorker') ? { gridWorker: centerUser('gridWorker')!.id } : {}),
  });
  const withTasks = taskFlow !== undefined && handlingNode !== undefined && assigned.length > 0;
  const dispatched = { ...ticket, node: handlingNode ?? ticket.node, ...(a ? { dispatch: { handling: a.handling, forced: false, cc: [], at: now, round: 1 } } : {}) };

  const nodes: NodeRow[] = [];
  for (const node of ticketFlow.flow.nodes) {
    if ((ticketFlow.eventsAt.get(node.id) ?? []).length === 0) continue;
    // at the handling node the ticket has the tasks auto-dispatch would create, all pending
    const world: TicketWorld = withTasks && node.id === handlingNode
      ? { ticket: dispatched, tasks: assigned.map((d) => task(d, taskFlow.flow.initial)), applications: [] }
      : { ticket: { ...ticket, node: node.id }, tasks: [], applications: [] };
    nodes.push({ entity: 'ticket', flow: domain.flow, node: node.id, nodeName: node.name, roles: await row(world, { kind: 'ticket' }) });
  }

  if (!taskFlow || !handlingNode) notes.push('noTasks');
  else if (assigned.length === 0) notes.push('noDepartments');
  else {
    for (const node of taskFlow.flow.nodes) {
      if ((taskFlow.eventsAt.get(node.id) ?? []).length === 0) continue;
      for (const d of assigned) {
        const tasks = assigned.map((o) => task(o, o.department === d.department ? node.id : taskFlow.flow.initial));
        const world: TicketWorld = { ticket: dispatched, tasks, applications: [] };
        nodes.push({
          entity: 'task', flow: taskFlow.flow.id, node: node.id, nodeName: node.name, department: name(d.department), taskRole: d.role,
          roles: await row(world, { kind: 'task', id: `${TEST_ID}-${d.department}` }, d.department),
        });
      }
    }
    nodes.push(...await applicationRows(assigned[0]!));
  }

  /** The main department's applications of every kind, at each review step of their chain (HND-5, REV-2..6). */
  async function applicationRows(d: { department: string; role: TaskRole }): Promise<NodeRow[]> {
    const flowId = ticketFlow!.flow.applicationFlow;
    const appFlow = flowId ? cb.flows[flowId] : undefined;
    if (!appFlow || !taskFlow) return [];
    const tasks = assigned.map((o) => task(o, taskFlow.flow.initial));
    const own = tasks.find((t) => t.department === d.department)!;
    const applicant = demoUser(cb, 'handler', (u) => u.department === d.department);
    const out: NodeRow[] = [];
    for (const kind of APPLICATION_KINDS) {
      const chain = reviewChain(cb, dispatched, own, new Map(tasks.map((t) => [t.id, t])), kind);
      for (let step = 0; step < chain.length; step += 1) {
        const node = nodeOfStep(chain[step]);
        if ((appFlow.eventsAt.get(node) ?? []).length === 0) continue;
        const application: ApplicationState = {
          id: `${TEST_ID}-${kind}`, ticket: TEST_ID, task: own.id, kind, flow: appFlow.flow.id, node,
          applicant: { user: applicant?.id ?? `demo-handler`, department: d.department }, chain, step, payload: {}, createdAt: now, clocks: {}, version: 1,
        };
        const world: TicketWorld = { ticket: dispatched, tasks, applications: [application] };
        out.push({
          entity: 'application', flow: appFlow.flow.id, node, nodeName: appFlow.nodes[node]?.name ?? node, department: name(d.department), applicationKind: kind,
          roles: await row(world, { kind: 'application', id: application.id }),
        });
      }
    }
    return out;
  }
  return {
    item: { id: item.id, name: item.name }, domain: { id: domain.id, name: domain.name }, center: name(q.center),
    ...(grid ? { grid: { id: grid, name: org.grids.get(grid)?.name ?? grid } } : {}),
    dispatch, nodes, notes,
    roles: roles.map((r) => ({ id: r, name: org.roles.get(r)?.name ?? r, ...(org.roles.get(r)?.nameEn ? { nameEn: org.roles.get(r)!.nameEn! } : {}) })),
  };
}
