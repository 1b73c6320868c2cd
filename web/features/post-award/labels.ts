// Colours of the report states, shared by the tables and the report page.
import type { PostAwardReportState } from '../../../domain/post-award';

export const STATE_COLORS: Record<PostAwardReportState, string> = {
  draft: 'default',
  submitted: 'processing',
  returned: 'warning',
  forwarded: 'success',
};
