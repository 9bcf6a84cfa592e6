import { createContext, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import { Result, Spin } from 'antd';
import type { ButtonGroup, ButtonType } from '../../../definitions/schemas/button';
import type { CatalogueDirectory, Item } from '../../../definitions/schemas/catalogue';
import type { Domain } from '../../../definitions/schemas/domain';
import type { Form } from '../../../definitions/schemas/form';
import type { StatusBinding } from '../../../definitions/schemas/status-binding';
import type { Vocabulary } from '../../../definitions/schemas/vocabulary';
import type { SystemParameter } from '../../../definitions/schemas/parameters';
import { api } from '../api/client';
import { currentLang, localName, useI18n, type Lang } from '../i18n';

export interface FlowNames {
  id: string;
  name: string;
  nameEn?: string;
  entity?: string;
  nodes: Record<string, { name: string; nameEn?: string }>;
  initial?: string;
  /** The flow's transitions by button (`from` may hold "*": every node that is not final; no `to`: the node stays). */
  transitions?: { from: string[]; button: string; to?: string }[];
}

/** GET /api/workbench/catalogue: the published definitions the screens are generated from. */
export interface Catalogue {
  version: number;
  hash: string;
  domains: Domain[];
  directories: CatalogueDirectory[];
  items: Item[];
  forms: Form[];
  vocabularies: Vocabulary[];
  buttonTypes: ButtonType[];
  buttonGroups: ButtonGroup[];
  statusBindings: StatusBinding[];
  flows: FlowNames[];
  systemParameters: SystemParameter[];
  roles: { id: string; name: string; nameEn?: string }[];
  org: {
    departments: OrgDepartment[];
    grids: { id: string; name: string; nameEn?: string; community: string }[];
  };
}

export interface OrgDepartment {
  id: string;
  name: string;
  nameEn?: string;
  parent: string | null;
  kind: 'region' | 'unit' | 'community';
  level: string;
  /** The command center the department belongs to. */
  center: string | null;
  isCenter: boolean;
  regionCode?: string;
}

/** Lookups built once per catalogue. */
export interface CatalogueIndex extends Catalogue {
  item(id: string): Item | undefined;
  form(id: string): Form | undefined;
  button(id: string): ButtonType | undefined;
  vocabulary(id: string): Vocabulary | undefined;
  /** The status binding of a node in a flow (colours, text). */
  binding(flow: string, node: string): StatusBinding | undefined;
  parameter(id: string): unknown;
  department(id: string): OrgDepartment | undefined;
  /** The department's name in `lang` (default: the UI language; the Chinese name where it has no English one). */
  departmentName(id: string | null | undefined, lang?: Lang): string;
  /** The grid's name in `lang` (default: the UI language; the Chinese name where it has no English one). */
  gridName(id: string | null | undefined, lang?: Lang): string;
}

export function indexCatalogue(c: Catalogue): CatalogueIndex {
  const by = <T extends { id: string }>(list: T[]) => new Map(list.map((x) => [x.id, x]));
  const items = by(c.items), forms = by(c.forms), buttons = by(c.buttonTypes), vocabularies = by(c.vocabularies), params = by(c.systemParameters);
  const bindings = new Map(c.statusBindings.map((b) => [`${b.flow}#${b.node}`, b]));
  const departments = by(c.org.departments), grids = by(c.org.grids);
  return {
    ...c,
    item: (id) => items.get(id),
    form: (id) => forms.get(id),
    button: (id) => buttons.get(id),
    vocabulary: (id) => vocabularies.get(id),
    binding: (flow, node) => bindings.get(`${flow}#${node}`),
    parameter: (id) => (params.get(id) as { value?: unknown } | undefined)?.value,
    department: (id) => departments.get(id),
    departmentName: (id, lang = currentLang()) => (id ? localName(departments.get(id), lang) || id : ''),
    gridName: (id, lang = currentLang()) => (id ? localName(grids.get(id), lang) || id : ''),
  };
}

const CatalogueContext = createContext<CatalogueIndex | null>(null);

export function CatalogueProvider({ children }: { children: ReactNode }) {
  const { t } = useI18n();
  const [catalogue, setCatalogue] = useState<Catalogue | null>(null);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    api.get<Catalogue>('/api/workbench/catalogue').then(setCatalogue, (e: Error) => setError(e.message));
  }, []);
  const index = useMemo(() => (catalogue ? indexCatalogue(catalogue) : null), [catalogue]);
  if (error) return <Result status="error" title={t('error')} subTitle={error} />;
  if (!index) return <Spin style={{ display: 'block', margin: '20vh auto' }} description={t('loading')}><div /></Spin>;
  return <CatalogueContext.Provider value={index}>{children}</CatalogueContext.Provider>;
}

export function useCatalogue(): CatalogueIndex {
  const ctx = useContext(CatalogueContext);
  if (!ctx) throw new Error('useCatalogue outside CatalogueProvider');
  return ctx;
}
