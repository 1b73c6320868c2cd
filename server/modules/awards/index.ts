// The awards module's public face: past awards for follow-ups and the seed; the import file reader
// (XLSX or CSV, told apart by content) for the other imports (专家库).
export { findAward, insertMissingAwards, recordPlatformAward, type AwardRow } from './repository';
export { awardView } from './views';
export { awardRoutes } from './routes';
export { readImportSheet, type ImportSheet, type SheetRow } from './import-file';
