import type { ApplicationKind, TicketDetail } from '../ticket/types';
import { applicationContent, unitName } from '../ticket/applicationContent';
import type { CatalogueIndex } from '../../../shared/catalogue/CatalogueContext';
import { formatDateTime } from '../common/format';

/** HND-1: the application a task button files (the flow's createApplication effect). */
export const APPLYING_BUTTONS: Record<string, ApplicationKind> = {
  'task.applyExtension': 'extension',
  'task.applySuspension': 'suspension',
  'task.applyTransfer': 'transfer',
  'task.applyAssist': 'assist',
  'task.return': 'return',
};

/** DEF-13: the system parameter capping each counted application per task. */
export const LIMIT_PARAMETERS: Partial<Record<ApplicationKind, string>> = {
  extension: 'YQ_APPLY_COUNT',
  suspension: 'GZ_APPLY_COUNT',
  return: 'TH_APPLY_COUNT',
};

export interface Hint {
  type: 'info' | 'warning';
  text: string;
  testId: string;
}

type T = (key: string, options?: Record<string, unknown>) => string;

/**
 * What a dialog tells before the press (HND-1, HND-6, REV-3/4): how many applications of the kind
 * are left, the deadlines an extension is measured against, what an application under review asks
 * for and whether an extension would pass the ticket's overall deadline.
 */
export function dialogHints(c: CatalogueIndex, detail: TicketDetail | undefined, button: string, target: { kind: string; id: string } | undefined, t: T, lang: string): Hint[] {
  if (!detail || !target) return [];
  const hints: Hint[] = [];
  const overallDue = detail.sla.overall?.dueAt;
  if (target.kind === 'task') {
    const task = detail.tasks.find((x) => x.id === target.id);
    const kind = APPLYING_BUTTONS[button];
    if (!task || !kind) return [];
    const param = LIMIT_PARAMETERS[kind];
    const limit = param ? Number(c.parameter(param)) : NaN;
    if (param && Number.isFinite(limit)) {
      const used = task.counts[kind as 'extension'] ?? 0;
      hints.push({ type: used >= limit ? 'warning' : 'info', testId: 'hint-limit', text: t('hint.limit', { kind: t(`ticket:kind.${kind}`), used, limit, left: Math.max(0, limit - used), param }) });
    }
    if (kind === 'extension') {
      const stage = (detail.sla.tasks[task.id] ?? []).find((x) => x.status !== 'stopped');
      if (stage) hints.push({ type: 'info', testId: 'hint-deadlines', text: t('hint.deadlines', { stage: formatDateTime(stage.dueAt), overall: overallDue ? formatDateTime(overallDue) : '—' }) });
      hints.push({ type: 'info', testId: 'hint-extension', text: t('hint.extensionRule') });
    }
    if (kind === 'suspension') hints.push({ type: 'info', testId: 'hint-suspension', text: t('hint.suspensionRule') });
    if (kind === 'return') hints.push({ type: 'info', testId: 'hint-return', text: t('hint.returnRule') });
    return hints;
  }
  if (target.kind === 'application') {
    const app = detail.applications.find((x) => x.id === target.id);
    if (!app) return [];
    const content = applicationContent(c, detail, app, (k, o) => t(`ticket:${k}`, o), lang);
    hints.push({ type: 'info', testId: 'hint-application', text: t('hint.application', { kind: t(`ticket:kind.${app.kind}`), department: c.departmentName(app.applicant.department), content: content || '—' }) });
    const preview = detail.extensionPreviews?.[app.id];
    if (app.kind === 'extension' && preview?.stageDueAt) {
      hints.push({ type: 'info', testId: 'hint-deadlines', text: t('hint.extended', { stage: formatDateTime(preview.stageDueAt), overall: preview.overallDueAt ? formatDateTime(preview.overallDueAt) : '—', amount: app.payload.amount, unit: unitName(app.payload.unit, lang) }) });
    }
    if (preview?.warning) hints.push({ type: 'warning', testId: 'hint-exceeds', text: t('exceedsOverall') });
    if (app.kind === 'suspension' && !app.decidedAt) hints.push({ type: 'info', testId: 'hint-suspension', text: t('hint.suspensionReview') });
  }
  return hints;
}
