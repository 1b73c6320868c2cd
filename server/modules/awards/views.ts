import { z } from '../../../domain/zod';
import type { AwardRow } from './repository';

export const awardViewSchema = z.object({
  id: z.string(),
  year: z.number(),
  solutionName: z.string(),
  enterpriseName: z.string(),
  uscc: z.string(),
  category: z.string(),
  recommenderName: z.string(),
  recommenderUnitId: z.string().nullable(),
  source: z.enum(['imported', 'platform']),
});
export type AwardView = z.infer<typeof awardViewSchema>;

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
