import type { WidgetProps } from '@rjsf/utils';
import { Select } from 'antd';
import { useEffect, useState } from 'react';
import { api } from '../../../../shared/api/client';

interface UserRow { id: string; name: string; login: string; department: string; departmentName?: string; roles: string[] }

/**
 * Users within the reader's data scope, searchable; `ui:options.role` narrows to a role
 * (default gridWorker, the seed's only user picker: 网格员).
 */
export function UserPicker(props: WidgetProps) {
  const { id, value, onChange, disabled, readonly, options, placeholder } = props;
  const role = typeof options.role === 'string' ? options.role : 'gridWorker';
  const [users, setUsers] = useState<UserRow[]>([]);
  const [q, setQ] = useState('');
  useEffect(() => {
    let alive = true;
    const timer = setTimeout(() => {
      // GET /api/org/users pages its answer as { total, page, pageSize, items }
      void api.get<{ items?: UserRow[] }>('/api/org/users', { role, q: q || undefined, pageSize: 50, enabled: 'true' })
        .then((r) => alive && setUsers(r.items ?? []), () => alive && setUsers([]));
    }, 200);
    return () => { alive = false; clearTimeout(timer); };
  }, [role, q]);
  return (
    <Select
      id={id}
      data-testid={`picker-${id}`}
      style={{ width: '100%' }}
      showSearch
      filterOption={false}
      onSearch={setQ}
      allowClear
      value={value}
      onChange={(v) => onChange(v ?? undefined)}
      disabled={disabled || readonly}
      placeholder={placeholder || undefined}
      options={users.map((u) => ({ value: u.id, label: `${u.name}（${u.departmentName ?? u.login}）` }))}
    />
  );
}
