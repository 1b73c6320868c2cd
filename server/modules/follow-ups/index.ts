// The follow-ups (附件4) module's public face.
export { followUpRoutes } from './routes';
