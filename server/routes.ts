import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { Deps } from './lib/deps';
import { addErrorResponses } from './lib/error-responses';
import { applicationRoutes } from './modules/applications/routes';
import { auditRoutes } from './modules/audit/routes';
import { awardRoutes } from './modules/awards/routes';
import { batchRoutes } from './modules/batches/routes';
import { duplicateRoutes } from './modules/duplicates/routes';
import { recommendationRoutes } from './modules/recommendations/routes';
import { authRoutes } from './modules/auth/routes';
import { campaignRoutes } from './modules/campaigns/routes';
import { enterpriseRoutes } from './modules/enterprises/routes';
import { followUpRoutes } from './modules/follow-ups/routes';
import { progressRoutes } from './modules/progress/routes';
import { recommenderUnitRoutes } from './modules/recommender-units/routes';
import { referenceRoutes } from './modules/reference/routes';
import { userRoutes } from './modules/users/routes';

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
      awardRoutes,
      followUpRoutes,
      duplicateRoutes,
    ]) {
      await app.register(routes(deps));
    }
  };
}
