// 专家评分: the expert's own assignments (the home page's summary and the 评审工作台 both read them).
import { useQuery } from '@tanstack/react-query';
import type { MyReviewItem } from '../../domain/api/reviews';
import { api } from './api';
import type { Items } from './types';

export type { MyReviewItem };

export const myReviewsKey = ['my', 'reviews'] as const;

export function useMyReviews(enabled = true) {
  return useQuery({
    queryKey: myReviewsKey,
    queryFn: () => api<Items<MyReviewItem>>('/my/reviews'),
    select: (d) => d.items,
    enabled,
  });
}
