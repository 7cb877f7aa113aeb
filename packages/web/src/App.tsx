import { Spin } from 'antd';
import { lazy, Suspense, useEffect, type ReactNode } from 'react';
import { BrowserRouter, Navigate, Route, Routes, useNavigate } from 'react-router-dom';
import { setUnauthorizedHandler } from './api/client';
import { LoginPage } from './auth/LoginPage';
import { RequireMe } from './auth/RequireMe';
import { canSee, HOME_BY_ROLE, SessionProvider, useMe, useSession, type Page } from './auth/session';
import { HouseholdProfilePage } from './households/HouseholdProfilePage';
import { LocaleProvider } from './i18n/LocaleProvider';
import { IntakePage } from './intake/IntakePage';
import { IssuesPage } from './registry/IssuesPage';
import { LeadsPage } from './registry/LeadsPage';
import { BatchPage } from './intake/BatchPage';
import { SourcePage } from './intake/SourcePage';
import { AppLayout } from './layout/AppLayout';
import { SearchPage } from './search/SearchPage';
import { WarningDetailPage } from './warnings/WarningDetailPage';
import { WorklistPage } from './worklist/WorklistPage';

// The screen alone needs ECharts: load it (and its chunk) only when it is opened.
const ScreenPage = lazy(() => import('./screen/ScreenPage').then((m) => ({ default: m.ScreenPage })));
// So does the database overview (its bar chart of the population groups).
const RegistryPage = lazy(() => import('./registry/RegistryPage').then((m) => ({ default: m.RegistryPage })));

/** A 401 from any call drops the session and goes to /login, remembering where the user was. */
function UnauthorizedRedirect() {
  const navigate = useNavigate();
  const { signedOut } = useSession();
  useEffect(() => {
    setUnauthorizedHandler(() => {
      signedOut();
      const next = window.location.pathname + window.location.search;
      if (window.location.pathname !== '/login') {
        void navigate(`/login?next=${encodeURIComponent(next)}`, { replace: true });
      }
    });
    return () => setUnauthorizedHandler(null);
  }, [navigate, signedOut]);
  return null;
}

/** UI routing by role; the API enforces the same limits. */
function ForRole({ page, children }: { page: Page; children: ReactNode }) {
  const me = useMe();
  return canSee(me.role, page) ? children : <Navigate to={HOME_BY_ROLE[me.role]} replace />;
}

const pageSpin = (
  <div style={{ display: 'grid', placeItems: 'center', minHeight: 240 }}>
    <Spin />
  </div>
);

const fullPageSpin = (
  <div style={{ display: 'grid', placeItems: 'center', minHeight: '100vh', background: '#050f24' }}>
    <Spin size="large" />
  </div>
);

export function App() {
  return (
    <LocaleProvider>
      <SessionProvider>
        <BrowserRouter>
          <UnauthorizedRedirect />
          <Routes>
            <Route path="/login" element={<LoginPage />} />
            <Route
              path="/screen"
              element={
                <RequireMe>
                  <ForRole page="screen">
                    <Suspense fallback={fullPageSpin}>
                      <ScreenPage />
                    </Suspense>
                  </ForRole>
                </RequireMe>
              }
            />
            <Route
              element={
                <RequireMe>
                  <AppLayout />
                </RequireMe>
              }
            >
              <Route index element={<ForRole page="worklist"><WorklistPage /></ForRole>} />
              <Route path="warnings" element={<ForRole page="worklist"><WorklistPage /></ForRole>} />
              <Route path="warnings/:id" element={<ForRole page="worklist"><WarningDetailPage /></ForRole>} />
              {/* Person search and household profiles: the same roles as the worklist (city admin, social worker). */}
              <Route path="search" element={<ForRole page="worklist"><SearchPage /></ForRole>} />
              <Route path="households/:id" element={<ForRole page="worklist"><HouseholdProfilePage /></ForRole>} />
              {/* The database at a glance for both working roles; its review queues for the city admin. */}
              <Route
                path="registry"
                element={
                  <ForRole page="registry">
                    <Suspense fallback={pageSpin}>
                      <RegistryPage />
                    </Suspense>
                  </ForRole>
                }
              />
              <Route path="registry/issues" element={<ForRole page="registryReview"><IssuesPage /></ForRole>} />
              <Route path="registry/leads" element={<ForRole page="registryReview"><LeadsPage /></ForRole>} />
              <Route path="intake" element={<ForRole page="intake"><IntakePage /></ForRole>} />
              <Route path="intake/sources/:id" element={<ForRole page="intake"><SourcePage /></ForRole>} />
              <Route path="intake/batches/:id" element={<ForRole page="intake"><BatchPage /></ForRole>} />
            </Route>
            <Route path="*" element={<Navigate to="/" replace />} />
          </Routes>
        </BrowserRouter>
      </SessionProvider>
    </LocaleProvider>
  );
}
