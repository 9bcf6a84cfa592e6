import { Table, Tag, Tooltip, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { localName, useI18n } from '../../../shared/i18n';
import { roleButtonMatrix, type MatrixRow } from './roleButtonMatrix';
import type { RuleAnswer } from './toolsApi';
import './texts';

const ENTITY_COLORS = { ticket: 'blue', task: 'purple', application: 'gold' } as const;

/** Rows: the nodes of the ticket flow and of each assigned department's task; columns: roles; cells: their buttons. */
export function RoleButtonTable({ answer, showHidden }: { answer: RuleAnswer; showHidden: boolean }) {
  const { t, lang } = useI18n('studioTools');
  const { roles, rows } = roleButtonMatrix(answer, showHidden);
  const columns: ColumnsType<MatrixRow> = [
    {
      title: t('rules.node'), key: 'node', fixed: 'left', width: 170,
      render: (_, r) => (
        <div>
          <Tag color={ENTITY_COLORS[r.entity]} style={{ marginInlineEnd: 4 }}>{r.applicationKind ? t(`rules.applicationKind.${r.applicationKind}`) : t(`rules.${r.entity}`)}</Tag>
          <Typography.Text strong>{r.nodeName}</Typography.Text>
          {r.department && <div><Typography.Text type="secondary" style={{ fontSize: 12 }}>{r.department.name}{r.taskRole ? ` · ${t(`rules.taskRole.${r.taskRole}`)}` : ''}</Typography.Text></div>}
        </div>
      ),
    },
    ...roles.map((role) => ({
      key: role.id, width: 150,
      title: <Tooltip title={role.user ? t('rules.demoUser', role.user) : t('rules.noUser')}><span>{localName(role, lang)}</span></Tooltip>,
      render: (_: unknown, r: MatrixRow) => {
        const buttons = r.cells[role.id] ?? [];
        if (buttons.length === 0) return <Typography.Text type="secondary">{t('rules.noButtons')}</Typography.Text>;
        return (
          <div style={{ display: 'flex', flexWrap: 'wrap', gap: 4 }}>
            {buttons.map((b) => (b.allowed
              ? <Tag key={b.button} color="green" style={{ marginInlineEnd: 0 }}>{localName(b, lang)}</Tag>
              : (
                <Tooltip key={b.button} title={b.reason ? (lang === 'en-US' ? b.reason.message : b.reason.messageZh) : undefined}>
                  <Tag style={{ marginInlineEnd: 0, textDecoration: 'line-through', color: '#999' }}>{localName(b, lang)}</Tag>
                </Tooltip>
              )))}
          </div>
        );
      },
    })),
  ];
  return <Table<MatrixRow> size="small" bordered rowKey="key" columns={columns} dataSource={rows} pagination={false}
    scroll={{ x: 170 + roles.length * 150 }} data-testid="rule-roles" />;
}
