import { useEffect, type ReactNode } from 'react';
import { useNavigate, useParams } from 'react-router-dom';
import { useCampaigns } from '../lib/queries';
import type { Campaign } from '../lib/types';
import { ErrorAlert } from './ErrorAlert';
import { Loading } from './Loading';

/** The campaign to show when none is named: the first one still open, else the newest. */
function defaultCampaign(list: Campaign[]): Campaign | undefined {
  return list.find((c) => c.phase === 'open') ?? [...list].sort((a, b) => b.year - a.year)[0];
}

export interface CampaignChoice {
  campaigns: Campaign[];
  campaign: Campaign | undefined;
  onPick: (id: string) => void;
}

/**
 * A page about one campaign named in its address (`${base}/:campaignId`); without one, the open
 * campaign (else the newest) is put in the address.
 */
export function CampaignRoute(props: { base: string; children: (c: CampaignChoice) => ReactNode }) {
  const { base } = props;
  const { campaignId } = useParams();
  const navigate = useNavigate();
  const campaigns = useCampaigns();
  useEffect(() => {
    if (campaignId || !campaigns.data) return;
    const c = defaultCampaign(campaigns.data);
    if (c) navigate(`${base}/${c.id}`, { replace: true });
  }, [base, campaignId, campaigns.data, navigate]);
  if (campaigns.isPending) return <Loading />;
  if (campaigns.isError)
    return <ErrorAlert error={campaigns.error} onRetry={() => void campaigns.refetch()} />;
  return props.children({
    campaigns: campaigns.data,
    campaign: campaigns.data.find((c) => c.id === campaignId || c.code === campaignId),
    onPick: (id) => navigate(`${base}/${id}`),
  });
}
