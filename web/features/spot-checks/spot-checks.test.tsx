// 随机抽查's public page: before the draw only the commitment (the seed is 抽取后公布); after it the
// sample links to the published solutions, and 重新计算验证 redraws in the browser with the domain
// function — 一致 for the published draw, 不一致 when the published sample was tampered with.
import { fireEvent, screen } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { SpotCheckVerification } from '../../../domain/api/spot-checks';
import { drawSpotCheck, planOf, seedCommitment } from '../../../domain/spot-check';
import { renderPageAt } from '../../../test/web/render';
import { PublicSpotCheckPage } from './PublicSpotChecksPage';

afterEach(() => vi.unstubAllGlobals());

const SEED = '000102030405060708090a0b0c0d0e0f101112131415161718191a1b1c1d1e1f';
const population = [
  { publicId: '2021-IIAPP-001', category: 'basic_common', region: '110000' },
  { publicId: '2021-IIAPP-002', category: 'basic_common', region: '110000' },
  { publicId: '2021-IIAPP-003', category: 'basic_common', region: '310000' },
  { publicId: '2021-IIAPP-004', category: 'basic_common', region: '110000' },
  { publicId: '2021-IIAPP-005', category: 'industry_general', region: '440000' },
  { publicId: '2021-IIAPP-006', category: 'industry_general', region: '440000' },
  { publicId: '2021-IIAPP-007', category: 'industry_general', region: '320000' },
];
const candidates = population.map((p) => ({ ...p, regionCode: p.region }));
const sizes = { total: 4 };
const draw = drawSpotCheck(SEED, candidates, planOf(SEED, candidates, sizes));

function verification(over: { drawn: boolean; sample?: string[] }): SpotCheckVerification {
  const sample = over.sample ?? draw.sample;
  return {
    spotCheck: {
      id: '11111111-1111-4111-8111-111111111111',
      title: '2023年随机抽查',
      lists: [{ campaignId: 'c', year: 2021, title: '2021年名单' }],
      sizes,
      categoryNames: { basic_common: '基础共性', industry_general: '行业通用' },
      seedSource: 'platform',
      commitment: seedCommitment(SEED),
      committedAt: '2026-11-01T01:00:00.000Z',
      state: over.drawn ? 'drawn' : 'committed',
      drawnAt: over.drawn ? '2026-11-02T01:00:00.000Z' : null,
      seed: over.drawn ? SEED : null,
      populationSize: over.drawn ? 7 : null,
      populationDigest: over.drawn ? draw.populationDigest : null,
      sampleSize: over.drawn ? 4 : null,
    },
    algorithm: '/docs/SPOT-CHECK.md',
    population: over.drawn ? population : null,
    plan: null,
    strata: over.drawn ? [] : null,
    sample: over.drawn
      ? sample.map((publicId) => ({
          publicId,
          stratum: '',
          solutionName: `方案${publicId}`,
          enterpriseName: '某企业',
          categoryName: '基础共性',
          regionName: '北京市',
        }))
      : null,
    recomputed: over.drawn ? { match: true, wrong: [], sample: draw.sample } : null,
  };
}

const renderWith = (v: SpotCheckVerification) =>
  renderPageAt(
    '/spot-checks/:id',
    <PublicSpotCheckPage />,
    `/spot-checks/${v.spotCheck.id}`,
    (method, path) =>
      method === 'GET' && path === `/spot-checks/${v.spotCheck.id}/verification`
        ? [200, v]
        : [404, { error: { code: 'NOT_FOUND', message: '未找到', messageEn: 'Not found' } }],
  );

describe('the public spot-check page', () => {
  it('before the draw: the commitment, no seed, nothing to recompute', async () => {
    renderWith(verification({ drawn: false }));
    expect(await screen.findByText(seedCommitment(SEED))).toBeTruthy();
    expect(screen.getByText('抽取后公布')).toBeTruthy();
    expect(screen.queryByText(SEED)).toBeNull();
    expect(screen.queryByRole('button', { name: '重新计算验证' })).toBeNull();
  });

  it('after the draw: the sample links to the solutions and recomputes 一致 here', async () => {
    renderWith(verification({ drawn: true }));
    expect(await screen.findByText(SEED)).toBeTruthy();
    const link = screen.getByRole('link', { name: draw.sample[0]! });
    expect(link.getAttribute('href')).toBe(`/solutions/${draw.sample[0]}`);
    fireEvent.click(screen.getByRole('button', { name: '重新计算验证' }));
    expect((await screen.findByRole('status')).textContent).toMatch(/^一致/);
  });

  it('a published sample that is not the draw’s shows 不一致', async () => {
    const swapped = [...draw.sample.slice(1), draw.sample[0]!];
    renderWith(verification({ drawn: true, sample: swapped }));
    fireEvent.click(await screen.findByRole('button', { name: '重新计算验证' }));
    const status = await screen.findByRole('status');
    expect(status.textContent).toMatch(/^不一致/);
    expect(status.textContent).toContain('样本：不一致');
  });
});
