import { Alert, Button, Card, Col, Descriptions, Empty, Form, Input, List, Row, Select, Space, Switch, Tag, Typography } from 'antd';
import { dispatchStepText } from '../../../../engine/dispatch/dispatchSteps';
import { useEffect, useState } from 'react';
import { api, ApiError } from '../../../shared/api/client';
import type { Catalogue } from '../../../shared/catalogue/CatalogueContext';
import { localName, useI18n } from '../../../shared/i18n';
import { RoleButtonTable } from './RoleButtonTable';
import { SourceSwitch } from './SourceSwitch';
import { toolsApi, type Named, type RuleAnswer, type RuleQuestion, type ToolSource, type Urgency } from './toolsApi';
import { useDraftOptions } from './useDraftOptions';
import './texts';

interface Values {
  item?: string;
  center?: string;
  grid?: string;
  urgency: Urgency;
  difficult: boolean;
  channel?: string;
  fields?: string;
}

const URGENCIES: Urgency[] = ['normal', 'urgent', 'veryUrgent'];

/** The form's fields box as an object; undefined when empty, null when it is not a JSON object. */
export function parseFields(text: string | undefined): Record<string, unknown> | undefined | null {
  if (!text || text.trim() === '') return undefined;
  try {
    const value: unknown = JSON.parse(text);
    return value !== null && typeof value === 'object' && !Array.isArray(value) ? (value as Record<string, unknown>) : null;
  } catch {
    return null;
  }
}

/** DEF-4/DEF-11 try-out: where auto-dispatch sends a ticket, and the buttons every role sees on its way. */
export function RuleTesterPage() {
  const { t, lang } = useI18n('studioTools');
  const [form] = Form.useForm<Values>();
  const [source, setSource] = useState<ToolSource>('published');
  const [answer, setAnswer] = useState<RuleAnswer | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [showHidden, setShowHidden] = useState(false);
  const [catalogue, setCatalogue] = useState<Catalogue | null>(null);
  const items = useDraftOptions('item');
  const center = Form.useWatch('center', form);

  useEffect(() => { api.get<Catalogue>('/api/workbench/catalogue').then(setCatalogue, () => undefined); }, []);
  const departments = catalogue?.org.departments ?? [];
  const centers = departments.filter((d) => d.isCenter).map((d) => ({ value: d.id, label: `${d.name} (${d.id})` }));
  const grids = (catalogue?.org.grids ?? []).filter((g) => !center || departments.find((d) => d.id === g.community)?.center === center || isBelow(departments, g.community, center))
    .map((g) => ({ value: g.id, label: g.name }));
  const channels = (catalogue?.vocabularies.find((v) => v.id === 'channel')?.entries ?? []).map((e) => ({ value: e.value, label: localName(e, lang) }));

  async function run(values: Values) {
    const fields = parseFields(values.fields);
    if (fields === null) { setError(t('rules.fieldsInvalid')); return; }
    const question: RuleQuestion = {
      item: values.item!, center: values.center!, urgency: values.urgency, difficult: values.difficult,
      ...(values.grid ? { grid: values.grid } : {}), ...(values.channel ? { channel: values.channel } : {}), ...(fields ? { fields } : {}),
    };
    setBusy(true);
    setError(null);
    try {
      setAnswer(await toolsApi.rules(question, source));
    } catch (e) {
      setAnswer(null);
      setError(e instanceof ApiError ? e.localized(lang) : (e as Error).message);
    } finally {
      setBusy(false);
    }
  }

  return (
    <Card title={t('rules.title')} extra={<SourceSwitch value={source} onChange={setSource} version={answer?.version} />}>
      <Form<Values> form={form} layout="vertical" initialValues={{ urgency: 'normal', difficult: false }} onFinish={(v) => void run(v)} data-testid="rules-form">
        <Row gutter={12}>
          <Col xs={24} md={7}><Form.Item name="item" label={t('rules.item')} rules={[{ required: true }]}><Select id="rule-item" showSearch optionFilterProp="label" options={items.options} /></Form.Item></Col>
          <Col xs={12} md={4}><Form.Item name="center" label={t('rules.center')} rules={[{ required: true }]}><Select id="rule-region" showSearch optionFilterProp="label" options={centers} onChange={() => form.setFieldValue('grid', undefined)} /></Form.Item></Col>
          <Col xs={12} md={4}><Form.Item name="grid" label={t('rules.grid')} tooltip={t('rules.gridAuto')}><Select id="rules-grid" allowClear showSearch optionFilterProp="label" options={grids} /></Form.Item></Col>
          <Col xs={8} md={3}><Form.Item name="urgency" label={t('rules.urgency')}><Select id="rules-urgency" options={URGENCIES.map((u) => ({ value: u, label: t(`urgency.${u}`) }))} /></Form.Item></Col>
          <Col xs={8} md={2}><Form.Item name="difficult" label={t('rules.difficult')} valuePropName="checked"><Switch /></Form.Item></Col>
          <Col xs={8} md={4}><Form.Item name="channel" label={t('rules.channel')}><Select id="rules-channel" allowClear options={channels} /></Form.Item></Col>
        </Row>
        <Row gutter={12} align="bottom">
          <Col xs={24} md={20}><Form.Item name="fields" label={t('rules.fields')}><Input.TextArea rows={1} autoSize={{ minRows: 1, maxRows: 4 }} placeholder='{"garbageType": "生活垃圾"}' /></Form.Item></Col>
          <Col xs={24} md={4}><Form.Item><Button type="primary" htmlType="submit" loading={busy} block data-testid="rule-run">{t('rules.run')}</Button></Form.Item></Col>
        </Row>
      </Form>
      {error && <Alert type="error" showIcon title={error} data-testid="rules-error" />}
      {!answer && !error && <Empty description={t('rules.empty')} />}
      {answer && (
        <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
          <DispatchResult answer={answer} />
          <Space style={{ width: '100%', justifyContent: 'space-between' }}>
            <Typography.Title level={5} style={{ margin: 0 }}>{t('rules.buttons')}</Typography.Title>
            <Space><Switch size="small" checked={showHidden} onChange={setShowHidden} data-testid="rules-hidden" />{t('rules.hidden')}</Space>
          </Space>
          {answer.notes.map((n) => <Alert key={n} type="info" showIcon title={t(`rules.${n}`)} />)}
          <RoleButtonTable answer={answer} showHidden={showHidden} />
        </Space>
      )}
    </Card>
  );
}

