/** GET /api/tickets/:id as the detail page reads it (runtime/http/routes/tickets.ts). */

export interface ClockSegment { from: number; to?: number }
export interface ClockState {
  limitId: string;
  status: 'running' | 'paused' | 'stopped';
  segments: ClockSegment[];
  extensions: unknown[];
}

export interface TicketView {
  id: string;
  number: string;
  domain: string;
  item: string;
  flow: string;
  node: string;
  center: string;
  source: string;
  origin: string;
  channel: string;
  reportedAt: number;
  registeredAt: number;
  registeredBy: string;
  title: string;
  grid?: string;
  gridWorker?: string;
  urgency: 'normal' | 'urgent' | 'veryUrgent';
  difficult: boolean;
  callbackWanted: boolean;
  confidential: boolean;
  returned: boolean;
  mergedInto?: string;
  dispatch?: { handling: 'mainAssist' | 'multi'; forced: boolean; cc: string[]; by?: string; at: number };
  fields: Record<string, unknown>;
  outcome?: Record<string, unknown>;
  clocks: Record<string, ClockState>;
  trail: { center: string; via: string; at: number }[];
  version: number;
}

export interface TaskView {
  id: string;
  department: string;
  center: string;
  role: 'main' | 'assist' | 'multi';
  parent?: string;
  flow: string;
  node: string;
  createdAt: number;
  mergedInto?: string;
  gridWorker?: string;
  counts: Partial<Record<'extension' | 'suspension' | 'return', number>>;
  clocks: Record<string, ClockState>;
}

export type ApplicationKind = 'assist' | 'extension' | 'suspension' | 'transfer' | 'return' | 'result';

export interface ApplicationView {
  id: string;
  task: string;
  kind: ApplicationKind;
  flow: string;
  node: string;
  applicant: { user: string; department: string };
  chain: { level: string; department: string }[];
  step: number;
  payload: Record<string, unknown>;
  createdAt: number;
  decidedAt?: number;
}

export interface HistoryView {
  id: string;
  entity: { kind: 'ticket' | 'task' | 'application'; id: string };
  event: string;
  fromNode?: string | null;
  toNode?: string | null;
  center?: string;
  at: number;
  actor?: { user: string; department: string } | null;
  opinion?: string;
  data?: Record<string, unknown>;
}

/** The engine's reason a button is not pressable now (engine/errors.ts). */
export interface EngineReason {
  code: string;
  message: string;
  messageZh: string;
  params: Record<string, string | number>;
}

export interface AvailableAction {
  button: string;
  name: string;
  group: string;
  order: number;
  allowed: boolean;
  reason?: EngineReason;
}

export interface SlaClockView {
  key: string;
  node: string | null;
  limitId: string;
  limitName: string;
  kind: 'working' | 'natural';
  status: 'running' | 'paused' | 'stopped';
  state: 'normal' | 'warning' | 'overdue' | 'paused';
  budget: number;
  consumed: number;
  remaining: number;
  dueAt: number;
  warnAt: number;
  projected: boolean;
  explanation: Record<'zh-CN' | 'en-US', string>;
}

export interface ChangeRecord {
  at: number;
  actor: string | null;
  department: string | null;
  event: string;
  field: string;
  before: unknown;
  after: unknown;
}

/** HND-6 preview of a pending extension (what the reviewer decides on). */
export interface ExtensionPreview { stageDueAt?: number; overallDueAt?: number; warning?: string }

export interface TicketDetail {
  ticket: TicketView;
  tasks: TaskView[];
  applications: ApplicationView[];
  history: HistoryView[];
  reporterVisibility: 'full' | 'masked' | 'hidden';
  actions: { ticket: AvailableAction[]; tasks: Record<string, AvailableAction[]>; applications: Record<string, AvailableAction[]> };
  changes: ChangeRecord[];
  sla: {
    evaluatedAt: number;
    overall: SlaClockView | null;
    ticket: SlaClockView[];
    tasks: Record<string, SlaClockView[]>;
    applications: Record<string, SlaClockView[]>;
  };
  extensionPreviews?: Record<string, ExtensionPreview>;
  /** Display names of the staff the detail mentions, by user id. */
  people?: Record<string, string>;
}
