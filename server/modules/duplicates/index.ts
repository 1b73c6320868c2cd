// The duplicates module's public face: what other modules ask about 疑似重复.
export { onApplicationChanged } from './service';
// the text the detector compares (an award made in the platform keeps it), and its reading of awards
export { textOf as comparableTextOf } from './service';
export { listAwardSources } from './repository';
export { duplicateStandings, openFindingsCount } from './repository';
export { duplicateRoutes } from './routes';
