// The campaigns module's public face: other modules read campaigns and their forms through here.
export {
  findCampaign,
  findCampaignForShare,
  findLatestCampaign,
  insertCampaign,
  listCampaignRows,
  type CampaignRow,
} from './repository';
export { formOfCampaign, dataSchemaOf, dataSchemaAtRevision, type CampaignRef } from './forms';
export { campaignView, type CampaignView } from './views';
export { backfillCampaignConfig } from './config';
export { copyCampaign } from './service';
export { campaignRoutes } from './routes';
