import { act, cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { App as AntApp } from 'antd';
import { MemoryRouter, Route, Routes } from 'react-router-dom';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { AuthProvider } from '../../../designer/shared/auth/AuthContext';
import { CatalogueProvider } from '../../../designer/shared/catalogue/CatalogueContext';
import { setLang } from '../../../designer/shared/i18n';
import { ViewPage } from '../../../designer/workbench/src/lists/ViewPage';
import type { ListRow, ListView } from '../../../designer/workbench/src/lists/types';
import { catalogue, listView, ticketRow } from './fixtures';
import { fakeServer, type Call } from './fakeServer';

// antd's first render in happy-dom is slow

const DSP = 'view.dsp.dispatch';
const LIST = (tab: string) => `/api/views/${DSP}/tabs/${tab}`;
const me = {
  user: { id: 'zjg.dispatcher', login: 'zjg.dispatcher', name: '派遣员', department: 'zjg', roles: ['dispatcher'] },
  department: 'zjg', center: { id: 'zjg', name: '张家港市' }, views: [],
};

interface World { views: ListView[]; rows: Record<string, ListRow[]>; totals?: Record<string, number>; mineCounts?: Record<string, number>; action?: (call: Call) => { status: number; body: unknown } }

function serve(world: World) {
  return fakeServer((call) => {
    if (call.path === '/api/me') return { body: me };
    if (call.path === '/api/workbench/catalogue') return { body: catalogue };
    if (call.path === '/api/views') return { body: { views: world.views } };
    const counts = /^\/api\/views\/([^/]+)\/counts$/.exec(call.path);
    if (counts && world.mineCounts && call.query.get('onlyMine') === 'true') {
      return { body: { view: counts[1], onlyMine: true, tabs: Object.entries(world.mineCounts).map(([key, count]) => ({ key, count })) } };
    }
    const list = /^\/api\/views\/[^/]+\/tabs\/([^/]+)$/.exec(call.path);
    if (list) {
      const rows = world.rows[list[1]!] ?? [];
      return { body: { total: world.totals?.[list[1]!] ?? rows.length, page: Number(call.query.get('page')), pageSize: Number(call.query.get('pageSize')), rows } };
    }
    if (/^\/api\/tickets\/[^/]+\/actions$/.test(call.path)) return world.action?.(call) ?? { body: { ticket: {} } };
    if (call.path === '/api/tickets/merge') return { body: { main: { id: 't2', number: 'DH20250610002' }, followers: [] } };
    return undefined;
  });
}

function open(path: string) {
  return render(
    <AntApp>
      <AuthProvider>
        <MemoryRouter initialEntries={[path]}>
          <CatalogueProvider>
            <Routes>
              <Route path="/views/:view/:tab?" element={<ViewPage />} />
              <Route path="/tickets/:id" element={<div data-testid="ticket-page" />} />
            </Routes>
          </CatalogueProvider>
        </MemoryRouter>
      </AuthProvider>
    </AntApp>,
  );
}

const rowOf = (ticket: string) => document.querySelector<HTMLElement>(`tr[data-ticket="${ticket}"]`)!;
const select = (ticket: string) => fireEvent.click(rowOf(ticket).querySelector('.ant-table-selection-column input')!);
const lastList = (server: ReturnType<typeof serve>, tab: string) => server.to(LIST(tab)).at(-1)!.query;

describe('ViewPage: a list screen generated from its view definition', () => {
  let world: World;
  beforeEach(() => {
    localStorage.setItem('tongguan.token', 'token');
    setLang('zh-CN');
    world = {
      views: [listView(DSP, { pending: 3, dispatched: 2 }), listView('view.dsp.returned')],
      rows: { pending: [ticketRow(1), ticketRow(2), ticketRow(3)], dispatched: [ticketRow(1), ticketRow(2)] },
    };
  });
  afterEach(() => cleanup());

  it('DSP-2 shows the definition\'s columns, tab counts, labels, status colours, the masked reporter and both deadlines', async () => {
    serve(world);
    open(`/views/${DSP}/pending`);
    await waitFor(() => expect(rowOf('t1')).toBeTruthy());
    const headers = [...document.querySelectorAll('thead th')].map((th) => th.textContent?.trim()).filter(Boolean);
    expect(headers).toEqual(['事件编号', '事件标题', '事项类别', '上报时间', '上报人', '上报方式', '行政区划', '紧急程度', '状态', '时限', '操作']);
    expect(screen.getByTestId('tab-pending').dataset.count).toBe('3');
    expect(screen.getByTestId('tab-dispatched').textContent).toContain('已分拨');
    const cells = [...rowOf('t1').querySelectorAll('td')].map((td) => td.textContent);
    expect(cells).toEqual(expect.arrayContaining(['DH20250610001', '事件1', '违规设置户外广告', '张**', '网络', '张家港市', '紧急']));
    const status = rowOf('t1').querySelector<HTMLElement>('[data-node="dispatch"]')!;
    expect([status.textContent, status.style.color]).toEqual(['待分拨', '#096dd9']);
    expect([...rowOf('t1').querySelectorAll('[data-sla]')].map((e) => e.getAttribute('data-sla'))).toEqual(['overdue', 'normal']);
    expect(screen.getByText('共 3 条')).toBeTruthy();
  });

  it('ACC-5 the search bar and the sort headers become the list request; a tab switch keeps the filter', async () => {
    const server = serve(world);
    open(`/views/${DSP}/pending`);
    await waitFor(() => expect(rowOf('t1')).toBeTruthy());
    expect(Object.fromEntries(lastList(server, 'pending'))).toEqual({ page: '1', pageSize: '20' });
    fireEvent.change(screen.getByTestId('filter-title'), { target: { value: ' 广告 ' } });
    fireEvent.click(screen.getByTestId('filter-search'));
    await waitFor(() => expect(lastList(server, 'pending').get('title')).toBe('广告'));
    fireEvent.click(within(document.querySelector('thead')!).getByText('事件编号'));
    await waitFor(() => expect(lastList(server, 'pending').get('sort')).toBe('number'));
    expect(lastList(server, 'pending').get('dir')).toBe('asc');
    expect(screen.queryByTestId('filter-panel')).toBeNull();
    fireEvent.click(screen.getByTestId('filter-toggle'));
    expect(within(screen.getByTestId('filter-panel')).getByText('紧急程度')).toBeTruthy();
    expect(screen.getByTestId('filter-toggle').textContent).toContain('收起');
    fireEvent.click(screen.getByTestId('tab-dispatched'));
    await waitFor(() => expect(server.to(LIST('dispatched'))).toHaveLength(1));
    expect(Object.fromEntries(lastList(server, 'dispatched'))).toEqual({ page: '1', pageSize: '20', title: '广告' });
  });

  it('DSP-3 batch urge presses ticket.urge on every selected row with the opinion, then reloads rows and counts', async () => {
    const server = serve(world);
    open(`/views/${DSP}/dispatched`);
    await waitFor(() => expect(rowOf('t2')).toBeTruthy());
    expect(screen.queryByTestId('batch-bar')).toBeNull();
    select('t1');
    select('t2');
    expect(screen.getByTestId('batch-bar').textContent).toContain('已选 2 条');
    const views = server.to('/api/views').length;
    const lists = server.to(LIST('dispatched')).length;
    fireEvent.click(screen.getByTestId('batch-ticket.urge'));
    const dialog = await screen.findByRole('dialog');
    fireEvent.change(within(dialog).getByRole('textbox'), { target: { value: '请尽快处置' } });
    await act(async () => { fireEvent.click(screen.getByTestId('action-ok')); });
    await waitFor(() => expect(server.to(/\/actions$/, 'POST')).toHaveLength(2));
    expect(server.to(/\/actions$/, 'POST').map((c) => [c.path, c.body])).toEqual([
      ['/api/tickets/t1/actions', { button: 'ticket.urge', opinion: '请尽快处置' }],
      ['/api/tickets/t2/actions', { button: 'ticket.urge', opinion: '请尽快处置' }],
    ]);
    await waitFor(() => expect(server.to('/api/views').length).toBe(views + 1));
    expect(server.to(LIST('dispatched')).length).toBe(lists + 1);
  });

  it('X-3 a press the server refuses shows its Chinese message; a single press sends the version the user saw', async () => {
    world.action = () => ({ status: 403, body: { code: 'TG_ERR_FORBIDDEN', message: 'Your role may not urge here', messageZh: '当前角色不能在此环节催办' } });
    const server = serve(world);
    open(`/views/${DSP}/dispatched`);
    await waitFor(() => expect(rowOf('t2')).toBeTruthy());
    fireEvent.click(within(rowOf('t2')).getByTestId('row-ticket.urge'));
    const dialog = await screen.findByRole('dialog');
    fireEvent.change(within(dialog).getByRole('textbox'), { target: { value: '催一下' } });
    await act(async () => { fireEvent.click(screen.getByTestId('action-ok')); });
    await waitFor(() => expect(document.body.textContent).toContain('当前角色不能在此环节催办'));
    expect(server.to(/\/actions$/, 'POST').map((c) => c.body)).toEqual([{ button: 'ticket.urge', opinion: '催一下', version: 3 }]);
  });

  it('ACC-3 工单合并 needs two rows, lets the user pick the main and posts the selected tickets', async () => {
    const server = serve(world);
    open(`/views/${DSP}/pending`);
    await waitFor(() => expect(rowOf('t1')).toBeTruthy());
    select('t1');
    fireEvent.click(screen.getByTestId('toolbar-list.merge'));
    await waitFor(() => expect(document.body.textContent).toContain('请至少勾选两条记录再合并'));
    select('t2');
    fireEvent.click(screen.getByTestId('toolbar-list.merge'));
    const dialog = await screen.findByRole('dialog');
    fireEvent.click(within(dialog).getByText('DH20250610002 · 事件2'));
    await act(async () => { fireEvent.click(screen.getByTestId('merge-ok')); });
    await waitFor(() => expect(server.to('/api/tickets/merge', 'POST')).toHaveLength(1));
    expect(server.to('/api/tickets/merge', 'POST')[0]!.body).toEqual({ ticketIds: ['t1', 't2'], main: 't2', versions: { t1: 2, t2: 3 } });
  });

  it('opens the ticket on a row click and says which tab is empty', async () => {
    serve(world);
    const first = open(`/views/${DSP}/pending`);
    await waitFor(() => expect(rowOf('t1')).toBeTruthy());
    fireEvent.click(within(rowOf('t1')).getByText('事件1'));
    await waitFor(() => expect(screen.getByTestId('ticket-page')).toBeTruthy());
    first.unmount();
    world.rows.pending = [];
    open(`/views/${DSP}/pending`);
    await waitFor(() => expect(screen.getByTestId('list-empty').textContent).toContain('暂无待分拨事件'));
  });

  it('DSP-6 仅看与我有关 and the pager become the list request', async () => {
    world.views = [listView('view.dsp.query', { all: 45 })];
    world.rows = { all: [ticketRow(1), ticketRow(2)] };
    world.totals = { all: 45 };
    const server = serve(world);
    const ALL = '/api/views/view.dsp.query/tabs/all';
    open('/views/view.dsp.query/all');
    await waitFor(() => expect(rowOf('t1')).toBeTruthy());
    expect(screen.getByText('共 45 条')).toBeTruthy();
    fireEvent.click(screen.getByTestId('only-mine'));
    await waitFor(() => expect(server.to(ALL).at(-1)!.query.get('onlyMine')).toBe('true'));
    fireEvent.click(screen.getByTitle('3'));
    await waitFor(() => expect(server.to(ALL).at(-1)!.query.get('page')).toBe('3'));
    expect(server.to(ALL).at(-1)!.query.get('onlyMine')).toBe('true');
  });

  it('DSP-6 with 仅看与我有关 the tab badges show the counts under the same filter, and the catalogue\'s again when it is off', async () => {
    world.views = [listView('view.dsp.query', { all: 45 })];
    world.rows = { all: [ticketRow(1)] };
    world.mineCounts = { all: 3 };
    const server = serve(world);
    open('/views/view.dsp.query/all');
    await waitFor(() => expect(rowOf('t1')).toBeTruthy());
    expect(screen.getByTestId('tab-all').getAttribute('data-count')).toBe('45');
    expect(server.to('/api/views/view.dsp.query/counts')).toHaveLength(0);
    fireEvent.click(screen.getByTestId('only-mine'));
    await waitFor(() => expect(screen.getByTestId('tab-all').getAttribute('data-count')).toBe('3'));
    expect(server.to('/api/views/view.dsp.query/counts').at(-1)!.query.get('onlyMine')).toBe('true');
    fireEvent.click(screen.getByTestId('only-mine'));
    await waitFor(() => expect(screen.getByTestId('tab-all').getAttribute('data-count')).toBe('45'));
  });

  it('shows English headers and tab names from titleEn/nameEn', async () => {
    setLang('en-US');
    serve(world);
    open(`/views/${DSP}/pending`);
    await waitFor(() => expect(rowOf('t1')).toBeTruthy());
    const headers = [...document.querySelectorAll('thead th')].map((th) => th.textContent?.trim()).filter(Boolean);
    expect(headers.slice(0, 3)).toEqual(['Ticket number', 'Title', 'Item']);
    expect(screen.getByTestId('tab-dispatched').textContent).toContain('Dispatched');
    expect([...rowOf('t1').querySelectorAll('td')].map((td) => td.textContent)).toEqual(expect.arrayContaining(['Web', 'Urgent']));
    expect(rowOf('t1').querySelector('[data-node="dispatch"]')!.textContent).toBe('Awaiting dispatch');
    setLang('zh-CN');
  });
});
