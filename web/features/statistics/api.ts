// 监测分析: the requests of the analysis pages (one per function), typed from domain/api/statistics.
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import type {
  Breakdown,
  DrillDown,
  Overview,
  PublicStatistics,
  Timeline,
  WinnerMonitoring,
} from '../../../domain/api/statistics';
import type { MonitoringFiguresView, PostAwardRound } from '../../../domain/api/post-award';
import type { StatDimension, StatFilters, StatMeasure } from '../../../domain/statistics';
import { STAT_FILTER_KEYS } from '../../../domain/statistics';
import { api, withQuery } from '../../lib/api';

export type { Breakdown, DrillDown, Overview, PublicStatistics, Timeline, WinnerMonitoring };

/** What the XLSX export is of (STAT_CHARTS). */
export type StatChart = StatDimension | 'funnel' | 'timeline' | 'winners' | 'years';

const base = (campaignId: string) => `/campaigns/${encodeURIComponent(campaignId)}/statistics`;

/** The filters as query parameters, in a stable order (also the query keys). */
export function filterQuery(filters: StatFilters): Record<string, string> {
  const q: Record<string, string> = {};
  for (const k of STAT_FILTER_KEYS) {
    const v = filters[k];
    if (v) q[k] = v;
  }
  return q;
}

export function useOverview(campaignId: string, filters: StatFilters) {
  return useQuery({
    queryKey: ['statistics', campaignId, 'overview', filterQuery(filters)],
    queryFn: () => api<Overview>(`${base(campaignId)}/overview`, { query: filterQuery(filters) }),
    placeholderData: keepPreviousData,
  });
}

export function useBreakdown(campaignId: string, dimension: StatDimension, filters: StatFilters) {
  const query = { dimension, ...filterQuery(filters) };
  return useQuery({
    queryKey: ['statistics', campaignId, 'breakdown', query],
    queryFn: () => api<Breakdown>(`${base(campaignId)}/breakdown`, { query }),
    placeholderData: keepPreviousData,
  });
}

export function useTimeline(campaignId: string, filters: StatFilters) {
  return useQuery({
    queryKey: ['statistics', campaignId, 'timeline', filterQuery(filters)],
    queryFn: () => api<Timeline>(`${base(campaignId)}/timeline`, { query: filterQuery(filters) }),
    placeholderData: keepPreviousData,
  });
}

export function useWinners(campaignId: string, filters: StatFilters) {
  return useQuery({
    queryKey: ['statistics', campaignId, 'winners', filterQuery(filters)],
    queryFn: () =>
      api<WinnerMonitoring>(`${base(campaignId)}/winners`, { query: filterQuery(filters) }),
    placeholderData: keepPreviousData,
  });
}

/** The applications behind one number. */
export interface DrillDownTarget {
  title: string;
  stage: StatMeasure;
  dimension?: StatDimension;
  key?: string;
  filters: StatFilters;
}

export function useDrillDown(campaignId: string, target: DrillDownTarget | null, page: number) {
  const query = target && {
    ...filterQuery(target.filters),
    ...(target.dimension ? { dimension: target.dimension } : {}),
    ...(target.key ? { key: target.key } : {}),
    stage: target.stage,
    page,
    pageSize: 20,
  };
  return useQuery({
    queryKey: ['statistics', campaignId, 'applications', query],
    queryFn: () => api<DrillDown>(`${base(campaignId)}/applications`, { query: query! }),
    enabled: !!query,
    placeholderData: keepPreviousData,
  });
}

export function usePublicStatistics(idOrCode: string) {
  return useQuery({
    queryKey: ['statistics', idOrCode, 'public'],
    queryFn: () => api<PublicStatistics>(`${base(idOrCode)}/public`),
  });
}

/** The XLSX of one chart's data, with the filters it was drawn with. */
export function exportHref(campaignId: string, chart: StatChart, filters: StatFilters): string {
  return `/api/v1${withQuery(`${base(campaignId)}/export.xlsx`, { chart, ...filterQuery(filters) })}`;
}

/** 年度监测分析报告 (Word or PDF). */
export function reportHref(campaignId: string, format: 'docx' | 'pdf'): string {
  return `/api/v1${base(campaignId)}/report.${format}`;
}

/** 年度运行监测 (issue 15): the newest yearly round and its figures, for the organizer's analysis. */
export function useLatestMonitoringFigures() {
  const rounds = useQuery({
    queryKey: ['post-award-rounds'],
    queryFn: () => api<{ items: PostAwardRound[] }>('/post-award-rounds'),
  });
  const latest = rounds.data?.items
    .filter((r) => r.kind === 'monitoring')
    .sort((a, b) => b.year - a.year)[0];
  const figures = useQuery({
    queryKey: ['post-award-rounds', latest?.id ?? '', 'statistics'],
    queryFn: () =>
      api<MonitoringFiguresView>(`/post-award-rounds/${encodeURIComponent(latest!.id)}/statistics`),
    enabled: !!latest,
  });
  return { round: latest, figures, error: rounds.error ?? figures.error };
}
