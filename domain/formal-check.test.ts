import { describe, expect, test } from 'vitest';
import type { FormDeclaration } from './form';
import {
  bulkPassProblem,
  categoryFocusFinding,
  duplicateFinding,
  failedSummary,
  formalChecklistOf,
  isBlocked,
  missingRequiredAttachments,
  paperFinding,
  recordIssues,
  resultOf,
  wordLimitFinding,
  type PaperReceiptFact,
} from './formal-check';
import { MIIT_2021_FORMAL_CHECKLIST } from './review';

const categories = [
  { code: 'secure_reliable', name: '安全可靠工业APP', focusAreas: ['5G', '新材料'] },
  { code: 'basic_common', name: '基础共性工业APP', focusAreas: ['工业基础软件'] },
];

describe('category_focus', () => {
  test('every focus area in the category passes; one outside it fails, named', () => {
    expect(
      categoryFocusFinding(
        { category: 'secure_reliable', focusAreas: ['5G', '新材料'] },
        categories,
      ),
    ).toEqual({ pass: true, reason: '申报类别“安全可靠工业APP”，聚焦领域“5G”、“新材料”' });
    expect(
      categoryFocusFinding(
        { category: 'secure_reliable', focusAreas: ['5G', '工业基础软件'] },
        categories,
      ),
    ).toEqual({ pass: false, reason: '聚焦领域“工业基础软件”不属于申报类别“安全可靠工业APP”' });
    expect(categoryFocusFinding({ category: 'gone', focusAreas: ['5G'] }, categories)).toEqual({
      pass: false,
      reason: '申报类别“gone”不是本活动的申报类别',
    });
    expect(categoryFocusFinding({ category: null, focusAreas: [] }, categories).pass).toBe(false);
    expect(
      categoryFocusFinding({ category: 'basic_common', focusAreas: [] }, categories).reason,
    ).toBe('未填写聚焦领域');
  });
});

test('word_limit: at the limit passes, one over fails with the excess', () => {
  expect(wordLimitFinding(5000, 5000)).toEqual({ pass: true, reason: '正文5000字，未超过5000字' });
  expect(wordLimitFinding(5001, 5000)).toEqual({
    pass: false,
    reason: '正文5001字，超过5000字的限制（超出1字）',
  });
});

describe('required_attachments', () => {
  const form: FormDeclaration = {
    id: 'f',
    version: 1,
    title: 't',
    sections: [
      {
        key: 'ip',
        title: '知识产权',
        titleEn: 'IP',
        fields: [
          {
            key: 'certs',
            type: 'attachments',
            maxFiles: 5,
            accept: ['pdf'],
            label: '证书',
            labelEn: 'Certs',
            required: true,
          },
          {
            key: 'other',
            type: 'attachments',
            maxFiles: 5,
            accept: ['pdf'],
            label: '其他',
            labelEn: 'Other',
          },
          {
            key: 'apps',
            type: 'group',
            label: 'APP',
            labelEn: 'Apps',
            itemLabel: 'APP',
            minItems: 1,
            maxItems: 5,
            fields: [
              {
                key: 'shot',
                type: 'attachments',
                maxFiles: 1,
                accept: ['image'],
                label: '截图',
                labelEn: 'Shot',
                required: true,
              },
            ],
          },
        ],
      },
      {
        key: 'cases',
        title: '案例',
        titleEn: 'Cases',
        rows: { label: '案例', labelEn: 'Cases', itemLabel: '案例', minItems: 0, maxItems: 3 },
        fields: [
          {
            key: 'proof',
            type: 'attachments',
            maxFiles: 1,
            accept: ['pdf'],
            label: '证明',
            labelEn: 'Proof',
            required: true,
          },
        ],
      },
    ],
  };
  const frozen = new Set(['a', 'b', 'c']);

  test('a required field without a frozen file, in groups and list rows per row; optional ones never', () => {
    const data = {
      ip: { certs: ['a'], other: [], apps: [{ shot: ['b'] }, { shot: [] }] },
      cases: [{ proof: ['c'] }, { proof: ['x'] }],
    };
    expect(missingRequiredAttachments(form, data, frozen)).toEqual(['APP2的截图', '案例2的证明']);
  });

  test('a file named but not frozen with the version does not count; nothing at all names every field', () => {
    expect(missingRequiredAttachments(form, { ip: { certs: ['zzz'] } }, frozen)).toEqual(['证书']);
    expect(missingRequiredAttachments(form, {}, new Set())).toEqual(['证书']);
  });
});

