import { Alert, Badge, Button, Card, Empty, Result, Space, Spin, Switch, Table, Tabs, theme, Typography, type TableColumnType } from 'antd';
import { useCallback, useMemo, useState, type HTMLAttributes } from 'react';
import { Navigate, useNavigate, useParams } from 'react-router-dom';
import type { ButtonType } from '../../../../definitions/schemas/button';
import { useAuth } from '../../../shared/auth/AuthContext';
import { useCatalogue } from '../../../shared/catalogue/CatalogueContext';
import { localName, useI18n } from '../../../shared/i18n';
import { useActionDialog } from '../actions/useActionDialog';
import { useActiveRole } from '../layout/RoleContext';
import { actionsWidth, headerWidth, measureText, planColumns, preferredWidth, SELECTION_WIDTH, slaWidth, statusWidth } from './columnLayout';
import { buildColumns, cellText } from './columns';
import { FilterBar, type FilterValues } from './FilterBar';
import { actingRoles, listButtons, poolOf } from './listButtons';
import { initialListState, isFiltered, isSortable, PAGE_SIZES, type ListState } from './listQuery';
import { MergeDialog } from './MergeDialog';
import { tabsFor } from './tabsFor';
import type { ListRow, ListTab, ListView } from './types';
import { useListCommands } from './useListCommands';
import { useListPage, useOnlyMineCounts, useViews } from './useListData';
import { useWidth } from './useWidth';
import './texts';

const nameOf = (d: { name: string; nameEn: string | null }, lang: 'zh-CN' | 'en-US') => localName({ name: d.name, nameEn: d.nameEn ?? undefined }, lang);

/** A generated list screen (`/views/:view/:tab?`): everything on it comes from the view definition. */
export function ViewPage() {
  const { view: viewId, tab: tabKey } = useParams();
  const { t, lang } = useI18n(['lists', 'common']);
  const { views, error, reload: reloadViews } = useViews(lang);
  const { me } = useAuth();
  const { role } = useActiveRole();
  if (error) return <Result status="error" title={t('common:error')} subTitle={error} />;
  if (!views) return <Spin style={{ display: 'block', margin: '15vh auto' }}><div /></Spin>;
  const view = views.find((v) => v.id === viewId);
  if (!view) return <Result status="404" title={t('notFound')} data-testid="list-not-found" />;
  // only the tabs of the roles the user works as: no screen of buttons the user may not press (REV-2)
  const tabs = tabsFor(view, actingRoles(me?.user.roles ?? [], role));
  const tab = tabs.find((x) => x.key === tabKey);
  if (!tab) return <Navigate to={`/views/${view.id}/${tabs[0]!.key}`} replace />;
  return <ListScreen key={view.id} view={view} tabs={tabs} tab={tab} views={views} reloadViews={reloadViews} />;
}

