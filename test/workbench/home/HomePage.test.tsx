import { cleanup, render, screen, waitFor } from '@testing-library/react';
import { App as AntApp } from 'antd';
import { MemoryRouter } from 'react-router-dom';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { AuthProvider } from '../../../designer/shared/auth/AuthContext';
import { setLang } from '../../../designer/shared/i18n';
import { HomePage } from '../../../designer/workbench/src/home/HomePage';
import { homeViews, type ViewSummary } from '../../../designer/workbench/src/home/homeViews';
import { RoleContext } from '../../../designer/workbench/src/layout/RoleContext';
import { fakeServer } from '../lists/fakeServer';

const ORDER = ['acceptance', 'dispatch', 'handling', 'review', 'closing', 'query'];

/** GET /api/views for a user who is 派遣员 and 值班长 at once (the server already left out what neither may open). */
const views: ViewSummary[] = [
  { id: 'view.cls.closing', module: 'closing', name: '事件结案', nameEn: 'Closing', tabs: [{ key: 'pending', name: '待结案', nameEn: null, count: 4, roles: ['shiftLeader'] }] },
  { id: 'view.dsp.dispatch', module: 'dispatch', name: '事件分拨', nameEn: 'Dispatch', tabs: [{ key: 'pending', name: '待分拨', nameEn: null, count: 3, roles: ['dispatcher'] }] },
  {
    id: 'view.rev.assist', module: 'review', name: '协办审核', nameEn: 'Assist review', tabs: [
      { key: 'shiftLeader', name: '待值班长审核', nameEn: null, count: 1, roles: ['shiftLeader'] },
      { key: 'reviewed', name: '已审核', nameEn: null, count: 5, roles: ['shiftLeader', 'dispatcher'] },
    ],
  },
  {
    id: 'view.dsp.difficult', module: 'dispatch', name: '疑难事件', nameEn: 'Difficult', tabs: [
      { key: 'pending', name: '待审核', nameEn: null, count: 2, roles: ['shiftLeader'] },
      { key: 'dispatched', name: '已分拨', nameEn: null, count: 7, roles: ['dispatcher'] },
    ],
  },
];
/** The menu's views of /api/me: which of the user's roles open each. */
const menu = [
  { id: 'view.cls.closing', roles: ['shiftLeader'] },
  { id: 'view.dsp.dispatch', roles: ['dispatcher'] },
  { id: 'view.rev.assist', roles: ['shiftLeader'] },
  { id: 'view.dsp.difficult', roles: ['dispatcher', 'shiftLeader'] },
];
const ROLES = ['shiftLeader', 'dispatcher'];

const shape = (groups: ReturnType<typeof homeViews>) => groups.map((g) => [g.module, g.views.map((v) => `${v.id}:${v.tabs.map((t) => t.key).join('+')}`)]);

describe('home page follows the role switch', () => {
  it('all roles: every view and tab the server sent, modules in the menu\u2019s order', () => {
    expect(shape(homeViews(views, menu, ROLES, '', ORDER))).toEqual([
      ['dispatch', ['view.dsp.dispatch:pending', 'view.dsp.difficult:pending+dispatched']],
      ['review', ['view.rev.assist:shiftLeader+reviewed']],
      ['closing', ['view.cls.closing:pending']],
    ]);
  });

  it('one role: the views the menu shows for it, each with the tabs its list screen shows', () => {
    expect(shape(homeViews(views, menu, ROLES, 'dispatcher', ORDER))).toEqual([
      ['dispatch', ['view.dsp.dispatch:pending', 'view.dsp.difficult:dispatched']],
    ]);
    expect(shape(homeViews(views, menu, ROLES, 'shiftLeader', ORDER))).toEqual([
      ['dispatch', ['view.dsp.difficult:pending']],
      ['review', ['view.rev.assist:shiftLeader+reviewed']],
      ['closing', ['view.cls.closing:pending']],
    ]);
    // a view the menu does not list (an older server) opens for the role when one of its tabs is for it
    expect(shape(homeViews(views, [], ROLES, 'dispatcher', ORDER)).flatMap(([, v]) => v)).toEqual(['view.dsp.dispatch:pending', 'view.dsp.difficult:dispatched', 'view.rev.assist:reviewed']);
  });

  describe('HomePage', () => {
    beforeEach(() => {
      localStorage.setItem('tongguan.token', 'token');
      setLang('zh-CN');
    });
    afterEach(() => cleanup());

    function open(role: string) {
      const me = { user: { id: 'zjg.shiftleader2', login: 'zjg.shiftleader2', name: '值班长', department: 'zjg', roles: ROLES }, department: 'zjg', center: { id: 'zjg', name: '张家港市' }, views: menu.map((m) => ({ ...m, module: '', name: '', tabs: [] })) };
      fakeServer((call) => {
        if (call.path === '/api/me') return { body: me };
        if (call.path === '/api/views') return { body: { views } };
        return undefined;
      });
      return render(
        <AntApp>
          <AuthProvider>
            <RoleContext.Provider value={{ role, setRole: () => undefined }}>
              <MemoryRouter><HomePage /></MemoryRouter>
            </RoleContext.Provider>
          </AuthProvider>
        </AntApp>,
      );
    }
    const cards = () => [...document.querySelectorAll<HTMLElement>('[data-testid^="home-view-"]')].map((e) => e.dataset.testid!.slice('home-view-'.length));

    it('as 派遣员 shows only the dispatcher\u2019s lists and tabs with their counts', async () => {
      open('dispatcher');
      await waitFor(() => expect(screen.getByTestId('home').dataset.role).toBe('dispatcher'));
      await waitFor(() => expect(cards()).toEqual(['view.dsp.dispatch', 'view.dsp.difficult']));
      const difficult = screen.getByTestId('home-view-view.dsp.difficult');
      expect([...difficult.querySelectorAll<HTMLElement>('[data-testid^="home-tab-"]')].map((e) => [e.textContent, e.dataset.count])).toEqual([['已分拨7', '7']]);
      expect(screen.queryByText('统一结案')).toBeNull();
    });

    it('with all roles shows every list, grouped in the menu\u2019s order', async () => {
      open('');
      await waitFor(() => expect(cards()).toEqual(['view.dsp.dispatch', 'view.dsp.difficult', 'view.rev.assist', 'view.cls.closing']));
      expect([...document.querySelectorAll('[data-testid^="home-module-"] h5')].map((h) => h.textContent)).toEqual(['统一分拨', '统一审核', '统一结案']);
    });
  });
});
