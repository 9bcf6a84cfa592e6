import { Alert, Button, Card, Space } from 'antd';
import { ReloadOutlined } from '@ant-design/icons';
import { useCallback, useEffect, useState } from 'react';
import { useI18n } from '../../../shared/i18n';
import { definitionsApi, type LintReport } from '../definitionsApi';
import { FindingsTable } from './FindingsTable';
import '../texts';

/** Lint of all drafts as one bundle: every finding with the definition and field it names. */
export function LintPage() {
  const { t } = useI18n('studio');
  const [report, setReport] = useState<LintReport | null>(null);
  const [error, setError] = useState<string | null>(null);
  const run = useCallback(() => {
    setReport(null);
    definitionsApi.lint().then(setReport, (e: Error) => setError(e.message));
  }, []);
  useEffect(run, [run]);
  return (
    <Card title={t('lint.title')} extra={<Button icon={<ReloadOutlined />} onClick={run} data-testid="lint-run">{t('lint.run')}</Button>}>
      <Space direction="vertical" style={{ width: '100%' }}>
        {error && <Alert type="error" message={error} />}
        {report && (
          <Alert type={report.ok ? 'success' : 'error'} showIcon data-testid="lint-summary"
            message={report.ok ? t('lint.ok') : t('lint.errors', report.counts)} description={report.ok ? t('lint.errors', report.counts) : undefined} />
        )}
        <FindingsTable findings={report?.findings ?? []} loading={!report && !error} />
      </Space>
    </Card>
  );
}
