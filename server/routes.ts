import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { Deps } from './lib/deps';
import { addErrorResponses } from './lib/error-responses';
import { applicationRoutes } from './modules/applications';
import { auditRoutes } from './modules/audit';
import { awardRoutes } from './modules/awards';
import { batchRoutes } from './modules/batches';
import { duplicateRoutes } from './modules/duplicates';
import { recommendationRoutes } from './modules/recommendations';
import { authRoutes } from './modules/auth';
import { campaignRoutes } from './modules/campaigns';
import { enterpriseRoutes } from './modules/enterprises';
import { followUpRoutes } from './modules/follow-ups';
import { formalCheckRoutes } from './modules/formal-check';
import { notificationAdminRoutes, notificationRoutes } from './modules/notifications';
import { progressRoutes } from './modules/progress';
import { statisticsRoutes } from './modules/statistics';
import { statisticsReportRoutes } from './modules/statistics-report';
import { recommenderUnitRoutes } from './modules/recommender-units';
import { registryRoutes } from './modules/registry';
import { referenceRoutes } from './modules/reference';
import { userRoutes } from './modules/users';
import { verificationRoutes } from './modules/verification';
import { announcementRoutes } from './modules/announcements';
import { expertRoutes } from './modules/experts';
import { reviewRoundRoutes } from './modules/review-rounds';
import { reviewRoutes } from './modules/reviews';
import { selectionRoutes } from './modules/selection';
import { objectionRoutes } from './modules/objections';
import { publicationRoutes } from './modules/publication';
import { catalogueRoutes } from './modules/catalogue';
import { showcaseRoutes } from './modules/showcase';
import { evaluationRoutes } from './modules/evaluation';
import { catalogueVersionRoutes } from './modules/catalogue-versions';
import { spotCheckRoutes } from './modules/spot-checks';
import { lifecycleRoutes } from './modules/lifecycle';
import { supportRoutes } from './modules/support';
import { postAwardRoutes } from './modules/post-award-reports';

/** Everything under /api/v1. */
export function apiRoutes(deps: Deps): FastifyPluginAsyncZod {
  return async (app) => {
    // every operation documents its error responses (one envelope, the stable codes)
    app.addHook('onRoute', addErrorResponses);
    for (const routes of [
      authRoutes,
      enterpriseRoutes,
      userRoutes,
      recommenderUnitRoutes,
      campaignRoutes,
      referenceRoutes,
      auditRoutes,
      applicationRoutes,
      recommendationRoutes,
      batchRoutes,
      progressRoutes,
      registryRoutes,
      statisticsRoutes,
      statisticsReportRoutes,
      awardRoutes,
      followUpRoutes,
      duplicateRoutes,
      formalCheckRoutes,
      verificationRoutes,
      notificationRoutes,
      announcementRoutes,
      notificationAdminRoutes,
      expertRoutes,
      reviewRoundRoutes,
      reviewRoutes,
      selectionRoutes,
      objectionRoutes,
      publicationRoutes,
      catalogueRoutes,
      showcaseRoutes,
      evaluationRoutes,
      catalogueVersionRoutes,
      spotCheckRoutes,
      lifecycleRoutes,
      supportRoutes,
      postAwardRoutes,
    ]) {
      await app.register(routes(deps));
    }
  };
}
