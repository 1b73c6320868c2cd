// The showcase module's public face: its routes.
export { showcaseRoutes } from './routes';
