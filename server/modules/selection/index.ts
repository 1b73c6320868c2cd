// The selection module's public face: its routes.
export { selectionRoutes } from './routes';
