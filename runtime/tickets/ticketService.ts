import { randomUUID } from 'node:crypto';
import type { Knex } from '@mikro-orm/knex';
import {
  availableActions, decide, formatTicketNumber, redactReporter, reporterVisibility, ticketPrefix, validateTicketFields,
  type Action, type Changes, type CompiledBundle, type DecideSuccess, type EntityRef, type Registration, type ReporterVisibility, type RuntimeEffect, type TicketState, type TicketWorld,
} from '../../engine/index.js';
import { centerOf, type OrgIndex } from '../../engine/org/index.js';
import type { BundleStore } from '../app/bundleStore.js';
import { linkAttachments } from '../attachments/attachmentStore.js';
import { recordAudit } from '../audit/audit.js';
import { redactHistory } from './changeRecords.js';
import type { SessionUser } from '../auth/authService.js';
import { insertRows, transaction } from '../db/directSql.js';
import { AppError, fromEngineError } from '../errors.js';
import { followMain, handledByFollowMain } from '../merge/followMain.js';
import { MESSAGE_EFFECTS, messageRecords, parseMessageEffect, type MessageEffect } from '../outbox/messageOf.js';
import { saveReporter } from '../reporters/reporterStore.js';
import { stateCacheOf } from './stateCache.js';
import { isLockConflict, loadHistory, loadWorld, loadWorldAndFollowers, nextSequence, saveDecision, sequenceBeforeTransaction } from './ticketStore.js';

export interface RegisterInput {
  readonly domain: string;
  readonly item: string;
  readonly title: string;
  readonly channel: string;
  readonly reportedAt?: number;
  readonly grid?: string;
  readonly urgency?: Registration['urgency'];
  readonly difficult?: boolean;
  readonly callbackWanted?: boolean;
  readonly confidential?: boolean;
  readonly source?: Registration['source'];
  readonly fields: Record<string, unknown>;
  /** The handling method (处办方式) pressed at registration, e.g. acc.toDispatch or acc.saveDraft. */
  readonly button: string;
  readonly opinion?: string;
  readonly payload?: Record<string, unknown>;
}

export interface ActInput {
  readonly button: string;
  readonly target?: EntityRef;
  readonly opinion?: string;
  readonly payload?: Record<string, unknown>;
  /** The ticket version the client saw; a mismatch is a 409 before anything is decided. */
  readonly version?: number;
}

export interface ActionResult {
  readonly ticket: TicketWorld['ticket'];
  readonly changed: { readonly tasks: number; readonly applications: number };
  /**
   * The tasks and applications the action created or changed, so that a client (a plugin, a
   * hotline) can press the next button on one without reading the whole detail first.
   */
  readonly entities: {
    readonly tasks: readonly { readonly id: string; readonly department: string; readonly node: string }[];
    readonly applications: readonly { readonly id: string; readonly kind: string; readonly node: string; readonly task?: string }[];
  };
  readonly history: DecideSuccess['history'];
}

function actorOf(user: SessionUser) {
  return { user: user.id, department: user.department, roles: user.roles };
}

/** What a transaction's work hands back: the answer, and the effects it wrote for after commit. */
interface Decided {
  readonly result: ActionResult;
  readonly effects: readonly RuntimeEffect[];
  /** The states written, for the StateCache once they are committed. */
  readonly changes: Changes;
  /** The followers of the ticket written, as read in the transaction (for the StateCache too). */
  readonly followers: ReadonlyMap<string, readonly string[]>;
}

/**
 * The answer to an action, as the acting user may see the ticket afterwards: a handling unit
 * gets the reporter masked, or not at all on a confidential ticket, as on the detail page.
 */
function summary(cb: CompiledBundle, result: DecideSuccess, user: SessionUser): ActionResult {
  const access = ticketAccess(cb, result.world, user);
  const visibility = reporterVisibility(result.world.ticket, { ...(access?.staff ? { center: access.center } : {}), inList: false });
  const ticket = { ...result.world.ticket, fields: redactReporter(result.world.ticket.fields, visibility) };
  const { tasks, applications } = result.changes;
  return {
    ticket, changed: { tasks: tasks.length, applications: applications.length },
    entities: {
      tasks: tasks.map((t) => ({ id: t.id, department: t.department, node: t.node })),
      applications: applications.map((a) => ({ id: a.id, kind: a.kind, node: a.node, ...(a.task ? { task: a.task } : {}) })),
    },
    history: redactHistory(result.history, visibility),
  };
}

/**
 * Every action moves the ticket's version, even one that only changes a task or an application (or
 * nothing but the history): the ticket version is the version of its whole world. Two actions read
 * at the same version then conflict on the ticket row and the second gets a 409, instead of both
 * committing on a world the other changed (two last approvals of a multi-department ticket would
 * otherwise both miss the other's approval and leave the ticket in handling: a write skew).
 */
