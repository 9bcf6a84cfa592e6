import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { App as AntApp } from 'antd';
import { MemoryRouter, Route, Routes } from 'react-router-dom';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { session } from '../../../designer/shared/api/client';
import { AuthProvider } from '../../../designer/shared/auth/AuthContext';
import { CatalogueProvider } from '../../../designer/shared/catalogue/CatalogueContext';
import { setLang } from '../../../designer/shared/i18n';
import { TicketPage } from '../../../designer/workbench/src/ticket/TicketPage';
import type { TicketDetail } from '../../../designer/workbench/src/ticket/types';
import { fakeServer } from '../lists/fakeServer';
import { catalogue, handlingDetail } from './fixtures';


const me = {
  user: { id: 'zjg.sthj.handler', login: 'zjg.sthj.handler', name: '处理员', department: 'zjg.sthj', roles: ['handler'] },
  department: 'zjg.sthj', center: { id: 'zjg', name: '张家港市' }, views: [],
};
const offer = (button: string, allowed = true, reason?: { code: string; params?: Record<string, string> }) => ({
  button, name: button, group: 'bg.handling', order: 0, allowed,
  ...(reason ? { reason: { code: reason.code, message: `en ${reason.code}`, messageZh: `zh ${reason.code}`, params: reason.params ?? {} } } : {}),
});

function serve(details: TicketDetail[]) {
  let reads = 0;
  return fakeServer((call) => {
    if (call.path === '/api/me') return { body: me };
    if (call.path === '/api/workbench/catalogue') return { body: catalogue };
    if (call.path === '/api/opinions') return { body: { opinions: [] } };
    if (call.path === '/api/tickets/t1' && call.method === 'GET') return { body: details[Math.min(reads++, details.length - 1)] };
    if (call.path === '/api/tickets/t1/actions') return { body: { ticket: {} } };
    return undefined;
  });
}

describe('the ticket detail page', () => {
  beforeEach(() => {
    session.token = 'token';
    setLang('zh-CN');
  });
  afterEach(() => cleanup());

  it('shows a task\u2019s allowed buttons, the rule-refused ones disabled with their reason, and hides the ones of other roles', async () => {
    const d = handlingDetail();
    d.actions.tasks['task-sthj'] = [
      offer('task.complete'),
      offer('task.applySuspension', false, { code: 'ENG_RULE_REFUSED', params: { reason: '协办单位及其下级单位不能申请挂账' } }),
      offer('task.return', false, { code: 'ENG_FORBIDDEN_ROLE' }),
    ];
    const after = { ...handlingDetail(), ticket: { ...d.ticket, version: 8 } };
    const server = serve([d, after]);
    render(<AntApp><AuthProvider><MemoryRouter initialEntries={['/tickets/t1']}><CatalogueProvider><Routes><Route path="/tickets/:id" element={<TicketPage />} /></Routes></CatalogueProvider></MemoryRouter></AuthProvider></AntApp>);
    const bar = await screen.findByTestId('task-actions-zjg.sthj');
    expect(bar.querySelector('[data-button="task.complete"]')!.hasAttribute('disabled')).toBe(false);
    expect(bar.querySelector('[data-button="task.applySuspension"]')!.hasAttribute('disabled')).toBe(true);
    expect(bar.querySelector('[data-reason]')!.getAttribute('data-reason')).toBe('协办单位及其下级单位不能申请挂账');
    expect(bar.querySelector('[data-button="task.return"]')).toBeNull();
    // the reporter as the server masked it, with the reason why
    expect((await screen.findByTestId('ticket-reporter')).textContent).toContain('脱敏');

    // pressing opens the generated dialog; after the action the detail is read again
    fireEvent.click(bar.querySelector('[data-button="task.complete"]')!);
    fireEvent.change(await waitFor(() => document.querySelector('#action-opinion')!), { target: { value: '已配合' } });
    fireEvent.click(screen.getByTestId('action-ok'));
    await waitFor(() => expect(screen.getByTestId('ticket-page').getAttribute('data-version')).toBe('8'));
    expect(server.to('/api/tickets/t1/actions', 'POST').map((c) => c.body)).toEqual([
      { button: 'task.complete', target: { kind: 'task', id: 'task-sthj' }, opinion: '已配合', version: 7 },
    ]);
    expect(server.to('/api/tickets/t1')).toHaveLength(2);
  });
});
