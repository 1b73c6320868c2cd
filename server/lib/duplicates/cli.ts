// `npm run admin -- dup-check --awards AWARDS.csv --applications APPS.jsonl`: the platform's
// detector with the default thresholds, one JSON line per finding.
import fs from 'node:fs';
import { findAllPairs } from './duplicate-index';
import { applicationsFromJsonl, awardsFromCsv, DuplicateInputError } from './files';

function read(file: string): string {
  try {
    return fs.readFileSync(file, 'utf8');
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code ?? '';
    throw new DuplicateInputError(`无法读取 ${file} / cannot read ${file} (${code})`);
  }
}

export function runDupCheck(
  options: { awards?: string; applications?: string },
  print: (line: string) => void = (line) => process.stdout.write(`${line}\n`),
): number {
  if (!options.applications)
    throw new DuplicateInputError('缺少参数 --applications / missing --applications APPS.jsonl');
  const awards = options.awards ? awardsFromCsv(read(options.awards), options.awards) : [];
  const applications = applicationsFromJsonl(read(options.applications), options.applications);
  const findings = findAllPairs([...awards, ...applications]);
  for (const f of findings) {
    const { application, match, kind, score, reasons } = f;
    print(JSON.stringify({ application, match, kind, score, reasons }));
  }
  return findings.length;
}