function ListScreen({ view, tabs, tab, views, reloadViews }: { view: ListView; tabs: ListTab[]; tab: ListTab; views: ListView[]; reloadViews(): Promise<void> }) {
  const { t, lang } = useI18n(['lists', 'common']);
  const catalogue = useCatalogue();
  const navigate = useNavigate();
  const { me } = useAuth();
  const { role } = useActiveRole();
  const dialog = useActionDialog();
  const [state, setState] = useState<ListState & { tab: string }>(() => ({ ...initialListState(), tab: tab.key }));
  const [selected, setSelected] = useState<ListRow[]>([]);
  const [merging, setMerging] = useState<ListRow[] | null>(null);
  const [allColumns, setAllColumns] = useState(false);
  const [tableBox, tableWidth] = useWidth<HTMLDivElement>();
  // another tab keeps the filters but starts again at page 1, in its own order, with nothing selected
  if (state.tab !== tab.key) {
    setState({ ...state, tab: tab.key, page: 1, sort: undefined });
    setSelected([]);
  }
  const { page, loading, error, reload } = useListPage(view, tab.key, state, lang);
  const mineCounts = useOnlyMineCounts(view, view.onlyMine && state.onlyMine);
  const countOf = (x: ListTab) => mineCounts?.[x.key] ?? x.count;
  /** Another page, order or filter: the selection was made on rows no longer shown. */
  const change = (update: (s: ListState & { tab: string }) => ListState & { tab: string }) => {
    setState(update);
    setSelected([]);
  };

  const roles = actingRoles(me?.user.roles ?? [], role);
  const toolbar = listButtons(view.toolbarButtons, catalogue, roles)
    .filter((b) => (b.method === 'export' ? view.exportable : b.method === 'extract' ? Boolean(poolOf(view, views)) : true));
  const rowButtons = listButtons(tab.rowButtons, catalogue, roles);
  const batchButtons = listButtons(tab.batchButtons, catalogue, roles);
  const selectable = batchButtons.length > 0 || toolbar.some((b) => b.method === 'merge');

  const refresh = useCallback(async () => {
    setSelected([]);
    await Promise.all([reload(), reloadViews()]);
  }, [reload, reloadViews]);
  const commands = useListCommands({ view, tab, views, state, run: dialog.run, openMerge: () => setMerging(selected), refresh });

  const ctx = useMemo(() => ({ catalogue, lang, t }), [catalogue, lang, t]);
  // the columns that fit the list's width (the rest hidden, lowest priority first), or all of them scrolling sideways
  const { fontFamily } = theme.useToken().token;
  const measure = useCallback((text: string, px = 14, weight = 400) => measureText(text, px, fontFamily, weight), [fontFamily]);
  const buttonsWidth = rowButtons.length ? Math.max(actionsWidth(rowButtons.map((b) => localName(b, lang)), measure), measure(t('actions')) + 16) : 0;
  const rows = page?.rows;
  // tags never cut: the status and time-limit columns the view leaves open are as wide as their tags in this language
  // and no column is narrower than its header in this language (with its sort arrows)
  const sized = useMemo(() => view.columns.map((c, i) => {
    let width = preferredWidth(c);
    if (!c.width && c.format === 'status') width = statusWidth((rows ?? []).map((r) => cellText(c, r, ctx)), measure);
    if (!c.width && c.format === 'sla') width = slaWidth([t('stage'), t('overall')], ['normal', 'warning', 'overdue', 'paused', 'done'].map((x) => t(`display:sla.${x}`)), measure);
    const header = headerWidth(measure(localName(c, lang), 14, 600), isSortable(tab, c.field) && c.format !== 'sla');
    // the first column (the number) is never cut: it narrows only to its longest text on the page
    const content = i === 0 && rows?.length ? 18 + Math.max(...rows.map((r) => measure(cellText(c, r, ctx)))) : 0;
    return { ...c, width: Math.max(width, header, content), minWidth: Math.max(header, content) };
  }), [view.columns, rows, ctx, t, measure, lang, tab]);
  const plan = useMemo(() => planColumns(sized, tableWidth, buttonsWidth + (selectable ? SELECTION_WIDTH : 0), { all: allColumns }),
    [sized, tableWidth, buttonsWidth, selectable, allColumns]);
  const scrolls = plan.mode === 'scroll';
  const columns = useMemo(() => {
    const cols: TableColumnType<ListRow>[] = buildColumns(plan, tab, state.sort, ctx);
    if (rowButtons.length) {
      cols.push({
        // fixed only while the columns scroll sideways: a list that fits has nothing sticky
        key: 'actions', title: t('actions'), width: buttonsWidth, ...(scrolls ? { fixed: 'end' as const } : {}),
        onHeaderCell: () => ({ 'data-col': 'actions' }) as HTMLAttributes<HTMLElement>,
        onCell: () => ({ 'data-col': 'actions' }) as HTMLAttributes<HTMLElement>,
        render: (_, row) => (
          <Space size={0} wrap={false} onClick={(e) => e.stopPropagation()}>
            {rowButtons.map((b) => (
              <Button key={b.id} type="link" size="small" style={{ paddingInline: 4 }} data-testid={`row-${b.id}`} onClick={() => void commands.onRows(b, [row])}>{localName(b, lang)}</Button>
            ))}
          </Space>
        ),
      });
    }
    return cols;
  }, [plan, tab, state.sort, ctx, scrolls, buttonsWidth, rowButtons, commands, lang, t]);

  const describe = (row: ListRow) => {
    const [first, second] = view.columns.filter((c) => !c.format || c.format === 'text').slice(0, 2);
    return [first, second].filter(Boolean).map((c) => cellText(c!, row, ctx)).filter(Boolean).join(' · ') || row.ticketId;
  };
  const onSearch = (v: FilterValues) => change((s) => ({ ...s, ...v, page: 1 }));
  const filterValue = useMemo<FilterValues>(() => ({ q: state.q, filters: state.filters }), [state.q, state.filters]);
  const pool = view.pool ? poolOf(view, views) : undefined;
  const tabLabel = nameOf(tab, lang);

  const press = (b: ButtonType) => void commands.onToolbar(b, selected);
  return (
    <Card data-testid="list-screen" data-view={view.id} styles={{ body: { paddingTop: 4 } }}
      title={<Typography.Text strong style={{ fontSize: 16 }}>{nameOf(view, lang)}</Typography.Text>}
      extra={(
        <Space wrap>
          {view.onlyMine && (
            <Space size={6}>
              <Switch size="small" checked={state.onlyMine} data-testid="only-mine" onChange={(v) => change((s) => ({ ...s, onlyMine: v, page: 1 }))} />
              <span>{t('onlyMine')}</span>
            </Space>
          )}
          {toolbar.map((b) => (
            <Button key={b.id} type={b.method === 'register' || b.method === 'extract' ? 'primary' : 'default'} data-testid={`toolbar-${b.id}`} onClick={() => press(b)}>{localName(b, lang)}</Button>
          ))}
        </Space>
      )}>
      <Tabs activeKey={tab.key} onChange={(k) => navigate(`/views/${view.id}/${k}`)} data-testid="list-tabs"
        items={tabs.map((x) => ({
          key: x.key,
          label: (
            <span data-testid={`tab-${x.key}`} data-count={countOf(x)}>
              {nameOf(x, lang)}{' '}
              <Badge count={countOf(x)} showZero overflowCount={9999} size="small" color={countOf(x) ? '#1456d9' : '#bfbfbf'} />
            </span>
          ),
        }))} />
      {pool && pool.enabled === false && (
        <Alert type="info" showIcon style={{ marginBottom: 12 }} title={t('poolDisabled', { pool: t(`pool.${pool.pool}`) })} data-testid="pool-disabled" />
      )}
      <FilterBar view={view} value={filterValue} onSearch={onSearch} />
      {error && <Alert type="error" showIcon style={{ marginBottom: 12 }} title={error} data-testid="list-error" />}
      {selectable && selected.length > 0 && (
        <Space style={{ marginBottom: 8 }} data-testid="batch-bar" wrap>
          <Typography.Text>{t('selected', { count: selected.length })}</Typography.Text>
          {batchButtons.map((b) => (
            <Button key={b.id} size="small" type="primary" ghost data-testid={`batch-${b.id}`} onClick={() => void commands.onRows(b, selected)}>{localName(b, lang)}</Button>
          ))}
          <Button size="small" type="link" onClick={() => setSelected([])}>{t('clearSelection')}</Button>
        </Space>
      )}
      {(plan.hidden.length > 0 || allColumns) && (
        <div style={{ display: 'flex', justifyContent: 'flex-end', alignItems: 'center', gap: 4, marginBottom: 4 }} data-testid="column-fit">
          {plan.hidden.length > 0 && (
            <Typography.Text type="secondary" style={{ fontSize: 12 }} data-testid="hidden-columns" data-count={plan.hidden.length}>
              {t('hiddenColumns', { count: plan.hidden.length, names: plan.hidden.map((c) => localName(c, lang)).join(lang === 'zh-CN' ? '、' : ', ') })}
            </Typography.Text>
          )}
          <Button size="small" type="link" data-testid="toggle-columns" onClick={() => setAllColumns(!allColumns)}>{t(allColumns ? 'fitColumns' : 'showAllColumns')}</Button>
        </div>
      )}
      <div ref={tableBox}>
        <Table<ListRow>
          data-testid="list-table"
          data-layout={plan.mode}
          rowKey="id"
          size="middle"
          columns={columns}
          dataSource={page?.rows ?? []}
          loading={loading}
          tableLayout="fixed"
          scroll={scrolls ? { x: 'max-content' } : undefined}
          rowSelection={selectable ? {
            columnWidth: SELECTION_WIDTH,
            selectedRowKeys: selected.map((r) => r.id),
            onChange: (_keys, rows) => setSelected(rows.filter(Boolean)),
            preserveSelectedRowKeys: false,
          } : undefined}
          onRow={(row) => ({
            onClick: (e) => {
              if ((e.target as HTMLElement).closest('.ant-table-selection-column, button, a')) return;
              navigate(`/tickets/${row.ticketId}`);
            },
            style: { cursor: 'pointer' },
            'data-ticket': row.ticketId,
          } as HTMLAttributes<HTMLElement>)}
          onChange={(pagination, _filters, sorter, extra) => {
            if (extra.action === 'sort') {
              const s = Array.isArray(sorter) ? sorter[0] : sorter;
              change((st) => ({ ...st, page: 1, sort: s?.order && s.columnKey ? { field: String(s.columnKey), dir: s.order === 'ascend' ? 'asc' : 'desc' } : undefined }));
            } else if (extra.action === 'paginate') {
              change((st) => ({ ...st, page: pagination.current ?? 1, pageSize: pagination.pageSize ?? st.pageSize }));
            }
          }}
          pagination={{
            current: state.page, pageSize: state.pageSize, total: page?.total ?? 0, showSizeChanger: true, pageSizeOptions: PAGE_SIZES,
            showTotal: (total) => t('total', { total }), hideOnSinglePage: false,
          }}
          locale={{
            emptyText: <Empty data-testid="list-empty" image={Empty.PRESENTED_IMAGE_SIMPLE}
              description={isFiltered(view, state) ? t('emptyFiltered') : t('empty', { tab: tabLabel })} />,
          }}
        />
      </div>
      {dialog.element}
      <MergeDialog view={view} rows={merging} describe={describe} onClose={(merged) => { setMerging(null); if (merged) void refresh(); }} />
    </Card>
  );
}
