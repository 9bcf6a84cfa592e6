import { Table, Tag, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useI18n } from '../../../shared/i18n';
import type { ImportEntry, ImportProblem } from './toolsApi';
import './texts';

const ACTION_COLORS: Record<ImportEntry['action'], string> = { create: 'green', update: 'blue', unchanged: 'default' };

/** Every problem of the file with its sheet, row and column, in the UI language. */
export function ImportErrorsTable({ errors }: { errors: ImportProblem[] }) {
  const { t, lang } = useI18n('studioTools');
  const columns: ColumnsType<ImportProblem> = [
    { title: t('import.sheet'), dataIndex: 'sheetName', width: 100, render: (v: string, p) => (lang === 'en-US' ? `${t(`import.sheets.${p.sheet}`)} (${v})` : v) },
    { title: t('import.row'), dataIndex: 'row', width: 64, align: 'right' },
    { title: t('import.column'), dataIndex: 'column', width: 170, render: (c: string, p) => <span>{c} · {lang === 'en-US' ? p.headerEn : p.header}</span> },
    { title: t('import.value'), dataIndex: 'value', width: 160, ellipsis: true, render: (v: string) => (v ? <Typography.Text code>{v}</Typography.Text> : '—') },
    { title: t('import.message'), key: 'message', render: (_, p) => (lang === 'en-US' ? p.message : p.messageZh) },
    { title: t('import.code'), dataIndex: 'code', width: 210, render: (c: string) => <Typography.Text type="secondary" style={{ fontSize: 12 }}>{c}</Typography.Text> },
  ];
  return <Table<ImportProblem> size="small" rowKey={(p) => `${p.sheet}/${p.row}/${p.column}/${p.code}`} columns={columns} dataSource={errors}
    pagination={errors.length > 20 ? { pageSize: 20 } : false} scroll={{ x: 900 }} data-testid="import-errors" />;
}

/** A name with its English name beside it (the UI language's first), so both can be checked before importing. */
function Names({ entry, lang }: { entry: ImportEntry; lang: string }) {
  if (!entry.nameEn) return <span>{entry.name}</span>;
  const [first, second] = lang === 'en-US' ? [entry.nameEn, entry.name] : [entry.name, entry.nameEn];
  return <span>{first} <Typography.Text type="secondary" data-testid="import-plan-other-name">· {second}</Typography.Text></span>;
}

/** What each row does (or would do): new, changed or unchanged. */
export function ImportPlanTable({ entries }: { entries: ImportEntry[] }) {
  const { t, lang } = useI18n('studioTools');
  const columns: ColumnsType<ImportEntry> = [
    { title: t('import.kind'), dataIndex: 'kind', width: 110, render: (k: string) => t(`import.${k}`) },
    { title: t('import.row'), dataIndex: 'row', width: 64, align: 'right' },
    { title: t('import.id'), dataIndex: 'id', width: 200 },
    { title: t('import.name'), dataIndex: 'name', render: (_: string, e) => <Names entry={e} lang={lang} /> },
    { title: t('import.codeCol'), dataIndex: 'code', width: 120, render: (c?: string) => c ?? '—' },
    { title: t('import.action'), dataIndex: 'action', width: 100, render: (a: ImportEntry['action']) => <Tag color={ACTION_COLORS[a]}>{t(`import.${a}`)}</Tag> },
  ];
  return <Table<ImportEntry> size="small" rowKey={(e) => `${e.kind}/${e.id}`} columns={columns} dataSource={entries}
    pagination={entries.length > 20 ? { pageSize: 20 } : false} data-testid="import-plan" />;
}