function touchTicket(result: DecideSuccess): DecideSuccess {
  if (result.changes.tickets.length > 0) return result;
  const ticket = { ...result.world.ticket, version: result.world.ticket.version + 1 };
  return { ...result, world: { ...result.world, ticket }, changes: { ...result.changes, tickets: [ticket] } };
}

/** A ticket as one user may see it (TicketService.viewable). */
export interface ViewableTicket {
  readonly cb: CompiledBundle;
  /** As stored, reporter included: for decisions, never to show. */
  readonly world: TicketWorld;
  /** The ticket with its reporter fields redacted for this user. */
  readonly ticket: TicketState;
  readonly visibility: ReporterVisibility;
}

/**
 * whether a user may read a ticket: center staff see the tickets their center held and those held
 * by a center below it (reading is not acting: the engine decides buttons); a department sees
 * tickets it has tasks, CCs or reviews on; grid workers their own. Undefined when not; otherwise
 * whether the user is center staff (who see the reporter) and the user's center.
 */
export function ticketAccess(cb: CompiledBundle, world: TicketWorld, user: SessionUser): { staff: boolean; center?: string } | undefined {
  const center = centerOf(cb.org, user.department)?.id;
  const staff = center !== undefined && user.department === center;
  const below = (c: string) => c !== center && isWithinCenter(cb, center!, c);
  const involved = (staff && (world.ticket.trail.some((f) => f.center === center) || below(world.ticket.center))) ||
    world.tasks.some((t) => t.department === user.department) || world.ticket.dispatch?.cc.includes(user.department) ||
    world.ticket.gridWorker === user.id || world.tasks.some((t) => t.gridWorker === user.id) ||
    world.applications.some((a) => a.chain.some((s) => s.department === user.department || (staff && s.department === center)));
  if (!involved) return undefined;
  return { staff, ...(center !== undefined ? { center } : {}) };
}

/** Display names of the staff a detail mentions (actors, registrar, grid workers, applicants): the timeline shows people, not logins. */
function peopleOf(cb: CompiledBundle, world: TicketWorld, events: readonly { actor?: { user: string } }[]): Record<string, string> {
  const ids = new Set<string>([world.ticket.registeredBy]);
  for (const e of events) if (e.actor) ids.add(e.actor.user);
  for (const t of world.tasks) if (t.gridWorker) ids.add(t.gridWorker);
  if (world.ticket.gridWorker) ids.add(world.ticket.gridWorker);
  for (const a of world.applications) ids.add(a.applicant.user);
  return Object.fromEntries([...ids].flatMap((id) => {
    const name = cb.org.users.get(id)?.name;
    return name ? [[id, name]] : [];
  }));
}

/** Whether `inner` is `outer` or a center below it. */
function isWithinCenter(cb: CompiledBundle, outer: string, inner: string): boolean {
  for (let c: string | undefined = inner; c; c = cb.org.upperCenterOf.get(c)) if (c === outer) return true;
  return false;
}

/**
 * X-2: the messages of a notify or urge effect about `ticket`, written in the action's own
 * transaction: they are rows of the same database, so they commit (or not) with the action and are
 * in the recipients' 消息中心 when the answer arrives. A malformed effect is left to the outbox
 * processor, which retries and then keeps it as a dead letter.
 */
function messagesHere(org: OrgIndex, ticket: TicketState, now: number) {
  return (effect: RuntimeEffect, outboxId: string) => {
    if (!MESSAGE_TYPES.has(effect.type) || effect.ticket !== ticket.id) return undefined;
    let message: MessageEffect;
    try {
      message = parseMessageEffect(effect);
    } catch {
      return undefined;
    }
    return messageRecords(org, outboxId, message, { number: ticket.number, title: ticket.title }, now);
  };
}

const MESSAGE_TYPES = new Set<string>(MESSAGE_EFFECTS);

/** Registration and actions: one engine decision, written in one transaction (DESIGN principle 4). */
export class TicketService {
  constructor(private readonly knex: Knex, private readonly bundles: BundleStore, private readonly clock: () => number = Date.now) {}

  /**
   * Called after every committed action with the effects it wrote to the outbox (createApp: deliver
   * messages right after the response, not at the next tick). Must not throw or block.
   */
  afterCommit: (effects: readonly RuntimeEffect[]) => void = () => undefined;

