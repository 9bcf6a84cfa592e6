import { chooseMainTask, chooseMainTicket, TICKET_MERGE_RANK, type TaskState, type TicketState, type TicketWorld } from '../../engine/index.js';
import { isOpenTask } from '../../engine/decide/progress.js';
import { RoleIds } from '../../engine/org/roleIds.js';
import type { SessionUser } from '../auth/authService.js';
import { AppError } from '../errors.js';

/** How a refusal names a ticket's or task's step (the status text of its binding). */
export type StatusOf = (entity: TicketState | TaskState) => string;

const rank = (node: string) => TICKET_MERGE_RANK[node] ?? 0;

/** ACC-3: the steps a main may be at (待受理, 受理审核, 待分拨, 分拨审核, 待处置). */
export const TICKET_MERGE_NODES: readonly string[] = Object.keys(TICKET_MERGE_RANK);
/** A follower may also be a draft: ACC-3 merges from the registration page (暂存 first, then merge). */
const FOLLOWER_NODES: ReadonlySet<string> = new Set([...TICKET_MERGE_NODES, 'draft']);
/** HND-3: task steps that may merge (not completed 80, transferred 90, returned 15, approved or withdrawn). */
const TASK_MERGE_NODES: ReadonlySet<string> = new Set(['pending', 'gridHandling', 'suspended']);

const sourceCenter = (t: TicketState) => t.trail[0]?.center ?? t.center;

const ASPECTS: readonly { what: string; whatEn: string; value: (t: TicketState) => string }[] = [
  { what: '网格', whatEn: 'grid', value: (t) => t.grid ?? '(none)' },
  { what: '上报方式', whatEn: 'channel', value: (t) => t.channel },
  { what: '来源中心', whatEn: 'source center', value: sourceCenter },
  { what: '所在中心', whatEn: 'current center', value: (t) => t.center },
  // followers take the main's step by name, so they must run the same flow (e.g. not 12345 into 联动)
  { what: '流程', whatEn: 'flow', value: (t) => t.flow },
];

/** ACC-3 / HND-3: merged tickets share grid, channel, source center, the center holding them now and their flow. */
function checkSameKind(tickets: readonly TicketState[]): void {
  const first = tickets[0]!;
  for (const { what, whatEn, value } of ASPECTS) {
    for (const t of tickets) {
      if (!t.grid || value(t) !== value(first)) {
        throw new AppError('TG_ERR_MERGE_MISMATCH', { what, whatEn, detail: `${first.number}: ${value(first)}; ${t.number}: ${value(t)}` });
      }
    }
  }
}

function step(id: string, node: string, reason: string, reasonEn: string): AppError {
  return new AppError('TG_ERR_MERGE_STEP', { id, node, reason, reasonEn });
}

/** Ticket merge and split are for the acceptors and dispatchers of the center holding the ticket. */
export function requireCenterStaff(user: SessionUser, center: string): void {
  if (user.department === center && user.roles.some((r) => r === RoleIds.acceptor || r === RoleIds.dispatcher)) return;
  throw new AppError('TG_ERR_MERGE_ROLE', {
    who: '工单所在中心的受理员或分拨员', whoEn: 'acceptors and dispatchers of the center holding the ticket',
    action: '合并或拆分工单', actionEn: 'merge or split tickets',
  });
}

/** Task merge and split are for the handlers of the task's department (HND-3). */
export function requireHandler(user: SessionUser, department: string): void {
  if (user.department === department && user.roles.includes(RoleIds.handler)) return;
  throw new AppError('TG_ERR_MERGE_ROLE', {
    who: '任务单所属部门的处理员', whoEn: 'handlers of the task\u2019s department', action: '合并或拆分任务单', actionEn: 'merge or split tasks',
  });
}

/**
 * ACC-3: refuses what cannot merge and returns the main — the one asked for, or by status
 * (待处置 > 分拨审核 > 待分拨 > 受理审核 > 待受理) then the earliest report. `followers` counts the
 * followers each ticket already has: those can only be the main.
 */
