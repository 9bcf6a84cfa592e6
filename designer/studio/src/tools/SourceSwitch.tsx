import { Segmented, Space, Tooltip, Typography } from 'antd';
import { useI18n } from '../../../shared/i18n';
import type { ToolSource } from './toolsApi';
import './texts';

/** Drafts or the published bundle: which definitions a tool tries. */
export function SourceSwitch({ value, onChange, version }: { value: ToolSource; onChange: (v: ToolSource) => void; version?: number | undefined }) {
  const { t } = useI18n('studioTools');
  return (
    <Space size={8} data-testid="source-switch">
      <Typography.Text type="secondary">{t('source.label')}</Typography.Text>
      <Segmented<ToolSource> size="small" value={value} onChange={onChange} options={[
        { value: 'published', label: version ? t('source.version', { version }) : t('source.published') },
        { value: 'draft', label: <Tooltip title={t('source.draftHint')}>{t('source.draft')}</Tooltip> },
      ]} />
    </Space>
  );
}
