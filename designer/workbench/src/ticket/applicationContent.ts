import type { CatalogueIndex } from '../../../shared/catalogue/CatalogueContext';
import type { ApplicationView, TicketDetail } from './types';

type T = (key: string, options?: Record<string, unknown>) => string;

const UNIT_NAMES: Record<string, [string, string]> = {
  workDay: ['工作日', 'working days'], workHour: ['工作时', 'working hours'], naturalDay: ['自然日', 'days'], naturalHour: ['自然时', 'hours'],
};

export function unitName(unit: unknown, lang: string): string {
  const names = UNIT_NAMES[String(unit)];
  return names ? names[lang === 'en-US' ? 1 : 0] : String(unit ?? '');
}

/** The applicant's opinion: the history event that created the application (or the result's own). */
export function applicationOpinion(detail: TicketDetail, app: ApplicationView): string {
  if (typeof app.payload.opinion === 'string') return app.payload.opinion;
  const created = detail.history.find((h) => h.entity.kind === 'task' && h.entity.id === app.task && h.at === app.createdAt && h.opinion);
  return created?.opinion ?? '';
}

/** What an application asks for, in one line (amount, target department, assisting units) plus the opinion. */
export function applicationContent(c: CatalogueIndex, detail: TicketDetail, app: ApplicationView, t: T, lang: string): string {
  const p = app.payload;
  const parts: string[] = [];
  if (app.kind === 'extension' && p.amount !== undefined) parts.push(t('extensionAmount', { amount: p.amount, unit: unitName(p.unit, lang) }));
  if (app.kind === 'transfer' && typeof p.department === 'string') parts.push(t('transferTo', { department: c.departmentName(p.department) }));
  if (app.kind === 'assist' && Array.isArray(p.departments)) parts.push(t('assistUnits', { departments: p.departments.map((d) => c.departmentName(String(d))).join('、') }));
  const opinion = applicationOpinion(detail, app);
  if (opinion) parts.push(opinion);
  return parts.join('；');
}
