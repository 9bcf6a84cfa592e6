import { CheckCircleFilled } from '@ant-design/icons';
import { App, Button, Col, Row, Space, Tabs, Typography } from 'antd';
import { useCallback, useMemo, useRef, useState } from 'react';
import { useAuth } from '../../../shared/auth/AuthContext';
import { useCatalogue } from '../../../shared/catalogue/CatalogueContext';
import { localName, useI18n } from '../../../shared/i18n';
import { validators } from '../forms/SchemaForm';
import { uploadsPending } from '../forms/widgets/uploadAttachment';
import { buildRegisterBody, registrationSource, type RegisterBody } from './buildRequest';
import { ItemInfo } from './ItemInfo';
import { MergeCandidatesModal } from './MergeCandidatesModal';
import { RecommendationsPanel } from './RecommendationsPanel';
import { hasErrors, mapServerError, splitBatchError, withoutStaleErrors } from './serverErrors';
import { registerAndMerge, registerBatch, registerOne, type Outcome } from './submitDrafts';
import { copyDraft, emptyDraft, type TicketDraft } from './ticketDraft';
import { TicketForm } from './TicketForm';
import { prepareDraft } from './useTicketForm';
import { recommendationQuery, useRecommendations, type TicketHint } from './useRecommendations';
import { validateDraft } from './validateDraft';
import './texts';
import './register.css';

