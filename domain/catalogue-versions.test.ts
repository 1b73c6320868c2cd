// 目录清单's pure rules: the changes from one version to the next (added, removed, band changed,
// with from/to and in a stable order), the grouping by band then category, duplicates, and the
// publication's input refusals.
import { describe, expect, test } from 'vitest';
import {
  bandOrder,
  catalogueChanges,
  duplicatePublicIds,
  groupCatalogue,
  publishCatalogueSchema,
} from './catalogue-versions';

const e = (publicId: string, band: string, category = '1', categoryName = '研发设计') => ({
  publicId,
  band,
  category,
  categoryName,
});

describe('catalogueChanges', () => {
  test('the first version adds everything', () => {
    const next = [e('2021-IIAPP-001', 'A类'), e('2021-IIAPP-002', 'B类')];
    expect(catalogueChanges(null, next)).toEqual({ added: next, removed: [], bandChanged: [] });
  });

  test('added, removed and band changed, exactly, each in its version order', () => {
    const prev = [
      e('2021-IIAPP-001', 'A类'),
      e('2021-IIAPP-002', 'A类'),
      e('2021-IIAPP-003', 'B类'),
      e('2021-IIAPP-004', 'C类'),
      e('2021-IIAPP-005', 'C类'),
    ];
    const next = [
      e('2021-IIAPP-003', 'A类'),
      e('2021-IIAPP-001', 'A类'),
      e('2022-IIAPP-010', 'A类'),
      e('2021-IIAPP-005', 'B类'),
      e('2022-IIAPP-002', 'C类'),
    ];
    const c = catalogueChanges(prev, next);
    expect(c.added.map((x) => x.publicId)).toEqual(['2022-IIAPP-010', '2022-IIAPP-002']);
    expect(c.removed.map((x) => x.publicId)).toEqual(['2021-IIAPP-002', '2021-IIAPP-004']);
    expect(c.bandChanged.map((b) => [b.entry.publicId, b.from, b.to])).toEqual([
      ['2021-IIAPP-003', 'B类', 'A类'],
      ['2021-IIAPP-005', 'C类', 'B类'],
    ]);
    // the removed carry the previous version's facts (their band there)
    expect(c.removed[1]).toEqual(prev[3]);
  });

  test('the same list in another order changes nothing; an empty next removes everything', () => {
    const prev = [e('2021-IIAPP-001', 'A类'), e('2021-IIAPP-002', 'B类')];
    expect(catalogueChanges(prev, [...prev].reverse())).toEqual({
      added: [],
      removed: [],
      bandChanged: [],
    });
    expect(catalogueChanges(prev, []).removed).toEqual(prev);
  });
});

describe('groupCatalogue', () => {
  test('bands in first-appearance order, categories by code (numeric), entries as given', () => {
    const list = [
      e('X-3', 'B类', '10', '运营管理'),
      e('X-1', 'A类', '2', '生产制造'),
      e('X-2', 'A类', '10', '运营管理'),
      e('X-4', 'A类', '2', '生产制造'),
      e('X-5', 'C类', '1', '研发设计'),
    ];
    expect(bandOrder(list)).toEqual(['B类', 'A类', 'C类']);
    const g = groupCatalogue(list);
    expect(g.map((b) => [b.band, b.count])).toEqual([
      ['B类', 1],
      ['A类', 3],
      ['C类', 1],
    ]);
    expect(
      g[1]!.categories.map((c) => [c.category, c.categoryName, c.entries.map((x) => x.publicId)]),
    ).toEqual([
      ['2', '生产制造', ['X-1', 'X-4']],
      ['10', '运营管理', ['X-2']],
    ]);
  });
});

describe('input', () => {
  const ok = {
    title: '工业互联网APP优秀解决方案目录清单',
    documentNo: '工信厅信发函〔2026〕100号',
    publishedOn: '2026-11-01',
    entries: [{ publicId: ' 2021-iiapp-001 ', band: ' A类 ' }],
  };

  test('ids are normalised (trimmed, upper case, NFKC) and bands trimmed', () => {
    const p = publishCatalogueSchema.parse({
      ...ok,
      entries: [{ publicId: '２０２１-iiapp-００１', band: ' A类 ' }],
    });
    expect(p.entries).toEqual([{ publicId: '2021-IIAPP-001', band: 'A类' }]);
  });

  test.each([
    ['no entries', { entries: [] }, '目录清单至少要列入一项解决方案'],
    ['a bad date', { publishedOn: '2026-02-30' }, '不是有效的日期'],
    ['a date in another format', { publishedOn: '2026/11/01' }, '日期格式应为 YYYY-MM-DD'],
    ['no 文号', { documentNo: ' ' }, '请填写发布文号，如 工信厅信发函〔2024〕100号'],
    [
      'an empty band',
      { entries: [{ publicId: '2021-IIAPP-001', band: ' ' }] },
      '请填写等级（如 A类）',
    ],
  ])('refused: %s', (_what, over, message) => {
    const r = publishCatalogueSchema.safeParse({ ...ok, ...over });
    expect(r.success).toBe(false);
    expect(r.error!.issues.map((i) => i.message)).toContain(message);
  });

  test('duplicates are named once each', () => {
    expect(
      duplicatePublicIds([
        { publicId: 'A' },
        { publicId: 'B' },
        { publicId: 'A' },
        { publicId: 'A' },
        { publicId: 'C' },
      ]),
    ).toEqual(['A']);
  });
});
