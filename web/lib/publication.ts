// 发布's shared pieces: an application's place in a published list (on the enterprise's page and
// the recommender's desk), the 入选证明's URL, and how a published status is shown.
import type { ApplicationPublication } from '../../domain/api/publication';
import type { PublishedStatus } from '../../domain/publication';

export type { ApplicationPublication, PublishedStatus };

/** getSelectionCertificatePdf */
export const certificateUrl = (applicationId: string) =>
  `/api/v1/applications/${encodeURIComponent(applicationId)}/certificate.pdf`;

/** 有效 / 已撤销 / 已过期 as a tag colour and an alert type. */
export const PUBLISHED_STATUS_COLORS: Record<PublishedStatus, string> = {
  valid: 'success',
  revoked: 'error',
  expired: 'default',
  withdrawn: 'default',
};
export const PUBLISHED_STATUS_ALERTS: Record<PublishedStatus, 'success' | 'error' | 'warning'> = {
  valid: 'success',
  revoked: 'error',
  expired: 'warning',
  withdrawn: 'warning',
};
