import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { App as AntApp, Button } from 'antd';
import { useState } from 'react';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { AuthProvider } from '../../../designer/shared/auth/AuthContext';
import { CatalogueProvider } from '../../../designer/shared/catalogue/CatalogueContext';
import { session } from '../../../designer/shared/api/client';
import { setLang as setLanguage } from '../../../designer/shared/i18n';
import { useActionDialog, type ActionRequest } from '../../../designer/workbench/src/actions/useActionDialog';
import { fakeServer, type Call } from '../lists/fakeServer';
import { catalogue, handlingDetail } from '../ticket/fixtures';


const me = {
  user: { id: 'zjg.cgj.handler', login: 'zjg.cgj.handler', name: '处理员', department: 'zjg.cgj', roles: ['handler'] },
  department: 'zjg.cgj', center: { id: 'zjg', name: '张家港市' }, views: [],
};

function serve(action: (call: Call) => { status: number; body: unknown }) {
  return fakeServer((call) => {
    if (call.path === '/api/me') return { body: me };
    if (call.path === '/api/workbench/catalogue') return { body: catalogue };
    if (call.path === '/api/opinions' && call.method === 'GET') return { body: { opinions: [{ id: 'o1', text: '已联系相关单位' }] } };
    if (/^\/api\/tickets\/[^/]+\/actions$/.test(call.path)) return action(call);
    return undefined;
  });
}

function Harness({ request }: { request: ActionRequest }) {
  const { run, element } = useActionDialog();
  const [result, setResult] = useState('');
  return (
    <>
      <Button onClick={() => void run(request).then((done) => setResult(String(done)))}>press</Button>
      <span data-testid="result">{result}</span>
      {element}
    </>
  );
}

function open(request: ActionRequest) {
  return render(<AntApp><AuthProvider><CatalogueProvider><Harness request={request} /></CatalogueProvider></AuthProvider></AntApp>);
}

const extension: ActionRequest = { ticketId: 't1', button: 'task.applyExtension', target: { kind: 'task', id: 'task-cgj' }, version: 7, detail: handlingDetail() };

describe('the action dialog generated from a button type', () => {
  beforeEach(() => {
    session.token = 'token';
    setLanguage('zh-CN');
  });
  afterEach(() => cleanup());

  it('HND-1 extension: shows the limit, requires the opinion, then posts amount, unit, opinion, target and version', async () => {
    const server = serve(() => ({ status: 200, body: { ticket: {} } }));
    open(extension);
    fireEvent.click(await screen.findByText('press'));
    expect((await screen.findByTestId('hint-limit')).textContent).toContain('还可申请 1 次');
    fireEvent.change(document.querySelector('#action_amount')!, { target: { value: '2' } });
    fireEvent.click(screen.getByTestId('action-ok'));
    expect(await screen.findByText('请填写意见')).toBeTruthy();
    expect(server.to(/\/actions$/, 'POST')).toHaveLength(0);
    fireEvent.change(document.querySelector('#action-opinion')!, { target: { value: '需要外运' } });
    fireEvent.click(screen.getByTestId('action-ok'));
    await waitFor(() => expect(screen.getByTestId('result').textContent).toBe('true'));
    expect(server.to('/api/tickets/t1/actions', 'POST').map((c) => c.body)).toEqual([
      { button: 'task.applyExtension', target: { kind: 'task', id: 'task-cgj' }, opinion: '需要外运', payload: { amount: 2, unit: 'workDay' }, version: 7 },
    ]);
  });

  it('a stale version closes the dialog with a clear message and asks the page to reload', async () => {
    serve(() => ({ status: 409, body: { code: 'TG_ERR_STALE_VERSION', message: 'stale', messageZh: '工单已被他人处理' } }));
    open({ ticketId: 't1', button: 'task.feedback', target: { kind: 'task', id: 'task-cgj' }, version: 6 });
    fireEvent.click(await screen.findByText('press'));
    fireEvent.change(await waitFor(() => document.querySelector('#action-opinion')!), { target: { value: '已到现场' } });
    fireEvent.click(screen.getByTestId('action-ok'));
    await waitFor(() => expect(screen.getByTestId('result').textContent).toBe('true'));
    expect(await screen.findByText('该工单已被他人处理，页面已重新加载，请确认后再操作')).toBeTruthy();
  });
});
