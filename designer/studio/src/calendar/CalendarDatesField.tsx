import type { FieldProps } from '@rjsf/utils';
import { Alert, Button, Checkbox, DatePicker, Form, Input, Modal, Segmented, Space, Table, Typography, Upload } from 'antd';
import { DeleteOutlined, ImportOutlined, PlusOutlined, UploadOutlined } from '@ant-design/icons';
import dayjs, { type Dayjs } from 'dayjs';
import { useMemo, useState } from 'react';
import { useI18n } from '../../../shared/i18n';
import { MAX_NAME, mergeDates, parseRows, parseText, type CalendarDate, type ParsedDates } from './calendarImport';
import { readSheet } from './readSheet';
import '../texts';

/** A calendar's holidays or make-up working days: one year at a time, added one by one or imported (pasted, csv, xlsx). */
export function CalendarDatesField(props: FieldProps) {
  const { formData, onChange, schema, disabled, readonly, errorSchema, fieldPathId, name } = props;
  const { t, lang } = useI18n('studio');
  const dates = useMemo(() => (Array.isArray(formData) ? formData as CalendarDate[] : []), [formData]);
  const years = useMemo(() => [...new Set(dates.map((d) => d.date.slice(0, 4)))].sort().reverse(), [dates]);
  const [year, setYear] = useState<string | undefined>();
  const shownYear = year && (years.includes(year) || year === 'all') ? year : years[0] ?? 'all';
  const rows = shownYear === 'all' ? dates : dates.filter((d) => d.date.startsWith(shownYear));
  const [adding, setAdding] = useState<{ date: Dayjs | null; name: string }>({ date: null, name: '' });
  const [importing, setImporting] = useState(false);
  const locked = Boolean(disabled || readonly);
  const id = fieldPathId.$id;
  const set = (next: CalendarDate[]) => onChange(next, fieldPathId.path);
  const update = (date: string, patch: Partial<CalendarDate>) => set(dates.map((d) => (d.date === date ? { ...d, ...patch } : d)));
  const add = () => {
    if (!adding.date) return;
    const date = adding.date.format('YYYY-MM-DD');
    set(mergeDates(dates, [{ date, name: adding.name.trim() || String(schema.title ?? name) }], false));
    setYear(date.slice(0, 4));
    setAdding({ date: null, name: '' });
  };
  const errors = (errorSchema?.__errors as string[] | undefined) ?? [];
  const weekday = (date: string) => dayjs(date).locale(lang === 'en-US' ? 'en' : 'zh-cn').format('ddd');

  return (
    <Form.Item label={`${schema.title ?? name}${t('calendar.count', { count: dates.length })}`} labelCol={{ span: 24 }}
      help={errors.length ? errors.join('；') : undefined} validateStatus={errors.length ? 'error' : undefined}>
      <div data-testid={`calendar-dates-${name}`} id={id}>
        <Space wrap style={{ marginBottom: 8, width: '100%', justifyContent: 'space-between' }}>
          <Segmented<string> size="small" value={shownYear} onChange={setYear} data-testid={`calendar-years-${name}`}
            options={[...years.map((y) => ({ value: y, label: y })), { value: 'all', label: t('calendar.allYears') }]} />
          <Button size="small" icon={<ImportOutlined />} disabled={locked} onClick={() => setImporting(true)} data-testid={`import-${name}`}>{t('calendar.import')}</Button>
        </Space>
        <Table<CalendarDate> size="small" rowKey="date" dataSource={rows} pagination={false} scroll={{ y: 280 }}
          locale={{ emptyText: t('calendar.empty') }} data-testid={`calendar-table-${name}`}
          columns={[
            { title: t('calendar.date'), dataIndex: 'date', width: 120 },
            { title: t('calendar.weekday'), width: 80, render: (_, d) => <Typography.Text type={[0, 6].includes(dayjs(d.date).day()) ? 'warning' : undefined}>{weekday(d.date)}</Typography.Text> },
            { title: t('calendar.name'), render: (_, d) => <Input size="small" value={d.name} disabled={locked} onChange={(e) => update(d.date, { name: e.target.value })} /> },
            { title: t('calendar.nameEn'), render: (_, d) => <Input size="small" value={d.nameEn ?? ''} disabled={locked} onChange={(e) => update(d.date, { nameEn: e.target.value || undefined })} /> },
            { title: '', width: 48, render: (_, d) => <Button size="small" type="text" danger icon={<DeleteOutlined />} disabled={locked} aria-label={t('list.delete')} onClick={() => set(dates.filter((x) => x.date !== d.date))} /> },
          ]} />
        <Space.Compact style={{ marginTop: 8 }}>
          <DatePicker size="small" value={adding.date} onChange={(date) => setAdding((a) => ({ ...a, date }))} disabled={locked} />
          <Input size="small" style={{ width: 200 }} placeholder={t('calendar.name')} value={adding.name} disabled={locked} onChange={(e) => setAdding((a) => ({ ...a, name: e.target.value }))} />
          <Button size="small" icon={<PlusOutlined />} disabled={locked || !adding.date} onClick={add}>{t('calendar.add')}</Button>
        </Space.Compact>
        {importing && <ImportDialog title={String(schema.title ?? name)} field={name} onClose={() => setImporting(false)}
          onImport={(imported, replace) => { set(mergeDates(dates, imported, replace)); setYear(imported[0]?.date.slice(0, 4)); setImporting(false); }} />}
      </div>
    </Form.Item>
  );
}

