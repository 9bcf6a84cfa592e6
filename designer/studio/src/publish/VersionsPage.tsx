import { Card, Select, Space, Table, Tag, Typography } from 'antd';
import { useEffect, useState } from 'react';
import dayjs from 'dayjs';
import { useI18n } from '../../../shared/i18n';
import { definitionsApi, type BundleDiff, type VersionInfo } from '../definitionsApi';
import { DiffView } from './DiffView';
import '../texts';

/** Published bundle versions, and the diff between any two. */
export function VersionsPage() {
  const { t } = useI18n('studio');
  const [data, setData] = useState<{ current: number | null; versions: VersionInfo[] } | null>(null);
  const [a, setA] = useState<number | undefined>();
  const [b, setB] = useState<number | undefined>();
  const [diff, setDiff] = useState<BundleDiff | null>(null);
  useEffect(() => {
    definitionsApi.versions().then((v) => {
      setData(v);
      setB(v.versions[0]?.version);
      setA(v.versions[1]?.version ?? v.versions[0]?.version);
    }, () => setData({ current: null, versions: [] }));
  }, []);
  useEffect(() => {
    setDiff(null);
    if (a !== undefined && b !== undefined) definitionsApi.diff(a, b).then(setDiff, () => setDiff(null));
  }, [a, b]);
  const options = (data?.versions ?? []).map((v) => ({ value: v.version, label: `V${v.version}` }));
  return (
    <Space direction="vertical" style={{ width: '100%' }}>
      <Card title={t('versions.title')} loading={!data}>
        <Table<VersionInfo> size="small" rowKey="version" dataSource={data?.versions ?? []} pagination={false} data-testid="versions-table"
          columns={[
            { title: t('versions.version'), dataIndex: 'version', width: 100, render: (v: number) => <Space>V{v}{v === data?.current && <Tag color="green">{t('versions.current')}</Tag>}</Space> },
            { title: t('versions.createdAt'), dataIndex: 'createdAt', width: 170, render: (v: number) => dayjs(v).format('YYYY-MM-DD HH:mm:ss') },
            { title: t('versions.createdBy'), dataIndex: 'createdBy', width: 120 },
            { title: t('versions.packages'), dataIndex: 'packages', render: (p: VersionInfo['packages']) => p.map((x) => <Tag key={x.name}>{x.name} {x.version}</Tag>) },
            { title: t('versions.hash'), dataIndex: 'hash', width: 160, render: (h: string) => <Typography.Text code>{h.slice(0, 12)}</Typography.Text> },
          ]} />
      </Card>
      <Card title={t('versions.compare')} extra={(
        <Space>
          {t('versions.from')}<Select style={{ width: 90 }} value={a} onChange={setA} options={options} data-testid="diff-from" />
          {t('versions.to')}<Select style={{ width: 90 }} value={b} onChange={setB} options={options} data-testid="diff-to" />
        </Space>
      )}>
        {a !== undefined && b !== undefined && <Typography.Paragraph strong>{t('versions.diffTitle', { a, b })}</Typography.Paragraph>}
        {diff ? <DiffView diff={diff} empty={t('versions.noDiff')} /> : <Typography.Text type="secondary">{t('versions.pick')}</Typography.Text>}
      </Card>
    </Space>
  );
}
