import type { WidgetProps } from '@rjsf/utils';
import { Select } from 'antd';
import { useEffect, useState } from 'react';
import { useI18n } from '../../../shared/i18n';
import type { Draft } from '../definitionsApi';
import { draftsOf, optionLabel } from './refOptions';
import '../texts';

/** A reference to another definition (`x-ref` in the kind's schema): one or several drafts of that kind. */
export function RefSelect(props: WidgetProps) {
  const { id, value, onChange, disabled, readonly, schema, placeholder, onBlur, onFocus } = props;
  const { t } = useI18n('studio');
  const multiple = schema.type === 'array';
  const refKind = String((multiple ? (schema.items as Record<string, unknown>)?.['x-ref'] : schema['x-ref']) ?? '');
  const [drafts, setDrafts] = useState<Draft[] | null>(null);
  useEffect(() => {
    let alive = true;
    draftsOf(refKind).then((d) => alive && setDrafts(d), () => alive && setDrafts([]));
    return () => { alive = false; };
  }, [refKind]);
  const options = (drafts ?? []).map((d) => ({ value: d.id, label: optionLabel(d) }));
  const values: string[] = multiple ? (Array.isArray(value) ? value : []) : value ? [value as string] : [];
  for (const v of values) if (drafts && !options.some((o) => o.value === v)) options.push({ value: v, label: t('editor.refMissing', { id: v }) });
  return (
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
}
