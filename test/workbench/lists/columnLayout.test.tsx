import { act, cleanup, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { App as AntApp } from 'antd';
import { MemoryRouter, Route, Routes } from 'react-router-dom';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { AuthProvider } from '../../../designer/shared/auth/AuthContext';
import { CatalogueProvider } from '../../../designer/shared/catalogue/CatalogueContext';
import { setLang } from '../../../designer/shared/i18n';
import { actionsWidth, planColumns, priorityOf, SELECTION_WIDTH } from '../../../designer/workbench/src/lists/columnLayout';
import type { ViewColumn } from '../../../designer/workbench/src/lists/types';
import { ViewPage } from '../../../designer/workbench/src/lists/ViewPage';
import { fakeServer } from './fakeServer';
import { catalogue, listView, ticketRow } from './fixtures';

const DSP = 'view.dsp.dispatch';
const dispatchColumns = listView(DSP).columns;
const fields = (cs: readonly { column: ViewColumn }[] | readonly ViewColumn[]) => cs.map((c) => ('column' in c ? c.column : c).field);
const sum = (cs: readonly { width: number }[]) => cs.reduce((s, c) => s + c.width, 0);

describe('which columns a list shows at its width', () => {
  it('keeps every column at its width, scrolling, while the width is unknown or the user asked for all', () => {
    for (const plan of [planColumns(dispatchColumns, 0, 0), planColumns(dispatchColumns, 1078, 168, { all: true })]) {
      expect(plan.mode).toBe('scroll');
      expect(fields(plan.shown)).toEqual(fields(dispatchColumns));
      expect(plan.shown.find((c) => c.column.field === 'title')!.width).toBe(220);
      expect(plan.hidden).toEqual([]);
    }
  });

  it('at 1366×768 (1078 px of list) hides the rightmost ordinary columns first and keeps number, title, status and time limit', () => {
    // 事件分拨/待分拨: checkboxes and one row button; the view gives 紧急程度 priority 2
    const plan = planColumns(dispatchColumns, 1078, SELECTION_WIDTH + 72);
    expect(plan.mode).toBe('fit');
    expect(fields(plan.shown)).toEqual(['number', 'title', 'item', 'urgency', 'node', 'sla']);
    expect(fields(plan.hidden)).toEqual(['reportedAt', 'fields.reporterName', 'channel', 'center']);
    // the shown columns fill the list exactly; the room left widens the ellipsis columns, not the tag columns
    expect(sum(plan.shown)).toBe(1078 - SELECTION_WIDTH - 72);
    const width = Object.fromEntries(plan.shown.map((c) => [c.column.field, c.width]));
    expect(width.title).toBeGreaterThan(220);
    expect([width.node, width.sla]).toEqual([100, 196]);
  });

  it('a wide screen shows every column without scrolling', () => {
    const plan = planColumns(dispatchColumns, 1920 - 208 - 80, SELECTION_WIDTH + 128);
    expect(plan.mode).toBe('fit');
    expect(plan.hidden).toEqual([]);
    expect(sum(plan.shown)).toBe(1920 - 208 - 80 - SELECTION_WIDTH - 128);
  });

  it('the view\u2019s priority hints decide what stays: a 1 is never hidden, a higher number goes first', () => {
    expect(dispatchColumns.find((c) => c.field === 'urgency')!.priority).toBe(2);
    const plain = dispatchColumns.map(({ priority: _p, ...c }) => c);
    // without it 上报时间 stays and 紧急程度, the rightmost ordinary column, goes first
    expect(fields(planColumns(plain, 1078, SELECTION_WIDTH + 72).shown)).toEqual(['number', 'title', 'item', 'reportedAt', 'node', 'sla']);
    const columns = plain.map((c) => (c.field === 'item' ? { ...c, priority: 5 } : c.field === 'reportedAt' ? { ...c, priority: 1 } : c));
    const plan = planColumns(columns, 1078, SELECTION_WIDTH + 72);
    expect(fields(plan.hidden)).toEqual(['item', 'center', 'urgency']);
    expect(fields(plan.shown)).toEqual(['number', 'title', 'reportedAt', 'fields.reporterName', 'channel', 'node', 'sla']);
    // to keep 上报方式 the title gave up some of its width (a fifth at most), the number none
    const width = Object.fromEntries(plan.shown.map((c) => [c.column.field, c.width]));
    expect(width.title).toBeLessThan(220);
    expect(width.title).toBeGreaterThanOrEqual(176);
    expect(width.number).toBe(160);
    // a column never narrows below its header
    const headed = columns.map((c) => (c.field === 'title' ? { ...c, minWidth: 215 } : c));
    expect(planColumns(headed, 1078, SELECTION_WIDTH + 72).shown.find((c) => c.column.field === 'title')!.width).toBeGreaterThanOrEqual(215);
    expect(priorityOf({ format: 'sla' }, 7)).toBe(1);
    expect(priorityOf({}, 1)).toBe(1);
    expect(priorityOf({ format: 'datetime' }, 3)).toBe(3);
    expect(priorityOf({ format: 'status', priority: 4 }, 3)).toBe(4);
  });

  it('narrows the ellipsis columns before scrolling, and scrolls when even the key columns do not fit', () => {
    const tight = planColumns(dispatchColumns, 800, SELECTION_WIDTH + 128);
    expect(tight.mode).toBe('fit');
    expect(fields(tight.shown)).toEqual(['number', 'title', 'node', 'sla']);
    expect(sum(tight.shown)).toBe(800 - SELECTION_WIDTH - 128);
    expect(Math.min(...tight.shown.map((c) => c.width))).toBeGreaterThanOrEqual(96);
    expect(planColumns(dispatchColumns, 500, SELECTION_WIDTH + 128).mode).toBe('scroll');
  });

  it('the buttons column fits its labels in either language', () => {
    expect(actionsWidth(['查看', '编辑'])).toBe(16 + 2 * (28 + 10));
    expect(actionsWidth(['View', 'Dispatch', 'Return'])).toBeGreaterThan(actionsWidth(['查看', '分拨', '退回']));
    expect(actionsWidth([])).toBe(72);
  });
});

describe('ViewPage fits its columns to the list\u2019s width', () => {
  beforeEach(() => {
    localStorage.setItem('tongguan.token', 'token');
    setLang('zh-CN');
    // the list is 1078 px wide (1366 px window, side menu and paddings)
    vi.spyOn(HTMLElement.prototype, 'clientWidth', 'get').mockReturnValue(1078);
  });
  afterEach(() => {
    cleanup();
    vi.restoreAllMocks();
  });

  const me = { user: { id: 'zjg.dispatcher', login: 'zjg.dispatcher', name: '派遣员', department: 'zjg', roles: ['dispatcher'] }, department: 'zjg', center: { id: 'zjg', name: '张家港市' }, views: [] };
  function open() {
    fakeServer((call) => {
      if (call.path === '/api/me') return { body: me };
      if (call.path === '/api/workbench/catalogue') return { body: catalogue };
      if (call.path === '/api/views') return { body: { views: [listView(DSP, { pending: 2 })] } };
      if (call.path === `/api/views/${DSP}/tabs/pending`) return { body: { total: 2, page: 1, pageSize: 20, rows: [ticketRow(1), ticketRow(2)] } };
      return undefined;
    });
    return render(
      <AntApp>
        <AuthProvider>
          <MemoryRouter initialEntries={[`/views/${DSP}/pending`]}>
            <CatalogueProvider>
              <Routes><Route path="/views/:view/:tab?" element={<ViewPage />} /></Routes>
            </CatalogueProvider>
          </MemoryRouter>
        </AuthProvider>
      </AntApp>,
    );
  }
  const headers = () => [...document.querySelectorAll<HTMLElement>('thead th[data-col]')].map((th) => th.dataset.col);
  const layout = () => screen.getByTestId('list-table').dataset.layout;

  it('DSP-2 shows number, title, status, time limit and buttons without scrolling, names what it left out, and shows all on request', async () => {
    open();
    await waitFor(() => expect(document.querySelector('tr[data-ticket="t1"]')).toBeTruthy());
    await waitFor(() => expect(layout()).toBe('fit'));
    // the number narrows to its longest text (never cut), which leaves room for 上报时间
    expect(headers()).toEqual(['number', 'title', 'item', 'reportedAt', 'urgency', 'node', 'sla', 'actions']);
    // nothing sticks while nothing scrolls
    expect(document.querySelector('.ant-table-cell-fix-end, .ant-table-cell-fix-right')).toBeNull();
    const cols = [...document.querySelectorAll<HTMLElement>('colgroup col')].map((c) => parseFloat(c.style.width));
    expect(cols.reduce((s, w) => s + w, 0)).toBe(1078);
    expect(screen.getByTestId('hidden-columns').textContent).toBe('另有 3 列未显示：上报人、上报方式、行政区划');
    // long text cuts with an ellipsis and shows whole on hover
    expect(document.querySelector('td[data-col="title"]')!.className).toContain('ant-table-cell-ellipsis');

    fireEvent.click(screen.getByTestId('toggle-columns'));
    await waitFor(() => expect(layout()).toBe('scroll'));
    expect(headers()).toEqual(['number', 'title', 'item', 'reportedAt', 'fields.reporterName', 'channel', 'center', 'urgency', 'node', 'sla', 'actions']);
    expect(screen.queryByTestId('hidden-columns')).toBeNull();
    expect(screen.getByTestId('toggle-columns').textContent).toBe('适应宽度');
    fireEvent.click(screen.getByTestId('toggle-columns'));
    await waitFor(() => expect(layout()).toBe('fit'));
  });

  it('X-4 in English the hidden columns are named in English', async () => {
    await act(async () => { setLang('en-US'); });
    open();
    await waitFor(() => expect(screen.getByTestId('hidden-columns')).toBeTruthy());
    expect(screen.getByTestId('hidden-columns').textContent).toMatch(/^\d more columns not shown: (Item, )?(Reported at, )?Reporter, Channel, Region$/);
  });
});