describe('paper_received', () => {
  const copy = (over: Partial<PaperReceiptFact>): PaperReceiptFact => ({
    kind: 'application',
    versionNo: 2,
    status: 'current',
    late: false,
    receivedOn: '2021-10-18',
    postmarkedOn: '2021-10-15',
    ...over,
  });

  test('the current version, in time', () => {
    expect(paperFinding([copy({})], 2)).toEqual({
      pass: true,
      reason: '已于2021-10-18收到第2版纸质申报书',
    });
    // a late copy and then one in time: the one in time counts
    expect(paperFinding([copy({ late: true }), copy({ receivedOn: '2021-10-19' })], 2).pass).toBe(
      true,
    );
  });

  test('none, only 附件3, an earlier version, or late: why not', () => {
    expect(paperFinding([], 2)).toEqual({ pass: false, reason: '尚未收到纸质申报书' });
    expect(paperFinding([copy({ kind: 'summary_table' })], 2).reason).toBe('尚未收到纸质申报书');
    expect(paperFinding([copy({ versionNo: 1, status: 'superseded' })], 2).reason).toBe(
      '收到的纸质申报书为第1版，与网上当前的第2版不一致',
    );
    expect(paperFinding([copy({ late: true, postmarkedOn: null })], 2).reason).toBe(
      '纸质申报书逾期寄达（收到2021-10-18）',
    );
  });
});

test('not_awarded_duplicate: open and confirmed findings fail', () => {
  expect(duplicateFinding(null).pass).toBe(true);
  expect(duplicateFinding('open').pass).toBe(false);
  expect(duplicateFinding('confirmed')).toEqual({ pass: false, reason: '主管部门已确认重复申报' });
});

describe('recording', () => {
  const list = MIIT_2021_FORMAL_CHECKLIST;
  const all = list.map((i) => ({ code: i.code, pass: true, reason: '' }));

  test('the checklist is the campaign’s, else the notice’s', () => {
    expect(formalChecklistOf({})).toBe(MIIT_2021_FORMAL_CHECKLIST);
    const own = [{ code: 'x', label: '某项', basis: '', blocking: false }];
    expect(formalChecklistOf({ formalChecklist: own })).toBe(own);
  });

  test('each item once, nothing unknown, a failed one with a reason of two 字 or more', () => {
    expect(recordIssues(list, all)).toEqual([]);
    expect(recordIssues(list, all.slice(1))).toEqual([
      { path: 'items', message: '请填写检查项“申报类别与聚焦领域相符”的审查结论' },
    ]);
    const failedBare = all.map((i, n) => (n === 1 ? { ...i, pass: false, reason: '否' } : i));
    expect(recordIssues(list, failedBare)).toEqual([
      {
        path: 'items.1.reason',
        message: '请填写“为一个或一组工业APP，非“大系统、大平台””不通过的理由',
      },
    ]);
    expect(recordIssues(list, [...all, { code: 'x', pass: true, reason: '' }])[0]!.path).toBe(
      'items.8.code',
    );
  });

  test('合格 only when all pass; the summary names the failed items in order', () => {
    expect(resultOf(all)).toBe('pass');
    const items = [
      { label: '甲', pass: true, reason: '' },
      { label: '乙', pass: false, reason: ' 缺少证明 ' },
      { label: '丙', pass: false, reason: '逾期' },
    ];
    expect(resultOf(items)).toBe('fail');
    expect(failedSummary(items)).toBe('乙：缺少证明；丙：逾期');
  });

  test('a blocking item is blocked only by a failing finding', () => {
    const dup = list.find((i) => i.code === 'not_duplicate')!;
    const paper = list.find((i) => i.code === 'paper')!;
    expect(isBlocked(dup, { pass: false, reason: '' })).toBe(true);
    expect(isBlocked(dup, { pass: true, reason: '' })).toBe(false);
    expect(isBlocked(paper, { pass: false, reason: '' })).toBe(false);
  });

  test('bulk pass: only a forwarded application without a record whose automatic items all pass', () => {
    const clean = new Map([['paper', { pass: true, reason: '已收到' }]]);
    const fresh = { state: 'forwarded', recorded: false };
    expect(bulkPassProblem(list, clean, fresh)).toBeNull();
    expect(
      bulkPassProblem(
        list,
        new Map([['paper', { pass: false, reason: '尚未收到纸质申报书' }]]),
        fresh,
      ),
    ).toBe('纸质材料已收到且与网上一致：尚未收到纸质申报书');
    expect(bulkPassProblem(list, clean, { state: 'ineligible', recorded: true })).toBe(
      '已有形式审查结果，请逐份审查修改',
    );
    expect(bulkPassProblem(list, clean, { state: 'submitted', recorded: false })).toContain(
      '不在待形式审查',
    );
  });
});
