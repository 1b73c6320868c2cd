import { lazy, Suspense, type ReactNode } from 'react';
import { Route, Routes } from 'react-router-dom';
import { Loading } from '../components/Loading';
import { ChangePasswordPage } from '../features/account/ChangePasswordPage';
import { ProfilePage } from '../features/account/ProfilePage';
import { LoginPage } from '../features/auth/LoginPage';
import { ApplicationPage } from '../features/applications/ApplicationPage';
import { CampaignPage } from '../features/campaigns/CampaignPage';
import { HomePage } from '../features/home/HomePage';
import { RegisterPage } from '../features/registration/RegisterPage';
import { VerifyPage } from '../features/verify/VerifyPage';
import { CHANGE_PASSWORD_PATH, RequireAuth } from './guards';
import { Layout } from './Layout';
import { NotFound } from './NotFound';

// Administration is for organizers only: loaded on demand.
const UsersPage = lazy(() =>
  import('../features/admin-users/UsersPage').then((m) => ({ default: m.UsersPage })),
);
const UnitsPage = lazy(() =>
  import('../features/admin-units/UnitsPage').then((m) => ({ default: m.UnitsPage })),
);
const CampaignsAdminPage = lazy(() =>
  import('../features/admin-campaigns/CampaignsAdminPage').then((m) => ({
    default: m.CampaignsAdminPage,
  })),
);
const AuditPage = lazy(() =>
  import('../features/admin-audit/AuditPage').then((m) => ({ default: m.AuditPage })),
);
const EnterprisesPage = lazy(() =>
  import('../features/admin-enterprises/EnterprisesPage').then((m) => ({
    default: m.EnterprisesPage,
  })),
);

function Organizer({ children }: { children: ReactNode }) {
  return (
    <RequireAuth roles={['organizer']}>
      <Suspense fallback={<Loading />}>{children}</Suspense>
    </RequireAuth>
  );
}

export function AppRoutes() {
  return (
    <Routes>
      <Route element={<Layout />}>
        <Route index element={<HomePage />} />
        <Route path="campaigns/:idOrCode" element={<CampaignPage />} />
        <Route path="login" element={<LoginPage />} />
        <Route path="register" element={<RegisterPage />} />
        <Route path="verify" element={<VerifyPage />} />
        <Route
          path="applications/:id"
          element={
            <RequireAuth>
              <ApplicationPage />
            </RequireAuth>
          }
        />
        <Route
          path={CHANGE_PASSWORD_PATH.slice(1)}
          element={
            <RequireAuth>
              <ChangePasswordPage />
            </RequireAuth>
          }
        />
        <Route
          path="account/profile"
          element={
            <RequireAuth>
              <ProfilePage />
            </RequireAuth>
          }
        />
        <Route
          path="admin/users"
          element={
            <Organizer>
              <UsersPage />
            </Organizer>
          }
        />
        <Route
          path="admin/units"
          element={
            <Organizer>
              <UnitsPage />
            </Organizer>
          }
        />
        <Route
          path="admin/campaigns"
          element={
            <Organizer>
              <CampaignsAdminPage />
            </Organizer>
          }
        />
        <Route
          path="admin/audit"
          element={
            <Organizer>
              <AuditPage />
            </Organizer>
          }
        />
        <Route
          path="admin/enterprises"
          element={
            <Organizer>
              <EnterprisesPage />
            </Organizer>
          }
        />
        <Route path="*" element={<NotFound />} />
      </Route>
    </Routes>
  );
}
