import { Card, Empty, Space, Table, Tag, Typography } from 'antd';
import { useCatalogue } from '../../../shared/catalogue/CatalogueContext';
import { useI18n } from '../../../shared/i18n';
import { formatDateTime } from '../common/format';
import { SlaTag } from '../common/SlaTag';
import { StatusTag } from '../common/StatusTag';
import type { ActionTarget } from '../actions/useActionDialog';
import { ActionBar } from './ActionBar';
import { SplitButton } from './SplitButton';
import type { TaskView, TicketDetail } from './types';
import './texts';

/** HND: one row per department's task (任务单) with its state, stage deadline, application counts and buttons. */
export function TasksCard({ detail, onPress, onChanged }: { detail: TicketDetail; onPress(button: string, target?: ActionTarget): void; onChanged(): void }) {
  const catalogue = useCatalogue();
  const { t, lang } = useI18n('ticket');
  const columns = [
    {
      key: 'department', title: t('col.department'), width: 200,
      render: (_: unknown, task: TaskView) => (
        <Space orientation="vertical" size={0}>
          <Typography.Text strong>{catalogue.departmentName(task.department)}</Typography.Text>
          {task.parent && <Typography.Text type="secondary" style={{ fontSize: 12 }}>↳ {catalogue.departmentName(detail.tasks.find((p) => p.id === task.parent)?.department)}</Typography.Text>}
        </Space>
      ),
    },
    { key: 'role', title: t('col.role'), width: 80, render: (_: unknown, task: TaskView) => <Tag color={task.role === 'main' ? 'blue' : task.role === 'assist' ? 'cyan' : 'geekblue'}>{t(`role.${task.role}`)}</Tag> },
    { key: 'status', title: t('col.status'), width: 100, render: (_: unknown, task: TaskView) => <StatusTag flow={task.flow} node={task.node} /> },
    {
      key: 'deadline', title: t('col.deadline'), width: 150,
      render: (_: unknown, task: TaskView) => {
        const clocks = detail.sla.tasks[task.id] ?? [];
        const clock = clocks.find((c) => c.status !== 'stopped') ?? clocks.at(-1);
        if (!clock) return null;
        return <SlaTag state={clock.status === 'stopped' ? 'done' : clock.state} dueAt={clock.dueAt} explanation={clock.explanation[lang]} />;
      },
    },
    {
      key: 'counts', title: t('col.counts'), width: 170,
      render: (_: unknown, task: TaskView) => <Typography.Text type="secondary" style={{ fontSize: 12, whiteSpace: 'nowrap' }}>{t('counts', { extension: task.counts.extension ?? 0, suspension: task.counts.suspension ?? 0, return: task.counts.return ?? 0 })}</Typography.Text>,
    },
    { key: 'createdAt', title: t('col.createdAt'), width: 130, render: (_: unknown, task: TaskView) => formatDateTime(task.createdAt) },
    {
      key: 'actions', title: t('col.actions'),
      render: (_: unknown, task: TaskView) => (
        <Space size={4} wrap>
          <ActionBar size="small" actions={detail.actions.tasks[task.id]} target={{ kind: 'task', id: task.id }} onPress={onPress} testId={`task-actions-${task.department}`} />
          {task.mergedInto && <SplitButton kind="task" id={task.id} department={task.department} onDone={onChanged} />}
        </Space>
      ),
    },
  ];
  return (
    <Card size="small" title={t('tasks')} data-testid="ticket-tasks">
      {detail.tasks.length === 0 ? <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('noTasks')} /> : (
        <Table<TaskView> size="small" rowKey="id" pagination={false} columns={columns} dataSource={detail.tasks}
          onRow={(task) => ({ 'data-department': task.department, 'data-node': task.node } as React.HTMLAttributes<HTMLElement>)} scroll={{ x: 900 }} />
      )}
    </Card>
  );
}