function ImportDialog({ title, field, onClose, onImport }: { title: string; field: string; onClose(): void; onImport(dates: CalendarDate[], replaceYears: boolean): void }) {
  const { t } = useI18n('studio');
  const [text, setText] = useState('');
  const [sheet, setSheet] = useState<ParsedDates | null>(null);
  const [replace, setReplace] = useState(true);
  const [readError, setReadError] = useState<string | null>(null);
  const parsed = sheet ?? parseText(text, title);
  const years = [...new Set(parsed.dates.map((d) => d.date.slice(0, 4)))];
  const read = async (file: File) => {
    setReadError(null);
    try {
      if (/\.xlsx$/i.test(file.name)) setSheet(parseRows(await readSheet(file), title));
      else { setSheet(null); setText(await file.text()); }
    } catch (e) { setReadError((e as Error).message); }
  };
  return (
    <Modal open title={t('calendar.importTitle', { title })} onCancel={onClose} width={640} destroyOnHidden
      okText={t('calendar.importOk', { count: parsed.dates.length })} okButtonProps={{ disabled: parsed.dates.length === 0, 'data-testid': `import-ok-${field}` } as never}
      onOk={() => onImport(parsed.dates, replace)}>
      <Space orientation="vertical" style={{ width: '100%' }}>
        <Typography.Text type="secondary">{t('calendar.importHelp')}</Typography.Text>
        <Input.TextArea rows={8} value={text} onChange={(e) => { setSheet(null); setText(e.target.value); }} data-testid={`import-text-${field}`}
          placeholder={'2027-01-01,元旦,New Year\'s Day\n2027-02-06 春节 Spring Festival'} style={{ fontFamily: 'monospace' }} />
        <Upload accept=".csv,.txt,.xlsx" maxCount={1} showUploadList={false} beforeUpload={(f) => { void read(f); return false; }}>
          <Button icon={<UploadOutlined />} data-testid={`import-file-${field}`}>{t('calendar.importFile')}</Button>
        </Upload>
        {readError && <Alert type="error" showIcon title={readError} />}
        {parsed.bad.length > 0 && <Alert type="warning" showIcon title={t('calendar.badLines', { lines: parsed.bad.join(', ') })} data-testid="import-bad-lines"
          description={<ul style={{ margin: 0, paddingLeft: 18 }}>{parsed.errors.slice(0, 20).map((e) => (
            <li key={`${e.row}-${e.column}`}>{t('calendar.badCell', { row: e.row, column: t(`calendar.columns.${e.column}`), problem: t(`calendar.problems.${e.problem}`, { value: e.value, max: MAX_NAME }) })}</li>
          ))}</ul>} />}
        {parsed.dates.length > 0 && <Alert type="info" showIcon title={t('calendar.parsed', { count: parsed.dates.length, years: years.join(', ') })} data-testid="import-parsed" />}
        <Checkbox checked={replace} onChange={(e) => setReplace(e.target.checked)}>{t('calendar.replaceYears')}</Checkbox>
      </Space>
    </Modal>
  );
}
