// The reference data module's public face: names of regions and industries.
export {
  findRegion,
  industryNames,
  listRegions as listRegionRows,
  regionNames,
} from './repository';
export { referenceRoutes } from './routes';
