// The recommendations module's public face: the ranking kept with a unit's batch.
export { listRecommendedIds, setRanks } from './repository';
export { recommendationRoutes } from './routes';
