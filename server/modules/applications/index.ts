// The applications module's public face: start-up work, and the rows a recommender decides on.
export { backfillFacts } from './service';
export {
  findApplicationHead,
  findVersion,
  lockApplication,
  updateApplication,
  type ApplicationRow,
} from './repository';
export { applicationView } from './views';
export { readAttachment } from './attachments';
export { applicationRoutes } from './routes';