export function checkTicketMerge(user: SessionUser, worlds: readonly TicketWorld[], mainId: string | undefined, followers: ReadonlyMap<string, number>, status: StatusOf): TicketWorld {
  const tickets = worlds.map((w) => w.ticket);
  for (const t of tickets) if (t.mergedInto) throw new AppError('TG_ERR_MERGE_FOLLOWER', { id: t.number });
  checkSameKind(tickets);
  requireCenterStaff(user, tickets[0]!.center);
  const mainTicket = mainId ? tickets.find((t) => t.id === mainId)! : chooseMainTicket(tickets);
  const main = worlds.find((w) => w.ticket.id === mainTicket.id)!;
  if (rank(mainTicket.node) === 0) {
    throw step(mainTicket.number, status(mainTicket), '主单须处于待受理、受理审核、待分拨、分拨审核或待处置', 'a main must await acceptance, acceptance review, dispatch, dispatch review or handling');
  }
  for (const w of worlds) {
    const f = w.ticket;
    if (w === main) continue;
    if ((followers.get(f.id) ?? 0) > 0) throw new AppError('TG_ERR_MERGE_HAS_FOLLOWERS', { id: f.number });
    if (!FOLLOWER_NODES.has(f.node)) throw step(f.number, status(f), '从单须为暂存或处于可合并的环节', 'a follower must be a draft or at a mergeable step');
    if (rank(f.node) > rank(mainTicket.node)) throw step(f.number, status(f), '从单的环节不能在主单之后', 'a follower cannot be further on than its main');
    if (w.tasks.some(isOpenTask)) throw step(f.number, status(f), '从单已有处置中的任务单', 'a follower cannot have open tasks of its own');
  }
  return main;
}

export interface TaskEntry {
  readonly world: TicketWorld;
  readonly task: TaskState;
}

/**
 * HND-3: refuses what cannot merge and returns the main entry (the task created first): one task per
 * ticket, the same department, grid, channel and centers, the ticket in handling (40) and not a
 * follower, the task still with its department. Tasks that already have followers can only be the main.
 */
export function checkTaskMerge(user: SessionUser, entries: readonly TaskEntry[], followers: ReadonlyMap<string, number>, status: StatusOf): TaskEntry {
  const first = entries[0]!;
  for (const { world, task } of entries) {
    if (task.department !== first.task.department) {
      throw new AppError('TG_ERR_MERGE_MISMATCH', { what: '处置部门', whatEn: 'department', detail: `${first.task.department}; ${task.department}` });
    }
    if (entries.filter((e) => e.world.ticket.id === world.ticket.id).length > 1) {
      throw new AppError('TG_ERR_MERGE_MISMATCH', { what: '工单', whatEn: 'ticket', detail: `${world.ticket.number}: two tasks of one ticket` });
    }
    if (world.ticket.mergedInto) throw new AppError('TG_ERR_MERGE_FOLLOWER', { id: world.ticket.number });
    if (task.mergedInto) throw new AppError('TG_ERR_MERGE_FOLLOWER', { id: `${world.ticket.number}/${task.department}` });
  }
  checkSameKind(entries.map((e) => e.world.ticket));
  requireHandler(user, first.task.department);
  for (const { world, task } of entries) {
    if (world.ticket.node !== 'handling') throw step(world.ticket.number, status(world.ticket), '工单须处于待处置', 'the ticket must be in handling');
    if (!TASK_MERGE_NODES.has(task.node)) {
      throw step(`${world.ticket.number}/${task.department}`, status(task), '任务单已办结、转派、退回或结束', 'the task is completed, transferred, returned or over');
    }
  }
  const mainTask = chooseMainTask(entries.map((e) => e.task));
  for (const { world, task } of entries) {
    if (task !== mainTask && (followers.get(task.id) ?? 0) > 0) throw new AppError('TG_ERR_MERGE_HAS_FOLLOWERS', { id: `${world.ticket.number}/${task.department}` });
  }
  return entries.find((e) => e.task === mainTask)!;
}
