// Queries shared by several features.
import { useQuery } from '@tanstack/react-query';
import { api, ApiError, setCsrfToken } from './api';
import type { Campaign, Items, Me, Region } from './types';

export const meKey = ['me'] as const;

export async function fetchMe(): Promise<Me | null> {
  try {
    const me = await api<Me>('/me', { quiet401: true });
    setCsrfToken(me.csrfToken);
    return me;
  } catch (e) {
    if (e instanceof ApiError && e.status === 401) {
      setCsrfToken(null);
      return null;
    }
    throw e;
  }
}

/** The signed-in user, or null. */
export function useMe() {
  return useQuery({ queryKey: meKey, queryFn: fetchMe, staleTime: 60_000 });
}

export function useCampaigns() {
  return useQuery({
    queryKey: ['campaigns'],
    queryFn: () => api<Items<Campaign>>('/campaigns'),
    select: (d) => d.items,
  });
}

export function useCampaign(idOrCode: string) {
  return useQuery({
    queryKey: ['campaigns', idOrCode],
    queryFn: () => api<Campaign>(`/campaigns/${encodeURIComponent(idOrCode)}`),
    retry: (n, e) => !(e instanceof ApiError && e.status === 404) && n < 2,
  });
}

export function useRegions() {
  return useQuery({
    queryKey: ['regions'],
    queryFn: () => api<Items<Region>>('/regions'),
    select: (d) => d.items,
    staleTime: Infinity,
  });
}

/** 北京市 / 海淀区-style names for region codes. */
export function regionName(
  regions: Region[] | undefined,
  ...codes: Array<string | null | undefined>
): string {
  if (!regions) return codes.filter(Boolean).join(' / ');
  const names: string[] = [];
  for (const code of codes) {
    if (!code) continue;
    const name = regions.find((r) => r.code === code)?.name ?? code;
    if (names[names.length - 1] !== name) names.push(name);
  }
  return names.join(' / ');
}
