import { textSimilarity } from './textSimilarity.js';

/** What recommendations compare (ACC-2): the reporter's phone, title, description and grid. */
export interface TicketText {
  readonly id: string;
  readonly title: string;
  readonly description?: string;
  readonly phone?: string;
  readonly grid?: string;
}

export interface Recommendation {
  readonly id: string;
  /** 0..1, higher is more alike. */
  readonly score: number;
  /** Which signals contributed, for the acceptor to judge. */
  readonly reasons: readonly ('phone' | 'title' | 'description' | 'grid')[];
}

const DUPLICATE_WEIGHTS = { phone: 0.3, title: 0.3, description: 0.25, grid: 0.15 } as const;

function contentScore(a: TicketText, b: TicketText): { title: number; description: number } {
  return { title: textSimilarity(a.title, b.title), description: textSimilarity(a.description ?? '', b.description ?? '') };
}

/**
 * ACC-2 重复工单 / X-6 duplicate recognition: same reporter phone, similar title and content, same
 * grid, ranked by similarity; only those above `threshold` are listed.
 */
export function recommendDuplicates(current: TicketText, others: readonly TicketText[], threshold = 0.35, limit = 10): Recommendation[] {
  return others
    .filter((o) => o.id !== current.id)
    .map((o) => {
      const { title, description } = contentScore(current, o);
      const phone = current.phone !== undefined && current.phone === o.phone ? 1 : 0;
      const grid = current.grid !== undefined && current.grid === o.grid ? 1 : 0;
      const score = DUPLICATE_WEIGHTS.phone * phone + DUPLICATE_WEIGHTS.title * title + DUPLICATE_WEIGHTS.description * description + DUPLICATE_WEIGHTS.grid * grid;
      const reasons = ([['phone', phone], ['title', title], ['description', description], ['grid', grid]] as const)
        .filter(([, v]) => v >= 0.5).map(([k]) => k);
      return { id: o.id, score, reasons };
    })
    .filter((r) => r.score >= threshold)
    .sort((a, b) => b.score - a.score || a.id.localeCompare(b.id))
    .slice(0, limit);
}

/** ACC-2 历史工单 / X-6 similar cases: title and content similarity only. */
export function recommendHistory(current: TicketText, others: readonly TicketText[], threshold = 0.3, limit = 10): Recommendation[] {
  return others
    .filter((o) => o.id !== current.id)
    .map((o) => {
      const { title, description } = contentScore(current, o);
      const score = 0.5 * title + 0.5 * description;
      const reasons = ([['title', title], ['description', description]] as const).filter(([, v]) => v >= 0.5).map(([k]) => k);
      return { id: o.id, score, reasons };
    })
    .filter((r) => r.score >= threshold)
    .sort((a, b) => b.score - a.score || a.id.localeCompare(b.id))
    .slice(0, limit);
}
