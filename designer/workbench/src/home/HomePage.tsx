import { Badge, Card, Col, Empty, Row, Spin, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { useNavigate } from 'react-router-dom';
import { api } from '../../../shared/api/client';
import { useAuth } from '../../../shared/auth/AuthContext';
import { localName, useI18n } from '../../../shared/i18n';
import { MODULE_ORDER } from '../layout/AppLayout';
import { useActiveRole } from '../layout/RoleContext';
import { homeViews, type ViewSummary } from './homeViews';

/** 工作台首页: every list the user may open (as the role chosen in the header) with its tab counts. */
export function HomePage() {
  const { t, lang } = useI18n();
  const navigate = useNavigate();
  const { me } = useAuth();
  const { role } = useActiveRole();
  const [views, setViews] = useState<ViewSummary[] | null>(null);
  useEffect(() => {
    void api.get<{ views: ViewSummary[] }>('/api/views').then((r) => setViews(r.views));
  }, []);
  if (!views) return <Spin description={t('loading')}><div style={{ height: 200 }} /></Spin>;
  const groups = homeViews(views, me?.views ?? [], me?.user.roles ?? [], role, MODULE_ORDER);
  if (groups.length === 0) return <Empty description={t('empty')} />;
  return (
    <div data-testid="home" data-role={role}>
      {groups.map(({ module: m, views: shown }) => (
        <div key={m} style={{ marginBottom: 16 }} data-testid={`home-module-${m}`}>
          <Typography.Title level={5} style={{ marginTop: 0 }}>{t(`modules.${m}`)}</Typography.Title>
          <Row gutter={[12, 12]}>
            {shown.map((v) => (
              <Col key={v.id} xs={24} sm={12} md={8} xl={6}>
                <Card size="small" hoverable data-testid={`home-view-${v.id}`} title={localName({ name: v.name, nameEn: v.nameEn ?? undefined }, lang)} onClick={() => navigate(`/views/${v.id}`)}>
                  {v.tabs.map((tab) => (
                    <div key={tab.key} style={{ display: 'flex', justifyContent: 'space-between', padding: '2px 0' }} data-testid={`home-tab-${tab.key}`} data-count={tab.count}
                      onClick={(e) => { e.stopPropagation(); navigate(`/views/${v.id}/${tab.key}`); }}>
                      <span>{localName({ name: tab.name, nameEn: tab.nameEn ?? undefined }, lang)}</span>
                      <Badge count={tab.count} showZero color={tab.count ? '#1456d9' : '#d9d9d9'} overflowCount={9999} />
                    </div>
                  ))}
                </Card>
              </Col>
            ))}
          </Row>
        </div>
      ))}
    </div>
  );
}
