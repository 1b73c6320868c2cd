import { screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { MIIT_2021 } from '../../../domain/campaigns/miit-2021';
import { renderWithApp } from '../../../test/web/render';
import type { Campaign } from '../../lib/types';
import { AfterAward } from './CampaignFacts';

const campaign = {
  ...MIIT_2021,
  id: 'c1',
  isDemo: false,
  copiedFromId: null,
  phase: 'open',
} as Campaign;

describe('入选之后 on the campaign page', () => {
  it('names the 系统评价 dimensions of the rubric', () => {
    renderWithApp(<AfterAward campaign={campaign} />);
    expect(
      screen.getByText(
        '期满后组织自查评估，并从以下维度系统评价：综合实力、关键技术创新、经济社会效益、产业化推广价值',
      ),
    ).toBeTruthy();
  });
});
