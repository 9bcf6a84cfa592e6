import { App, Col, Result, Row, Skeleton, Space } from 'antd';
import { useMemo, useState } from 'react';
import { useParams } from 'react-router-dom';
import { api, ApiError } from '../../../shared/api/client';
import { useCatalogue } from '../../../shared/catalogue/CatalogueContext';
import { useI18n } from '../../../shared/i18n';
import { useActionDialog, type ActionTarget } from '../actions/useActionDialog';
import { ApplicationsCard } from './ApplicationsCard';
import { ChangesCard } from './ChangesCard';
import { useEditFields } from './EditFields';
import { FieldsCard } from './FieldsCard';
import { ticketForms } from './fieldRows';
import { SlaCard } from './SlaCard';
import { TasksCard } from './TasksCard';
import { TicketHeader } from './TicketHeader';
import { TimelineCard } from './TimelineCard';
import { useTicketDetail } from './useTicketDetail';
import './texts';

/** The ticket detail (`/tickets/:id`): generated from the detail the engine gives this user. */
export function TicketPage() {
  const { id } = useParams();
  const catalogue = useCatalogue();
  const { t, lang } = useI18n('ticket');
  const { message } = App.useApp();
  const { detail, error, loading, reload } = useTicketDetail(id);
  const { run, element } = useActionDialog();
  const edit = useEditFields(detail, reload);
  const [exporting, setExporting] = useState(false);
  const forms = useMemo(() => (detail ? ticketForms(catalogue, detail.ticket.domain, detail.ticket.item) : []), [catalogue, detail]);

  if (error && !detail) {
    const status = error instanceof ApiError && error.status === 404 ? '404' : error instanceof ApiError && error.status === 403 ? '403' : 'error';
    return <Result status={status} title={t('notFound')} subTitle={error instanceof ApiError ? error.localized(lang) : error.message} />;
  }
  if (!detail) return <Skeleton active paragraph={{ rows: 12 }} />;

  const press = async (button: string, target?: ActionTarget) => {
    const done = await run({ ticketId: detail.ticket.id, button, ...(target ? { target } : {}), version: detail.ticket.version, detail });
    if (done) await reload();
  };
  const exportDocx = async () => {
    setExporting(true);
    try {
      await api.download(`/api/tickets/${encodeURIComponent(detail.ticket.id)}/export.docx`, undefined, `${detail.ticket.number}.docx`);
      message.success(t('exported'));
    } catch (e) {
      message.error(e instanceof ApiError ? e.localized(lang) : String(e));
    } finally {
      setExporting(false);
    }
  };

  return (
    <div data-testid="ticket-page" data-ticket={detail.ticket.id} data-node={detail.ticket.node} data-version={detail.ticket.version}>
      <Space orientation="vertical" size={12} style={{ width: '100%' }}>
        <TicketHeader detail={detail} loading={loading} exporting={exporting} onReload={() => void reload()} onExport={() => void exportDocx()} onPress={(b, tg) => void press(b, tg)} />
        <TasksCard detail={detail} onPress={(b, tg) => void press(b, tg)} onChanged={() => void reload()} />
        {detail.applications.length > 0 && <ApplicationsCard detail={detail} onPress={(b, tg) => void press(b, tg)} />}
        <Row gutter={[12, 12]}>
          <Col xs={24} xl={15}>
            <Space orientation="vertical" size={12} style={{ width: '100%' }}>
              <FieldsCard detail={detail} forms={forms} extra={edit.trigger} />
              <ChangesCard detail={detail} forms={forms} />
            </Space>
          </Col>
          <Col xs={24} xl={9}>
            <Space orientation="vertical" size={12} style={{ width: '100%' }}>
              <SlaCard detail={detail} />
              <TimelineCard detail={detail} />
            </Space>
          </Col>
        </Row>
      </Space>
      {element}
      {edit.element}
    </div>
  );
}
