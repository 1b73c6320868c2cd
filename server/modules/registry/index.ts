// The registry module's public face: 申报项目库 and 纸质材料签收. Other modules ask here how an
// application's paper copy stands (形式审查's paper_received rule, the progress page).
export { paperStatusOf } from './paper';
export { forwardedCount, paperReceivedCount, summaryTablesReceived } from './repository';
export { registryRoutes } from './routes';
