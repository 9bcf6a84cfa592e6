import { Alert, App, Badge, Button, Card, Descriptions, Drawer, List, Select, Space, Spin, Tag, Typography } from 'antd';
import { EditOutlined } from '@ant-design/icons';
import { Background, Controls, MarkerType, ReactFlow, type Edge, type Node } from '@xyflow/react';
import '@xyflow/react/dist/style.css';
import { useEffect, useMemo, useState } from 'react';
import { Link, useSearchParams } from 'react-router-dom';
import { lintMessage } from '../../../../engine/lint/lintMessages';
import { ApiError } from '../../../shared/api/client';
import { localName, useI18n } from '../../../shared/i18n';
import { definitionsApi, editPath, pointerInDefinition, type Draft, type Finding } from '../definitionsApi';
import { draftsOf, forgetDrafts, optionLabel } from '../editor/refOptions';
import { ANY_NODE, flowGraph, transitionsFrom, transitionsTo, type FlowDef, type TransitionDef } from './flowGraph';
import { layoutGraph, NODE_HEIGHT, NODE_WIDTH } from './layoutGraph';
import '../texts';

interface Binding { node: string; statusText: string; statusTextEn?: string; textColor: string; backgroundColor: string; handlerType: string; role?: string; applicationKind?: string }

function useDrafts(kind: string, reload = 0): Draft[] {
  const [list, setList] = useState<Draft[]>([]);
  useEffect(() => {
    draftsOf(kind).then(setList, () => setList([]));
  }, [kind, reload]);
  return list;
}

