import { Avatar, Dropdown, Layout, Menu, Segmented, Space, Typography } from 'antd';
import { AppstoreOutlined, ApartmentOutlined, ClockCircleOutlined, CloudUploadOutlined, LogoutOutlined, SettingOutlined, TeamOutlined, ToolOutlined, UserOutlined } from '@ant-design/icons';
import type { ReactNode } from 'react';
import { Outlet, useLocation, useNavigate } from 'react-router-dom';
import { useAuth } from '../../../shared/auth/AuthContext';
import { setLang, useI18n, type Lang } from '../../../shared/i18n';
import { groupedKinds, useKinds } from '../kinds/KindsContext';
import '../texts';
import '../tools/texts';

const GROUP_ICONS: Record<string, ReactNode> = {
  catalogue: <AppstoreOutlined />, flows: <ApartmentOutlined />, time: <ClockCircleOutlined />, parameters: <SettingOutlined />, org: <TeamOutlined />,
};

/** Header (language, user) and the menu: every definition kind, then lint, publish, versions, packages. */
export function StudioLayout() {
  const { me, logout } = useAuth();
  const { kinds } = useKinds();
  const { t, lang } = useI18n(['studio', 'common']);
  const navigate = useNavigate();
  const location = useLocation();

  const items = [
    ...groupedKinds(kinds).map((g) => ({
      key: `group:${g.group}`,
      icon: GROUP_ICONS[g.group],
      label: t(`groups.${g.group}`),
      children: [
        ...g.kinds.map((k) => ({ key: `/kinds/${k.kind}`, label: t(`kinds.${k.kind}`, { defaultValue: k.title }) })),
        ...(g.group === 'flows' ? [{ key: '/flow-graph', label: t('menu.flowGraph') }] : []),
      ],
    })),
    {
      key: 'group:tools', icon: <ToolOutlined />, label: t('studioTools:menu.group'),
      children: [['/catalogue-import', 'import'], ['/sla', 'calculator'], ['/rule-test', 'rules']].map(([key, k]) => ({ key: key!, label: t(`studioTools:menu.${k}`) })),
    },
    {
      key: 'group:publish', icon: <CloudUploadOutlined />, label: t('groups.publish'),
      children: ['lint', 'publish', 'versions', 'packages'].map((k) => ({ key: `/${k}`, label: t(`menu.${k}`) })),
    },
  ];
  const parts = location.pathname.split('/');
  const selected = parts[1] === 'kinds' ? `/kinds/${parts[2]}` : `/${parts[1] ?? ''}`;
  const open = items.filter((g) => g.children.some((c) => c.key === selected)).map((g) => g.key);

  return (
    <Layout style={{ minHeight: '100vh' }}>
      <Layout.Header style={{ display: 'flex', alignItems: 'center', gap: 16 }}>
        <Typography.Text strong style={{ color: '#fff', fontSize: 18, whiteSpace: 'nowrap', cursor: 'pointer' }} onClick={() => navigate('/')}>{t('common:studioName')}</Typography.Text>
        <div style={{ flex: 1 }} />
        <Segmented<Lang> size="small" value={lang} onChange={(v) => setLang(v)} options={[{ label: '中文', value: 'zh-CN' }, { label: 'EN', value: 'en-US' }]} data-testid="lang-switch" />
        <Dropdown menu={{ items: [{ key: 'logout', icon: <LogoutOutlined />, label: t('common:logout'), onClick: () => void logout() }] }}>
          <Space style={{ color: '#fff', cursor: 'pointer', whiteSpace: 'nowrap' }} data-testid="user-menu">
            <Avatar size="small" icon={<UserOutlined />} />
            {me!.user.name}
          </Space>
        </Dropdown>
      </Layout.Header>
      <Layout>
        <Layout.Sider width={216} theme="light" style={{ borderRight: '1px solid #f0f0f0' }}>
          <Menu mode="inline" items={items} selectedKeys={[selected]} defaultOpenKeys={open.length > 0 ? open : ['group:catalogue']}
            onClick={(e) => navigate(e.key)} style={{ borderInlineEnd: 0 }} data-testid="studio-menu" />
        </Layout.Sider>
        <Layout.Content style={{ padding: 16, minWidth: 0 }}>
          <Outlet />
        </Layout.Content>
      </Layout>
    </Layout>
  );
}
