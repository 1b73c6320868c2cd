// The awards module's public face: past awards for follow-ups and the seed.
export { findAward, insertMissingAwards, type AwardRow } from './repository';
export { awardView } from './views';
export { awardRoutes } from './routes';