/** The compiled flow drawn as a graph: nodes in their status colours with stage limits, edges named by their buttons. */
export function FlowGraphPage() {
  const { t, lang } = useI18n('studio');
  const { message } = App.useApp();
  const [search, setSearch] = useSearchParams();
  const id = search.get('id') ?? 'flow.linkage';
  const [saved, setSaved] = useState(0);
  const flows = useDrafts('flow', saved);
  const bindings = useDrafts('statusBinding');
  const buttons = useDrafts('buttonType');
  const limits = useDrafts('timeLimit', saved);
  const [flow, setFlow] = useState<FlowDef | null>(null);
  const [positions, setPositions] = useState<Map<string, { x: number; y: number }> | null>(null);
  const [selected, setSelected] = useState<string | null>(null);
  const [limit, setLimit] = useState<string | undefined>();
  const [busy, setBusy] = useState(false);

  useEffect(() => setSelected(null), [id]);
  useEffect(() => {
    definitionsApi.get('flow', id).then((d) => setFlow(d.definition as FlowDef), (e: Error) => void message.error(e instanceof ApiError ? e.localized(lang) : e.message));
  }, [id, saved, message, lang]);

  const [findings, setFindings] = useState<Finding[]>([]);
  useEffect(() => {
    definitionsApi.lint().then((r) => setFindings(r.findings.filter((f) => f.definition?.kind === 'flow' && f.definition.id === id)), () => setFindings([]));
  }, [id, saved]);
  /** Nodes a finding points at: the node itself, or a transition leaving or entering it. */
  const flagged = useMemo(() => {
    const out = new Map<string, string[]>();
    if (!flow) return out;
    for (const f of findings) {
      const at = pointerInDefinition(f);
      const node = /^\/nodes\/(\d+)/.exec(at);
      const transition = /^\/transitions\/(\d+)/.exec(at);
      const ids = node ? [flow.nodes[Number(node[1])]?.id] : transition ? flow.transitions[Number(transition[1])]?.from ?? [] : [];
      for (const nid of ids) if (nid) out.set(nid, [...(out.get(nid) ?? []), `${f.code}: ${lintMessage(f, lang)}`]);
    }
    return out;
  }, [findings, flow, lang]);

  const graph = useMemo(() => (flow ? flowGraph(flow) : null), [flow]);
  useEffect(() => {
    if (!graph) return;
    const ids = [...graph.nodes.map((n) => n.id), ...(graph.usesAny ? [ANY_NODE] : [])];
    layoutGraph(ids, graph.edges).then(setPositions, () => setPositions(new Map()));
  }, [graph]);

  const bindingOf = (node: string) => bindings.map((b) => b.definition as unknown as Binding & { flow: string })
    .find((b) => b.flow === id && b.node === node && !b.applicationKind);
  const buttonName = (trigger: string) => {
    const b = buttons.find((x) => x.id === trigger);
    return b ? localName(b.definition as never, lang) : trigger;
  };
  const limitName = (lid?: string) => {
    const l = limits.find((x) => x.id === lid);
    return l ? localName(l.definition as never, lang) : lid ?? '';
  };

  const nodes: Node[] = useMemo(() => {
    if (!graph || !positions) return [];
    const list: Node[] = graph.nodes.map((n) => {
      const b = bindingOf(n.id);
      return {
        id: n.id,
        position: positions.get(n.id) ?? { x: 0, y: 0 },
        className: selected === n.id ? 'studio-node-selected' : undefined,
        data: {
          label: (
            <div data-testid={`flow-node-${n.id}`} data-findings={flagged.get(n.id)?.length ?? 0} title={[n.id, ...(flagged.get(n.id) ?? [])].join('\n')}>
              <div style={{ fontWeight: 600, whiteSpace: 'nowrap', overflow: 'hidden', textOverflow: 'ellipsis' }}>{localName(n, lang)}</div>
              <div style={{ fontSize: 11, opacity: 0.8 }}>{b ? (lang === 'en-US' && b.statusTextEn ? b.statusTextEn : b.statusText) : n.id}</div>
              {n.stageLimit && <div style={{ fontSize: 10, marginTop: 2 }}><Badge color="orange" text={<span style={{ fontSize: 10 }}>{limitName(n.stageLimit)}</span>} /></div>}
            </div>
          ),
        },
        style: {
          width: NODE_WIDTH, height: NODE_HEIGHT, padding: 6, fontSize: 12, borderRadius: 8,
          background: b?.backgroundColor ?? '#fff', color: b?.textColor ?? '#262626',
          border: `${n.id === flow?.initial || flagged.has(n.id) ? 3 : 1}px ${n.final ? 'double' : 'solid'} ${flagged.has(n.id) ? '#ff4d4f' : b?.textColor ?? '#bfbfbf'}`,
        },
      };
    });
    if (graph.usesAny) {
      list.push({ id: ANY_NODE, position: positions.get(ANY_NODE) ?? { x: 0, y: 0 }, data: { label: t('flow.anyNode') }, style: { width: NODE_WIDTH, height: NODE_HEIGHT, borderStyle: 'dashed', color: '#8c8c8c' } });
    }
    return list;
  // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [graph, positions, bindings, limits, selected, lang, flagged]);

  const edges: Edge[] = useMemo(() => (graph?.edges ?? []).filter((e) => e.source !== e.target).map((e) => {
    const names = e.triggers.map(buttonName);
    return {
      id: e.id, source: e.source, target: e.target, markerEnd: { type: MarkerType.ArrowClosed },
      label: names.length > 2 ? `${names.slice(0, 2).join('、')} +${names.length - 2}` : names.join('、'),
      labelStyle: { fontSize: 10 }, labelBgStyle: { fillOpacity: 0.85 },
      style: { stroke: selected && (e.source === selected || e.target === selected) ? '#1677ff' : '#b0b0b0' },
    };
  // eslint-disable-next-line react-hooks/exhaustive-deps
  }), [graph, buttons, selected, lang]);

  const node = flow?.nodes.find((n) => n.id === selected);
  useEffect(() => setLimit(node?.stageLimit), [node]);
  const saveLimit = async () => {
    if (!flow || !node) return;
    setBusy(true);
    try {
      const next = {
        ...flow,
        nodes: flow.nodes.map((n) => {
          if (n.id !== node.id) return n;
          const { stageLimit: _old, ...rest } = n;
          void _old;
          return limit ? { ...rest, stageLimit: limit } : rest;
        }),
      };
      await definitionsApi.put('flow', flow.id, next);
      forgetDrafts('flow');
      void message.success(t('flow.limitSaved', { node: localName(node, lang) }));
      setSaved((s) => s + 1);
    } catch (e) {
      void message.error(e instanceof ApiError ? e.localized(lang) : String(e));
    } finally {
      setBusy(false);
    }
  };

  const transitionRow = (tr: TransitionDef, other: string | undefined) => (
    <List.Item style={{ padding: '4px 0' }}>
      <Space wrap size={4}>
        {tr.button ? <Tag color="blue">{buttonName(tr.button)}</Tag> : <Tag>{t('flow.event')} {tr.event}</Tag>}
        <Typography.Text type="secondary">{other ? localName(flow?.nodes.find((n) => n.id === other), lang) || other : t('flow.stays')}</Typography.Text>
        {(tr.guards ?? []).map((g) => <Tag key={g.id} style={{ fontSize: 10 }}>{g.id}</Tag>)}
      </Space>
    </List.Item>
  );
  const binding = node ? bindingOf(node.id) : undefined;
  const stageLimits = limits.filter((l) => l.definition.type === 'stage');

  return (
    <Card title={t('flow.title')} styles={{ body: { position: 'relative' } }} extra={(
      <Space>
        <Select style={{ width: 280 }} value={id} onChange={(v) => setSearch({ id: v })} options={flows.map((f) => ({ value: f.id, label: optionLabel(f) }))} data-testid="flow-select" showSearch={{ optionFilterProp: 'label' }} />
        <Link to={editPath('flow', id)}><Button icon={<EditOutlined />}>{t('flow.edit')}</Button></Link>
      </Space>
    )}>
      <Typography.Paragraph type="secondary" style={{ marginTop: -8 }}>{t('flow.legend')}</Typography.Paragraph>
      {findings.length > 0 && (
        <Alert type={findings.some((f) => f.severity === 'error') ? 'error' : 'warning'} showIcon style={{ marginBottom: 8 }} data-testid="flow-findings"
          message={t('editor.lintTitle', { count: findings.length })} description={findings.slice(0, 5).map((f) => `${pointerInDefinition(f)} ${f.code}: ${lintMessage(f, lang)}`).join('；')} />
      )}
      <div>
        <div>
          <div style={{ height: 'calc(100vh - 230px)', minHeight: 460, border: '1px solid #f0f0f0', borderRadius: 8 }} data-testid="flow-graph">
            {!flow || !positions ? <Spin style={{ display: 'block', margin: '120px auto' }} /> : (
              <ReactFlow nodes={nodes} edges={edges} fitView fitViewOptions={{ padding: 0.04 }} minZoom={0.2} nodesDraggable={false} nodesConnectable={false}
                onNodeClick={(_, n) => n.id !== ANY_NODE && setSelected(n.id)} proOptions={{ hideAttribution: true }}>
                <Background gap={16} />
                <Controls showInteractive={false} />
              </ReactFlow>
            )}
          </div>
        </div>
        <Drawer open={Boolean(node && flow)} mask={false} width={380} onClose={() => setSelected(null)} getContainer={false}
          title={node && <span data-testid="node-panel-title">{localName(node, lang)} · {node.id}</span>} styles={{ body: { paddingTop: 8 } }}>
          {node && flow && (
            <div data-testid="node-panel">
              {flagged.has(node.id) && <Alert type="error" showIcon style={{ marginBottom: 8 }} message={flagged.get(node.id)!.join('；')} />}
              <Descriptions size="small" column={1} items={[
                {
                  key: 'binding', label: t('flow.binding'),
                  children: binding
                    ? <Space wrap><Tag color={binding.backgroundColor} style={{ color: binding.textColor }}>{lang === 'en-US' && binding.statusTextEn ? binding.statusTextEn : binding.statusText}</Tag>{binding.role && <Tag>{binding.role}</Tag>}</Space>
                    : <Typography.Text type="secondary">{t('flow.noBinding')}</Typography.Text>,
                },
                { key: 'limit', label: t('flow.limit'), children: node.stageLimit ? limitName(node.stageLimit) : t('flow.none') },
                ...(node.final ? [{ key: 'final', label: t('flow.final'), children: '✓' }] : []),
              ]} />
              <Space.Compact style={{ width: '100%', margin: '8px 0' }}>
                <Select allowClear style={{ flex: 1 }} value={limit} onChange={setLimit} placeholder={t('flow.setLimit')} id="node-stage-limit"
                  options={stageLimits.map((l) => ({ value: l.id, label: optionLabel(l) }))} showSearch={{ optionFilterProp: 'label' }} />
                <Button type="primary" loading={busy} onClick={() => void saveLimit()} disabled={limit === node.stageLimit} data-testid="save-stage-limit">{t('flow.saveLimit')}</Button>
              </Space.Compact>
              <Typography.Text strong>{t('flow.buttons')}</Typography.Text>
              <List size="small" dataSource={transitionsFrom(flow, node.id)} renderItem={(tr) => transitionRow(tr, tr.to)} data-testid="node-buttons" />
              <Typography.Text strong>{t('flow.incoming')}</Typography.Text>
              <List size="small" dataSource={transitionsTo(flow, node.id)} renderItem={(tr) => transitionRow(tr, tr.from.join(', '))} />
            </div>
          )}
        </Drawer>
      </div>
      {!node && <Typography.Text type="secondary">{t('flow.pick')}</Typography.Text>}
    </Card>
  );
}
