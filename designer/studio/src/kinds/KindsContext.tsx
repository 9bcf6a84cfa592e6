import { createContext, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import { Result, Spin } from 'antd';
import { useI18n } from '../../../shared/i18n';
import { definitionsApi, type KindInfo } from '../definitionsApi';

interface KindsIndex {
  kinds: KindInfo[];
  kind(name: string): KindInfo | undefined;
}

const KindsContext = createContext<KindsIndex | null>(null);

/** The definition kinds and their schemas, loaded once (GET /api/definitions/kinds). */
export function KindsProvider({ children }: { children: ReactNode }) {
  const { t } = useI18n();
  const [kinds, setKinds] = useState<KindInfo[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    definitionsApi.kinds().then(setKinds, (e: Error) => setError(e.message));
  }, []);
  const value = useMemo(() => (kinds ? { kinds, kind: (name: string) => kinds.find((k) => k.kind === name) } : null), [kinds]);
  if (error) return <Result status="error" title={t('error')} subTitle={error} />;
  if (!value) return <Spin style={{ display: 'block', margin: '20vh auto' }} />;
  return <KindsContext.Provider value={value}>{children}</KindsContext.Provider>;
}

export function useKinds(): KindsIndex {
  const ctx = useContext(KindsContext);
  if (!ctx) throw new Error('useKinds outside KindsProvider');
  return ctx;
}

/** Menu groups of the kinds; a kind the server adds later lands in the last group. */
export const KIND_GROUPS: { group: string; kinds: string[] }[] = [
  { group: 'catalogue', kinds: ['domain', 'catalogueDirectory', 'item', 'itemDomainLink'] },
  { group: 'flows', kinds: ['flow', 'form', 'statusBinding', 'buttonType', 'buttonGroup', 'view'] },
  { group: 'time', kinds: ['timeLimit', 'calendar', 'attendance'] },
  { group: 'parameters', kinds: ['systemParameter', 'distributionRule', 'vocabulary', 'service', 'exportTemplate'] },
  { group: 'org', kinds: ['department', 'grid', 'user', 'role'] },
];

export function groupedKinds(kinds: KindInfo[]): { group: string; kinds: KindInfo[] }[] {
  const known = new Set(KIND_GROUPS.flatMap((g) => g.kinds));
  return KIND_GROUPS.map((g, i) => ({
    group: g.group,
    kinds: [
      ...g.kinds.map((k) => kinds.find((x) => x.kind === k)).filter((k): k is KindInfo => Boolean(k)),
      ...(i === KIND_GROUPS.length - 1 ? kinds.filter((k) => !known.has(k.kind)) : []),
    ],
  }));
}

/** Kinds the seed lets edit or delete only while disabled (DEF-2, DEF-3). */
export const EDIT_WHEN_DISABLED = new Set(['item', 'catalogueDirectory']);
