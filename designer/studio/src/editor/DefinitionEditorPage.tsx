import { Alert, App, Button, Card, Checkbox, Col, Form, List, Row, Select, Space, Spin, Tabs, Tag, Typography } from 'antd';
import { ApartmentOutlined, ArrowLeftOutlined, SaveOutlined } from '@ant-design/icons';
import { lazy, Suspense, useEffect, useMemo, useState } from 'react';
import { Link, useNavigate, useParams, useSearchParams } from 'react-router-dom';
import { lintMessage } from '../../../../engine/lint/lintMessages';
import { ApiError } from '../../../shared/api/client';
import { useI18n } from '../../../shared/i18n';
import { definitionsApi, editPath, idOf, type Draft, type Json } from '../definitionsApi';
import { EDIT_WHEN_DISABLED, useKinds } from '../kinds/KindsContext';
import { DefinitionForm } from './DefinitionForm';
import { copiedBindings } from './copyBindings';
import { errorSchemaOf } from './errorSchema';
import { FormPreview, type PreviewForm } from './FormPreview';
import { pruneEmpty } from './kindSchema';
import { draftsOf, forgetDrafts } from './refOptions';
import { useDefinitionLint } from './useDefinitionLint';
import { validateDefinition, type SchemaError } from './validateDefinition';
import '../texts';

const JsonEditor = lazy(() => import('./JsonEditor'));

/** A new definition must not silently replace one with the same id. */
async function exists(kind: string, id: string): Promise<boolean> {
  try {
    await definitionsApi.get(kind, id);
    return true;
  } catch (e) {
    if (e instanceof ApiError && e.status === 404) return false;
    throw e;
  }
}

/** A copied flow needs the status of each node and who handles it: copies the source flow's bindings onto the copy. */
async function copyStatusBindings(from: string, to: string, pkg: string | undefined): Promise<number> {
  const { items } = await definitionsApi.list('statusBinding');
  const packageOf = new Map(items.map((b) => [b.definition, b.package]));
  const own = items.filter((b) => b.definition.flow === from).map((b) => b.definition);
  const copies = copiedBindings(own, items.map((b) => b.id), from, to);
  for (const [i, definition] of copies.entries()) {
    await definitionsApi.put('statusBinding', String(definition.id), definition, pkg ?? packageOf.get(own[i]!));
  }
  forgetDrafts('statusBinding');
  return copies.length;
}

const SEVERITY_COLOR: Record<string, string> = { error: 'red', warning: 'orange', info: 'blue' };

function usePackages(): string[] {
  const [packages, setPackages] = useState<string[]>([]);
  useEffect(() => {
    definitionsApi.versions().then((v) => setPackages(v.versions[0]?.packages.map((p) => p.name) ?? []), () => setPackages([]));
  }, []);
  return packages;
}

/** The personalised form an item or form editor previews: the edited form itself, or the item's form draft. */
function usePreviewForm(kind: string, data: Json): PreviewForm | undefined {
  const [forms, setForms] = useState<Draft[]>([]);
  useEffect(() => {
    if (kind === 'item') draftsOf('form').then(setForms, () => setForms([]));
  }, [kind]);
  if (kind === 'form') return data as PreviewForm;
  if (kind === 'item' && typeof data.form === 'string') return forms.find((f) => f.id === data.form)?.definition as PreviewForm | undefined;
  return undefined;
}

