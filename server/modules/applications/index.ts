// The applications module's public face for start-up work.
export { backfillFacts } from './service';
