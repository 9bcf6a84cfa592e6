import type { WidgetProps } from '@rjsf/utils';
import { TreeSelect } from 'antd';
import { useContext, useMemo } from 'react';
import { useAuth } from '../../../../shared/auth/AuthContext';
import { useCatalogue, type OrgDepartment } from '../../../../shared/catalogue/CatalogueContext';
import { localName, useI18n } from '../../../../shared/i18n';
import { TakenDepartmentsContext } from '../takenDepartments';

interface Node { title: string; value: string; key: string; disabled?: boolean; children?: Node[] }

/**
 * Departments of the user's center as a tree (member units, their sub-units, lower centers);
 * one value or, for an array field, several. `ui:options.scope: 'all'` shows the whole organisation;
 * `ui:options.taken` greys out the departments the dialog says are taken, with the reason beside the name.
 */
export function DepartmentPicker(props: WidgetProps) {
  const { id, value, onChange, disabled, readonly, options, schema, placeholder } = props;
  const { departments } = useCatalogue().org;
  const { me } = useAuth();
  const multiple = schema.type === 'array';
  const root = options.scope === 'all' ? null : me?.center?.id ?? null;
  const provided = useContext(TakenDepartmentsContext);
  const taken = options.taken ? provided : null;
  const { lang } = useI18n('forms');
  const tree = useMemo(() => {
    const children = new Map<string | null, OrgDepartment[]>();
    for (const d of departments) {
      const list = children.get(d.parent) ?? [];
      list.push(d);
      children.set(d.parent, list);
    }
    const build = (parent: string | null): Node[] => (children.get(parent) ?? []).map((d) => {
      const sub = build(d.id);
      const name = localName(d, lang);
      const reason = taken?.get(d.id);
      return { title: reason ? (lang === 'en-US' ? `${name} (${reason})` : `${name}（${reason}）`) : name, value: d.id, key: d.id, ...(reason ? { disabled: true } : {}), ...(sub.length ? { children: sub } : {}) };
    });
    return root ? build(root) : build(null);
  }, [departments, root, taken, lang]);
  return (
    <TreeSelect
      id={id}
      data-testid={`picker-${id}`}
      style={{ width: '100%' }}
      treeData={tree}
      value={value ?? (multiple ? [] : undefined)}
      onChange={(v) => onChange(v === undefined || (Array.isArray(v) && v.length === 0) ? undefined : v)}
      multiple={multiple}
      treeCheckable={false}
      allowClear
      showSearch
      treeNodeFilterProp="title"
      treeDefaultExpandAll
      disabled={disabled || readonly}
      placeholder={placeholder || undefined}
      popupMatchSelectWidth={false}
    />
  );
}
