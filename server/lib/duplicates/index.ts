// 不得重复上报 / 多头申报: the duplicate detector. No web, no database: the server, its jobs and
// the CLI feed it documents and store what it finds.
export { compareDocs, createIndex, findAllPairs } from './duplicate-index';
export type { DuplicateIndex, QueryOptions } from './duplicate-index';
export {
  defaultDuplicateSettings,
  duplicateSettingsSchema,
  type DuplicateSettings,
  type DuplicateSettingsInput,
} from './settings';
export type {
  DuplicateDoc,
  DuplicateKind,
  Evidence,
  EvidenceSpan,
  Finding,
  Signals,
} from './types';
export { normalizeEnterpriseName, normalizeSolutionName, normalizeUscc } from './normalize';
