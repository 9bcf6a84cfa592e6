import { Alert, App, Button, Card, Empty, Space, Typography, Upload } from 'antd';
import { CheckCircleOutlined, DownloadOutlined, ImportOutlined, UploadOutlined } from '@ant-design/icons';
import { useState } from 'react';
import { useNavigate } from 'react-router-dom';
import { ApiError } from '../../../shared/api/client';
import { useI18n } from '../../../shared/i18n';
import { forgetDrafts } from '../editor/refOptions';
import { ImportErrorsTable, ImportPlanTable } from './ImportResultTables';
import { toolsApi, type ImportProblem, type ImportResult } from './toolsApi';
import './texts';

/** The problems a refused import lists in its details (400 TG_ERR_VALIDATION). */
function refusedErrors(e: unknown): ImportProblem[] | undefined {
  if (!(e instanceof ApiError)) return undefined;
  const errors = (e.body.details as { errors?: ImportProblem[] } | undefined)?.errors;
  return Array.isArray(errors) ? errors : undefined;
}

/** DEF-2/DEF-3 template download and batch import: check every row first, then import all or nothing into the drafts. */
export function CatalogueImportPage() {
  const { t, lang } = useI18n('studioTools');
  const { message } = App.useApp();
  const navigate = useNavigate();
  const [file, setFile] = useState<File | null>(null);
  const [result, setResult] = useState<ImportResult | null>(null);
  const [imported, setImported] = useState(false);
  const [busy, setBusy] = useState<'check' | 'import' | null>(null);
  const [failure, setFailure] = useState<string | null>(null);

  async function send(chosen: File, dryRun: boolean) {
    setBusy(dryRun ? 'check' : 'import');
    setFailure(null);
    try {
      const r = await toolsApi.importCatalogue(chosen, dryRun);
      setResult(r);
      setImported(!dryRun);
      if (!dryRun) {
        forgetDrafts('item');
        forgetDrafts('catalogueDirectory');
        message.success(t('import.imported', r.counts));
      }
    } catch (e) {
      const errors = refusedErrors(e);
      if (errors) setResult({ dryRun, ok: false, package: '', entries: [], counts: { create: 0, update: 0, unchanged: 0 }, errors });
      else {
        setResult(null);
        setFailure(e instanceof ApiError ? e.localized(lang) : (e as Error).message);
      }
    } finally {
      setBusy(null);
    }
  }

  const failedRows = result ? new Set(result.errors.map((p) => `${p.sheet}/${p.row}`)).size : 0;
  return (
    <Card title={t('import.title')} extra={<Button icon={<DownloadOutlined />} onClick={() => void toolsApi.downloadTemplate()} data-testid="import-template">{t('import.template')}</Button>}>
      <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
        <Typography.Paragraph type="secondary" style={{ marginBottom: 0 }}>{t('import.hint')}</Typography.Paragraph>
        <Space wrap>
          <span data-testid="import-file">
            <Upload accept=".xlsx" maxCount={1} showUploadList={false}
              beforeUpload={(f) => { setFile(f); setResult(null); setImported(false); void send(f, true); return false; }}>
              <Button icon={<UploadOutlined />}>{t('import.pick')}</Button>
            </Upload>
          </span>
          {file && <Typography.Text data-testid="import-file-name">{file.name}</Typography.Text>}
          <Button icon={<CheckCircleOutlined />} disabled={!file} loading={busy === 'check'} onClick={() => file && void send(file, true)} data-testid="import-check">{t('import.check')}</Button>
          <Button type="primary" icon={<ImportOutlined />} disabled={!file || !result?.ok || imported} loading={busy === 'import'}
            onClick={() => file && void send(file, false)} data-testid="import-run">{t('import.run')}</Button>
        </Space>
        {failure && <Alert type="error" showIcon title={failure} data-testid="import-failure" />}
        {result && !result.ok && (
          <>
            <Alert type="error" showIcon title={t('import.failed', { rows: failedRows, count: result.errors.length })} data-testid="import-summary" />
            <Typography.Title level={5} style={{ margin: 0 }}>{t('import.errorsTitle')}</Typography.Title>
            <ImportErrorsTable errors={result.errors} />
          </>
        )}
        {result?.ok && (
          <>
            <Alert type="success" showIcon data-testid="import-summary" title={t(imported ? 'import.imported' : 'import.ok', result.counts)}
              action={imported ? <Button size="small" onClick={() => navigate('/lint')}>{t('import.goPublish')}</Button> : undefined} />
            <Typography.Title level={5} style={{ margin: 0 }}>{t('import.planTitle')}</Typography.Title>
            <ImportPlanTable entries={result.entries} />
          </>
        )}
        {!result && !failure && <Empty description={t('import.empty')} />}
      </Space>
    </Card>
  );
}
