import type { WidgetProps } from '@rjsf/utils';
import { Select } from 'antd';
import { useMemo } from 'react';
import { useAuth } from '../../../../shared/auth/AuthContext';
import { useCatalogue } from '../../../../shared/catalogue/CatalogueContext';
import { localName, useI18n } from '../../../../shared/i18n';
import { regionsOf } from './orgTree';
import '../texts';

/** 行政区划: the regions (with a code) of the user's center and below; the value is the region code. */
export function RegionPicker(props: WidgetProps) {
  const { id, value, onChange, disabled, readonly } = props;
  const { t, lang } = useI18n('forms');
  const { org } = useCatalogue();
  const { me } = useAuth();
  const options = useMemo(() => regionsOf(org.departments, me?.center?.id).map((d) => ({ value: d.regionCode!, label: `${localName(d, lang)}（${d.regionCode}）` })), [org, me, lang]);
  return (
    <Select
      id={id}
      data-testid={`picker-${id}`}
      style={{ width: '100%' }}
      allowClear
      value={value || undefined}
      onChange={(v) => onChange(v ?? undefined)}
      disabled={disabled || readonly}
      placeholder={t('pickRegion')}
      options={options}
    />
  );
}
