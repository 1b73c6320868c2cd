import type { AwardView } from '../../../domain/api/awards';
import type { AwardRow } from './repository';

// The response shapes live in domain/api/awards (the web infers its types from them).
export { awardViewSchema, type AwardView } from '../../../domain/api/awards';

export function awardView(a: AwardRow): AwardView {
  return {
    id: a.id,
    year: a.year,
    solutionName: a.solutionName,
    enterpriseName: a.enterpriseName,
    uscc: a.uscc,
    category: a.category,
    recommenderName: a.recommenderName,
    recommenderUnitId: a.recommenderUnitId,
    source: a.source,
  };
}
