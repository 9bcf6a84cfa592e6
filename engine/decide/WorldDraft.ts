import type { ApplicationState, TaskState, TicketState, TicketWorld } from '../model/state.js';
import type { Changes, EntityKind, EntityRef, HistoryEvent, RuntimeEffect } from './types.js';
import { Refusal } from './Refusal.js';

export interface QueuedEvent {
  readonly target: EntityRef;
  readonly event: string;
  readonly data?: Readonly<Record<string, unknown>>;
}

/** A copy-on-write working copy of one ticket's world during a decision. */
export class WorldDraft {
  ticket: TicketState;
  readonly tasks: Map<string, TaskState>;
  readonly applications: Map<string, ApplicationState>;
  readonly history: HistoryEvent[] = [];
  readonly effects: RuntimeEffect[] = [];
  readonly trace: string[] = [];
  readonly queue: QueuedEvent[] = [];
  private readonly touched = new Set<string>();
  private readonly created = new Set<string>();
  private readonly original: TicketWorld;

  constructor(world: TicketWorld, isNew = false) {
    this.original = world;
    this.ticket = world.ticket;
    this.tasks = new Map(world.tasks.map((t) => [t.id, t]));
    this.applications = new Map(world.applications.map((a) => [a.id, a]));
    if (isNew) this.created.add(`ticket:${world.ticket.id}`);
  }

  task(id: string): TaskState {
    const t = this.tasks.get(id);
    if (!t) throw new Refusal('ENG_NOT_FOUND', { entity: 'task', id });
    return t;
  }

  application(id: string): ApplicationState {
    const a = this.applications.get(id);
    if (!a) throw new Refusal('ENG_NOT_FOUND', { entity: 'application', id });
    return a;
  }

  nodeOf(ref: EntityRef): string {
    if (ref.kind === 'ticket') return this.ticket.node;
    return ref.kind === 'task' ? this.task(ref.id).node : this.application(ref.id).node;
  }

  patchTicket(patch: Partial<TicketState>): void {
    this.ticket = { ...this.ticket, ...patch };
    this.touched.add(`ticket:${this.ticket.id}`);
  }

  patchTask(id: string, patch: Partial<TaskState>): TaskState {
    const next = { ...this.task(id), ...patch };
    this.tasks.set(id, next);
    this.touched.add(`task:${id}`);
    return next;
  }

  addTask(task: TaskState): void {
    this.tasks.set(task.id, task);
    this.created.add(`task:${task.id}`);
  }

  patchApplication(id: string, patch: Partial<ApplicationState>): ApplicationState {
    const next = { ...this.application(id), ...patch };
    this.applications.set(id, next);
    this.touched.add(`application:${id}`);
    return next;
  }

  addApplication(app: ApplicationState): void {
    this.applications.set(app.id, app);
    this.created.add(`application:${app.id}`);
  }

  patch(ref: EntityRef, patch: Record<string, unknown>): void {
    if (ref.kind === 'ticket') this.patchTicket(patch as Partial<TicketState>);
    else if (ref.kind === 'task') this.patchTask(ref.id, patch as Partial<TaskState>);
    else this.patchApplication(ref.id, patch as Partial<ApplicationState>);
  }

  emit(target: EntityRef, event: string, data?: Record<string, unknown>): void {
    this.queue.push({ target, event, ...(data ? { data } : {}) });
  }

  private versioned<T extends { id: string; version: number }>(kind: EntityKind, entity: T): T | undefined {
    const key = `${kind}:${entity.id}`;
    if (this.created.has(key)) return { ...entity, version: 1 };
    if (this.touched.has(key)) return { ...entity, version: entity.version + 1 };
    return undefined;
  }

  /** The final world and what changed, with versions bumped once per action. */
  finish(): { world: TicketWorld; changes: Changes } {
    const ticket = this.versioned('ticket', this.ticket);
    const tasks = [...this.tasks.values()].map((t) => this.versioned('task', t) ?? t);
    const applications = [...this.applications.values()].map((a) => this.versioned('application', a) ?? a);
    const changedTasks = tasks.filter((t) => this.touched.has(`task:${t.id}`) || this.created.has(`task:${t.id}`));
    const changedApps = applications.filter((a) => this.touched.has(`application:${a.id}`) || this.created.has(`application:${a.id}`));
    return {
      world: { ticket: ticket ?? this.ticket, tasks, applications },
      changes: { tickets: ticket ? [ticket] : [], tasks: changedTasks, applications: changedApps },
    };
  }

  get before(): TicketWorld {
    return this.original;
  }
}
