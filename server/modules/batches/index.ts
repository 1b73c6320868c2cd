// The batches module's public face: a unit's desk, locked for a decision.
export { dropStaleStampedScan, lockOpenDesk } from './desk';
export { findBatch } from './repository';
export { regionLabel } from './summary-table';
export { batchRoutes } from './routes';
