import { Badge, Card, Col, Empty, Row, Spin, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { useNavigate } from 'react-router-dom';
import { api } from '../../../shared/api/client';
import { localName, useI18n } from '../../../shared/i18n';
import { useActiveRole } from '../layout/RoleContext';

interface ViewSummary {
  id: string; module: string; name: string; nameEn: string | null;
  tabs: { key: string; name: string; nameEn: string | null; count: number }[];
}

/** 工作台首页: every list the user may open with its tab counts, to-dos first. */
export function HomePage() {
  const { t, lang } = useI18n();
  const navigate = useNavigate();
  const { role } = useActiveRole();
  const [views, setViews] = useState<(ViewSummary & { roles?: string[] })[] | null>(null);
  useEffect(() => {
    void api.get<{ views: ViewSummary[] }>('/api/views').then((r) => setViews(r.views));
  }, []);
  if (!views) return <Spin description={t('loading')}><div style={{ height: 200 }} /></Spin>;
  if (views.length === 0) return <Empty description={t('empty')} />;
  const modules = [...new Set(views.map((v) => v.module))];
  return (
    <div data-testid="home" data-role={role}>
      {modules.map((m) => (
        <div key={m} style={{ marginBottom: 16 }}>
          <Typography.Title level={5}>{t(`modules.${m}`)}</Typography.Title>
          <Row gutter={[12, 12]}>
            {views.filter((v) => v.module === m).map((v) => (
              <Col key={v.id} xs={24} sm={12} md={8} xl={6}>
                <Card size="small" hoverable title={localName({ name: v.name, nameEn: v.nameEn ?? undefined }, lang)} onClick={() => navigate(`/views/${v.id}`)}>
                  {v.tabs.map((tab) => (
                    <div key={tab.key} style={{ display: 'flex', justifyContent: 'space-between', padding: '2px 0' }}
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
