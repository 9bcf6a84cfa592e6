import type { CatalogueIndex } from '../../../shared/catalogue/CatalogueContext';
import { localName, type Lang } from '../../../shared/i18n';

/** A node's name in its flow (DEF-9), in the UI language; the id when unknown. */
export function nodeName(c: CatalogueIndex, flow: string, node: string | null | undefined, lang: Lang): string {
  if (!node) return '';
  const n = c.flows.find((f) => f.id === flow)?.nodes[node];
  const binding = c.binding(flow, node);
  // a node without an English name (nameEn): for en-US its status binding usually has the English text
  if (lang === 'en-US' && !n?.nameEn && binding?.statusTextEn) return binding.statusTextEn;
  if (n) return localName(n, lang);
  return binding?.statusText ?? node;
}

/**
 * 17小时30分 / 17 h 30 min: a span of time. Working time is told in hours (a working day is not
 * 24 hours, so "1 day 11 hours" of working time would mislead); natural time in days and hours.
 */
export function formatSpan(ms: number, lang: Lang, kind: 'working' | 'natural' = 'natural'): string {
  const minutes = Math.round(Math.abs(ms) / 60_000);
  const d = kind === 'working' ? 0 : Math.floor(minutes / 1440), h = Math.floor((minutes - d * 1440) / 60), m = minutes % 60;
  if (lang === 'en-US') return [d ? `${d} d` : '', h ? `${h} h` : '', m || (!d && !h) ? `${m} min` : ''].filter(Boolean).join(' ');
  return [d ? `${d}天` : '', h ? `${h}小时` : '', m || (!d && !h) ? `${m}分` : ''].filter(Boolean).join('');
}

/** An application's status binding: the one for its kind (结果审核 vs 值班长审核 at the same node), else the node's general one. */
export function applicationStatus(c: CatalogueIndex, flow: string, node: string, kind: string, lang: Lang): { text: string; textColor?: string; backgroundColor?: string } {
  const candidates = c.statusBindings.filter((b) => b.flow === flow && b.node === node);
  const b = candidates.find((x) => (x as { applicationKind?: string }).applicationKind === kind) ?? candidates.find((x) => !(x as { applicationKind?: string }).applicationKind) ?? candidates[0];
  if (!b) return { text: nodeName(c, flow, node, lang) };
  return { text: (lang === 'en-US' ? b.statusTextEn : undefined) ?? b.statusText, ...(b.textColor ? { textColor: b.textColor } : {}), ...(b.backgroundColor ? { backgroundColor: b.backgroundColor } : {}) };
}
