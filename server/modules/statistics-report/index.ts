// The 年度监测分析报告 module's public face.
export { statisticsReportRoutes } from './routes';
