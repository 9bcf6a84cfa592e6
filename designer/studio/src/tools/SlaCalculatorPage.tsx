import { Alert, Button, Card, Col, DatePicker, Descriptions, Empty, Form, InputNumber, List, Row, Segmented, Select, Space, Tag, Typography } from 'antd';
import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import type { Dayjs } from 'dayjs';
import { useState } from 'react';
import { ApiError } from '../../../shared/api/client';
import { useI18n } from '../../../shared/i18n';
import { SourceSwitch } from './SourceSwitch';
import { toolsApi, type SlaAnswer, type SlaQuestion, type TimeUnit, type ToolSource, type Urgency } from './toolsApi';
import { useDraftOptions } from './useDraftOptions';
import './texts';

const FORMAT = 'YYYY-MM-DD HH:mm';
const UNITS: TimeUnit[] = ['workDay', 'workHour', 'naturalDay', 'naturalHour'];
const URGENCIES: Urgency[] = ['normal', 'urgent', 'veryUrgent'];

interface Values {
  limit?: string;
  amount?: number;
  unit?: TimeUnit;
  calendar?: string;
  attendance?: string;
  start?: Dayjs;
  urgency: Urgency;
  pauses?: { from?: Dayjs; to?: Dayjs }[];
}

/** The request from the form: times as typed (Beijing wall-clock time, as the calendar counts it). */
export function slaQuestion(v: Values, mode: 'limit' | 'adhoc'): SlaQuestion {
  return {
    ...(mode === 'limit' ? { limit: v.limit! } : {
      adhoc: { amount: v.amount!, unit: v.unit!, ...(v.calendar ? { calendar: v.calendar } : {}), ...(v.attendance ? { attendance: v.attendance } : {}) },
    }),
    start: v.start!.format(FORMAT),
    urgency: v.urgency,
    pauses: (v.pauses ?? []).filter((p) => p.from).map((p) => ({ from: p.from!.format(FORMAT), ...(p.to ? { to: p.to.format(FORMAT) } : {}) })),
  };
}

