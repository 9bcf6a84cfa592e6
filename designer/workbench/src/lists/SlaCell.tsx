import { Space, Typography } from 'antd';
import { useI18n } from '../../../shared/i18n';
import { SlaTag } from '../common/SlaTag';
import type { SlaCellValue } from './types';
import './texts';

/** X-5 in a list: the stage deadline and, beneath it, the ticket's overall deadline. */
export function SlaCell({ value }: { value: SlaCellValue | null | undefined }) {
  const { t } = useI18n('lists');
  if (!value || (!value.state && !value.overall)) return <SlaTag state="none" compact />;
  return (
    <Space orientation="vertical" size={2} data-testid="sla-cell">
      {value.state && (
        <span data-sla-kind="stage" style={{ whiteSpace: 'nowrap' }}>
          <Typography.Text type="secondary" style={{ fontSize: 12, marginInlineEnd: 4 }}>{t('stage')}</Typography.Text>
          <SlaTag state={value.state} dueAt={value.dueAt} />
        </span>
      )}
      {value.overall && (
        <span data-sla-kind="overall" style={{ whiteSpace: 'nowrap' }}>
          <Typography.Text type="secondary" style={{ fontSize: 12, marginInlineEnd: 4 }}>{t('overall')}</Typography.Text>
          <SlaTag state={value.overall.state} dueAt={value.overall.dueAt} />
        </span>
      )}
    </Space>
  );
}
