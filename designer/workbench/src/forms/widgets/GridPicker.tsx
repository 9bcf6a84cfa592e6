import type { WidgetProps } from '@rjsf/utils';
import { Select } from 'antd';
import { useMemo } from 'react';
import { useAuth } from '../../../../shared/auth/AuthContext';
import { useCatalogue } from '../../../../shared/catalogue/CatalogueContext';
import { useI18n } from '../../../../shared/i18n';
import { gridsWithin } from './orgTree';
import '../texts';

/**
 * 所属网格: the grids of the user's center, grouped by community; narrowed to the region the form picked
 * (formContext.regionCode) when that region is a department of its own.
 */
export function GridPicker(props: WidgetProps) {
  const { id, value, onChange, disabled, readonly, registry } = props;
  const { t, lang } = useI18n('forms');
  const { org, departmentName, gridName } = useCatalogue();
  const { me } = useAuth();
  const regionCode = (registry.formContext as { regionCode?: string } | undefined)?.regionCode;
  const options = useMemo(() => {
    const region = regionCode ? org.departments.find((d) => d.regionCode === regionCode) : undefined;
    const grids = gridsWithin(org.departments, org.grids, region?.id ?? me?.center?.id ?? null);
    const groups = new Map<string, { value: string; label: string }[]>();
    for (const g of grids) groups.set(g.community, [...(groups.get(g.community) ?? []), { value: g.id, label: gridName(g.id, lang) }]);
    return [...groups].map(([community, list]) => ({ label: departmentName(community, lang), title: community, options: list }));
  }, [org, regionCode, me, departmentName, gridName, lang]);
  return (
    <Select
      id={id}
      data-testid={`picker-${id}`}
      style={{ width: '100%' }}
      showSearch={{ optionFilterProp: 'label' }}
      allowClear
      value={value || undefined}
      onChange={(v) => onChange(v ?? undefined)}
      disabled={disabled || readonly}
      placeholder={t('pickGrid')}
      options={options}
    />
  );
}
