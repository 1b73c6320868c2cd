// The publication module's public face: its routes, an application's published result (for the
// application's page) and the 入选证明 behind a verification code (for /verify).
export { publicationRoutes } from './routes';
export { certificateByCode, publicationOfApplication } from './service';
