import { App as AntApp, ConfigProvider, Result } from 'antd';
import zhCN from 'antd/locale/zh_CN';
import enUS from 'antd/locale/en_US';
import { AuthProvider, useAuth } from '../../shared/auth/AuthContext';
import { LoginPage } from '../../shared/auth/LoginPage';
import { useI18n } from '../../shared/i18n';

function Screens() {
  const { me, loading } = useAuth();
  const { t } = useI18n();
  if (loading) return null;
  if (!me) return <LoginPage title={t('studioName')} />;
  return <Result title={t('studioName')} />;
}

/** The studio: delivery staff edit, lint, preview and publish definitions. */
export function App() {
  const { lang } = useI18n();
  return (
    <ConfigProvider locale={lang === 'en-US' ? enUS : zhCN}>
      <AntApp>
        <AuthProvider>
          <Screens />
        </AuthProvider>
      </AntApp>
    </ConfigProvider>
  );
}
