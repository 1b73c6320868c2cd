// npm run bench: measurements, not tests. Each prints medians of runs taken side by side.
// `npm run bench -- <name>` runs one of them.
import { benchAssignment } from './assignment';
import { benchDraftSave } from './draft-save';
import { benchDuplicates } from './duplicates';
import { benchDuplicatesLoop } from './duplicates-loop';
import { benchEventLoop } from './event-loop';
import { benchExportData } from './export-data';
import { benchRemindersDelivery } from './notifications-delivery';
import { benchPdf } from './pdf';
import { benchStartup } from './startup';
import { benchStatistics } from './statistics';
import { benchReviewResults } from './review-results';
import { benchCataloguePages } from './catalogue-pages';
import { benchWebWeight } from './web-weight';

const only = process.argv[2];
const benches: Record<string, () => Promise<void>> = {
  startup: benchStartup,
  'draft-save': benchDraftSave,
  pdf: benchPdf,
  duplicates: benchDuplicates,
  'duplicates-loop': benchDuplicatesLoop,
  'reminders-delivery': benchRemindersDelivery,
  statistics: benchStatistics,
  assignment: benchAssignment,
  'review-results': benchReviewResults,
  'catalogue-pages': benchCataloguePages,
  'web-weight': benchWebWeight,
  'event-loop': benchEventLoop,
  'export-data': benchExportData,
};
if (only && !(only in benches)) {
  console.error(`no bench "${only}"; there are: ${Object.keys(benches).join(', ')}`);
  process.exit(1);
}
for (const [name, run] of Object.entries(benches)) {
  if (only && only !== name) continue;
  console.log(`\n== ${name}`);
  await run();
}
