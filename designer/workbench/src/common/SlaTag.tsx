import { Tag, Tooltip } from 'antd';
import dayjs from 'dayjs';
import { useI18n } from '../../../shared/i18n';
import './texts';

export type SlaState = 'normal' | 'warning' | 'overdue' | 'paused' | 'done' | 'none';

export const SLA_COLORS: Record<SlaState, string> = {
  normal: 'green', warning: 'orange', overdue: 'red', paused: 'default', done: 'blue', none: 'default',
};

/** A deadline state (normal, warning, overdue, paused) with its due time; `explanation` shows on hover. */
export function SlaTag({ state, dueAt, explanation, compact }: { state: string | null | undefined; dueAt?: number | null; explanation?: string; compact?: boolean }) {
  const { t } = useI18n('display');
  const s = (state ?? 'none') as SlaState;
  const tag = (
    <Tag color={SLA_COLORS[s] ?? 'default'} data-sla={s} style={{ marginInlineEnd: 0 }}>
      {t(`sla.${s}`, { defaultValue: s })}
      {!compact && dueAt ? ` · ${dayjs(dueAt).format('MM-DD HH:mm')}` : ''}
    </Tag>
  );
  const tip = [dueAt ? t('due', { time: dayjs(dueAt).format('YYYY-MM-DD HH:mm') }) : '', explanation ?? ''].filter(Boolean).join('\n');
  return tip ? <Tooltip title={<span style={{ whiteSpace: 'pre-line' }}>{tip}</span>}>{tag}</Tooltip> : tag;
}
