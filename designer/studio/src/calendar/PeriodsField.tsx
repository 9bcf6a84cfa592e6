import type { FieldProps } from '@rjsf/utils';
import { Button, Form, Space, TimePicker, Typography } from 'antd';
import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import dayjs, { type Dayjs } from 'dayjs';
import { useI18n } from '../../../shared/i18n';
import '../texts';

interface Period { start: string; end: string }
const FORMAT = 'HH:mm';
const minutes = (p: Period) => {
  const [s = 0, e = 0] = [p.start, p.end].map((v) => { const [h, m] = v.split(':').map(Number); return (h ?? 0) * 60 + (m ?? 0); });
  return Math.max(0, e - s);
};

/** An attendance scheme's working periods, one time range a row, with the working hours they make. */
export function PeriodsField({ formData, onChange, schema, name, disabled, readonly, fieldPathId, errorSchema }: FieldProps) {
  const { t } = useI18n('studio');
  const periods = Array.isArray(formData) ? formData as Period[] : [];
  const locked = Boolean(disabled || readonly);
  const set = (next: Period[]) => onChange(next, fieldPathId.path);
  const errorsAt = (i: number) => {
    const at = (errorSchema as Record<string, { __errors?: string[]; start?: { __errors?: string[] }; end?: { __errors?: string[] } }> | undefined)?.[String(i)];
    return [...(at?.__errors ?? []), ...(at?.start?.__errors ?? []), ...(at?.end?.__errors ?? [])];
  };
  const own = (errorSchema?.__errors as string[] | undefined) ?? [];
  const total = periods.reduce((sum, p) => sum + minutes(p), 0);
  return (
    <Form.Item label={`${String(schema.title ?? name)}${t('attendance.total', { hours: (total / 60).toFixed(total % 60 ? 1 : 0) })}`} labelCol={{ span: 24 }} required
      help={own.length ? own.join('；') : undefined} validateStatus={own.length ? 'error' : undefined}>
      <Space orientation="vertical" id={fieldPathId.$id} data-testid="attendance-periods">
        {periods.map((p, i) => {
          const errors = errorsAt(i);
          return (
            <Space key={i} align="start">
              <TimePicker.RangePicker format={FORMAT} minuteStep={5} disabled={locked} allowClear={false} status={errors.length ? 'error' : undefined}
                value={[p.start ? dayjs(p.start, FORMAT) : null, p.end ? dayjs(p.end, FORMAT) : null] as [Dayjs, Dayjs]}
                onChange={(range) => set(periods.map((x, j) => (j === i && range?.[0] && range[1] ? { start: range[0].format(FORMAT), end: range[1].format(FORMAT) } : x)))} />
              <Typography.Text type="secondary" style={{ lineHeight: '32px' }}>{t('attendance.hours', { hours: (minutes(p) / 60).toFixed(minutes(p) % 60 ? 1 : 0) })}</Typography.Text>
              <Button type="text" danger icon={<DeleteOutlined />} aria-label={t('list.delete')} disabled={locked || periods.length <= 1} onClick={() => set(periods.filter((_, j) => j !== i))} />
              {errors.length > 0 && <Typography.Text type="danger" style={{ lineHeight: '32px' }}>{errors.join('；')}</Typography.Text>}
            </Space>
          );
        })}
        <Button size="small" icon={<PlusOutlined />} disabled={locked} data-testid="add-period"
          onClick={() => { const last = periods.at(-1); set([...periods, last ? { start: last.end, end: last.end } : { start: '09:00', end: '17:00' }]); }}>{t('attendance.add')}</Button>
      </Space>
    </Form.Item>
  );
}
