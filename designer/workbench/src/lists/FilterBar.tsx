import { DownOutlined, SearchOutlined, UpOutlined } from '@ant-design/icons';
import { Button, Col, DatePicker, Input, Row, Select, Space, TreeSelect } from 'antd';
import dayjs from 'dayjs';
import { useEffect, useMemo, useState } from 'react';
import { useAuth } from '../../../shared/auth/AuthContext';
import { useCatalogue } from '../../../shared/catalogue/CatalogueContext';
import { localName, useI18n } from '../../../shared/i18n';
import { departmentTree, itemTree, selectOptions } from './filterOptions';
import { splitFilters, type FilterInput } from './listQuery';
import type { ListView, ViewFilter } from './types';
import './texts';

export interface FilterValues {
  q: string;
  filters: Record<string, FilterInput>;
}

interface Props {
  view: Pick<ListView, 'id' | 'filters'>;
  value: FilterValues;
  onSearch(values: FilterValues): void;
}

const DAY = 'YYYY-MM-DD';

function FilterWidget({ filter, value, onChange, onEnter }: { filter: ViewFilter; value: FilterInput; onChange(v: FilterInput): void; onEnter(): void }) {
  const catalogue = useCatalogue();
  const { me } = useAuth();
  const { t, lang } = useI18n('lists');
  const name = localName(filter, lang);
  const what = lang === 'en-US' ? name.toLowerCase() : name;
  const items = useMemo(() => (filter.widget === 'item' ? itemTree(catalogue, lang) : []), [catalogue, filter.widget, lang]);
  const departments = useMemo(() => (filter.widget === 'department' ? departmentTree(catalogue.org.departments, me?.center?.id ?? null, lang) : []), [catalogue, filter.widget, me, lang]);
  const id = `filter-${filter.field}`;
  const common = { id, 'data-testid': id, style: { width: '100%' }, 'aria-label': name };
  const chosen = typeof value === 'string' && value !== '' ? value : undefined;
  switch (filter.widget) {
    case 'select':
      return <Select {...common} allowClear value={chosen} onChange={(v?: string) => onChange(v ?? null)} placeholder={t('choose', { what })} options={selectOptions(filter, catalogue, lang, t)} />;
    case 'item':
      return <TreeSelect {...common} allowClear showSearch treeNodeFilterProp="title" value={chosen} onChange={(v?: string) => onChange(v ?? null)}
        placeholder={t('choose', { what })} treeData={items} popupMatchSelectWidth={false} />;
    case 'department':
      return <TreeSelect {...common} allowClear showSearch treeNodeFilterProp="title" treeDefaultExpandAll value={chosen} onChange={(v?: string) => onChange(v ?? null)}
        placeholder={t('choose', { what })} treeData={departments} popupMatchSelectWidth={false} />;
    case 'dateRange': {
      const range = Array.isArray(value) ? value : [null, null];
      return (
        <DatePicker.RangePicker {...common} allowEmpty={[true, true]} placeholder={[t('from'), t('to')]}
          value={[range[0] ? dayjs(range[0]) : null, range[1] ? dayjs(range[1]) : null]}
          onChange={(v) => onChange(v && (v[0] || v[1]) ? [v[0]?.format(DAY) ?? null, v[1]?.format(DAY) ?? null] : null)} />
      );
    }
    default:
      return <Input {...common} allowClear value={typeof value === 'string' ? value : ''} onChange={(e) => onChange(e.target.value)} onPressEnter={onEnter} placeholder={t('placeholder', { what })} />;
  }
}

/** 查询条件: the view's primary filters as the search bar (a keyword box when it has none), the rest behind 展开/收起. */
export function FilterBar({ view, value, onSearch }: Props) {
  const { t, lang } = useI18n('lists');
  const [draft, setDraft] = useState<FilterValues>(value);
  const [open, setOpen] = useState(false);
  useEffect(() => setDraft(value), [value]);
  const { primary, more } = splitFilters(view);
  const set = (field: string, v: FilterInput) => setDraft((d) => ({ ...d, filters: { ...d.filters, [field]: v } }));
  const search = () => onSearch(draft);
  const reset = () => {
    const empty = { q: '', filters: {} };
    setDraft(empty);
    onSearch(empty);
  };
  const widget = (f: ViewFilter) => <FilterWidget filter={f} value={draft.filters[f.field]} onChange={(v) => set(f.field, v)} onEnter={search} />;
  const label = (f: ViewFilter) => <span style={{ whiteSpace: 'nowrap', color: 'rgba(0,0,0,.65)' }}>{localName(f, lang)}</span>;

  return (
    <div data-testid="filter-bar" style={{ marginBottom: 12 }}>
      <Space wrap size={[12, 8]} style={{ width: '100%' }}>
        {primary.length === 0 && (
          <Input data-testid="filter-q" allowClear style={{ width: 240 }} value={draft.q} placeholder={t('keyword')} prefix={<SearchOutlined />}
            onChange={(e) => setDraft((d) => ({ ...d, q: e.target.value }))} onPressEnter={search} />
        )}
        {primary.map((f) => (
          <Space key={f.field} size={6}>
            {label(f)}
            <div style={{ width: f.widget === 'dateRange' ? 260 : 200 }}>{widget(f)}</div>
          </Space>
        ))}
        <Button type="primary" icon={<SearchOutlined />} onClick={search} data-testid="filter-search">{t('search')}</Button>
        <Button onClick={reset} data-testid="filter-reset">{t('reset')}</Button>
        {more.length > 0 && (
          <Button type="link" onClick={() => setOpen(!open)} data-testid="filter-toggle" style={{ paddingInline: 4 }}>
            {open ? t('less') : t('more')} {open ? <UpOutlined /> : <DownOutlined />}
          </Button>
        )}
      </Space>
      {open && more.length > 0 && (
        <Row gutter={[16, 8]} style={{ marginTop: 12, marginInline: 0, padding: '12px 4px 4px', background: '#fafafa', borderRadius: 6 }} data-testid="filter-panel">
          {more.map((f) => (
            <Col key={f.field} xs={24} md={12} xl={8}>
              <div style={{ display: 'flex', alignItems: 'center', gap: 8, marginBottom: 8 }}>
                <div style={{ width: lang === 'en-US' ? 110 : 76, textAlign: 'right', flex: 'none' }}>{label(f)}</div>
                <div style={{ flex: 1, minWidth: 0 }}>{widget(f)}</div>
              </div>
            </Col>
          ))}
        </Row>
      )}
    </div>
  );
}
