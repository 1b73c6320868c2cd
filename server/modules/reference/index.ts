// The reference data module's public face: names of regions and industries.
export { findRegion, industryNames, regionNames } from './repository';
export { referenceRoutes } from './routes';
