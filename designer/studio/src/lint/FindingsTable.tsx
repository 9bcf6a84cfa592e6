import { Table, Tag, Typography } from 'antd';
import { Link } from 'react-router-dom';
import { lintMessage } from '../../../../engine/lint/lintMessages';
import { useI18n } from '../../../shared/i18n';
import { editPath, pointerInDefinition, type Finding } from '../definitionsApi';
import '../texts';

const COLOR: Record<string, string> = { error: 'red', warning: 'orange', info: 'blue' };

/** Lint findings with the definition and field each points at (links open the editor there). */
export function FindingsTable({ findings, loading }: { findings: Finding[]; loading?: boolean }) {
  const { t, lang } = useI18n('studio');
  return (
    <Table<Finding>
      size="small" loading={loading} dataSource={findings} rowKey={(f, i) => `${f.code}|${f.file ?? ''}|${f.pointer}|${i}`} data-testid="findings-table"
      locale={{ emptyText: t('lint.none') }} pagination={{ pageSize: 20, hideOnSinglePage: true }}
      columns={[
        { title: t('lint.severity'), dataIndex: 'severity', width: 80, render: (s: string) => <Tag color={COLOR[s]}>{t(`lint.${s}`)}</Tag> },
        { title: t('lint.code'), dataIndex: 'code', width: 300, render: (c: string) => <Typography.Text code>{c}</Typography.Text> },
        {
          title: t('lint.definition'), width: 260,
          render: (_, f) => f.definition
            ? <Link to={editPath(f.definition.kind, f.definition.id)}>{t(`kinds.${f.definition.kind}`, { defaultValue: f.definition.kind })} · {f.definition.id}</Link>
            : <Typography.Text type="secondary">{f.file ?? ''}</Typography.Text>,
        },
        { title: t('lint.where'), width: 200, render: (_, f) => <Typography.Text code>{(f.definition ? pointerInDefinition(f) : f.pointer) || '/'}</Typography.Text> },
        { title: t('lint.message'), render: (_, f) => <span data-testid="finding-message">{lintMessage(f, lang)}</span> },
      ]}
    />
  );
}
