import type { WidgetProps } from '@rjsf/utils';
import { Button, Select, Space, Tooltip } from 'antd';
import { ExportOutlined } from '@ant-design/icons';
import { useEffect, useState } from 'react';
import { Link, useInRouterContext } from 'react-router-dom';
import { useI18n } from '../../../shared/i18n';
import { editPath, type Draft } from '../definitionsApi';
import { draftsOf, optionLabel } from './refOptions';
import '../texts';

/** `ui:options` of a reference: which drafts it offers (`refWhere`: members they must equal) and a link to open the chosen one. */
export interface RefOptions {
  refWhere?: Record<string, unknown>;
  refLink?: boolean;
}

/** Whether a draft's definition has every member `where` asks for. */
export const matchesWhere = (d: Draft, where: Record<string, unknown> | undefined) =>
  !where || Object.entries(where).every(([k, v]) => (d.definition as Record<string, unknown>)[k] === v);

/** A reference to another definition (`x-ref` in the kind's schema): one or several drafts of that kind. */
export function RefSelect(props: WidgetProps) {
  const { id, value, onChange, disabled, readonly, schema, placeholder, onBlur, onFocus, options: uiOptions } = props;
  const { t } = useI18n('studio');
  const inRouter = useInRouterContext();
  const { refWhere, refLink } = (uiOptions ?? {}) as RefOptions;
  const multiple = schema.type === 'array';
  const refKind = String((multiple ? (schema.items as Record<string, unknown>)?.['x-ref'] : schema['x-ref']) ?? '');
  const [drafts, setDrafts] = useState<Draft[] | null>(null);
  useEffect(() => {
    let alive = true;
    draftsOf(refKind).then((d) => alive && setDrafts(d), () => alive && setDrafts([]));
    return () => { alive = false; };
  }, [refKind]);
  const options = (drafts ?? []).filter((d) => matchesWhere(d, refWhere)).map((d) => ({ value: d.id, label: optionLabel(d) }));
  const values: string[] = multiple ? (Array.isArray(value) ? value : []) : value ? [value as string] : [];
  for (const v of values) {
    if (!drafts || options.some((o) => o.value === v)) continue;
    // a value the filter leaves out stays visible under its name; one that names nothing is marked missing
    const known = drafts.find((d) => d.id === v);
    options.push({ value: v, label: known ? optionLabel(known) : t('editor.refMissing', { id: v }) });
  }
  const select = (
    <Select
      id={id}
      data-testid={`ref-${id}`}
      mode={multiple ? 'multiple' : undefined}
      value={multiple ? values : (value as string | undefined) ?? undefined}
      onChange={(v: string | string[] | undefined) => onChange(multiple ? v ?? [] : v ?? undefined)}
      onBlur={() => onBlur(id, value)}
      onFocus={() => onFocus(id, value)}
      disabled={disabled || readonly}
      loading={drafts === null}
      allowClear
      showSearch={{ optionFilterProp: 'label' }}
      placeholder={placeholder}
      options={options}
      style={{ width: '100%' }}
    />
  );
  if (!refLink || multiple) return select;
  const target = typeof value === 'string' && value ? editPath(refKind, value) : undefined;
  const button = <Button icon={<ExportOutlined />} disabled={!target} data-testid={`open-${id}`} aria-label={t('editor.openRef')} />;
  return (
    <Space.Compact style={{ width: '100%' }}>
      {select}
      <Tooltip title={t('editor.openRef')}>
        {target && inRouter ? <Link to={target} data-testid={`open-link-${id}`}>{button}</Link> : target ? <a href={`/studio${target}`} data-testid={`open-link-${id}`}>{button}</a> : button}
      </Tooltip>
    </Space.Compact>
  );
}
