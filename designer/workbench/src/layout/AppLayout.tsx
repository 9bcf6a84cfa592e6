import { Avatar, Badge, Button, Dropdown, Layout, Menu, Segmented, Select, Space, Typography } from 'antd';
import { BellOutlined, FormOutlined, LogoutOutlined, UserOutlined } from '@ant-design/icons';
import { useMemo, useState } from 'react';
import { Outlet, useLocation, useNavigate } from 'react-router-dom';
import { useAuth } from '../../../shared/auth/AuthContext';
import { useCatalogue } from '../../../shared/catalogue/CatalogueContext';
import { localName, setLang, useI18n, type Lang } from '../../../shared/i18n';
import { RoleContext } from './RoleContext';
import { useUnreadCount } from './unreadCount';
import './texts';

export const MODULE_ORDER = ['acceptance', 'dispatch', 'handling', 'review', 'closing', 'query'];
const ROLE_KEY = 'tongguan.role';
/** Header (center, role switch, messages, language, user) and the menu generated from the views. */
export function AppLayout() {
  const { me, logout } = useAuth();
  const catalogue = useCatalogue();
  const { t, lang } = useI18n(['common', 'layout']);
  const navigate = useNavigate();
  const location = useLocation();
  const unread = useUnreadCount();
  const roles = me!.user.roles;
  const [role, setRoleState] = useState(() => {
    const stored = sessionStorage.getItem(ROLE_KEY) ?? '';
    return roles.includes(stored) ? stored : '';
  });
  const setRole = (r: string) => {
    sessionStorage.setItem(ROLE_KEY, r);
    setRoleState(r);
  };
  const views = useMemo(() => me!.views.filter((v) => !role || v.roles.includes(role)), [me, role]);
  const canRegister = roles.includes('acceptor') && (!role || role === 'acceptor');

  const items = MODULE_ORDER.filter((m) => views.some((v) => v.module === m)).map((m) => ({
    key: `module:${m}`,
    label: t(`modules.${m}`),
    children: views.filter((v) => v.module === m).map((v) => ({ key: `/views/${v.id}`, label: localName(v, lang) })),
  }));
  const selected = location.pathname.startsWith('/views/') ? `/views/${location.pathname.split('/')[2]}` : location.pathname;
  const roleName = (id: string) => localName(catalogue.roles.find((r) => r.id === id), lang) || id;

  return (
    <RoleContext.Provider value={{ role, setRole }}>
      <Layout style={{ minHeight: '100vh' }}>
        <Layout.Header style={{ display: 'flex', alignItems: 'center', gap: 16 }}>
          <Typography.Text strong style={{ color: '#fff', fontSize: 18, whiteSpace: 'nowrap', cursor: 'pointer' }} onClick={() => navigate('/')}>{t('appName')}</Typography.Text>
          <Typography.Text style={{ color: 'rgba(255,255,255,.85)', whiteSpace: 'nowrap' }} data-testid="user-center">
            {me!.center ? catalogue.departmentName(me!.center.id, lang) : ''}{me!.department && me!.user.department !== me!.center?.id ? ` · ${catalogue.departmentName(me!.user.department, lang)}` : ''}
          </Typography.Text>
          <div style={{ flex: 1 }} />
          {canRegister && <Button type="primary" ghost icon={<FormOutlined />} onClick={() => navigate('/register')} style={{ color: '#fff', borderColor: '#fff' }}>{t('layout:register')}</Button>}
          {roles.length > 1 && (
            <Select size="small" style={{ minWidth: 140 }} value={role} onChange={setRole} aria-label={t('role')} data-testid="role-switch"
              options={[{ value: '', label: t('allRoles') }, ...roles.map((r) => ({ value: r, label: roleName(r) }))]} />
          )}
          <Badge count={unread} size="small" offset={[-2, 2]}>
            <Button type="text" aria-label={t('messages')} icon={<BellOutlined style={{ color: '#fff', fontSize: 18 }} />} onClick={() => navigate('/messages')} data-testid="message-bell" />
          </Badge>
          <Segmented<Lang> size="small" value={lang} onChange={(v) => setLang(v)} options={[{ label: '中文', value: 'zh-CN' }, { label: 'EN', value: 'en-US' }]} data-testid="lang-switch" />
          <Dropdown menu={{ items: [{ key: 'logout', icon: <LogoutOutlined />, label: t('logout'), onClick: () => void logout() }] }}>
            <Space style={{ color: '#fff', cursor: 'pointer', whiteSpace: 'nowrap' }} data-testid="user-menu">
              <Avatar size="small" icon={<UserOutlined />} />
              {me!.user.name}
              <Typography.Text style={{ color: 'rgba(255,255,255,.65)', fontSize: 12 }}>{roles.map(roleName).join('/')}</Typography.Text>
            </Space>
          </Dropdown>
        </Layout.Header>
        <Layout>
          <Layout.Sider width={208} theme="light" breakpoint="lg" collapsedWidth={0} style={{ borderRight: '1px solid #f0f0f0' }}>
            <Menu mode="inline" items={items} selectedKeys={[selected]} defaultOpenKeys={items.map((i) => i.key)}
              onClick={(e) => navigate(e.key)} style={{ borderInlineEnd: 0 }} data-testid="main-menu" />
          </Layout.Sider>
          <Layout.Content style={{ padding: 16, minWidth: 0 }}>
            <Outlet />
          </Layout.Content>
        </Layout>
      </Layout>
    </RoleContext.Provider>
  );
}