/** ACC-1 事件登记: several tickets open as tabs, each registered on its own or all at once. */
export function RegisterPage() {
  const { t, lang } = useI18n(['register', 'common']);
  const catalogue = useCatalogue();
  const { me } = useAuth();
  const { message, modal } = App.useApp();
  const defaultDomain = catalogue.domains[0]?.id ?? '';
  const [drafts, setDrafts] = useState<TicketDraft[]>(() => [emptyDraft(defaultDomain)]);
  const [active, setActive] = useState(drafts[0]!.key);
  const [busy, setBusy] = useState(false);
  const roles = me?.user.roles ?? [];
  const validator = validators[lang];

  const updaters = useRef(new Map<string, (fn: (d: TicketDraft) => TicketDraft) => void>());
  const updater = useCallback((key: string) => {
    let u = updaters.current.get(key);
    if (!u) {
      u = (fn) => setDrafts((ds) => ds.map((d) => (d.key === key ? withoutStaleErrors(d, fn(d)) : d)));
      updaters.current.set(key, u);
    }
    return u;
  }, []);

  const current = drafts.find((d) => d.key === active) ?? drafts[0]!;
  const rec = useRecommendations(current.done ? undefined : recommendationQuery(current));
  const texts = useMemo(() => ({ required: t('required'), methodRequired: t('methodRequired'), opinionRequired: t('opinionRequired') }), [t]);
  // the server's field messages are Ajv's English ones: the common ones in the UI language
  const localize = useCallback((m: string) => (/must have required property|must NOT have fewer than 1 characters/.test(m) ? t('required')
    : /must match (pattern|format)/.test(m) ? t('badPattern') : m), [t]);

  const open = (d: TicketDraft) => {
    setDrafts((ds) => [...ds, d]);
    setActive(d.key);
  };
  const close = (key: string) => {
    const rest = drafts.filter((d) => d.key !== key);
    const next = rest.length > 0 ? rest : [emptyDraft(defaultDomain)];
    setDrafts(next);
    if (key === active) setActive(next[Math.max(0, drafts.findIndex((d) => d.key === key) - 1)]?.key ?? next[0]!.key);
  };
  const askClose = (key: string) => {
    const d = drafts.find((x) => x.key === key);
    const defaults = d ? prepareDraft(d, catalogue, roles, validator).form?.schema.properties ?? {} : {};
    const touched = d && !d.done && (d.opinion || Object.entries(d.fields).some(([k, v]) => k !== 'reportTime' && v !== undefined && v !== (defaults[k] as { default?: unknown } | undefined)?.default));
    if (!touched) return close(key);
    modal.confirm({ title: t('closeTabConfirm'), okText: t('common:ok'), cancelText: t('common:cancel'), onOk: () => close(key) });
  };

  /** The body of one tab with its method (submit) or the draft button (save); errors when the client already knows. */
  const prepare = (d: TicketDraft, save: boolean): { body?: RegisterBody; errors?: TicketDraft['errors'] } => {
    const { form, buttons } = prepareDraft(d, catalogue, roles, validator);
    if (save) {
      if (!buttons.draft) return { errors: { fields: {}, opinion: [], general: [t('noMethods')] } };
      return { body: { ...buildRegisterBody(d, buttons.draft.id), opinion: undefined } };
    }
    const method = buttons.methods.find((m) => m.id === d.method);
    const errors = validateDraft(d, form, method, validator, lang, texts);
    if (hasErrors(errors)) return { errors };
    return { body: { ...buildRegisterBody(d, method!.id, Boolean(method!.dialog?.schema)), ...registrationSource(roles) } };
  };

  const apply = (key: string, outcome: Outcome, button: string) => {
    updater(key)((d) => (outcome.ok
      ? { ...d, errors: undefined, done: { id: outcome.ticket.id, number: outcome.ticket.number, button } }
      : { ...d, errors: mapServerError(outcome.error, lang, localize) }));
  };

  /** A registration sent while a file is still uploading would go without it: refuse until it is done. */
  const uploading = () => {
    if (uploadsPending() === 0) return false;
    message.warning(t('uploadsPending'));
    return true;
  };

  const runOne = async (save: boolean) => {
    const d = current;
    if (d.done || uploading()) return;
    const { body, errors } = prepare(d, save);
    if (!body) {
      updater(d.key)((x) => ({ ...x, errors }));
      message.error(t('fixErrors'));
      return;
    }
    setBusy(true);
    const outcome = await registerOne(body);
    setBusy(false);
    apply(d.key, outcome, body.button);
    if (outcome.ok) message.success(t(save ? 'drafted' : 'registered', { number: outcome.ticket.number, method: localName(catalogue.button(body.button), lang) }));
    else message.error(t('fixErrors'));
  };

  const runAll = async (save: boolean) => {
    if (uploading()) return;
    const open = drafts.filter((d) => !d.done);
    if (open.length === 0) { message.info(t('nothingToSubmit')); return; }
    const prepared = open.map((d) => ({ d, ...prepare(d, save) }));
    for (const p of prepared) if (!p.body) updater(p.d.key)((x) => ({ ...x, errors: p.errors }));
    const sendable = prepared.filter((p) => p.body);
    if (sendable.length === 0) { message.error(t('fixErrors')); return; }
    setBusy(true);
    const { outcomes, whole } = await registerBatch(sendable.map((p) => p.body!));
    setBusy(false);
    if (whole) {
      const split = splitBatchError(whole, sendable.length, lang, localize);
      sendable.forEach((p, i) => updater(p.d.key)((x) => ({ ...x, errors: split[i] })));
    } else sendable.forEach((p, i) => apply(p.d.key, outcomes[i]!, p.body!.button));
    const ok = outcomes.filter((o) => o.ok).length;
    const failed = open.length - ok;
    (failed ? message.warning : message.success)(t('batchResult', { ok, failed }));
  };

  /** A tab as a draft registration for a merge: the form must be complete (the follower takes the main's step). */
  const draftForMerge = (d: TicketDraft): RegisterBody | undefined => {
    const { form, buttons } = prepareDraft(d, catalogue, roles, validator);
    if (!buttons.draft) return undefined;
    const errors = validateDraft(d, form, buttons.draft, validator, lang, texts);
    if (hasErrors(errors)) {
      updater(d.key)((x) => ({ ...x, errors }));
      message.error(t('fixErrors'));
      return undefined;
    }
    return { ...buildRegisterBody(d, buttons.draft.id), opinion: undefined };
  };

  const markMerged = (key: string, main: string) => {
    updater(key)((x) => (x.done ? { ...x, done: { ...x.done, mergedInto: main } } : x));
    const done = drafts.find((x) => x.key === key)?.done;
    message.success(t('mergedDone', { number: done?.number ?? '', main }));
  };

  const merge = async (hint: TicketHint) => {
    if (uploading()) return;
    const d = current;
    const body = draftForMerge(d);
    if (!body) return;
    setBusy(true);
    const r = await registerAndMerge(body, hint.id);
    setBusy(false);
    if (!r.registered.ok) { apply(d.key, r.registered, body.button); message.error(t('fixErrors')); return; }
    const ticket = r.registered.ticket;
    if (r.merge?.ok) {
      updater(d.key)((x) => ({ ...x, errors: undefined, done: { id: ticket.id, number: ticket.number, button: body.button, mergedInto: hint.number } }));
      message.success(t('mergedDone', { number: ticket.number, main: hint.number }));
    } else {
      apply(d.key, r.registered, body.button);
      const e = r.merge && !r.merge.ok ? r.merge.error : undefined;
      message.error(e ? (lang === 'zh-CN' ? e.messageZh ?? e.message : e.message) : t('fixErrors'));
    }
  };

  /** 查看更多: the merge candidate lists need the registration saved (as a draft) first. */
  const [candidatesFor, setCandidatesFor] = useState<{ key: string; id: string; number: string } | null>(null);
  const moreCandidates = () => {
    const d = current;
    if (d.done) {
      if (!d.done.mergedInto) setCandidatesFor({ key: d.key, id: d.done.id, number: d.done.number });
      return;
    }
    if (uploading()) return;
    const body = draftForMerge(d);
    if (!body) return;
    modal.confirm({
      title: t('saveBeforeMerge'), okText: t('common:ok'), cancelText: t('common:cancel'),
      onOk: async () => {
        const outcome = await registerOne(body);
        apply(d.key, outcome, body.button);
        if (outcome.ok) setCandidatesFor({ key: d.key, id: outcome.ticket.id, number: outcome.ticket.number });
        else message.error(t('fixErrors'));
      },
    });
  };

  const itemId = typeof current.fields.item === 'string' ? current.fields.item : undefined;
  const tabLabel = (d: TicketDraft, i: number) => {
    const title = typeof d.fields.title === 'string' && d.fields.title.trim() ? d.fields.title.trim() : t('tabTitle', { n: i + 1 });
    return (
      <span data-testid={`tab-${i}`} title={title}>
        {d.done && <CheckCircleFilled style={{ color: '#52c41a', marginInlineEnd: 4 }} />}
        {title.length > 12 ? `${title.slice(0, 12)}…` : title}
      </span>
    );
  };

  // 暂存 only where the flow offers this user a draft button at registration (a grid worker reports at once)
  const canDraft = Boolean(prepareDraft(current, catalogue, roles, validator).buttons.draft);
  const actions = (
    <Space wrap data-testid="register-actions" style={{ paddingInlineStart: 12 }}>
      <Button onClick={() => open(copyDraft(current))} disabled={busy} data-testid="copy">{t('copy')}</Button>
      {canDraft && <Button onClick={() => void runOne(true)} disabled={busy || Boolean(current.done)} data-testid="save-draft">{t('saveDraft')}</Button>}
      <Button type="primary" onClick={() => void runOne(false)} loading={busy} disabled={Boolean(current.done)} data-testid="submit">{t('submit')}</Button>
      <Button onClick={() => void runAll(false)} disabled={busy} data-testid="submit-all">{t('submitAll')}</Button>
      {canDraft && <Button onClick={() => void runAll(true)} disabled={busy} data-testid="save-all">{t('saveAll')}</Button>}
    </Space>
  );

  return (
    <div data-testid="register-page">
      <Typography.Title level={4} style={{ marginTop: 0 }}>{t('title')}</Typography.Title>
      <Tabs className="register-tabs" type="editable-card" tabBarExtraContent={actions} activeKey={current.key} onChange={setActive} addIcon={<span data-testid="add-tab" aria-label={t('addTab')}>+</span>}
        onEdit={(key, action) => (action === 'add' ? open(emptyDraft(defaultDomain)) : askClose(key as string))}
        items={drafts.map((d, i) => ({
          key: d.key, label: tabLabel(d, i), closable: true,
          children: (
            <Row gutter={16} wrap={false} data-testid="register-tab" data-active={d.key === current.key ? 'true' : 'false'}>
              <Col flex="1 1 0" style={{ minWidth: 0 }}>
                <TicketForm draft={d} onChange={updater(d.key)} busy={busy} />
              </Col>
              <Col flex="0 0 340px" style={{ minWidth: 0, position: 'sticky', top: 72, alignSelf: 'flex-start', maxHeight: 'calc(100vh - 88px)', overflowY: 'auto' }}>
                {d.key === current.key && (
                  <Space orientation="vertical" size={12} style={{ width: '100%' }}>
                    <ItemInfo item={itemId ? catalogue.item(itemId) : undefined} suggested={rec.data?.items ?? []}
                      onUse={(item) => updater(d.key)((x) => ({ ...x, fields: { ...x.fields, item } }))} />
                    <RecommendationsPanel draft={d} recommendations={rec.data} loading={rec.loading} onMerge={(h) => void merge(h)} onMore={moreCandidates} busy={busy} />
                  </Space>
                )}
              </Col>
            </Row>
          ),
        }))} />
      <MergeCandidatesModal ticket={candidatesFor} onClose={() => setCandidatesFor(null)}
        onMerged={(main) => { if (candidatesFor) markMerged(candidatesFor.key, main.number); setCandidatesFor(null); }} />
    </div>
  );
}
