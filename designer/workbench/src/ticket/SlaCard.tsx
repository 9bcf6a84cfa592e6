import { Card, Collapse, Empty, Space, Typography } from 'antd';
import { useCatalogue } from '../../../shared/catalogue/CatalogueContext';
import { useI18n } from '../../../shared/i18n';
import { SlaTag } from '../common/SlaTag';
import { formatSpan, nodeName } from './names';
import type { SlaClockView, TicketDetail } from './types';
import './texts';

/** The limit that applies: the urgency's own amount when the ticket's urgency has one, else the limit's. */
export function limitLine(clock: SlaClockView, lang: 'zh-CN' | 'en-US'): string {
  const lines = clock.explanation[lang].split('\n');
  return lines.find((l) => l.startsWith('紧急程度') || l.startsWith('Urgency')) ?? (lang === 'en-US' ? lines[0] ?? clock.limitName : clock.limitName);
}

/** One deadline: its name, state and due time, what is left, and the engine's step-by-step explanation. */
export function ClockLine({ clock, title }: { clock: SlaClockView; title: string }) {
  const { t, lang } = useI18n('ticket');
  const left = clock.remaining >= 0 ? t('remaining', { time: formatSpan(clock.remaining, lang, clock.kind) }) : t('overdueBy', { time: formatSpan(clock.remaining, lang, clock.kind) });
  return (
    <div className="tg-clock" data-testid={`clock-${clock.key}`} data-state={clock.state}>
      <Space wrap size={6}>
        <Typography.Text strong>{title}</Typography.Text>
        <SlaTag state={clock.status === 'stopped' ? 'done' : clock.state} dueAt={clock.dueAt} explanation={clock.explanation[lang]} />
        {clock.status !== 'stopped' && <Typography.Text type={clock.remaining < 0 ? 'danger' : 'secondary'}>{left}</Typography.Text>}
        {clock.status === 'paused' && <Typography.Text type="warning">{t('pausedNote')}</Typography.Text>}
      </Space>
      <Typography.Text type="secondary" style={{ display: 'block', fontSize: 12 }}>{limitLine(clock, lang)}</Typography.Text>
    </div>
  );
}

/** the overall deadline and the ticket's stage deadlines, each with why it is what it is. */
export function SlaCard({ detail }: { detail: TicketDetail }) {
  const catalogue = useCatalogue();
  const { t, lang } = useI18n('ticket');
  const { overall, ticket } = detail.sla;
  // the stage the ticket is in now, plus earlier ones still running (returned tickets re-enter)
  const stages = ticket.filter((c) => c.status !== 'stopped' || c.node === detail.ticket.node);
  const clocks: { clock: SlaClockView; title: string }[] = [
    ...(overall ? [{ clock: overall, title: t('display:overall') }] : []),
    ...stages.map((c) => ({ clock: c, title: t('stageOf', { node: nodeName(catalogue, detail.ticket.flow, c.node, lang) }) })),
  ];
  return (
    <Card size="small" title={t('deadlines')} data-testid="ticket-sla">
      {clocks.length === 0 ? <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('noDeadline')} /> : (
        <Space orientation="vertical" style={{ width: '100%' }} size={10}>
          {clocks.map((c) => <ClockLine key={c.clock.key} {...c} />)}
          <Collapse
            size="small"
            data-testid="sla-explanation"
            items={clocks.map((c) => ({
              key: c.clock.key,
              label: `${t('explanation')} · ${c.title}`,
              children: <Typography.Paragraph style={{ whiteSpace: 'pre-line', marginBottom: 0, fontSize: 12 }}>{c.clock.explanation[lang]}</Typography.Paragraph>,
            }))}
          />
        </Space>
      )}
    </Card>
  );
}
