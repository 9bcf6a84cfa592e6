import { App as AntApp, ConfigProvider } from 'antd';
import zhCN from 'antd/locale/zh_CN';
import enUS from 'antd/locale/en_US';
import { BrowserRouter, Navigate, Route, Routes } from 'react-router-dom';
import { AuthProvider, useAuth } from '../../shared/auth/AuthContext';
import { LoginPage } from '../../shared/auth/LoginPage';
import { CatalogueProvider } from '../../shared/catalogue/CatalogueContext';
import { useI18n } from '../../shared/i18n';
import { AppLayout } from './layout/AppLayout';
import { HomePage } from './home/HomePage';
import { ViewPage } from './lists/ViewPage';
import { RegisterPage } from './register/RegisterPage';
import { TicketPage } from './ticket/TicketPage';
import { MessagesPage } from './messages/MessagesPage';
import { theme } from './theme';

function Screens() {
  const { me, loading } = useAuth();
  const { t } = useI18n();
  if (loading) return null;
  if (!me) return <LoginPage title={t('appName')} />;
  return (
    <CatalogueProvider>
      <Routes>
        <Route element={<AppLayout />}>
          <Route index element={<HomePage />} />
          <Route path="views/:view/:tab?" element={<ViewPage />} />
          <Route path="register" element={<RegisterPage />} />
          <Route path="tickets/:id" element={<TicketPage />} />
          <Route path="messages" element={<MessagesPage />} />
          <Route path="*" element={<Navigate to="/" replace />} />
        </Route>
      </Routes>
    </CatalogueProvider>
  );
}

/** The workbench: what acceptors, dispatchers, handlers, reviewers and grid workers use all day. */
export function App() {
  const { lang } = useI18n();
  return (
    <ConfigProvider locale={lang === 'en-US' ? enUS : zhCN} theme={theme}>
      <AntApp>
        <AuthProvider>
          <BrowserRouter>
            <Screens />
          </BrowserRouter>
        </AuthProvider>
      </AntApp>
    </ConfigProvider>
  );
}
