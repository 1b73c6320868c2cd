// The catalogue-versions module's public face (目录清单): its API routes (/api/v1/catalogue…) and
// its server-rendered pages and open data (/catalogue, /open-data/catalogue.*), reading public.
export { catalogueVersionRoutes } from './routes';
export { catalogueVersionPages } from './pages';
