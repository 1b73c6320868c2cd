// The support module's public face: its routes, and the totals 动态管理 shows per solution.
export { supportRoutes } from './routes';
export { supportTotalsOf } from './service';
