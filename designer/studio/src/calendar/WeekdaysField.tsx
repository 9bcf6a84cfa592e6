import type { FieldProps } from '@rjsf/utils';
import { Checkbox, Form } from 'antd';
import dayjs from 'dayjs';
import { useI18n } from '../../../shared/i18n';

const DAYS = [1, 2, 3, 4, 5, 6, 0];

/** A calendar's weekly rest days as ticked weekdays (stored as 0 = Sunday … 6 = Saturday). */
export function WeekdaysField({ formData, onChange, schema, name, disabled, readonly, fieldPathId, errorSchema }: FieldProps) {
  const { lang } = useI18n('studio');
  const value = Array.isArray(formData) ? formData as number[] : [];
  const errors = (errorSchema?.__errors as string[] | undefined) ?? [];
  const locale = lang === 'en-US' ? 'en' : 'zh-cn';
  return (
    <Form.Item label={String(schema.title ?? name)} labelCol={{ span: 24 }} required
      help={errors.length ? errors.join('；') : undefined} validateStatus={errors.length ? 'error' : undefined}>
      <div id={fieldPathId.$id}>
      <Checkbox.Group data-testid="weekend-days" disabled={disabled || readonly} value={value}
        onChange={(days) => onChange(DAYS.filter((d) => days.includes(d)).sort(), fieldPathId.path)}
        options={DAYS.map((d) => ({ value: d, label: dayjs().day(d).locale(locale).format('dddd') }))} />
      </div>
    </Form.Item>
  );
}
