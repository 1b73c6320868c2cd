// The review rounds module's public face: 评审轮次与分配 (organizers) and an expert's decline.
export { reviewRoundRoutes } from './routes';
