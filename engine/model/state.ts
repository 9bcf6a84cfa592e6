import type { ClockState } from '../sla/index.js';

export type Urgency = 'normal' | 'urgent' | 'veryUrgent';
export type ApplicationKind = 'assist' | 'extension' | 'suspension' | 'transfer' | 'return' | 'result';
export type TaskRole = 'main' | 'assist' | 'multi';
/** How the ticket reached the center that holds it now. */
export type TicketSource = 'center' | 'grid' | 'upper' | 'lower' | 'other';

/** One hop of a ticket between centers: where it went and how. */
export interface CenterFrame {
  readonly center: string;
  readonly via: 'register' | 'escalate' | 'delegate';
  readonly at: number;
}

export interface DispatchInfo {
  readonly handling: 'mainAssist' | 'multi';
  readonly forced: boolean;
  readonly cc: readonly string[];
  readonly by?: string;
  readonly at: number;
  /** Which dispatch this is (1 for the first; re-dispatch after a return and 重派 start a new round). */
  readonly round?: number;
}

/** A ticket (工单) as the engine sees it; the runtime stores it and hands it back. */
export interface TicketState {
  readonly id: string;
  readonly number: string;
  readonly bundleHash: string;
  readonly domain: string;
  readonly item: string;
  readonly flow: string;
  readonly node: string;
  /** The command center holding the ticket now. */
  readonly center: string;
  readonly trail: readonly CenterFrame[];
  readonly source: TicketSource;
  /** How the ticket first came in (center registration, grid report, other channel). */
  readonly origin: TicketSource;
  readonly channel: string;
  readonly reportedAt: number;
  readonly registeredAt: number;
  readonly registeredBy: string;
  readonly title: string;
  readonly grid?: string;
  readonly gridWorker?: string;
  /** ACC-5/DSP-1: the user who extracted the ticket from a pool; cleared when it leaves the node. */
  readonly assignee?: string;
  readonly urgency: Urgency;
  readonly difficult: boolean;
  readonly callbackWanted: boolean;
  readonly confidential: boolean;
  readonly dispatch?: DispatchInfo;
  /** DSP-5: back at dispatch after a return. */
  readonly returned: boolean;
  readonly mergedInto?: string;
  /** Form data (default form plus the item's personalised form). */
  readonly fields: Readonly<Record<string, unknown>>;
  readonly outcome?: Readonly<Record<string, unknown>>;
  readonly clocks: Readonly<Record<string, ClockState>>;
  readonly version: number;
}

/** 任务单: one department's share of a ticket. */
export interface TaskState {
  readonly id: string;
  readonly ticket: string;
  readonly department: string;
  /** The center that dispatched it. */
  readonly center: string;
  readonly role: TaskRole;
  /** The dispatch round that created it (DispatchInfo.round); earlier rounds no longer decide the ticket. */
  readonly round?: number;
  readonly parent?: string;
  readonly flow: string;
  readonly node: string;
  readonly createdAt: number;
  readonly mergedInto?: string;
  /** HND-3: created by a ticket merge, so it splits only after result review. */
  readonly viaTicketMerge?: boolean;
  readonly gridWorker?: string;
  readonly counts: Readonly<Record<'extension' | 'suspension' | 'return', number>>;
  readonly clocks: Readonly<Record<string, ClockState>>;
  readonly version: number;
}

/** One reviewer on an application's chain (HND-5, REV-2..6, X-8). */
export interface ReviewStep {
  readonly level: 'parent' | 'center' | 'upper';
  readonly department: string;
}

/** 申请: assist, extension, suspension, transfer, return, or a completed task's result. */
export interface ApplicationState {
  readonly id: string;
  readonly ticket: string;
  readonly task: string;
  readonly kind: ApplicationKind;
  readonly flow: string;
  readonly node: string;
  readonly applicant: { readonly user: string; readonly department: string };
  readonly chain: readonly ReviewStep[];
  readonly step: number;
  readonly payload: Readonly<Record<string, unknown>>;
  readonly createdAt: number;
  readonly decidedAt?: number;
  readonly clocks: Readonly<Record<string, ClockState>>;
  readonly version: number;
}

/** A ticket with everything that hangs off it: what one action may read and change. */
export interface TicketWorld {
  readonly ticket: TicketState;
  readonly tasks: readonly TaskState[];
  readonly applications: readonly ApplicationState[];
}

export interface Actor {
  readonly user: string;
  readonly department: string;
  readonly roles: readonly string[];
}
