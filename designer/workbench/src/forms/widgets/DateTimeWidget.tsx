import type { WidgetProps } from '@rjsf/utils';
import { DatePicker } from 'antd';
import dayjs from 'dayjs';
import { useI18n } from '../../../../shared/i18n';
import '../texts';

/** A date-time as the seed's pickers show it; the value is ISO 8601 with the local offset. */
export function DateTimeWidget(props: WidgetProps) {
  const { id, value, onChange, disabled, readonly } = props;
  const { t } = useI18n('forms');
  const parsed = typeof value === 'string' && value ? dayjs(value) : null;
  return (
    <DatePicker
      id={id}
      data-testid={`picker-${id}`}
      showTime
      style={{ width: '100%' }}
      format="YYYY-MM-DD HH:mm:ss"
      value={parsed?.isValid() ? parsed : null}
      onChange={(d) => onChange(d ? d.format('YYYY-MM-DDTHH:mm:ssZ') : undefined)}
      disabled={disabled || readonly}
      placeholder={t('pickDateTime')}
    />
  );
}
