import { api } from '../../../shared/api/client';
import type { DispatchStep } from '../../../../engine/dispatch/dispatchSteps';

export type ToolSource = 'draft' | 'published';
export type Urgency = 'normal' | 'urgent' | 'veryUrgent';
export type TimeUnit = 'workDay' | 'workHour' | 'naturalDay' | 'naturalHour';

/** A cell problem of the catalogue import (runtime/studioTools/catalogueProblems.ts). */
export interface ImportProblem {
  sheet: 'directories' | 'items';
  sheetName: string;
  row: number;
  column: string;
  field: string;
  header: string;
  headerEn: string;
  code: string;
  message: string;
  messageZh: string;
  value: string;
}

export interface ImportEntry {
  sheet: 'directories' | 'items';
  row: number;
  kind: 'catalogueDirectory' | 'item';
  id: string;
  name: string;
  /** The English name the definition will have (the sheets' optional English columns). */
  nameEn?: string;
  code?: string;
  action: 'create' | 'update' | 'unchanged';
}

export interface ImportResult {
  dryRun: boolean;
  ok: boolean;
  package: string;
  entries: ImportEntry[];
  counts: Record<ImportEntry['action'], number>;
  errors: ImportProblem[];
}

interface About {
  source: ToolSource;
  hash: string;
  version?: number;
}

export interface SlaQuestion {
  limit?: string;
  adhoc?: { amount: number; unit: TimeUnit; calendar?: string; attendance?: string };
  start: string;
  urgency: Urgency;
  pauses: { from: string; to?: string }[];
}

export interface SlaAnswer extends About {
  limit: { id: string; name: string; amount: number; unit: TimeUnit };
  urgency: Urgency;
  startLocal: string;
  dueAt: number;
  warnAt: number;
  dueAtLocal: string;
  warnAtLocal: string;
  projected: boolean;
  explanation: Record<'zh-CN' | 'en-US', string[]>;
}

export interface Named {
  id: string;
  name: string;
}

export interface ButtonCell {
  button: string;
  name: string;
  nameEn?: string;
  allowed: boolean;
  reason?: { code: string; message: string; messageZh: string };
}

export interface RoleCell {
  role: string;
  user?: { id: string; login: string; name: string; department: string };
  buttons: ButtonCell[];
}

export interface NodeRow {
  entity: 'ticket' | 'task' | 'application';
  flow: string;
  node: string;
  nodeName: string;
  department?: Named;
  taskRole?: 'main' | 'assist' | 'multi';
  applicationKind?: 'assist' | 'extension' | 'suspension' | 'transfer' | 'return' | 'result';
  roles: RoleCell[];
}

export interface RuleQuestion {
  item: string;
  center: string;
  grid?: string;
  urgency: Urgency;
  difficult: boolean;
  channel?: string;
  fields?: Record<string, unknown>;
}

export interface RuleAnswer extends About {
  item: Named;
  domain: Named;
  center: Named;
  grid?: Named;
  dispatch: {
    mode: 'departments' | 'lowerCenter' | 'upperCenter' | 'none';
    center?: Named;
    handling?: 'mainAssist' | 'multi';
    main?: Named;
    assists?: Named[];
    departments?: Named[];
    subDispatch?: { department: Named; main?: Named; assists?: Named[]; departments?: Named[] }[];
    trace: string[];
    /** The trace as codes and parameters (worded in the UI language by the page). */
    steps?: DispatchStep[];
  };
  roles: (Named & { nameEn?: string })[];
  nodes: NodeRow[];
  notes: ('noTasks' | 'noDepartments')[];
}

/** The file's bytes as base64 (the import takes JSON { fileName, content }). */
export async function fileToBase64(file: Blob): Promise<string> {
  const bytes = new Uint8Array(await file.arrayBuffer());
  let binary = '';
  for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(binary);
}

export const TEMPLATE_NAME = '事项目录与清单导入模板.xlsx';

export const toolsApi = {
  downloadTemplate: () => api.download('/api/studio/tools/catalogue/template', undefined, TEMPLATE_NAME),
  importCatalogue: async (file: File, dryRun: boolean) =>
    api.post<ImportResult>(`/api/studio/tools/catalogue/import${dryRun ? '?dryRun=true' : ''}`, { fileName: file.name, content: await fileToBase64(file) }),
  sla: (q: SlaQuestion, source: ToolSource) => api.post<SlaAnswer>(`/api/studio/tools/sla?source=${source}`, q),
  rules: (q: RuleQuestion, source: ToolSource) => api.post<RuleAnswer>(`/api/studio/tools/rules?source=${source}`, q),
};
