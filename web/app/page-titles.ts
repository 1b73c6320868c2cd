import { matchPath } from 'react-router-dom';
import type { MessageKey } from '../lib/i18n';

// Each route's name: the page's <title> ("申报书 - 征选") and its level-1 heading for screen readers
// (GB/T 37668-2019 / WCAG 2.x 2.4.2 页面标题, 1.3.1 标题结构). First match wins.
const PAGE_TITLES: Array<[string, MessageKey]> = [
  ['/', 'nav.home'],
  ['/campaigns/:idOrCode', 'title.campaign'],
  ['/campaigns/:code/statistics', 'stats.public.link'],
  ['/campaigns/:code/public-notice', 'notice.public.nav'],
  ['/login', 'nav.login'],
  ['/register', 'nav.register'],
  ['/verify', 'nav.verify'],
  ['/verify/:code', 'nav.verify'],
  ['/applications/:id', 'title.application'],
  ['/desk', 'desk.nav'],
  ['/desk/:campaignId', 'desk.nav'],
  ['/desk/:campaignId/applications/:id', 'title.review'],
  ['/desk/:campaignId/batch', 'title.batch'],
  ['/account/password', 'nav.changePassword'],
  ['/account/profile', 'nav.profile'],
  ['/admin/users', 'nav.users'],
  ['/admin/units', 'nav.units'],
  ['/admin/campaigns', 'nav.campaigns'],
  ['/admin/campaigns/:code/config', 'title.campaignConfig'],
  ['/admin/audit', 'nav.audit'],
  ['/admin/enterprises', 'nav.enterprises'],
  ['/admin/awards', 'awards.nav'],
  ['/admin/progress/:campaignId?', 'progress.nav'],
  ['/admin/registry/:campaignId?', 'registry.nav'],
  ['/admin/paper/:campaignId?', 'paper.nav'],
  ['/admin/findings/:campaignId?', 'dup.admin.nav'],
  ['/admin/formal-check/:campaignId?', 'fc.nav'],
  ['/admin/review-rounds/:campaignId?', 'rounds.nav'],
  ['/admin/experts', 'experts.nav'],
  ['/admin/statistics/:campaignId?', 'stats.nav'],
  ['/recommender/statistics/:campaignId?', 'stats.nav'],
  ['/follow-ups/:campaignId', 'title.followUps'],
  ['/follow-ups/:campaignId/:awardId', 'title.followUp'],
  ['/messages', 'messages.title'],
  ['/account/notifications', 'notifSettings.title'],
  ['/forgot-password', 'nav.forgotPassword'],
  ['/reset-password', 'nav.resetPassword'],
  ['/announcements', 'ann.nav'],
  ['/admin/notification-templates/:campaignId?', 'nav.notificationTemplates'],
  ['/admin/outbound-emails', 'nav.outboundEmails'],
  ['/expert', 'expert.nav'],
  ['/expert/reviews/:assignmentId', 'title.expertReview'],
  ['/admin/review-results/:roundId', 'reviewResults.nav'],
  ['/admin/selection/:campaignId?', 'selection.nav'],
  ['/admin/objections/:campaignId?', 'objection.admin.nav'],
  ['/showcase/:publicId', 'showcase.title'],
  ['/admin/showcase', 'showcase.admin.title'],
  ['/post-award', 'postAward.mineTitle'],
  ['/post-award/reports/:reportId', 'postAward.reportTitle'],
  ['/admin/post-award', 'postAward.nav'],
  ['/admin/post-award/:roundId', 'postAward.roundTitle'],
  ['/recommender/post-award', 'postAward.nav'],
  ['/recommender/post-award/:roundId', 'postAward.roundTitle'],
];

/** The message key naming the page at pathname; 页面不存在 for an unknown route. */
export function pageTitleKey(pathname: string): MessageKey {
  for (const [pattern, key] of PAGE_TITLES) if (matchPath(pattern, pathname)) return key;
  return 'common.notFound';
}
