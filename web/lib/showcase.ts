// 成果展示's reads shared by the enterprise's editor, its home and the organizer's review page:
// the enterprise's list (listMyShowcases) and one showcase (getShowcase), with their cache keys.
import { useQuery } from '@tanstack/react-query';
import type {
  ShowcaseImage,
  ShowcaseSubmission,
  ShowcaseSummaryList,
  ShowcaseView,
} from '../../domain/api/showcase';
import { api } from './api';

export type { ShowcaseImage, ShowcaseSubmission, ShowcaseView };

export const showcaseBase = (publicId: string) =>
  `/published-solutions/${encodeURIComponent(publicId)}/showcase`;
export const showcaseKey = (publicId: string) => ['showcase', publicId] as const;
export const myShowcasesKey = ['showcases', 'mine'] as const;

export function useMyShowcases(enabled = true) {
  return useQuery({
    queryKey: myShowcasesKey,
    queryFn: () => api<ShowcaseSummaryList>('/showcases'),
    enabled,
  });
}

export function useShowcase(publicId: string | undefined) {
  return useQuery({
    queryKey: showcaseKey(publicId ?? ''),
    queryFn: () => api<ShowcaseView>(showcaseBase(publicId ?? '')),
    enabled: !!publicId,
  });
}
