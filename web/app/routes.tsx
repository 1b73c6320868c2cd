import { lazy, Suspense, type ReactNode } from 'react';
import { Outlet, Route, Routes } from 'react-router-dom';
import { Loading } from '../components/Loading';
import { CHANGE_PASSWORD_PATH, RequireAuth } from './guards';
import { Layout } from './Layout';
import { NotFound } from './NotFound';

// Every page is its own chunk, loaded with its route: the sign-in page, the public campaign
// page and /verify do not download the editor, the administration or ECharts (docs/DECISIONS.md).
// The pages everyone reaches first:
const ChangePasswordPage = lazy(() =>
  import('../features/account/ChangePasswordPage').then((m) => ({ default: m.ChangePasswordPage })),
);
const ProfilePage = lazy(() =>
  import('../features/account/ProfilePage').then((m) => ({ default: m.ProfilePage })),
);
const ForgotPasswordPage = lazy(() =>
  import('../features/auth/ForgotPasswordPage').then((m) => ({ default: m.ForgotPasswordPage })),
);
const LoginPage = lazy(() =>
  import('../features/auth/LoginPage').then((m) => ({ default: m.LoginPage })),
);
const ResetPasswordPage = lazy(() =>
  import('../features/auth/ResetPasswordPage').then((m) => ({ default: m.ResetPasswordPage })),
);
const ApplicationPage = lazy(() =>
  import('../features/applications/ApplicationPage').then((m) => ({ default: m.ApplicationPage })),
);
const CampaignPage = lazy(() =>
  import('../features/campaigns/CampaignPage').then((m) => ({ default: m.CampaignPage })),
);
const BatchPage = lazy(() =>
  import('../features/recommender-desk/BatchPage').then((m) => ({ default: m.BatchPage })),
);
const DeskIndexPage = lazy(() =>
  import('../features/recommender-desk/DeskIndexPage').then((m) => ({ default: m.DeskIndexPage })),
);
const DeskPage = lazy(() =>
  import('../features/recommender-desk/DeskPage').then((m) => ({ default: m.DeskPage })),
);
const ReviewPage = lazy(() =>
  import('../features/recommender-desk/ReviewPage').then((m) => ({ default: m.ReviewPage })),
);
const HomePage = lazy(() =>
  import('../features/home/HomePage').then((m) => ({ default: m.HomePage })),
);
const MessagesPage = lazy(() =>
  import('../features/messages/MessagesPage').then((m) => ({ default: m.MessagesPage })),
);
const NotificationSettingsPage = lazy(() =>
  import('../features/messages/NotificationSettingsPage').then((m) => ({
    default: m.NotificationSettingsPage,
  })),
);
const RegisterPage = lazy(() =>
  import('../features/registration/RegisterPage').then((m) => ({ default: m.RegisterPage })),
);
const VerifyPage = lazy(() =>
  import('../features/verify/VerifyPage').then((m) => ({ default: m.VerifyPage })),
);
const ClaimPage = lazy(() =>
  import('../features/verification/ClaimPage').then((m) => ({ default: m.ClaimPage })),
);
const EnterpriseVerificationPage = lazy(() =>
  import('../features/verification/EnterpriseVerificationPage').then((m) => ({
    default: m.EnterpriseVerificationPage,
  })),
);

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
const CampaignConfigPage = lazy(() =>
  import('../features/admin-campaigns/CampaignConfigPage').then((m) => ({
    default: m.CampaignConfigPage,
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
const AwardsPage = lazy(() =>
  import('../features/admin-awards/AwardsPage').then((m) => ({ default: m.AwardsPage })),
);
const ProgressPage = lazy(() =>
  import('../features/admin-progress/ProgressPage').then((m) => ({ default: m.ProgressPage })),
);
// 评审: 申报项目库 and 纸质材料签收
const RegistryPage = lazy(() =>
  import('../features/admin-registry/RegistryPage').then((m) => ({ default: m.RegistryPage })),
);
const PaperReceiptPage = lazy(() =>
  import('../features/admin-registry/PaperReceiptPage').then((m) => ({
    default: m.PaperReceiptPage,
  })),
);
const ClaimsPage = lazy(() =>
  import('../features/admin-claims/ClaimsPage').then((m) => ({ default: m.ClaimsPage })),
);
const FindingsPage = lazy(() =>
  import('../features/admin-findings/FindingsPage').then((m) => ({ default: m.FindingsPage })),
);
const FormalCheckPage = lazy(() =>
  import('../features/admin-formal-check/FormalCheckPage').then((m) => ({
    default: m.FormalCheckPage,
  })),
);
const ReviewRoundsPage = lazy(() =>
  import('../features/admin-review-rounds/ReviewRoundsPage').then((m) => ({
    default: m.ReviewRoundsPage,
  })),
);
const SelectionPage = lazy(() =>
  import('../features/admin-selection/SelectionPage').then((m) => ({
    default: m.SelectionPage,
  })),
);
const ObjectionsPage = lazy(() =>
  import('../features/admin-objections/ObjectionsPage').then((m) => ({
    default: m.ObjectionsPage,
  })),
);
const ExpertsPage = lazy(() =>
  import('../features/admin-experts/ExpertsPage').then((m) => ({ default: m.ExpertsPage })),
);
const AnnouncementsPage = lazy(() =>
  import('../features/announcements/AnnouncementsPage').then((m) => ({
    default: m.AnnouncementsPage,
  })),
);
const TemplatesPage = lazy(() =>
  import('../features/admin-notifications/TemplatesPage').then((m) => ({
    default: m.TemplatesPage,
  })),
);
const OutboundEmailsPage = lazy(() =>
  import('../features/admin-notifications/OutboundEmailsPage').then((m) => ({
    default: m.OutboundEmailsPage,
  })),
);
// 监测分析: ECharts and the China map load only with these pages.
const OrganizerStatisticsPage = lazy(() =>
  import('../features/statistics/StatisticsPage').then((m) => ({
    default: m.OrganizerStatisticsPage,
  })),
);
const RecommenderStatisticsPage = lazy(() =>
  import('../features/statistics/StatisticsPage').then((m) => ({
    default: m.RecommenderStatisticsPage,
  })),
);
const PublicStatisticsPage = lazy(() =>
  import('../features/statistics/PublicStatisticsPage').then((m) => ({
    default: m.PublicStatisticsPage,
  })),
);
// 公示: the public list of the proposed solutions (no sign-in).
const PublicNoticePage = lazy(() =>
  import('../features/public-notice/PublicNoticePage').then((m) => ({
    default: m.PublicNoticePage,
  })),
);
// 附件4: enterprises fill in, recommenders collect, organizers see all.
const FollowUpListPage = lazy(() =>
  import('../features/follow-ups/FollowUpListPage').then((m) => ({
    default: m.FollowUpListPage,
  })),
);
const FollowUpPage = lazy(() =>
  import('../features/follow-ups/FollowUpPage').then((m) => ({ default: m.FollowUpPage })),
);

// 专家评分: the expert's 评审工作台 and scoring page; 评审结果 for organizers.
const ExpertHomePage = lazy(() =>
  import('../features/expert/ExpertHomePage').then((m) => ({ default: m.ExpertHomePage })),
);
const ScoringPage = lazy(() =>
  import('../features/expert/ScoringPage').then((m) => ({ default: m.ScoringPage })),
);
const ReviewResultsPage = lazy(() =>
  import('../features/admin-review-results/ReviewResultsPage').then((m) => ({
    default: m.ReviewResultsPage,
  })),
);
const ShowcasePage = lazy(() =>
  import('../features/showcase/ShowcasePage').then((m) => ({ default: m.ShowcasePage })),
);
const ShowcaseReviewPage = lazy(() =>
  import('../features/admin-showcase/ShowcaseReviewPage').then((m) => ({
    default: m.ShowcaseReviewPage,
  })),
);
const CatalogueAdminPage = lazy(() =>
  import('../features/admin-catalogue/CatalogueAdminPage').then((m) => ({
    default: m.CatalogueAdminPage,
  })),
);

// 系统评价 (issue 15): the organizer's rounds, results and bands; the expert's tasks and scoring.
const EvaluationAdminPage = lazy(() =>
  import('../features/evaluation/EvaluationAdminPage').then((m) => ({
    default: m.EvaluationAdminPage,
  })),
);
const MyEvaluationsPage = lazy(() =>
  import('../features/evaluation/MyEvaluationsPage').then((m) => ({
    default: m.MyEvaluationsPage,
  })),
);
const EvaluationScoringPage = lazy(() =>
  import('../features/evaluation/EvaluationScoringPage').then((m) => ({
    default: m.EvaluationScoringPage,
  })),
);

// 随机抽查: public pages (no sign-in), the organizer's, the expert's own tasks.
const PublicSpotChecksPage = lazy(() =>
  import('../features/spot-checks/PublicSpotChecksPage').then((m) => ({
    default: m.PublicSpotChecksPage,
  })),
);
const PublicSpotCheckPage = lazy(() =>
  import('../features/spot-checks/PublicSpotChecksPage').then((m) => ({
    default: m.PublicSpotCheckPage,
  })),
);
const SpotCheckAlgorithmPage = lazy(() =>
  import('../features/spot-checks/AlgorithmPage').then((m) => ({
    default: m.SpotCheckAlgorithmPage,
  })),
);
const AdminSpotChecksPage = lazy(() =>
  import('../features/spot-checks/AdminSpotChecksPage').then((m) => ({
    default: m.AdminSpotChecksPage,
  })),
);
const AdminSpotCheckPage = lazy(() =>
  import('../features/spot-checks/AdminSpotCheckPage').then((m) => ({
    default: m.AdminSpotCheckPage,
  })),
);
const ExpertSpotChecksPage = lazy(() =>
  import('../features/spot-checks/ExpertSpotChecksPage').then((m) => ({
    default: m.ExpertSpotChecksPage,
  })),
);
const ExpertSpotCheckTaskPage = lazy(() =>
  import('../features/spot-checks/ExpertSpotChecksPage').then((m) => ({
    default: m.ExpertSpotCheckTaskPage,
  })),
);
const LifecyclePage = lazy(() =>
  import('../features/admin-lifecycle/LifecyclePage').then((m) => ({ default: m.LifecyclePage })),
);
const SupportPage = lazy(() =>
  import('../features/support/SupportPage').then((m) => ({ default: m.SupportPage })),
);

/** The expert's pages: only what is assigned to them. */
function Expert() {
  return (
    <RequireAuth roles={['expert']}>
      <Suspense fallback={<Loading />}>
        <Outlet />
      </Suspense>
    </RequireAuth>
  );
}

// 年度运行监测 and 自查评估 (issue 15)
const PostAwardMinePage = lazy(() =>
  import('../features/post-award/MyReportsPage').then((m) => ({ default: m.MyReportsPage })),
);
const PostAwardReportPage = lazy(() =>
  import('../features/post-award/ReportPage').then((m) => ({ default: m.ReportPage })),
);
const PostAwardRoundsPage = lazy(() =>
  import('../features/post-award/RoundsPage').then((m) => ({ default: m.RoundsPage })),
);
const PostAwardRoundPage = lazy(() =>
  import('../features/post-award/RoundReportsPage').then((m) => ({
    default: m.RoundReportsPage,
  })),
);

function FollowUps({ children }: { children: ReactNode }) {
  return (
    <RequireAuth roles={['enterprise', 'recommender', 'organizer']}>
      <Suspense fallback={<Loading />}>{children}</Suspense>
    </RequireAuth>
  );
}

function Organizer({ children }: { children: ReactNode }) {
  return (
    <RequireAuth roles={['organizer']}>
      <Suspense fallback={<Loading />}>{children}</Suspense>
    </RequireAuth>
  );
}

/** The recommender's desk: its own unit's applications only. */
function Recommender() {
  return (
    <RequireAuth roles={['recommender']}>
      <Outlet />
    </RequireAuth>
  );
}

/** Any page still loading its chunk: the bar stays, the page's place shows 加载中. */
function Page() {
  return (
    <Suspense fallback={<Loading />}>
      <Outlet />
    </Suspense>
  );
}

export function AppRoutes() {
  return (
    <Routes>
      <Route element={<Layout />}>
        <Route element={<Page />}>
          <Route index element={<HomePage />} />
          <Route path="campaigns/:idOrCode" element={<CampaignPage />} />
          <Route
            path="campaigns/:code/statistics"
            element={
              <Suspense fallback={<Loading />}>
                <PublicStatisticsPage />
              </Suspense>
            }
          />
          <Route
            path="campaigns/:code/public-notice"
            element={
              <Suspense fallback={<Loading />}>
                <PublicNoticePage />
              </Suspense>
            }
          />
          <Route path="login" element={<LoginPage />} />
          <Route path="register" element={<RegisterPage />} />
          <Route path="verify" element={<VerifyPage />} />
          <Route path="verify/:code" element={<VerifyPage />} />
          <Route path="claim" element={<ClaimPage />} />
          <Route
            path="account/verification"
            element={
              <RequireAuth roles={['enterprise']}>
                <EnterpriseVerificationPage />
              </RequireAuth>
            }
          />
          <Route
            path="applications/:id"
            element={
              <RequireAuth>
                <ApplicationPage />
              </RequireAuth>
            }
          />
          <Route path="desk" element={<Recommender />}>
            <Route index element={<DeskIndexPage />} />
            <Route path=":campaignId" element={<DeskPage />} />
            <Route path=":campaignId/applications/:id" element={<ReviewPage />} />
            <Route path=":campaignId/batch" element={<BatchPage />} />
          </Route>
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
            path="admin/campaigns/:code/config"
            element={
              <Organizer>
                <CampaignConfigPage />
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
          <Route
            path="admin/claims"
            element={
              <Organizer>
                <ClaimsPage />
              </Organizer>
            }
          />
          <Route
            path="admin/awards"
            element={
              <Organizer>
                <AwardsPage />
              </Organizer>
            }
          />
          <Route
            path="admin/progress/:campaignId?"
            element={
              <Organizer>
                <ProgressPage />
              </Organizer>
            }
          />
          <Route
            path="admin/registry/:campaignId?"
            element={
              <Organizer>
                <RegistryPage />
              </Organizer>
            }
          />
          <Route
            path="admin/paper/:campaignId?"
            element={
              <Organizer>
                <PaperReceiptPage />
              </Organizer>
            }
          />
          <Route
            path="admin/statistics/:campaignId?"
            element={
              <Organizer>
                <OrganizerStatisticsPage />
              </Organizer>
            }
          />
          <Route
            path="recommender/statistics/:campaignId?"
            element={
              <RequireAuth roles={['recommender']}>
                <Suspense fallback={<Loading />}>
                  <RecommenderStatisticsPage />
                </Suspense>
              </RequireAuth>
            }
          />
          <Route
            path="admin/findings/:campaignId?"
            element={
              <Organizer>
                <FindingsPage />
              </Organizer>
            }
          />
          <Route
            path="admin/formal-check/:campaignId?"
            element={
              <Organizer>
                <FormalCheckPage />
              </Organizer>
            }
          />
          <Route
            path="admin/review-rounds/:campaignId?"
            element={
              <Organizer>
                <ReviewRoundsPage />
              </Organizer>
            }
          />
          <Route
            path="admin/selection/:campaignId?"
            element={
              <Organizer>
                <SelectionPage />
              </Organizer>
            }
          />
          <Route
            path="admin/objections/:campaignId?"
            element={
              <Organizer>
                <ObjectionsPage />
              </Organizer>
            }
          />
          <Route
            path="admin/experts"
            element={
              <Organizer>
                <ExpertsPage />
              </Organizer>
            }
          />
          <Route
            path="follow-ups/:campaignId"
            element={
              <FollowUps>
                <FollowUpListPage />
              </FollowUps>
            }
          />
          <Route
            path="follow-ups/:campaignId/:awardId"
            element={
              <FollowUps>
                <FollowUpPage />
              </FollowUps>
            }
          />
          <Route
            path="messages"
            element={
              <RequireAuth>
                <MessagesPage />
              </RequireAuth>
            }
          />
          <Route
            path="account/notifications"
            element={
              <RequireAuth>
                <NotificationSettingsPage />
              </RequireAuth>
            }
          />
          <Route path="forgot-password" element={<ForgotPasswordPage />} />
          <Route path="reset-password" element={<ResetPasswordPage />} />
          <Route
            path="announcements"
            element={
              <RequireAuth>
                <Suspense fallback={<Loading />}>
                  <AnnouncementsPage />
                </Suspense>
              </RequireAuth>
            }
          />
          <Route
            path="admin/notification-templates/:campaignId?"
            element={
              <Organizer>
                <TemplatesPage />
              </Organizer>
            }
          />
          <Route
            path="admin/outbound-emails"
            element={
              <Organizer>
                <OutboundEmailsPage />
              </Organizer>
            }
          />
          <Route path="expert" element={<Expert />}>
            <Route index element={<ExpertHomePage />} />
            <Route path="reviews/:assignmentId" element={<ScoringPage />} />
          </Route>
          <Route path="evaluations" element={<Expert />}>
            <Route index element={<MyEvaluationsPage />} />
            <Route path=":assignmentId" element={<EvaluationScoringPage />} />
          </Route>
          <Route
            path="admin/evaluation"
            element={
              <Organizer>
                <EvaluationAdminPage />
              </Organizer>
            }
          />
          <Route
            path="admin/review-results/:roundId"
            element={
              <Organizer>
                <ReviewResultsPage />
              </Organizer>
            }
          />
          <Route
            path="showcase/:publicId"
            element={
              <RequireAuth roles={['enterprise', 'recommender', 'organizer']}>
                <Suspense fallback={<Loading />}>
                  <ShowcasePage />
                </Suspense>
              </RequireAuth>
            }
          />
          <Route
            path="admin/showcase"
            element={
              <Organizer>
                <ShowcaseReviewPage />
              </Organizer>
            }
          />
          <Route
            path="admin/catalogue"
            element={
              <Organizer>
                <CatalogueAdminPage />
              </Organizer>
            }
          />
          <Route
            path="spot-checks"
            element={
              <Suspense fallback={<Loading />}>
                <PublicSpotChecksPage />
              </Suspense>
            }
          />
          <Route
            path="spot-checks/algorithm"
            element={
              <Suspense fallback={<Loading />}>
                <SpotCheckAlgorithmPage />
              </Suspense>
            }
          />
          <Route
            path="spot-checks/:id"
            element={
              <Suspense fallback={<Loading />}>
                <PublicSpotCheckPage />
              </Suspense>
            }
          />
          <Route
            path="admin/spot-checks"
            element={
              <Organizer>
                <AdminSpotChecksPage />
              </Organizer>
            }
          />
          <Route
            path="admin/spot-checks/:id"
            element={
              <Organizer>
                <AdminSpotCheckPage />
              </Organizer>
            }
          />
          <Route path="expert/spot-checks" element={<Expert />}>
            <Route index element={<ExpertSpotChecksPage />} />
            <Route path=":taskId" element={<ExpertSpotCheckTaskPage />} />
          </Route>
          <Route
            path="admin/lifecycle"
            element={
              <Organizer>
                <LifecyclePage />
              </Organizer>
            }
          />
          <Route
            path="recommender/support"
            element={
              <RequireAuth roles={['recommender']}>
                <Suspense fallback={<Loading />}>
                  <SupportPage />
                </Suspense>
              </RequireAuth>
            }
          />
          <Route
            path="post-award"
            element={
              <RequireAuth roles={['enterprise']}>
                <Suspense fallback={<Loading />}>
                  <PostAwardMinePage />
                </Suspense>
              </RequireAuth>
            }
          />
          <Route
            path="post-award/reports/:reportId"
            element={
              <FollowUps>
                <PostAwardReportPage />
              </FollowUps>
            }
          />
          <Route
            path="admin/post-award"
            element={
              <Organizer>
                <PostAwardRoundsPage />
              </Organizer>
            }
          />
          <Route
            path="admin/post-award/:roundId"
            element={
              <Organizer>
                <PostAwardRoundPage />
              </Organizer>
            }
          />
          <Route
            path="recommender/post-award"
            element={
              <RequireAuth roles={['recommender']}>
                <Suspense fallback={<Loading />}>
                  <PostAwardRoundsPage />
                </Suspense>
              </RequireAuth>
            }
          />
          <Route
            path="recommender/post-award/:roundId"
            element={
              <RequireAuth roles={['recommender']}>
                <Suspense fallback={<Loading />}>
                  <PostAwardRoundPage />
                </Suspense>
              </RequireAuth>
            }
          />
          <Route path="*" element={<NotFound />} />
        </Route>
      </Route>
    </Routes>
  );
}
