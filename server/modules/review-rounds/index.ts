// The review rounds module's public face: 评审轮次与分配 (organizers) and an expert's decline.
export { reviewRoundRoutes } from './routes';
// the solver's view of organisations and experts, shared with 系统评价 and 随机抽查 (issue 15)
export { assignmentExpertOf, orgKeysOf } from './problem';
