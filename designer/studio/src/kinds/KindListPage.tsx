import { App, Button, Card, Input, Popconfirm, Segmented, Space, Switch, Table, Tag, Tooltip, Typography } from 'antd';
import { CopyOutlined, DeleteOutlined, EditOutlined, PlusOutlined } from '@ant-design/icons';
import { useCallback, useEffect, useState } from 'react';
import { Link, useParams } from 'react-router-dom';
import dayjs from 'dayjs';
import { ApiError } from '../../../shared/api/client';
import { localName, useI18n } from '../../../shared/i18n';
import { definitionsApi, editPath, type Draft } from '../definitionsApi';
import { EDIT_WHEN_DISABLED, useKinds } from './KindsContext';
import '../texts';

type EnabledFilter = 'all' | 'true' | 'false';
const isEnabled = (d: Draft) => d.definition.enabled !== false;
const displayName = (d: Draft) => localName(d.definition as never) || String(d.definition.label ?? d.definition.login ?? d.definition.item ?? '');

/** The drafts of one kind: search, enabled filter, enable/disable, edit and delete under the seed's rules. */
export function KindListPage() {
  const { kind = '' } = useParams();
  const { kind: kindInfo } = useKinds();
  const info = kindInfo(kind);
  const { t, lang } = useI18n(['studio', 'common']);
  const { message } = App.useApp();
  const [q, setQ] = useState('');
  const [enabled, setEnabled] = useState<EnabledFilter>('all');
  const [rows, setRows] = useState<Draft[] | null>(null);
  const [busy, setBusy] = useState<string | null>(null);
  const kindName = t(`kinds.${kind}`, { defaultValue: info?.title ?? kind });
  const hasEnabled = Boolean((info?.schema.properties as Record<string, unknown> | undefined)?.enabled);
  const guarded = EDIT_WHEN_DISABLED.has(kind);

  const load = useCallback(async () => {
    setRows(null);
    const res = await definitionsApi.list(kind, { q: q || undefined, enabled: enabled === 'all' ? undefined : enabled });
    setRows(res.items);
  }, [kind, q, enabled]);
  useEffect(() => {
    load().catch((e: Error) => { setRows([]); void message.error(e instanceof ApiError ? e.localized(lang) : e.message); });
  }, [load, message, lang]);

  const fail = (e: unknown) => void message.error(e instanceof ApiError ? e.localized(lang) : String(e));
  const toggle = async (d: Draft, next: boolean) => {
    setBusy(d.id);
    try {
      await definitionsApi.put(kind, d.id, { ...d.definition, enabled: next });
      void message.success(t(next ? 'list.enabledNow' : 'list.disabledNow', { id: d.id }));
      await load();
    } catch (e) { fail(e); } finally { setBusy(null); }
  };
  const remove = async (d: Draft) => {
    setBusy(d.id);
    try {
      await definitionsApi.remove(kind, d.id);
      void message.success(t('list.deleted', { id: d.id }));
      await load();
    } catch (e) { fail(e); } finally { setBusy(null); }
  };

  return (
    <Card
      title={<Space><span data-testid="kind-title">{kindName}</span>{info && <Typography.Text type="secondary" style={{ fontWeight: 'normal', fontSize: 12 }}>{info.files.map((f) => `${f}.json`).join(' / ')}</Typography.Text>}</Space>}
      extra={<Link to={`/kinds/${kind}/new`}><Button type="primary" icon={<PlusOutlined />} data-testid="new-definition">{t('list.newOne')}</Button></Link>}
    >
      <Space style={{ marginBottom: 12 }} wrap>
        <Input.Search allowClear placeholder={t('list.search')} style={{ width: 280 }} onSearch={(v) => setQ(v.trim())} data-testid="list-search" />
        {hasEnabled && (
          <Segmented<EnabledFilter> value={enabled} onChange={setEnabled}
            options={[{ value: 'all', label: t('list.all') }, { value: 'true', label: t('list.enabled') }, { value: 'false', label: t('list.disabled') }]} />
        )}
        {guarded && <Typography.Text type="secondary">{t('list.editWhenDisabled', { kind: kindName })}</Typography.Text>}
      </Space>
      <Table<Draft>
        rowKey="id" size="small" loading={rows === null} dataSource={rows ?? []} data-testid="definition-table"
        locale={{ emptyText: t('list.empty') }}
        pagination={{ defaultPageSize: 20, showTotal: (total) => t('list.total', { total }), hideOnSinglePage: false }}
        scroll={{ x: 900 }}
        columns={[
          { title: t('list.id'), dataIndex: 'id', render: (id: string) => <Link to={editPath(kind, id)}>{id}</Link> },
          { title: t('list.name'), render: (_, d) => displayName(d) },
          { title: t('list.package'), dataIndex: 'package', width: 130, render: (p: string, d) => <Tooltip title={d.file}><Tag>{p}</Tag></Tooltip> },
          ...(hasEnabled ? [{
            title: t('list.state'), width: 110,
            render: (_: unknown, d: Draft) => (
              <Switch size="small" checked={isEnabled(d)} loading={busy === d.id} onChange={(v) => void toggle(d, v)} data-testid={`toggle-${d.id}`}
                checkedChildren={t('list.enabled')} unCheckedChildren={t('list.disabled')} />
            ),
          }] : []),
          {
            title: t('list.updated'), width: 150,
            render: (_, d) => <Tooltip title={d.updatedBy}><Typography.Text type="secondary" style={{ whiteSpace: 'nowrap' }}>{dayjs(d.updatedAt).format('YYYY-MM-DD HH:mm')}</Typography.Text></Tooltip>,
          },
          {
            title: t('list.actions'), width: 210, fixed: 'right' as const,
            render: (_, d) => {
              const locked = guarded && isEnabled(d);
              return (
                <Space size={4}>
                  <Link to={editPath(kind, d.id)}><Button size="small" type="link" icon={<EditOutlined />}>{locked ? t('list.view') : t('list.edit')}</Button></Link>
                  <Link to={`/kinds/${kind}/new?from=${encodeURIComponent(d.id)}`}><Button size="small" type="link" icon={<CopyOutlined />} data-testid={`copy-${d.id}`}>{t('list.copy')}</Button></Link>
                  <Popconfirm title={t('list.deleteConfirm', { id: d.id })} onConfirm={() => remove(d)} disabled={locked}>
                    <Tooltip title={locked ? t('list.editWhenDisabled', { kind: kindName }) : undefined}>
                      <Button size="small" type="link" danger icon={<DeleteOutlined />} disabled={locked} data-testid={`delete-${d.id}`}>{t('list.delete')}</Button>
                    </Tooltip>
                  </Popconfirm>
                </Space>
              );
            },
          },
        ]}
      />
    </Card>
  );
}