  async register(user: SessionUser, input: RegisterInput, idempotencyKey?: string): Promise<ActionResult> {
    // compiled outside the transaction: the embedded database has one connection, which the transaction holds
    const cb = await this.bundles.currentCompiled();
    const now = this.clock();
    const prefix = ticketPrefix(cb, input.domain, input.channel);
    const counter = `${prefix}${formatTicketNumber('', now, 1).slice(0, 8)}`;
    let early: number | undefined;
    const prepare = async () => {
      if (input.button !== 'acc.saveDraft') {
        const errors = validateTicketFields(cb.bundle, input.domain, input.item, input.fields);
        if (errors.length > 0) throw new AppError('TG_ERR_VALIDATION', { detail: errors.map((e) => `${e.pointer} ${e.message}`).join('; ') }, { fields: errors });
      }
      early = await sequenceBeforeTransaction(this.knex, counter);
    };
    return this.idempotent(user, idempotencyKey, () => `register:${JSON.stringify(input)}`, async (trx) => {
      const number = formatTicketNumber(prefix, now, early ?? await nextSequence(trx, counter));
      const registration: Registration = {
        number, domain: input.domain, item: input.item, title: input.title, channel: input.channel,
        reportedAt: input.reportedAt ?? now, fields: input.fields,
        ...(input.grid ? { grid: input.grid } : {}), ...(input.urgency ? { urgency: input.urgency } : {}),
        ...(input.difficult !== undefined ? { difficult: input.difficult } : {}),
        ...(input.callbackWanted !== undefined ? { callbackWanted: input.callbackWanted } : {}),
        ...(input.confidential !== undefined ? { confidential: input.confidential } : {}),
        ...(input.source ? { source: input.source } : {}),
      };
      const action: Action = {
        button: input.button, target: { kind: 'ticket', id: randomUUID() }, actor: actorOf(user),
        ...(input.opinion ? { opinion: input.opinion } : {}), payload: input.payload ?? {},
      };
      const result = await decide(cb, undefined, action, now, randomUUID, registration);
      if (!result.ok) throw fromEngineError(result.error);
      // a new ticket has no followers: there is nothing to split
      const pending = await saveDecision(trx, result.changes, result.history, result.effects, now, {
        handled: handledByFollowMain(result.world.ticket.id), messages: messagesHere(cb.org, result.world.ticket, now),
      });
      await saveReporter(trx, result.world.ticket.id, input.fields, now); // ACC-1 auto-fill, kept apart from the ticket
      await linkAttachments(trx, result.world.ticket.id, user.id, input.fields.attachments); // ACC-1 uploads become the ticket's
      return { result: summary(cb, result, user), effects: pending, changes: result.changes, followers: new Map([[result.world.ticket.id, []]]) };
    }, 3, prepare); // a new ticket has no rival: a lock conflict here is only the counter, so retry
  }

  async act(user: SessionUser, ticketId: string, input: ActInput, idempotencyKey?: string): Promise<ActionResult> {
    const notFound = () => new AppError('TG_ERR_NOT_FOUND', { what: `ticket ${ticketId}` });
    // messages go to the organisation as it is now, as the outbox processor's would (outside the
    // transaction: the embedded database has one connection)
    const current = await this.bundles.currentCompiled();
    const run = () => this.idempotent(user, idempotencyKey, () => `act:${ticketId}:${JSON.stringify(input)}`, async (trx) => {
      const read = await loadWorldAndFollowers(trx, ticketId);
      if (!read) throw notFound();
      const { world, followers } = read;
      // the pinned bundle, compiled once per process (inside the transaction only the first time:
      // the embedded database has one connection, which the transaction holds)
      const cb = this.bundles.compiledIfReady(world.ticket.bundleHash) ?? await this.bundles.compiledFor(world.ticket.bundleHash, trx);
      if (input.version !== undefined && input.version !== world.ticket.version) {
        throw new AppError('TG_ERR_STALE_VERSION', { detail: `version ${world.ticket.version}, you saw ${input.version}` });
      }
      const now = this.clock();
      const action: Action = {
        button: input.button, target: input.target ?? { kind: 'ticket', id: ticketId }, actor: actorOf(user),
        ...(input.opinion ? { opinion: input.opinion } : {}), payload: input.payload ?? {},
      };
      const decided = await decide(cb, world, action, now, randomUUID);
      if (!decided.ok) throw fromEngineError(decided.error);
      const result = touchTicket(decided);
      const pending = await saveDecision(trx, result.changes, result.history, result.effects, now, {
        handled: handledByFollowMain(ticketId), messages: messagesHere(current.org, result.world.ticket, now), before: [world],
      });
      const still = await followMain(trx, result, now, followers); // ACC-3/HND-3: merged followers move with (or split from) this main
      return { result: summary(cb, result, user), effects: pending, changes: result.changes, followers: new Map([[ticketId, still]]) };
    });
    try {
      return await run();
    } catch (e) {
      // an unknown ticket is a 404 before any idempotency key is looked at (as when the ticket was read first)
      if (e instanceof AppError && e.code === 'TG_ERR_IDEMPOTENCY_CONFLICT' && !(await this.knex('tickets').first('id').where({ id: ticketId }))) throw notFound();
      throw e;
    }
  }

