// Response shapes of the API (see /api/openapi.json): inferred from the schemas the server answers
// with (domain/api/*), never copied by hand.
import type { EnterpriseView, Me, RecommenderUnitView, UserView } from '../../domain/api/accounts';
import type {
  AuditCheckpoint,
  AuditCheckpoints,
  AuditEvent,
  AuditPage,
  ChainVerdict,
} from '../../domain/api/audit';
import type { CampaignView } from '../../domain/api/campaigns';
import type { Industry, Region } from '../../domain/api/reference';

export type User = UserView;
export type Enterprise = EnterpriseView;
export type { Me };

/** A campaign as the server sends it (domain/api/campaigns). */
export type Campaign = CampaignView;

export type RecommenderUnit = RecommenderUnitView;

export type { Industry, Region };

export type { AuditCheckpoint, AuditCheckpoints, AuditEvent, AuditPage, ChainVerdict };

export interface Items<T> {
  items: T[];
}
