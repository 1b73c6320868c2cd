import { describe, expect, it } from 'vitest';
import {
  parsePublicId,
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
      publishListSchema.parse({ documentNo: '工信厅信发函〔2021〕300号', publishedOn: '2021-12-20' }),
    ).toMatchObject({ documentNo: '工信厅信发函〔2021〕300号' });
  });
});
