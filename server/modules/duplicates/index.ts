// The duplicates module's public face: what other modules ask about 疑似重复.
export { onApplicationChanged } from './service';
export { duplicateStandings, openFindingsCount } from './repository';
export { duplicateRoutes } from './routes';
