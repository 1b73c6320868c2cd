// The objections module's public face: its routes.
export { objectionRoutes } from './routes';
