import { randomUUID } from 'node:crypto';
import type { Knex } from '@mikro-orm/knex';
import { mergeTask, splitTask, taskMergeCandidates, type HistoryEvent, type TicketWorld } from '../../engine/index.js';
import type { BundleStore } from '../app/bundleStore.js';
import type { SessionUser } from '../auth/authService.js';
import { AppError } from '../errors.js';
import { checkTaskMerge, requireHandler, type TaskEntry } from './mergeRules.js';
import { loadWorlds, saveWorlds, taskRowOf, ticketOfTask, ticketsOfGrid, type MergeTaskRow } from './mergeStore.js';
import { checkVersions, inTransaction, statusOf } from './ticketMergeService.js';

export interface TaskMergeInput {
  readonly taskIds: readonly string[];
  /** Ticket versions the client saw; a mismatch is a 409 before anything is written. */
  readonly versions?: Readonly<Record<string, number>>;
}

export interface TaskMergeResult {
  readonly main: MergeTaskRow;
  readonly followers: readonly MergeTaskRow[];
}

/** How many task followers (by task merge) each of the tasks has. */
async function followerCounts(q: Knex | Knex.Transaction, ids: readonly string[]): Promise<Map<string, number>> {
  const rows = (await q('tasks').select('merged_into').count({ n: '*' }).whereIn('merged_into', ids).groupBy('merged_into')) as { merged_into: string; n: number | string }[];
  return new Map(rows.map((r) => [r.merged_into, Number(r.n)]));
}

function entryOf(world: TicketWorld, taskId: string): TaskEntry {
  const task = world.tasks.find((t) => t.id === taskId);
  if (!task) throw new AppError('TG_ERR_NOT_FOUND', { what: `task ${taskId}` });
  return { world, task };
}

/** HND-3 task merge (任务单合并): candidate lists, merge and manual split, for the handlers of the department. */
export class TaskMergeService {
  constructor(private readonly knex: Knex, private readonly bundles: BundleStore, private readonly clock: () => number = Date.now) {}

  /** 已合并 (main tasks with followers) and 未合并 tasks of the same department the task may merge with. */
  async candidates(user: SessionUser, taskId: string): Promise<{ task: MergeTaskRow; merged: MergeTaskRow[]; unmerged: MergeTaskRow[] }> {
    const [world] = await loadWorlds(this.knex, [await ticketOfTask(this.knex, taskId)]);
    const { task } = entryOf(world!, taskId);
    requireHandler(user, task.department);
    const cb = await this.bundles.currentCompiled();
    const t = world!.ticket;
    const others = t.grid ? await ticketsOfGrid(this.knex, t.grid, t.channel, ['handling'], task.department) : [];
    const { merged, unmerged } = taskMergeCandidates(world!, taskId, others.filter((w) => w.ticket.id !== t.id && w.ticket.flow === t.flow));
    const counts = await followerCounts(this.knex, [...merged, ...unmerged].map((c) => c.task.id));
    const row = (c: TaskEntry) => taskRowOf(cb, c.task, c.world.ticket, counts.get(c.task.id) ?? 0);
    return { task: row({ world: world!, task }), merged: merged.map(row), unmerged: unmerged.map(row) };
  }

  /** Merges the tasks in one transaction: the task created first is the main, the others follow it. */
  async merge(user: SessionUser, input: TaskMergeInput): Promise<TaskMergeResult> {
    const ids = [...new Set(input.taskIds)];
    if (ids.length < 2) throw new AppError('TG_ERR_VALIDATION', { detail: 'a merge needs at least two tasks' });
    // compiled outside the transaction: the embedded database has one connection, which the transaction holds
    const cb = await this.bundles.currentCompiled();
    const status = statusOf(cb);
    return inTransaction(this.knex, async (trx) => {
      const now = this.clock();
      const ticketIds: string[] = [];
      for (const id of ids) ticketIds.push(await ticketOfTask(trx, id));
      const worlds = await loadWorlds(trx, [...new Set(ticketIds)]);
      checkVersions(worlds, input.versions);
      const entries = ids.map((id, i) => entryOf(worlds.find((w) => w.ticket.id === ticketIds[i])!, id));
      const main = checkTaskMerge(user, entries, await followerCounts(trx, ids), status);
      const followers = entries.filter((e) => e !== main);
      // the engine's candidate rules stay the authority
      for (const f of followers) {
        const { merged, unmerged } = taskMergeCandidates(f.world, f.task.id, [main.world]);
        if (![...merged, ...unmerged].some((c) => c.task.id === main.task.id)) {
          throw new AppError('TG_ERR_MERGE_STEP', { id: main.world.ticket.number, node: status(main.task), reason: '不符合合并条件', reasonEn: 'the merge rules exclude it' });
        }
      }
      const actor = { user: user.id, department: user.department };
      const merged = followers.map((f) => mergeTask(main.task, f.world, f.task.id, actor, now, randomUUID));
      const mainRow: HistoryEvent = {
        id: randomUUID(), ticket: main.world.ticket.id, entity: { kind: 'task', id: main.task.id }, event: 'merge', fromNode: main.task.node,
        toNode: main.task.node, center: main.world.ticket.center, actor, at: now, data: { followers: followers.map((f) => f.task.id) },
      };
      // both worlds move their ticket version: an action that read either before the merge must conflict
      const written = await saveWorlds(trx, [
        { before: main.world, after: main.world, touch: true },
        ...followers.map((f, i) => ({ before: f.world, after: merged[i]!.world, touch: true })),
      ], [mainRow, ...merged.map((m) => m.history)], now);
      const count = (await followerCounts(trx, [main.task.id])).get(main.task.id) ?? 0;
      return {
        main: taskRowOf(cb, main.task, written[0]!.ticket, count),
        followers: followers.map((f, i) => taskRowOf(cb, entryOf(written[i + 1]!, f.task.id).task, written[i + 1]!.ticket)),
      };
    });
  }

  /** Manual split (拆单) from the detail page: the follower task keeps its step and runs alone. */
  async split(user: SessionUser, taskId: string, version?: number): Promise<MergeTaskRow> {
    const cb = await this.bundles.currentCompiled();
    return inTransaction(this.knex, async (trx) => {
      const now = this.clock();
      const [world] = await loadWorlds(trx, [await ticketOfTask(trx, taskId)]);
      if (version !== undefined) checkVersions([world!], { [world!.ticket.id]: version });
      const { task } = entryOf(world!, taskId);
      requireHandler(user, task.department);
      if (!task.mergedInto) throw new AppError('TG_ERR_NOT_MERGED', { id: `${world!.ticket.number}/${task.department}`, reason: '该任务单未合并', reasonEn: 'the task is not merged' });
      if (task.viaTicketMerge) {
        throw new AppError('TG_ERR_NOT_MERGED', { id: `${world!.ticket.number}/${task.department}`, reason: '工单合并生成的任务单在结果审核后自动拆单，或拆分工单', reasonEn: 'tasks of a ticket merge split after result review, or split the ticket' });
      }
      const { world: after, history } = splitTask(world!, taskId, now, randomUUID, 'manual');
      const [written] = await saveWorlds(trx, [{ before: world!, after, touch: true }], [{ ...history, actor: { user: user.id, department: user.department } }], now);
      return taskRowOf(cb, entryOf(written!, taskId).task, written!.ticket);
    });
  }
}