function isBelow(departments: Catalogue['org']['departments'], id: string, ancestor: string | undefined): boolean {
  for (let d = departments.find((x) => x.id === id); d; d = departments.find((x) => x.id === d!.parent)) if (d.id === ancestor) return true;
  return false;
}

function DispatchResult({ answer }: { answer: RuleAnswer }) {
  const { t, lang } = useI18n('studioTools');
  const d = answer.dispatch;
  const names = (list?: Named[]) => (list && list.length > 0 ? list.map((x) => <Tag key={x.id}>{x.name} <Typography.Text type="secondary" style={{ fontSize: 11 }}>{x.id}</Typography.Text></Tag>) : '—');
  return (
    <Row gutter={16} data-testid="rule-dispatch">
      <Col xs={24} lg={13}>
        <Descriptions bordered size="small" column={1} title={t('rules.dispatch')}>
          <Descriptions.Item label={t('rules.mode')}><Tag color={d.mode === 'none' ? 'default' : 'blue'}>{t(`rules.modes.${d.mode}`)}</Tag>{d.handling && <Tag>{t(`rules.taskRole.${d.handling === 'multi' ? 'multi' : 'main'}`)}{d.handling === 'mainAssist' ? ` + ${t('rules.taskRole.assist')}` : ''}</Tag>}</Descriptions.Item>
          {answer.grid && <Descriptions.Item label={t('rules.grid')}>{names([answer.grid])}</Descriptions.Item>}
          {d.center && <Descriptions.Item label={t('rules.target')}>{names([d.center])}</Descriptions.Item>}
          {d.main && <Descriptions.Item label={t('rules.main')}><span data-testid="rules-main">{names([d.main])}</span></Descriptions.Item>}
          {d.handling === 'mainAssist' && <Descriptions.Item label={t('rules.assists')}><span data-testid="rules-assists">{names(d.assists)}</span></Descriptions.Item>}
          {d.departments && <Descriptions.Item label={t('rules.departments')}>{names(d.departments)}</Descriptions.Item>}
          {d.subDispatch?.map((s) => (
            <Descriptions.Item key={s.department.id} label={`${t('rules.subDispatch')} · ${s.department.name}`}>{names([...(s.main ? [s.main] : []), ...(s.assists ?? []), ...(s.departments ?? [])])}</Descriptions.Item>
          ))}
        </Descriptions>
      </Col>
      <Col xs={24} lg={11}>
        <List size="small" bordered header={<Typography.Text strong>{t('rules.trace')}</Typography.Text>} dataSource={d.steps ? d.steps.map((s) => dispatchStepText(s, lang)) : d.trace} data-testid="rules-trace"
          renderItem={(line, i) => <List.Item><Typography.Text type="secondary">{i + 1}.</Typography.Text>&nbsp;<Typography.Text code>{line}</Typography.Text></List.Item>} />
      </Col>
    </Row>
  );
}
