// `npm run admin -- dup-check`: the real CLI process on small files.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, test } from 'vitest';
import {
  DISGUISED_TEXT,
  ORIGINAL_TEXT,
  UNRELATED_TEXT,
} from '../../../test/fixtures/duplicate-docs';

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'zx-dup-'));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));
const file = (name: string, content: string) => {
  const p = path.join(dir, name);
  fs.writeFileSync(p, content);
  return p;
};
const admin = (args: string[]) =>
  spawnSync(process.execPath, ['--import', 'tsx', 'server/cli/admin.ts', 'dup-check', ...args], {
    encoding: 'utf8',
    timeout: 60_000,
    env: { ...process.env, DATABASE_URL: '', DATA_DIR: path.join(dir, 'no-database-here') },
  });
const csvText = (s: string) => `"${s.replaceAll('"', '""')}"`;

describe.runIf(process.env.ZX_TEST_DB !== 'postgres')('dup-check', () => {
  const awards = file(
    'awards.csv',
    [
      'year,solution,enterprise,uscc,category,text',
      `2020,基于工业互联网平台的高炉预测性维护APP,北京恒锐钢铁股份有限公司,91110108MA01Y7K3NX,行业通用工业APP,${csvText(ORIGINAL_TEXT)}`,
      '2019,汽车零部件质量追溯APP,上海演示汽车电子有限公司,91310115MA1H4L6T2X,行业通用工业APP,',
    ].join('\n'),
  );
  const apps = file(
    'apps.jsonl',
    [
      {
        id: 'p1',
        enterprise: '恒锐钢铁（北京）有限公司',
        uscc: '91110108MA01Y7K3NX',
        name: '高炉智能运维解决方案',
        text: DISGUISED_TEXT,
      },
      {
        id: 'p2',
        enterprise: '上海演示汽车电子有限公司',
        uscc: '91310115MA1H4L6T2X',
        name: '汽车零部件质量追溯系统V2.0',
        text: UNRELATED_TEXT,
      },
      {
        id: 'p3',
        enterprise: '博远冶金有限公司',
        uscc: '91320500G9WUBE864T',
        name: '炉况管家APP',
        text: ORIGINAL_TEXT,
      },
    ]
      .map((a) => JSON.stringify(a))
      .join('\n'),
  );

  test('one JSON line per finding', () => {
    const r = admin(['--awards', awards, '--applications', apps]);
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    const lines = r.stdout
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l));
    expect(lines.map((l) => [l.application, l.match, l.kind])).toEqual(
      expect.arrayContaining([
        ['p1', 'award-2', 'award'],
        ['p2', 'award-3', 'award'],
        ['p3', 'award-2', 'award'], // the same text from another enterprise
        ['p1', 'p3', 'application'],
      ]),
    );
    expect(lines).toHaveLength(4);
    for (const l of lines) {
      expect(Object.keys(l)).toEqual(['application', 'match', 'kind', 'score', 'reasons']);
      expect(l.score).toBeGreaterThan(0);
      expect(l.score).toBeLessThanOrEqual(1);
    }
    const p1 = lines.find((l) => l.application === 'p1');
    expect(p1.reasons).toContain('统一社会信用代码相同');
    expect(p1.reasons.join('；')).toMatch(/正文重合度0\.\d\d，重合段落\d处/);
  });

  test.each([
    [['--awards', 'missing.csv', '--applications', 'x'], '无法读取 missing.csv'],
    [['--applications', 'BAD_JSON'], '第2行 / line 2: 不是有效的 JSON'],
    [['--applications', 'NO_NAME'], '字段 name 缺失或无效'],
    [['--awards', 'NO_USCC_COLUMN', '--applications', 'APPS'], '缺少列 uscc'],
    [['--awards', 'BAD_YEAR', '--applications', 'APPS'], '第2行 / row 2: year “二〇二〇” 不是年份'],
  ])('bad input %j: a clear message, exit 2, no stack trace', (args, message) => {
    const inputs: Record<string, string> = {
      AWARDS: awards,
      APPS: apps,
      BAD_JSON: file('bad.jsonl', '{"id":"p1","enterprise":"甲","name":"乙"}\n{oops\n'),
      NO_NAME: file('noname.jsonl', '{"id":"p1","enterprise":"甲","uscc":""}\n'),
      NO_USCC_COLUMN: file('nouscc.csv', 'year,solution,enterprise,category\n2020,甲,乙,丙\n'),
      BAD_YEAR: file('badyear.csv', 'year,solution,enterprise,uscc,category\n二〇二〇,甲,乙,,丙\n'),
    };
    const r = admin(args.map((a) => inputs[a] ?? a));
    expect(r.status).toBe(2);
    expect(r.stderr).toContain(message);
    expect(r.stderr).not.toMatch(/\n\s+at /);
  });
});
