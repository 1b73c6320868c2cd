// An application's life (DESIGN §3).
export const APPLICATION_STATES = [
  'draft',
  'submitted',
  'returned',
  'recommended',
  'rejected_by_recommender',
  'forwarded',
  'ineligible',
  'under_review',
  'selected',
  'not_selected',
  'in_public_notice',
  'awarded',
  'expired',
  'revoked',
  'catalogued',
] as const;
export type ApplicationState = (typeof APPLICATION_STATES)[number];

/** Not (yet, or no longer) submitted: the enterprise still has to submit before the online deadline. */
export const UNSUBMITTED_STATES = ['draft', 'returned'] as const satisfies readonly ApplicationState[];
