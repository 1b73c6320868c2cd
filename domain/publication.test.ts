import { describe, expect, it } from 'vitest';
import {
  chineseDate,
  defaultListTitle,
  earliestPublishDay,
  parsePublicId,
  publicIdSeriesOf,
  publishedNote,
  regionLabelOf,
  validityText,
  publicIdOf,
  publishedStatusOn,
  publishListSchema,
  validUntilOf,
} from './publication';

describe('public ids', () => {
  it('pads the place to three digits and grows past 999', () => {
    expect(publicIdOf(2021, 'IIAPP', 1)).toBe('2021-IIAPP-001');
    expect(publicIdOf(2021, 'IIAPP', 1234)).toBe('2021-IIAPP-1234');
  });
  it('reads an id as a person types it, and refuses what is not one', () => {
    expect(parsePublicId(' ２０２１-iiapp-007 ')).toEqual({ year: 2021, series: 'IIAPP', seq: 7 });
    expect(parsePublicId('2021-IIAPP-7')).toBeNull();
    expect(parsePublicId('IIAPP-2021-001')).toBeNull();
  });
});

describe('validity', () => {
  it('runs two years from the publication day, through the day before', () => {
    expect(validUntilOf('2021-12-20')).toBe('2023-12-19');
    expect(validUntilOf('2022-01-01')).toBe('2023-12-31');
  });
  it('from 29 February ends on 27 February two years later', () => {
    expect(validUntilOf('2024-02-29')).toBe('2026-02-27');
  });
  it('is valid through its last day and expired the day after; a revocation stands', () => {
    const s = { status: 'valid' as const, validUntil: '2023-12-19' };
    expect(publishedStatusOn(s, '2023-12-19')).toBe('valid');
    expect(publishedStatusOn(s, '2023-12-20')).toBe('expired');
    expect(publishedStatusOn({ ...s, status: 'revoked' }, '2022-01-01')).toBe('revoked');
  });
});

describe('publishListSchema', () => {
  it('needs a 文号 and a real day', () => {
    const r = publishListSchema.safeParse({ documentNo: '', publishedOn: '2021-02-30' });
    expect(r.success).toBe(false);
    expect(r.error!.issues.map((i) => i.path[0]).sort()).toEqual(['documentNo', 'publishedOn']);
    expect(
      publishListSchema.parse({
        documentNo: '工信厅信发函〔2021〕300号',
        publishedOn: '2021-12-20',
      }),
    ).toMatchObject({ documentNo: '工信厅信发函〔2021〕300号' });
  });
});

describe('what the list and the 入选证明 say', () => {
  it('dates, validity, the default title, the history note and the series', () => {
    expect(chineseDate('2021-12-20')).toBe('2021年12月20日');
    expect(validityText('2021-12-20', validUntilOf('2021-12-20'))).toBe(
      '2021年12月20日至2023年12月19日',
    );
    expect(defaultListTitle(2021)).toBe('2021年工业互联网APP优秀解决方案名单');
    expect(earliestPublishDay('2021-12-31')).toBe('2022-01-01');
    expect(publishedNote('2021年工业互联网APP优秀解决方案名单', '工信厅信发函〔2021〕300号')).toBe(
      '列入《2021年工业互联网APP优秀解决方案名单》（工信厅信发函〔2021〕300号）',
    );
    expect(publicIdSeriesOf({})).toBe('IIAPP');
    expect(publicIdSeriesOf({ publicIdSeries: 'IIAPPB' })).toBe('IIAPPB');
  });
  it('names a region by its province and city, whatever level the code is', () => {
    const names = {
      '110000': '北京市',
      '110100': '北京市',
      '330000': '浙江省',
      '330100': '杭州市',
    };
    expect(regionLabelOf('110105', names)).toBe('北京市');
    expect(regionLabelOf('330106', names)).toBe('浙江省杭州市');
    expect(regionLabelOf('330000', names)).toBe('浙江省');
    expect(regionLabelOf('990101', names)).toBe('990101');
    expect(regionLabelOf(null, names)).toBe('');
  });
});
