// The reviews module's public face: 专家评分 (the expert's list, scoring, submit) and 评审结果.
export { reviewRoutes } from './routes';
export { roundResultsOf, type RoundResults } from './results';
