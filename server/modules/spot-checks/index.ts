// The spot checks module's public face: 随机抽查's routes, and a solution's findings (for the
// four-dimension evaluation).
export { spotCheckRoutes } from './routes';
export { spotCheckFindingsOf } from './service';
