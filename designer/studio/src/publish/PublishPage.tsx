import { Alert, App, Button, Card, Modal, Result, Space, Typography } from 'antd';
import { CloudUploadOutlined } from '@ant-design/icons';
import { useCallback, useEffect, useState } from 'react';
import { Link } from 'react-router-dom';
import { ApiError } from '../../../shared/api/client';
import { useI18n } from '../../../shared/i18n';
import { definitionsApi, type BundleDiff, type Finding, type LintReport } from '../definitionsApi';
import { FindingsTable } from '../lint/FindingsTable';
import { DiffView, diffRows } from './DiffView';
import '../texts';

type Pending = BundleDiff & { running: { version: number; hash: string } };

/** Publish: the drafts' changes against the running version, lint status, and the new bundle version. */
export function PublishPage() {
  const { t, lang } = useI18n('studio');
  const { message } = App.useApp();
  const [pending, setPending] = useState<Pending | null>(null);
  const [lint, setLint] = useState<LintReport | null>(null);
  const [refused, setRefused] = useState<Finding[] | null>(null);
  const [published, setPublished] = useState<{ version: number; diff: BundleDiff } | null>(null);
  const [busy, setBusy] = useState(false);
  const [confirming, setConfirming] = useState(false);

  const load = useCallback(() => {
    setPending(null);
    setLint(null);
    definitionsApi.pendingDiff().then(setPending, (e: Error) => void message.error(e.message));
    definitionsApi.lint().then(setLint, (e: Error) => void message.error(e.message));
  }, [message]);
  useEffect(load, [load]);

  const publish = async () => {
    setBusy(true);
    try {
      const res = await definitionsApi.publish();
      setConfirming(false);
      setPublished({ version: res.version, diff: res.diff });
      setRefused(null);
      void message.success(t('publish.published', { version: res.version }));
    } catch (e) {
      setConfirming(false);
      if (e instanceof ApiError) {
        setRefused((e.body.details as { findings?: Finding[] } | undefined)?.findings ?? []);
        void message.error(e.localized(lang));
      } else void message.error(String(e));
    } finally {
      setBusy(false);
    }
  };

  if (published) {
    return (
      <Card>
        <Result status="success" title={<span data-testid="published">{t('publish.published', { version: published.version })}</span>}
          extra={<Space><Link to="/versions"><Button>{t('menu.versions')}</Button></Link><Button onClick={() => { setPublished(null); load(); }}>{t('publish.title')}</Button></Space>} />
        <DiffView diff={published.diff} empty={t('publish.noChanges')} />
      </Card>
    );
  }
  const errors = lint?.counts.error ?? 0;
  const changes = pending ? diffRows(pending).length : 0;
  return (
    <Card title={t('publish.title')} loading={!pending || !lint}
      extra={(
        <Button type="primary" icon={<CloudUploadOutlined />} disabled={!lint || errors > 0 || changes === 0} onClick={() => setConfirming(true)} data-testid="publish">
          {t('publish.publish')}
        </Button>
      )}>
      <Space direction="vertical" style={{ width: '100%' }}>
        {pending && <Typography.Text type="secondary" data-testid="running-version">{t('publish.running', { version: pending.running.version })}</Typography.Text>}
        {lint && errors > 0 && (
          <Alert type="error" showIcon data-testid="publish-blocked" message={t('publish.blocked', { count: errors })}
            action={<Link to="/lint"><Button size="small">{t('publish.goLint')}</Button></Link>} />
        )}
        {lint && errors > 0 && <FindingsTable findings={lint.findings.filter((f) => f.severity === 'error')} />}
        {refused && <Alert type="error" showIcon message={t('publish.refused')} description={<FindingsTable findings={refused} />} />}
        <Typography.Title level={5} style={{ marginTop: 8 }}>{t('publish.pending')}</Typography.Title>
        {pending && <DiffView diff={pending} empty={t('publish.noChanges')} linkDrafts />}
      </Space>
      <Modal open={confirming} title={t('publish.confirmTitle')} onOk={() => void publish()} confirmLoading={busy} onCancel={() => setConfirming(false)} width={820}
        okButtonProps={{ 'data-testid': 'publish-confirm' } as never}>
        <Typography.Paragraph>{t('publish.confirm')}</Typography.Paragraph>
        {pending && <DiffView diff={pending} empty={t('publish.noChanges')} />}
      </Modal>
    </Card>
  );
}
