// The audit module's public face: every module records its changes through here.
export { recordAudit, verifyAudit, verifyAuditChain, type AuditVerdict } from './service';
export { startAuditCheckpoints, writeAuditCheckpoint } from './checkpoints';
export { auditVerdictText } from './report';
export { canonicalJson } from './chain';
export { auditRoutes } from './routes';
