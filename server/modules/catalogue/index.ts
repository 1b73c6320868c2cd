// The catalogue module's public face: its API routes (/api/v1) and its server-rendered pages
// (/solutions), both public.
export { catalogueRoutes } from './routes';
export { cataloguePages } from './pages';