/** DEF-6/DEF-7 try-out: when a ticket with a limit, urgency and suspensions is due, and why. */
export function SlaCalculatorPage() {
  const { t, lang } = useI18n('studioTools');
  const [form] = Form.useForm<Values>();
  const [mode, setMode] = useState<'limit' | 'adhoc'>('limit');
  const [source, setSource] = useState<ToolSource>('published');
  const [answer, setAnswer] = useState<SlaAnswer | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const limits = useDraftOptions('timeLimit');
  const calendars = useDraftOptions('calendar');
  const attendances = useDraftOptions('attendance');

  async function calculate(values: Values) {
    setBusy(true);
    setError(null);
    try {
      setAnswer(await toolsApi.sla(slaQuestion(values, mode), source));
    } catch (e) {
      setAnswer(null);
      setError(e instanceof ApiError ? e.localized(lang) : (e as Error).message);
    } finally {
      setBusy(false);
    }
  }

  return (
    <Card title={t('calc.title')} extra={<SourceSwitch value={source} onChange={setSource} version={answer?.version} />}>
      <Row gutter={24}>
        <Col xs={24} lg={11}>
          <Form<Values> form={form} layout="vertical" initialValues={{ urgency: 'normal', unit: 'workDay', pauses: [] }} onFinish={(v) => void calculate(v)} data-testid="calc-form">
            <Form.Item>
              <Segmented value={mode} onChange={(v) => setMode(v as 'limit' | 'adhoc')} options={[{ value: 'limit', label: t('calc.modeLimit') }, { value: 'adhoc', label: t('calc.modeAdhoc') }]} data-testid="calc-mode" />
            </Form.Item>
            {mode === 'limit' ? (
              <Form.Item name="limit" label={t('calc.limit')} rules={[{ required: true, message: t('calc.pickLimit') }]}>
                <Select id="sla-limit" showSearch optionFilterProp="label" options={limits.options} placeholder={t('calc.pickLimit')} />
              </Form.Item>
            ) : (
              <Row gutter={8}>
                <Col span={8}><Form.Item name="amount" label={t('calc.amount')} rules={[{ required: true }]}><InputNumber id="calc-amount" min={0.1} style={{ width: '100%' }} /></Form.Item></Col>
                <Col span={16}><Form.Item name="unit" label={t('calc.unit')}><Select id="calc-unit" options={UNITS.map((u) => ({ value: u, label: t(`units.${u}`) }))} /></Form.Item></Col>
                <Col span={12}><Form.Item name="calendar" label={t('calc.calendar')}><Select allowClear options={calendars.options} /></Form.Item></Col>
                <Col span={12}><Form.Item name="attendance" label={t('calc.attendance')}><Select allowClear options={attendances.options} /></Form.Item></Col>
              </Row>
            )}
            <Row gutter={8}>
              <Col span={14}>
                <Form.Item name="start" label={t('calc.start')} rules={[{ required: true }]}>
                  <DatePicker id="sla-at" showTime={{ format: 'HH:mm' }} format={FORMAT} needConfirm={false} style={{ width: '100%' }} />
                </Form.Item>
              </Col>
              <Col span={10}>
                <Form.Item name="urgency" label={t('calc.urgency')}>
                  <Select id="calc-urgency" options={URGENCIES.map((u) => ({ value: u, label: t(`urgency.${u}`) }))} />
                </Form.Item>
              </Col>
            </Row>
            <Form.List name="pauses">
              {(fields, { add, remove }) => (
                <Form.Item label={t('calc.pauses')}>
                  <Space orientation="vertical" style={{ width: '100%' }}>
                    {fields.map((f) => (
                      <Space key={f.key} align="baseline" wrap>
                        <Form.Item name={[f.name, 'from']} noStyle rules={[{ required: true }]}>
                          <DatePicker showTime={{ format: 'HH:mm' }} format={FORMAT} needConfirm={false} placeholder={t('calc.from')} />
                        </Form.Item>
                        <Form.Item name={[f.name, 'to']} noStyle>
                          <DatePicker showTime={{ format: 'HH:mm' }} format={FORMAT} needConfirm={false} placeholder={t('calc.to')} />
                        </Form.Item>
                        <Button type="text" icon={<DeleteOutlined />} onClick={() => remove(f.name)} aria-label="remove" />
                      </Space>
                    ))}
                    <Button type="dashed" icon={<PlusOutlined />} onClick={() => add({})} data-testid="calc-add-pause">{t('calc.addPause')}</Button>
                  </Space>
                </Form.Item>
              )}
            </Form.List>
            <Button type="primary" htmlType="submit" loading={busy} data-testid="sla-calculate">{t('calc.calculate')}</Button>
          </Form>
        </Col>
        <Col xs={24} lg={13}>
          {error && <Alert type="error" showIcon title={error} data-testid="calc-error" />}
          {!answer && !error && <Empty description={t('calc.empty')} />}
          {answer && <SlaResult answer={answer} />}
        </Col>
      </Row>
    </Card>
  );
}

function SlaResult({ answer }: { answer: SlaAnswer }) {
  const { t, lang } = useI18n('studioTools');
  const lines = answer.explanation[lang];
  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }} data-testid="sla-answer">
      <Alert type="info" showIcon title={t('calc.summary', { start: answer.startLocal, limit: answer.limit.name, urgency: t(`urgency.${answer.urgency}`), due: answer.dueAtLocal })} />
      <Descriptions bordered size="small" column={1}>
        <Descriptions.Item label={t('calc.dueAt')}>
          <Typography.Text strong data-testid="calc-due">{answer.dueAtLocal}</Typography.Text>
          {answer.projected && <Tag color="orange" style={{ marginInlineStart: 8 }}>{t('calc.projected')}</Tag>}
        </Descriptions.Item>
        <Descriptions.Item label={t('calc.warnAt')}><span data-testid="calc-warn">{answer.warnAtLocal}</span></Descriptions.Item>
      </Descriptions>
      <List size="small" bordered header={<Typography.Text strong>{t('calc.explanation')}</Typography.Text>} dataSource={lines} data-testid="calc-explanation"
        renderItem={(line, i) => <List.Item><Typography.Text type="secondary" style={{ width: 24 }}>{i + 1}.</Typography.Text> {line}</List.Item>} />
    </Space>
  );
}

