import { cleanup, render, screen, waitFor } from '@testing-library/react';
import { App as AntApp } from 'antd';
import { MemoryRouter, Route, Routes } from 'react-router-dom';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Flow } from '../../../definitions/schemas/flow';
import general from '../../../definitions/packages/linkage/flows/general.json';
import task from '../../../definitions/packages/linkage/flows/task.json';
import departments from '../../../definitions/packages/demo-org/departments.json';
import { session } from '../../../designer/shared/api/client';
import { AuthProvider } from '../../../designer/shared/auth/AuthContext';
import { CatalogueProvider, type Catalogue, type FlowNames } from '../../../designer/shared/catalogue/CatalogueContext';
import { setLang } from '../../../designer/shared/i18n';
import { TicketPage } from '../../../designer/workbench/src/ticket/TicketPage';
import { fakeServer } from '../lists/fakeServer';
import { catalogue as base, handlingDetail } from './fixtures';

/** A flow's names as GET /api/workbench/catalogue lists them (runtime/http/routes/workbench.ts). */
const names = (flow: Flow): FlowNames => ({
  id: flow.id, name: flow.name, ...(flow.nameEn ? { nameEn: flow.nameEn } : {}),
  nodes: Object.fromEntries(flow.nodes.map((n) => [n.id, { name: n.name, ...(n.nameEn ? { nameEn: n.nameEn } : {}) }])),
});
const english = new Map((departments as { id: string; nameEn?: string }[]).map((d) => [d.id, d.nameEn]));
const catalogue: Catalogue = {
  ...base,
  flows: [names(general as unknown as Flow), { ...names(task as unknown as Flow), entity: 'task' }],
  // departments as the catalogue serves them: with the demo organisation's English names
  org: { ...base.org, departments: base.org.departments.map((d) => ({ ...d, ...(english.get(d.id) ? { nameEn: english.get(d.id)! } : {}) })) },
};

const me = {
  user: { id: 'zjg.dispatcher', login: 'zjg.dispatcher', name: '分拨员', department: 'zjg', roles: ['dispatcher'] },
  department: 'zjg', center: { id: 'zjg', name: '张家港市' }, views: [],
};

function detail() {
  const d = handlingDetail();
  d.history = [
    { id: 'h0', entity: { kind: 'ticket', id: 't1' }, event: 'dsp.assign', fromNode: 'dispatch', toNode: 'handling', at: d.ticket.registeredAt + 1000, actor: { user: 'zjg.dispatcher', department: 'zjg' }, opinion: '请城管局主办' },
    ...d.history,
  ];
  return d;
}

function show() {
  fakeServer((call) => {
    if (call.path === '/api/me') return { body: me };
    if (call.path === '/api/workbench/catalogue') return { body: catalogue };
    if (call.path === '/api/opinions') return { body: { opinions: [] } };
    if (call.path === '/api/tickets/t1' && call.method === 'GET') return { body: detail() };
    return undefined;
  });
  render(<AntApp><AuthProvider><MemoryRouter initialEntries={['/tickets/t1']}><CatalogueProvider><Routes><Route path="/tickets/:id" element={<TicketPage />} /></Routes></CatalogueProvider></MemoryRouter></AuthProvider></AntApp>);
}

describe('X-4 the ticket detail names items, flow nodes and departments in the UI language', () => {
  beforeEach(() => { session.token = 'token'; });
  afterEach(() => { cleanup(); setLang('zh-CN'); });

  it('en-US: the English names of the item, the nodes and the departments from the catalogue', async () => {
    setLang('en-US');
    show();
    const header = await screen.findByTestId('ticket-header');
    expect(header.textContent).toContain('Unauthorised outdoor advertising');
    expect(header.textContent).not.toContain('违规设置户外广告');
    const moved = await waitFor(() => {
      const item = [...screen.getByTestId('ticket-timeline').querySelectorAll('[data-event="dsp.assign"]')][0];
      if (!item) throw new Error('no dsp.assign in the timeline yet');
      return item;
    });
    expect(moved.textContent).toContain('Dispatch → Handling');
    expect(moved.textContent).not.toMatch(/事件分拨|事件处置/);
    // departments: the center in the header, the tasks' departments
    expect(header.textContent).toContain('Zhangjiagang');
    const tasks = screen.getByTestId('ticket-tasks');
    expect(tasks.textContent).toContain('Zhangjiagang Urban Management Bureau');
    expect(tasks.textContent).toContain('Zhangjiagang Ecology and Environment Bureau');
    expect(tasks.textContent).not.toContain('张家港市城市管理局');
  });

  it('zh-CN: the Chinese names of the same definitions', async () => {
    setLang('zh-CN');
    show();
    expect((await screen.findByTestId('ticket-header')).textContent).toContain('违规设置户外广告');
    const moved = await waitFor(() => screen.getByTestId('ticket-timeline').querySelector('[data-event="dsp.assign"]')!);
    expect(moved.textContent).toContain('事件分拨 → 事件处置');
    expect(screen.getByTestId('ticket-tasks').textContent).toContain('张家港市城市管理局');
  });
});
