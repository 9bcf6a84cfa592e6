import type { WidgetProps } from '@rjsf/utils';
import { Select } from 'antd';
import { useMemo } from 'react';
import { useAuth } from '../../../../shared/auth/AuthContext';
import { useCatalogue, type OrgDepartment } from '../../../../shared/catalogue/CatalogueContext';
import { localName, useI18n } from '../../../../shared/i18n';

function OrgSelect({ props, options }: { props: WidgetProps; options: OrgDepartment[] }) {
  const { id, value, onChange, disabled, readonly, placeholder } = props;
  const { lang } = useI18n();
  return (
    <Select
      id={id}
      data-testid={`picker-${id}`}
      style={{ width: '100%' }}
      value={value ?? undefined}
      onChange={(v) => onChange(v ?? undefined)}
      options={options.map((d) => ({ value: d.id, label: localName(d, lang) }))}
      allowClear
      showSearch={{ optionFilterProp: 'label' }}
      disabled={disabled || readonly}
      placeholder={placeholder || undefined}
    />
  );
}

/** DSP-2 交办下级中心: the centers right below the user's center. */
export function LowerCenterPicker(props: WidgetProps) {
  const c = useCatalogue();
  const { me } = useAuth();
  const center = me?.center.id;
  const options = useMemo(() => c.org.departments.filter((d) => d.isCenter && d.id !== center && d.parent && c.department(d.parent)?.center === center), [c, center]);
  return <OrgSelect props={props} options={options} />;
}

/** HND-1 申请转派: the other units of the applicant's center (同级部门). */
export function SameLevelDepartmentPicker(props: WidgetProps) {
  const c = useCatalogue();
  const { me } = useAuth();
  const own = me?.user.department;
  const center = own ? c.department(own)?.center : undefined;
  const options = useMemo(() => c.org.departments.filter((d) => d.kind === 'unit' && !d.isCenter && d.center === center && d.id !== own), [c, center, own]);
  return <OrgSelect props={props} options={options} />;
}