  /** A ticket's detail: its world, flow timeline, and the buttons this user sees on it and its tasks and applications. */
  async detail(user: SessionUser, ticketId: string) {
    const { cb, world, ticket, visibility } = await this.viewable(user, ticketId);
    // the history read and the audit row go out first and the buttons are worked out while the
    // database answers (on MariaDB on two pooled connections at once)
    const history = loadHistory(this.knex, ticketId);
    // DESIGN "Data safety": every read of personal data is audited, before it leaves
    const audited = recordAudit(this.knex, { userId: user.id, action: 'ticket.read', entityKind: 'ticket', entityId: ticketId, at: this.clock(), detail: { reporter: visibility } });
    const reads = Promise.all([history, audited]);
    reads.catch(() => undefined); // awaited below; a failure while the buttons are worked out is not unhandled
    const actor = actorOf(user);
    const actions = {
      ticket: await availableActions(cb, world, { kind: 'ticket', id: ticketId }, actor),
      tasks: Object.fromEntries(await Promise.all(world.tasks.map(async (t) => [t.id, await availableActions(cb, world, { kind: 'task', id: t.id }, actor)] as const))),
      applications: Object.fromEntries(await Promise.all(world.applications.map(async (a) => [a.id, await availableActions(cb, world, { kind: 'application', id: a.id }, actor)] as const))),
    };
    const [events] = await reads;
    return { ...world, ticket, reporterVisibility: visibility, history: events, actions, people: peopleOf(cb, world, events) };
  }

  /**
   * a ticket as this user may see it (the detail page's rule), or TG_ERR_NOT_FOUND /
   * TG_ERR_OUT_OF_SCOPE. `world` is as stored (for decisions); show `ticket`, whose reporter is redacted.
   */
  async viewable(user: SessionUser, ticketId: string): Promise<ViewableTicket> {
    const world = await loadWorld(this.knex, ticketId);
    if (!world) throw new AppError('TG_ERR_NOT_FOUND', { what: `ticket ${ticketId}` });
    const cb = await this.bundles.compiledFor(world.ticket.bundleHash);
    const access = ticketAccess(cb, world, user);
    if (!access) throw new AppError('TG_ERR_OUT_OF_SCOPE');
    // center staff (users of the center department itself) see the reporter; handling units see
    // a masked reporter, or none at all on a confidential ticket
    const visibility = reporterVisibility(world.ticket, { ...(access.staff ? { center: access.center } : {}), inList: false });
    const ticket = { ...world.ticket, fields: redactReporter(world.ticket.fields, visibility) };
    return { cb, world, ticket, visibility };
  }

  /**
   * Runs `work` in one transaction; with an idempotency key, a replay returns the first result and a
   * key reused for another request is refused. `request` is the request's fingerprint, worked out
   * only when there is a key.
   */
  /**
   * Runs `work` in a transaction once per idempotency key (a replay answers the first result).
   * `prepare` runs before the transaction, once, when the key has no answer yet.
   */
  private async idempotent(
    user: SessionUser, key: string | undefined, request: () => string, work: (trx: Knex.Transaction) => Promise<Decided>, retries = 0, prepare?: () => Promise<void>,
  ): Promise<ActionResult> {
    const id = key ? `${user.id}:${key}` : undefined;
    const fingerprint = id ? request() : '';
    const replay = async () => {
      const row = id ? await this.knex('idempotency_keys').where({ key: id }).first() : undefined;
      if (!row) return undefined;
      const stored = (typeof row.response === 'string' ? JSON.parse(row.response) : row.response) as { fingerprint: string; result: ActionResult };
      if (stored.fingerprint !== fingerprint) throw new AppError('TG_ERR_IDEMPOTENCY_CONFLICT');
      return stored.result;
    };
    const earlier = await replay();
    if (earlier) return earlier;
    await prepare?.();
    try {
      const committed = await transaction(this.knex, async (trx) => {
        const decided = await work(trx);
        if (id) await insertRows(trx, 'idempotency_keys', [{ key: id, user_id: user.id, status: 200, response: JSON.stringify({ fingerprint, result: decided.result }), created_at: this.clock() }]);
        return decided;
      });
      stateCacheOf(this.knex).committed(committed.changes, committed.followers);
      this.afterCommit(committed.effects);
      return committed.result;
    } catch (e) {
      const again = id ? await replay().catch(() => undefined) : undefined;
      if (again) return again;
      if (isLockConflict(e) && retries > 0) return this.idempotent(user, key, request, work, retries - 1);
      if (isLockConflict(e)) throw new AppError('TG_ERR_STALE_VERSION', { detail: 'concurrent update' });
      throw e;
    }
  }
}

