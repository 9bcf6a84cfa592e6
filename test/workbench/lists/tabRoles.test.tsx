import { cleanup, render, screen, waitFor } from '@testing-library/react';
import { App as AntApp } from 'antd';
import { MemoryRouter, Route, Routes } from 'react-router-dom';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { AuthProvider } from '../../../designer/shared/auth/AuthContext';
import { CatalogueProvider } from '../../../designer/shared/catalogue/CatalogueContext';
import { setLang } from '../../../designer/shared/i18n';
import { RoleContext } from '../../../designer/workbench/src/layout/RoleContext';
import { tabsFor } from '../../../designer/workbench/src/lists/tabsFor';
import type { ListView } from '../../../designer/workbench/src/lists/types';
import { ViewPage } from '../../../designer/workbench/src/lists/ViewPage';
import { fakeServer } from './fakeServer';
import { catalogue, listView } from './fixtures';

const ASSIST = 'view.rev.assist';
const TAB_ROLES: Record<string, string[]> = { pending: ['reviewer'], shiftLeader: ['shiftLeader'], reviewed: ['reviewer', 'shiftLeader'] };

/** 协办审核 as GET /api/views sends it to a user holding `roles`: only the tabs of those roles, each with the roles it is for. */
function assistView(roles: string[]): ListView {
  const view = listView(ASSIST, { pending: 2, shiftLeader: 1, reviewed: 5 });
  const tabs = view.tabs
    .map((t) => ({ ...t, roles: TAB_ROLES[t.key]!.filter((r) => roles.includes(r)) }))
    .filter((t) => t.roles.length > 0);
  return { ...view, tabs };
}

function serve(roles: string[]) {
  const me = {
    user: { id: 'zjg.both', login: 'zjg.both', name: '审核员', department: 'zjg', roles },
    department: 'zjg', center: { id: 'zjg', name: '张家港市' }, views: [],
  };
  return fakeServer((call) => {
    if (call.path === '/api/me') return { body: me };
    if (call.path === '/api/workbench/catalogue') return { body: catalogue };
    if (call.path === '/api/views') return { body: { views: [assistView(roles)] } };
    if (/^\/api\/views\/[^/]+\/tabs\/[^/]+$/.test(call.path)) return { body: { total: 0, page: 1, pageSize: 20, rows: [] } };
    return undefined;
  });
}

function open(path: string, role = '') {
  return render(
    <AntApp>
      <AuthProvider>
        <RoleContext.Provider value={{ role, setRole: () => undefined }}>
          <MemoryRouter initialEntries={[path]}>
            <CatalogueProvider>
              <Routes>
                <Route path="/views/:view/:tab?" element={<ViewPage />} />
              </Routes>
            </CatalogueProvider>
          </MemoryRouter>
        </RoleContext.Provider>
      </AuthProvider>
    </AntApp>,
  );
}

const shownTabs = () => [...document.querySelectorAll<HTMLElement>('[data-testid^="tab-"]')].map((e) => e.dataset.testid!.slice(4));
const listed = (server: ReturnType<typeof serve>) => server.calls.filter((c) => c.path.startsWith(`/api/views/${ASSIST}/tabs/`)).map((c) => c.path.split('/').at(-1));

describe('REV-2 协办审核 tabs follow the roles: a button the user may not press is not shown', () => {
  beforeEach(() => {
    localStorage.setItem('tongguan.token', 'token');
    setLang('zh-CN');
  });
  afterEach(() => cleanup());

  it('REV-2 tabsFor keeps the tabs of the roles the user works as, and every tab when none is for them', () => {
    const view = assistView(['reviewer', 'shiftLeader']);
    expect(tabsFor(view, ['reviewer', 'shiftLeader']).map((t) => t.key)).toEqual(['pending', 'shiftLeader', 'reviewed']);
    expect(tabsFor(view, ['shiftLeader']).map((t) => t.key)).toEqual(['shiftLeader', 'reviewed']);
    expect(tabsFor(view, ['reviewer']).map((t) => t.key)).toEqual(['pending', 'reviewed']);
    expect(tabsFor(view, ['dispatcher']).map((t) => t.key)).toEqual(['pending', 'shiftLeader', 'reviewed']);
    // tabs without roles (an older server) are for everyone
    expect(tabsFor({ tabs: view.tabs.map(({ roles: _roles, ...t }) => t) }, ['shiftLeader'])).toHaveLength(3);
  });

  it('REV-2 a shift leader gets only 待值班长审核 and 已审核; the reviewer\u2019s 待审核 address goes to his first tab', async () => {
    const server = serve(['shiftLeader', 'dispatcher']);
    open(`/views/${ASSIST}/pending`);
    await waitFor(() => expect(shownTabs()).toEqual(['shiftLeader', 'reviewed']));
    await waitFor(() => expect(listed(server)).toContain('shiftLeader'));
    expect(listed(server)).not.toContain('pending');
    expect(screen.getByTestId('tab-shiftLeader').textContent).toContain('待值班长审核');
  });

  it('REV-2 one holding both roles sees all three tabs, and the header\u2019s role switch narrows them to that role\u2019s', async () => {
    serve(['reviewer', 'shiftLeader']);
    const all = open(`/views/${ASSIST}/pending`);
    await waitFor(() => expect(shownTabs()).toEqual(['pending', 'shiftLeader', 'reviewed']));
    all.unmount();

    const server = serve(['reviewer', 'shiftLeader']);
    open(`/views/${ASSIST}/shiftLeader`, 'reviewer');
    await waitFor(() => expect(shownTabs()).toEqual(['pending', 'reviewed']));
    await waitFor(() => expect(listed(server)).toContain('pending'));
    expect(listed(server)).not.toContain('shiftLeader');
  });
});
