import { writeFileSync } from 'node:fs';
import { test } from 'vitest';
import { statsWorld } from '../../../test/fixtures/statistics';
import { createTestApp, testDbKind } from '../../../test/harness';
test('timing', async () => {
  const t = await createTestApp({ config: { signInRatePerMinute: 10_000 } });
  const w = await statsWorld(t);
  for (const format of ['pdf', 'docx'] as const) {
    const u = `/api/v1/campaigns/${w.campaigns.cur}/statistics/report.${format}`;
    await w.org.get(u); // warm-up
    const times: number[] = [];
    let last: Buffer | undefined;
    for (let i = 0; i < 5; i++) {
      const t0 = performance.now();
      const res = await w.org.get(u);
      times.push(performance.now() - t0);
      last = res.raw.rawPayload;
    }
    writeFileSync(`/tmp/zx-rep/route-${testDbKind}.${format}`, last!);
    const sorted = [...times].sort((a, b) => a - b);
    console.log(
      testDbKind,
      format,
      'median',
      sorted[2]!.toFixed(0),
      'ms; all',
      times.map((x) => x.toFixed(0)).join(','),
    );
  }
  const e = await w.org.get(`/api/v1/campaigns/${w.campaigns.empty}/statistics/report.pdf`);
  writeFileSync(`/tmp/zx-rep/route-empty.pdf`, e.raw.rawPayload);
  const d = await w.org.get(`/api/v1/campaigns/${w.campaigns.empty}/statistics/report.docx`);
  writeFileSync(`/tmp/zx-rep/route-empty.docx`, d.raw.rawPayload);
  await t.close();
}, 600_000);
