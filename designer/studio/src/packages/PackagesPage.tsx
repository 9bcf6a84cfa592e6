import { Alert, App, Button, Card, Space, Typography, Upload } from 'antd';
import { DownloadOutlined, UploadOutlined } from '@ant-design/icons';
import { useState } from 'react';
import { ApiError } from '../../../shared/api/client';
import { useI18n } from '../../../shared/i18n';
import { definitionsApi, type Finding } from '../definitionsApi';
import { forgetDrafts } from '../editor/refOptions';
import { FindingsTable } from '../lint/FindingsTable';
import '../texts';

/** Export every draft package as one JSON file; import such a file back, all or nothing. */
export function PackagesPage() {
  const { t, lang } = useI18n('studio');
  const { message } = App.useApp();
  const [findings, setFindings] = useState<Finding[] | null>(null);
  const [busy, setBusy] = useState(false);

  const exportAll = async () => {
    const set = await definitionsApi.exportAll();
    const url = URL.createObjectURL(new Blob([JSON.stringify(set, null, 2)], { type: 'application/json' }));
    const a = document.createElement('a');
    a.href = url;
    a.download = 'tongguan-definitions.json';
    document.body.appendChild(a);
    a.click();
    a.remove();
    setTimeout(() => URL.revokeObjectURL(url), 10_000);
  };
  const importFile = async (file: File) => {
    setBusy(true);
    setFindings(null);
    try {
      const res = await definitionsApi.importAll(JSON.parse(await file.text()));
      forgetDrafts();
      void message.success(t('packages.imported', res));
    } catch (e) {
      if (e instanceof ApiError) {
        setFindings((e.body.details as { findings?: Finding[] } | undefined)?.findings ?? []);
        void message.error(e.localized(lang));
      } else void message.error(`${t('packages.importFailed')}: ${(e as Error).message}`);
    } finally {
      setBusy(false);
    }
  };
  return (
    <Card title={t('packages.title')}>
      <Space direction="vertical" style={{ width: '100%' }}>
        <Button icon={<DownloadOutlined />} onClick={() => void exportAll().catch((e: Error) => message.error(e.message))} data-testid="export">{t('packages.export')}</Button>
        <Typography.Paragraph type="secondary">{t('packages.importHint')}</Typography.Paragraph>
        <Upload accept=".json,application/json" showUploadList={false} beforeUpload={(f) => { void importFile(f); return false; }}>
          <Button icon={<UploadOutlined />} loading={busy} data-testid="import">{t('packages.import')}</Button>
        </Upload>
        {findings && <Alert type="error" showIcon message={t('packages.importFailed')} description={<FindingsTable findings={findings} />} />}
      </Space>
    </Card>
  );
}
