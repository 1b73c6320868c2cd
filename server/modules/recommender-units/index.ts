// The recommender units module's public face. `listRecommenderUnitRows` is the plain listing
// (units with their account counts); `listRecommenderUnits` adds each unit's quota.
export { listRecommenderUnits } from './service';
export {
  findRecommenderUnit,
  findRecommenderUnitByName,
  insertRecommenderUnits,
  listRecommenderUnits as listRecommenderUnitRows,
  lockRecommenderUnit,
  type RecommenderUnitRow,
} from './repository';
export { recommenderUnitRoutes } from './routes';
