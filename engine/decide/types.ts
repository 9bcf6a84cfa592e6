import type { EngineError } from '../errors.js';
import type { Actor, ApplicationState, TaskState, TicketState, TicketWorld } from '../model/state.js';

export type EntityKind = 'ticket' | 'task' | 'application';

export interface EntityRef {
  readonly kind: EntityKind;
  readonly id: string;
}

/** What a user asks for: press `button` on an entity, with the dialog's input. */
export interface Action {
  readonly button: string;
  readonly target: EntityRef;
  readonly actor: Actor;
  readonly opinion?: string;
  readonly payload?: Readonly<Record<string, unknown>>;
}

/** The facts a registration brings (ACC-1); the runtime supplies number and ids. */
export interface Registration {
  readonly number: string;
  readonly domain: string;
  readonly item: string;
  readonly title: string;
  readonly channel: string;
  readonly reportedAt: number;
  readonly source?: 'center' | 'grid' | 'other';
  readonly grid?: string;
  readonly urgency?: 'normal' | 'urgent' | 'veryUrgent';
  readonly difficult?: boolean;
  readonly callbackWanted?: boolean;
  readonly confidential?: boolean;
  readonly fields?: Readonly<Record<string, unknown>>;
}

/** An append-only flow record (工单流转, X-1). */
export interface HistoryEvent {
  readonly id: string;
  readonly ticket: string;
  readonly entity: EntityRef;
  readonly event: string;
  readonly fromNode: string;
  readonly toNode: string;
  readonly center: string;
  readonly actor?: { readonly user: string; readonly department: string };
  readonly opinion?: string;
  readonly at: number;
  readonly data?: Readonly<Record<string, unknown>>;
}

/** Work for the runtime after commit; the engine never performs it. */
export type RuntimeEffect =
  | { readonly type: 'notify'; readonly ticket: string; readonly reason: string; readonly to: Recipients; readonly data?: Readonly<Record<string, unknown>> }
  | { readonly type: 'urge'; readonly ticket: string; readonly to: Recipients; readonly opinion?: string; readonly by: string }
  | { readonly type: 'splitFollowers'; readonly ticket: string; readonly task?: string }
  | { readonly type: 'callService'; readonly service: string; readonly ticket: string; readonly entity: EntityRef; readonly phase: 'entry' | 'exit'; readonly node: string };

/** Who a message or to-do goes to: users, or holders of a role at a department. */
export interface Recipients {
  readonly users?: readonly string[];
  readonly department?: string;
  readonly role?: string;
}

export interface Changes {
  readonly tickets: readonly TicketState[];
  readonly tasks: readonly TaskState[];
  readonly applications: readonly ApplicationState[];
}

export interface DecideSuccess {
  readonly ok: true;
  /** The world after the action. */
  readonly world: TicketWorld;
  /** Entities written by the action (created ones have version 1, updated ones version + 1). */
  readonly changes: Changes;
  readonly history: readonly HistoryEvent[];
  readonly effects: readonly RuntimeEffect[];
  /** Why things happened: which transition, which rules, where auto-dispatch went. */
  readonly trace: readonly string[];
}

export interface DecideFailure {
  readonly ok: false;
  readonly error: EngineError;
}

export type DecideResult = DecideSuccess | DecideFailure;

/** Ids come in from the runtime (the engine makes none). */
export type IdSource = () => string;
