// npm run bench: measurements, not tests. Each prints medians of runs taken side by side.
import { benchStartup } from './startup';

const only = process.argv[2];
const benches: Record<string, () => Promise<void>> = { startup: benchStartup };
for (const [name, run] of Object.entries(benches)) {
  if (only && only !== name) continue;
  console.log(`\n== ${name}`);
  await run();
}
