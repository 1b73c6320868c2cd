// The audit module's public face: every module records its changes through here.
export { recordAudit, verifyAuditChain } from './service';
export { canonicalJson } from './chain';
export { auditRoutes } from './routes';
