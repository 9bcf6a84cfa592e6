import { Button, Card, Empty, Input, List, Popconfirm, Select, Space, Tabs, Tag, Tooltip, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { Link } from 'react-router-dom';
import { api } from '../../../shared/api/client';
import { useI18n } from '../../../shared/i18n';
import { formatDateTime } from '../common/format';
import { StatusTag } from '../common/StatusTag';
import type { TicketDraft } from './ticketDraft';
import { recommendationQuery, useRecommendations, type KnowledgeHint, type Recommendations, type TicketHint } from './useRecommendations';
import './texts';

interface Props {
  draft: TicketDraft;
  recommendations: Recommendations | null;
  loading: boolean;
  /** ACC-3: register this tab and merge it into the hinted ticket. */
  onMerge(hint: TicketHint): void;
  /** ACC-3 查看更多: the merge candidate lists. */
  onMore(): void;
  busy?: boolean;
}

function TicketList({ rows, empty, action }: { rows: TicketHint[]; empty: string; action?: (h: TicketHint) => React.ReactNode }) {
  const { t } = useI18n('register');
  if (rows.length === 0) return <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={empty} />;
  return (
    <List size="small" dataSource={rows} renderItem={(h) => (
      <List.Item key={h.id} actions={action ? [action(h)] : []} style={{ paddingInline: 0 }}>
        <List.Item.Meta
          title={<Space size={4} wrap><Link to={`/tickets/${h.id}`} target="_blank">{h.number}</Link><StatusTag node={h.node} /></Space>}
          description={(
            <Space orientation="vertical" size={0}>
              <Typography.Text ellipsis style={{ maxWidth: 230 }}>{h.title}</Typography.Text>
              <Space size={4} wrap>
                <Typography.Text type="secondary" style={{ fontSize: 12 }}>{formatDateTime(h.reportedAt)} · {t('score', { score: Math.round(h.score * 100) })}</Typography.Text>
                {h.reasons.map((r) => <Tag key={r} style={{ marginInlineEnd: 0 }}>{t(`reasons.${r}`)}</Tag>)}
              </Space>
            </Space>
          )} />
      </List.Item>
    )} />
  );
}

function KnowledgeList({ rows }: { rows: KnowledgeHint[] }) {
  const { t } = useI18n('register');
  if (rows.length === 0) return <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('noKnowledge')} />;
  return (
    <List size="small" dataSource={rows} renderItem={(k) => (
      <List.Item key={k.id} style={{ paddingInline: 0 }}>
        <List.Item.Meta title={<Space size={4} wrap><Typography.Text strong>{k.title}</Typography.Text><Tag>{k.topic}</Tag></Space>}
          description={<Typography.Paragraph style={{ marginBottom: 0 }} ellipsis={{ rows: 3, expandable: true }}>{k.body}</Typography.Paragraph>} />
      </List.Item>
    )} />
  );
}

/** ACC-2 beside the form: duplicates (with one-click merge, ACC-3), history tickets (with manual search) and knowledge. */
export function RecommendationsPanel({ draft, recommendations, loading, onMerge, onMore, busy }: Props) {
  const { t } = useI18n(['register', 'common']);
  const [historyQ, setHistoryQ] = useState('');
  const [knowledgeQ, setKnowledgeQ] = useState('');
  const [topic, setTopic] = useState<string | undefined>();
  const [articles, setArticles] = useState<KnowledgeHint[] | null>(null);
  const [topics, setTopics] = useState<string[]>([]);
  const manual = useRecommendations(historyQ.trim() ? { domain: draft.domain, title: historyQ.trim(), description: historyQ.trim() } : undefined);
  useEffect(() => {
    api.get<{ articles: KnowledgeHint[] }>('/api/knowledge').then((r) => setTopics([...new Set(r.articles.map((a) => a.topic))]), () => undefined);
  }, []);
  useEffect(() => {
    if (!knowledgeQ.trim() && !topic) { setArticles(null); return; }
    let alive = true;
    const timer = setTimeout(() => {
      api.get<{ articles: KnowledgeHint[] }>('/api/knowledge', { q: knowledgeQ.trim() || undefined, topic }).then((r) => alive && setArticles(r.articles), () => alive && setArticles([]));
    }, 300);
    return () => { alive = false; clearTimeout(timer); };
  }, [knowledgeQ, topic]);
  const hasText = Boolean(recommendationQuery(draft));
  const sameGridAndChannel = (h: TicketHint) => h.grid === draft.fields.grid && h.channel === draft.fields.channel;
  const history = historyQ.trim() ? manual.data?.history ?? [] : recommendations?.history ?? [];
  const knowledge = articles ?? recommendations?.knowledge ?? [];
  const items = [
    {
      key: 'duplicates', label: `${t('duplicates')}${recommendations ? ` (${recommendations.duplicates.length})` : ''}`,
      children: !hasText ? <Typography.Text type="secondary">{t('typeToRecommend')}</Typography.Text> : (
        <div data-testid="duplicates">
          <TicketList rows={recommendations?.duplicates ?? []} empty={t('noDuplicates')} action={(h) => (
            sameGridAndChannel(h) ? (
              <Popconfirm title={t('mergeConfirm', { number: h.number })} onConfirm={() => onMerge(h)} okText={t('common:ok')} cancelText={t('common:cancel')}>
                <Button size="small" type="link" disabled={busy || Boolean(draft.done)} data-testid={`merge-${h.number}`}>{t('mergeInto')}</Button>
              </Popconfirm>
            ) : <Tooltip title={t('mergeNeedsSameGrid')}><Button size="small" type="link" disabled>{t('mergeInto')}</Button></Tooltip>
          )} />
          <div style={{ textAlign: 'right' }}>
            <Button size="small" type="link" onClick={onMore} disabled={busy || Boolean(draft.done?.mergedInto)} data-testid="merge-more">{t('mergeCandidates')}</Button>
          </div>
        </div>
      ),
    },
    {
      key: 'history', label: t('history'),
      children: (
        <Space orientation="vertical" style={{ width: '100%' }} data-testid="history">
          <Input.Search allowClear placeholder={t('searchHistory')} onSearch={setHistoryQ} enterButton={t('common:search')} />
          {!hasText && !historyQ.trim() ? <Typography.Text type="secondary">{t('typeToRecommend')}</Typography.Text> : <TicketList rows={history} empty={t('noHistory')} />}
        </Space>
      ),
    },
    {
      key: 'knowledge', label: t('knowledge'),
      children: (
        <Space orientation="vertical" style={{ width: '100%' }} data-testid="knowledge">
          <Space.Compact style={{ width: '100%' }}>
            <Select allowClear placeholder={t('allTopics')} value={topic} onChange={setTopic} style={{ width: 120 }} options={topics.map((x) => ({ value: x, label: x }))} aria-label={t('topic')} />
            <Input.Search allowClear placeholder={t('searchKnowledge')} onSearch={setKnowledgeQ} />
          </Space.Compact>
          <KnowledgeList rows={knowledge} />
        </Space>
      ),
    },
  ];
  return (
    <Card size="small" title={t('recommendations')} extra={loading || manual.loading ? <Typography.Text type="secondary">{t('common:loading')}</Typography.Text> : null}>
      <Tabs size="small" items={items} />
    </Card>
  );
}
