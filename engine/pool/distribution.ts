import type { CompiledBundle } from '../compile/compileBundle.js';
import type { TicketState } from '../model/state.js';

/** DEF-13 分流规则: a center's own rule wins over the rule for every center; default off. */
export function poolEnabled(cb: CompiledBundle, pool: 'acceptance' | 'dispatch', center: string): boolean {
  const rules = Object.values(cb.bundle.defs.distributionRule).filter((r) => r.pool === pool);
  const own = rules.find((r) => r.center === center);
  return (own ?? rules.find((r) => r.center === undefined))?.enabled ?? false;
}

/** ACC-5: how many tickets one extraction takes (EXTRACT_ACCEPT_CASE_NUMBER, at least 1). */
export function extractCount(cb: CompiledBundle): number {
  const n = Number(cb.params.EXTRACT_ACCEPT_CASE_NUMBER);
  return Number.isInteger(n) && n > 0 ? n : 1;
}

const URGENCY_RANK = { veryUrgent: 0, urgent: 1, normal: 2 } as const;

/** The order a pool hands out tickets: most urgent first, then first reported first. */
export function extractionOrder(tickets: readonly Pick<TicketState, 'id' | 'urgency' | 'reportedAt'>[]): string[] {
  return [...tickets]
    .sort((a, b) => URGENCY_RANK[a.urgency] - URGENCY_RANK[b.urgency] || a.reportedAt - b.reportedAt || a.id.localeCompare(b.id))
    .map((t) => t.id);
}

/** Nodes pooled at a center: the nodes of every pool view (`view.pool`) whose pool is on there. */
export function pooledNodes(cb: CompiledBundle, center: string): Set<string> {
  const nodes = new Set<string>();
  for (const view of Object.values(cb.bundle.defs.view)) {
    if (!view.pool || !poolEnabled(cb, view.pool, center)) continue;
    for (const tab of view.tabs) for (const n of tab.query.nodes ?? []) nodes.add(n);
  }
  return nodes;
}
