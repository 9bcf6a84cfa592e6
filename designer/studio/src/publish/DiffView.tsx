import { Empty, Table, Tag, Typography } from 'antd';
import { Link } from 'react-router-dom';
import { useI18n } from '../../../shared/i18n';
import { editPath, type BundleDiff } from '../definitionsApi';
import '../texts';

interface Row { key: string; kind: string; id: string; change: 'added' | 'removed' | 'changed'; pointers: string[] }
const COLOR = { added: 'green', removed: 'red', changed: 'blue' } as const;

export function diffRows(diff: BundleDiff): Row[] {
  const rows: Row[] = [];
  const push = (kind: string, d: BundleDiff['packages']) => {
    for (const id of d.added) rows.push({ key: `${kind}/${id}/a`, kind, id, change: 'added', pointers: [] });
    for (const id of d.removed) rows.push({ key: `${kind}/${id}/r`, kind, id, change: 'removed', pointers: [] });
    for (const c of d.changed) rows.push({ key: `${kind}/${c.id}/c`, kind, id: c.id, change: 'changed', pointers: c.pointers });
  };
  push('package', diff.packages);
  for (const [kind, d] of Object.entries(diff.kinds)) push(kind, d);
  return rows;
}

/** Definitions added, removed and changed (with the JSON pointers of what changed). */
export function DiffView({ diff, empty, linkDrafts = false }: { diff: BundleDiff; empty: string; linkDrafts?: boolean }) {
  const { t } = useI18n('studio');
  const rows = diffRows(diff);
  if (rows.length === 0) return <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={empty} />;
  return (
    <Table<Row>
      size="small" rowKey="key" dataSource={rows} pagination={{ pageSize: 15, hideOnSinglePage: true }} data-testid="diff-table"
      columns={[
        { title: t('publish.kind'), dataIndex: 'kind', width: 160, render: (k: string) => (k === 'package' ? t('publish.packages') : t(`kinds.${k}`, { defaultValue: k })) },
        {
          title: t('list.id'), dataIndex: 'id', width: 220,
          render: (id: string, r) => (linkDrafts && r.kind !== 'package' && r.change !== 'removed' ? <Link to={editPath(r.kind, id)}>{id}</Link> : id),
        },
        { title: '', dataIndex: 'change', width: 90, render: (c: Row['change']) => <Tag color={COLOR[c]}>{t(`publish.${c}`)}</Tag> },
        {
          title: 'JSON Pointer', dataIndex: 'pointers',
          render: (p: string[]) => <Typography.Text style={{ fontSize: 12 }}>{p.slice(0, 8).map((x) => <Typography.Text code key={x}>{x}</Typography.Text>)}{p.length > 8 ? ` … +${p.length - 8}` : ''}</Typography.Text>,
        },
      ]}
    />
  );
}
