import { App as AntApp, ConfigProvider, Result } from 'antd';
import zhCN from 'antd/locale/zh_CN';
import enUS from 'antd/locale/en_US';
import { BrowserRouter, Navigate, Route, Routes, useLocation } from 'react-router-dom';
import { AuthProvider, useAuth } from '../../shared/auth/AuthContext';
import { LoginPage } from '../../shared/auth/LoginPage';
import { useI18n } from '../../shared/i18n';
import { DefinitionEditorPage } from './editor/DefinitionEditorPage';
import { FlowGraphPage } from './flow/FlowGraphPage';
import { KindListPage } from './kinds/KindListPage';
import { KindsProvider } from './kinds/KindsContext';
import { StudioLayout } from './layout/StudioLayout';
import { LintPage } from './lint/LintPage';
import { PackagesPage } from './packages/PackagesPage';
import { PublishPage } from './publish/PublishPage';
import { VersionsPage } from './publish/VersionsPage';
import { CatalogueImportPage } from './tools/CatalogueImportPage';
import { RuleTesterPage } from './tools/RuleTesterPage';
import { SlaCalculatorPage } from './tools/SlaCalculatorPage';
import './texts';

/** One editor per address: moving to another definition starts a fresh editor (tabs, JSON text, errors). */
function Keyed({ create = false }: { create?: boolean }) {
  const location = useLocation();
  return <DefinitionEditorPage key={location.pathname + location.search} create={create} />;
}

function Screens() {
  const { me, loading } = useAuth();
  const { t } = useI18n(['studio', 'common']);
  if (loading) return null;
  if (!me) return <LoginPage title={t('common:studioName')} />;
  if (!me.user.roles.includes('admin')) return <Result status="403" title={t('common:studioName')} subTitle={t('adminOnly')} />;
  return (
    <KindsProvider>
      <Routes>
        <Route element={<StudioLayout />}>
          <Route index element={<Navigate to="/kinds/domain" replace />} />
          <Route path="kinds/:kind" element={<KindListPage />} />
          <Route path="kinds/:kind/new" element={<Keyed create />} />
          <Route path="kinds/:kind/edit" element={<Keyed />} />
          <Route path="flow-graph" element={<FlowGraphPage />} />
          <Route path="sla" element={<SlaCalculatorPage />} />
          <Route path="rule-test" element={<RuleTesterPage />} />
          <Route path="catalogue-import" element={<CatalogueImportPage />} />
          <Route path="lint" element={<LintPage />} />
          <Route path="publish" element={<PublishPage />} />
          <Route path="versions" element={<VersionsPage />} />
          <Route path="packages" element={<PackagesPage />} />
          <Route path="*" element={<Navigate to="/" replace />} />
        </Route>
      </Routes>
    </KindsProvider>
  );
}

/** The studio: delivery staff edit, lint, preview and publish definitions. */
export function App() {
  const { lang } = useI18n();
  return (
    <ConfigProvider locale={lang === 'en-US' ? enUS : zhCN}>
      <AntApp>
        <AuthProvider>
          <BrowserRouter basename="/studio">
            <Screens />
          </BrowserRouter>
        </AuthProvider>
      </AntApp>
    </ConfigProvider>
  );
}
