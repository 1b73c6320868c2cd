// The progress module's public face.
export { progressRoutes } from './routes';