/** One definition: the form generated from its kind's schema, a JSON tab, its lint findings, save as a draft. */
export function DefinitionEditorPage({ create = false }: { create?: boolean }) {
  const { kind = '' } = useParams();
  const [search] = useSearchParams();
  const routeId = create ? undefined : search.get('id') ?? undefined;
  // "copy": a new definition starting from an existing one, under a new id
  const copyFrom = create ? search.get('from') ?? undefined : undefined;
  const { kind: kindInfo } = useKinds();
  const info = kindInfo(kind);
  const { t, lang } = useI18n(['studio', 'common']);
  const { message } = App.useApp();
  const navigate = useNavigate();
  const packages = usePackages();
  const [draft, setDraft] = useState<Draft | null>(null);
  const [data, setData] = useState<Json | null>(create && !copyFrom ? {} : null);
  const [copyBindings, setCopyBindings] = useState(true);
  const [pkg, setPkg] = useState<string | undefined>();
  const [tab, setTab] = useState('form');
  const [text, setText] = useState('');
  // a new JSON editor (with fresh text) whenever the text is replaced from outside the editor
  const [revision, setRevision] = useState(0);
  const [parseError, setParseError] = useState<string | null>(null);
  const [tried, setTried] = useState(false);
  const [serverErrors, setServerErrors] = useState<SchemaError[]>([]);
  const [saving, setSaving] = useState(false);
  const [loadError, setLoadError] = useState<string | null>(null);
  const { findings, rerun } = useDefinitionLint(kind, create ? undefined : routeId);
  const kindName = t(`kinds.${kind}`, { defaultValue: info?.title ?? kind });

  useEffect(() => {
    if (create || !routeId) return;
    setData(null);
    definitionsApi.get(kind, routeId).then((d) => { setDraft(d); setData(d.definition); }, (e: Error) => setLoadError(e instanceof ApiError ? e.localized(lang) : e.message));
  }, [kind, routeId, create, lang]);
  useEffect(() => {
    if (!copyFrom) return;
    definitionsApi.get(kind, copyFrom).then((d) => {
      setPkg(d.package);
      setData(typeof d.definition.id === 'string' ? { ...d.definition, id: `${d.definition.id}.copy` } : d.definition);
    }, (e: Error) => setLoadError(e instanceof ApiError ? e.localized(lang) : e.message));
  }, [kind, copyFrom, lang]);

  const schemaErrors = useMemo(
    () => (info && data && (tried || tab === 'json') ? validateDefinition(kind, info.schema, pruneEmpty(info.schema, data), lang) : []),
    [info, data, tried, tab, kind, lang],
  );
  const extraErrors = useMemo(() => errorSchemaOf([
    ...schemaErrors, ...serverErrors,
    ...(findings ?? []).map((f) => ({ pointer: f.at, message: `${f.code}: ${lintMessage(f, lang)}` })),
  ]), [schemaErrors, serverErrors, findings, lang]);

  const previewForm = usePreviewForm(kind, data ?? {});

  if (!info) return <Alert type="error" message={kind} />;
  if (loadError) return <Alert type="error" showIcon message={loadError} />;
  if (!data) return <Spin style={{ display: 'block', margin: '20vh auto' }} />;

  const guarded = !create && EDIT_WHEN_DISABLED.has(kind) && draft?.definition.enabled !== false;
  const preview = kind === 'item' || kind === 'form';

  const switchTab = (key: string) => {
    if (key === 'json') { setText(JSON.stringify(data, null, 2)); setParseError(null); setRevision((r) => r + 1); }
    setTab(key);
  };
  const onText = (value: string) => {
    setText(value);
    try {
      const parsed: unknown = JSON.parse(value);
      if (parsed === null || typeof parsed !== 'object' || Array.isArray(parsed)) throw new Error('{ … }');
      setData(parsed as Json);
      setParseError(null);
    } catch (e) {
      setParseError((e as Error).message);
    }
  };

  const write = async (definition: Json, successText: string) => {
    setSaving(true);
    setServerErrors([]);
    try {
      const id = idOf(kind, definition);
      const saved = await definitionsApi.put(kind, id, definition, create ? pkg : undefined);
      if (kind === 'flow' && copyFrom && copyBindings) {
        const count = await copyStatusBindings(copyFrom, id, pkg);
        void message.success(t('editor.bindingsCopied', { count }));
      }
      forgetDrafts(kind);
      void message.success(successText);
      setDraft(saved);
      setData(saved.definition);
      if (tab === 'json') { setText(JSON.stringify(saved.definition, null, 2)); setRevision((r) => r + 1); }
      if (create) navigate(editPath(kind, id), { replace: true });
      else void rerun();
    } catch (e) {
      if (e instanceof ApiError) {
        const found = (e.body.details as { findings?: SchemaError[] } | undefined)?.findings;
        if (found) setServerErrors(found.map((f) => ({ pointer: f.pointer, message: f.message })));
        void message.error(e.localized(lang));
      } else void message.error(String(e));
    } finally {
      setSaving(false);
    }
  };
  const save = async () => {
    setTried(true);
    const definition = pruneEmpty(info.schema, data) as Json;
    if (create && !pkg) { void message.error(t('editor.packageRequired')); return; }
    if (validateDefinition(kind, info.schema, definition, lang).length > 0) { void message.error(t('editor.schemaErrors', { kind: kindName })); return; }
    if (create && (await exists(kind, idOf(kind, definition)))) { void message.error(t('editor.exists', { id: idOf(kind, definition) })); return; }
    await write(definition, t('editor.saved', { id: idOf(kind, definition) }));
  };
  const setEnabled = (enabled: boolean) => draft && write({ ...draft.definition, enabled }, t(enabled ? 'list.enabledNow' : 'list.disabledNow', { id: draft.id }));

  const lintBlock = findings && findings.length > 0 && (
    <Alert type={findings.some((f) => f.severity === 'error') ? 'error' : 'warning'} showIcon style={{ marginBottom: 12 }} data-testid="definition-findings"
      message={t('editor.lintTitle', { count: findings.length })}
      description={(
        <List size="small" dataSource={findings} renderItem={(f) => (
          <List.Item style={{ padding: '2px 0' }}>
            <Space wrap size={4}><Tag color={SEVERITY_COLOR[f.severity]}>{t(`lint.${f.severity}`)}</Tag><Typography.Text code>{f.at || '/'}</Typography.Text><Typography.Text type="secondary">{f.code}</Typography.Text>{lintMessage(f, lang)}</Space>
          </List.Item>
        )} />
      )} />
  );
  const errorList = (list: SchemaError[]) => list.length > 0 && (
    <Alert type="error" showIcon style={{ marginTop: 12 }} data-testid="schema-errors" message={t('editor.schemaErrors', { kind: kindName })}
      description={<ul style={{ margin: 0, paddingInlineStart: 18 }}>{list.map((e, i) => <li key={i}><Typography.Text code>{e.pointer || '/'}</Typography.Text> {e.message}</li>)}</ul>} />
  );

  const editor = (
    <Tabs activeKey={tab} onChange={switchTab} items={[
      {
        key: 'form', label: t('editor.form'),
        children: (
          <div data-testid="definition-form">
            <DefinitionForm kind={info} data={data} onChange={setData} extraErrors={extraErrors} disabled={guarded}
              uiSchema={{
                ...(create || !info.identified ? {} : { id: { 'ui:readonly': true } }),
                ...(kind === 'calendar' ? { weekend: { 'ui:field': 'weekdays' }, holidays: { 'ui:field': 'calendarDates' }, workdays: { 'ui:field': 'calendarDates' } } : {}),
                ...(kind === 'attendance' ? { periods: { 'ui:field': 'periods' } } : {}),
              }} />
          </div>
        ),
      },
      {
        key: 'json', label: t('editor.json'),
        children: (
          <>
            <Suspense fallback={<Spin description={t('editor.loadingEditor')}><div style={{ height: 200 }} /></Spin>}>
              <JsonEditor key={revision} kind={kind} schema={info.schema} value={text} onChange={onText} readOnly={guarded} />
            </Suspense>
            {parseError && <Alert type="error" showIcon style={{ marginTop: 12 }} data-testid="json-parse-error" message={t('editor.jsonInvalid', { message: parseError })} />}
            {!parseError && errorList(schemaErrors)}
          </>
        ),
      },
    ]} />
  );

  return (
    <Card
      title={<span data-testid="editor-title">{copyFrom ? t('editor.copyTitle', { kind: kindName, id: copyFrom }) : create ? t('editor.newTitle', { kind: kindName }) : t('editor.editTitle', { kind: kindName, id: routeId })}</span>}
      extra={(
        <Space>
          <Link to={`/kinds/${kind}`}><Button icon={<ArrowLeftOutlined />}>{t('editor.back')}</Button></Link>
          {kind === 'flow' && !create && <Link to={`/flow-graph?id=${encodeURIComponent(routeId ?? '')}`}><Button icon={<ApartmentOutlined />}>{t('editor.flowGraph')}</Button></Link>}
          {!create && draft && 'enabled' in ((info.schema.properties as Json | undefined) ?? {}) && (
            draft.definition.enabled === false
              ? <Button onClick={() => void setEnabled(true)} loading={saving} data-testid="enable">{t('editor.enable')}</Button>
              : <Button danger onClick={() => void setEnabled(false)} loading={saving} data-testid="disable">{t('editor.disable')}</Button>
          )}
          <Button type="primary" icon={<SaveOutlined />} onClick={() => void save()} loading={saving} disabled={guarded || Boolean(parseError)} data-testid="save">{t('editor.save')}</Button>
        </Space>
      )}
    >
      {guarded && <Alert type="info" showIcon style={{ marginBottom: 12 }} message={t('editor.readOnlyEnabled', { kind: kindName })} data-testid="read-only" />}
      {lintBlock}
      {!create && findings && findings.length === 0 && <Alert type="success" showIcon style={{ marginBottom: 12 }} message={t('editor.noFindings')} />}
      {create && (
        <Form layout="inline" style={{ marginBottom: 12 }}>
          <Form.Item label={t('editor.package')} required>
            <Select style={{ width: 220 }} value={pkg} onChange={setPkg} options={packages.map((p) => ({ value: p, label: p }))} data-testid="package-select" id="package-select" />
          </Form.Item>
          {kind === 'flow' && copyFrom && (
            <Form.Item>
              <span data-testid="copy-bindings"><Checkbox checked={copyBindings} onChange={(e) => setCopyBindings(e.target.checked)}>{t('editor.copyBindings')}</Checkbox></span>
            </Form.Item>
          )}
        </Form>
      )}
      {tried && tab === 'form' && errorList([...schemaErrors, ...serverErrors])}
      {preview ? (
        <Row gutter={16}>
          <Col span={14} style={{ minWidth: 0 }}>{editor}</Col>
          <Col span={10} style={{ minWidth: 0 }}><div style={{ position: 'sticky', top: 16 }}><FormPreview form={previewForm} /></div></Col>
        </Row>
      ) : editor}
    </Card>
  );
}
