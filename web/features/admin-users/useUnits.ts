import { useQuery } from '@tanstack/react-query';
import { api } from '../../lib/api';
import type { Items, RecommenderUnit } from '../../lib/types';

export function useUnitOptions() {
  return useQuery({
    queryKey: ['recommender-units', 'options'],
    queryFn: () => api<Items<RecommenderUnit>>('/recommender-units'),
    select: (d) => d.items.map((u) => ({ value: u.id, label: u.name })),
  });
}
