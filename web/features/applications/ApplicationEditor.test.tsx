import { screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { MIIT_2021 } from '../../../domain/campaigns/miit-2021';
import { MIIT_2021_FORM } from '../../../domain/forms/miit-2021-form';
import { completeApplication } from '../../../test/fixtures/application';
import { renderWithApp } from '../../../test/web/render';
import type { ApplicationDetail } from '../../lib/applications';
import type { Campaign, Me } from '../../lib/types';
import { ApplicationEditor } from './ApplicationEditor';

const ENTERPRISE = '00000000-0000-4000-8000-0000000000e1';
const campaign: Campaign = {
  id: '00000000-0000-4000-8000-0000000000c1',
  code: 'demo-2026',
  year: 2026,
  title: '【演示】2026年工业互联网APP优秀解决方案征集遴选',
  docNumber: '演示活动',
  issuer: MIIT_2021.issuer,
  publishedOn: '2026-09-01',
  opensAt: '2026-09-01T00:00:00.000Z',
  onlineDeadline: '2099-10-20T15:59:59.000Z',
  paperDeadline: '2099-10-20T15:59:59.000Z',
  isDemo: true,
  copiedFromId: null,
  phase: 'open',
  settings: { ...MIIT_2021.settings, wordLimit: 6000 },
};
const me = {
  user: {
    id: '00000000-0000-4000-8000-0000000000a1',
    login: 'qiye',
    email: 'a@example.com',
    name: '示例企业',
    phone: null,
    role: 'enterprise',
    status: 'active',
    mustChangePassword: false,
    enterpriseId: ENTERPRISE,
    enterpriseName: '北京示例智造科技有限公司',
    recommenderUnitId: null,
    recommenderUnitName: null,
    lockedUntil: null,
    lastSignInAt: null,
    createdAt: '2026-09-01T00:00:00.000Z',
  },
  csrfToken: 'x',
  enterprise: null,
  recommenderUnit: null,
} as Me;

function detail(state: 'draft' | 'submitted'): ApplicationDetail {
  const data = completeApplication({
    uscc: '91110108MA01XK2Q8K',
    certificateId: '4b1f7a52-5a43-4a8f-9a55-0c9c1d0b2a11',
  });
  return {
    application: {
      id: '00000000-0000-4000-8000-0000000000d1',
      campaignId: campaign.id,
      enterpriseId: ENTERPRISE,
      channelUnitId: '00000000-0000-4000-8000-0000000000b1',
      state,
      formId: MIIT_2021_FORM.id,
      data,
      draftVersion: 3,
      wordCount: 100,
      solutionName: data.solution.name,
      currentVersionNo: state === 'submitted' ? 1 : null,
      returnComment: null,
      rejectReason: null,
      recommendRank: null,
      createdAt: '2026-09-02T00:00:00.000Z',
      updatedAt: '2026-09-03T00:00:00.000Z',
      submittedAt: state === 'submitted' ? '2026-09-03T00:00:00.000Z' : null,
      decidedAt: null,
    },
    versions:
      state === 'submitted'
        ? [
            {
              versionNo: 1,
              verificationCode: 'ABCD-EFGH-JKMN',
              submittedAt: '2026-09-03T00:00:00.000Z',
              wordCount: 100,
            },
          ]
        : [],
    attachments: [
      {
        id: '4b1f7a52-5a43-4a8f-9a55-0c9c1d0b2a11',
        filename: '软件著作权证书.pdf',
        kind: 'pdf',
        mime: 'application/pdf',
        size: 1000,
        sha256: 'a'.repeat(64),
        createdAt: '2026-09-02T00:00:00.000Z',
      },
    ],
    formalCheck: null,
  };
}

const routes = {
  'GET /industries': {
    items: [
      { code: '3451', name: '轴承制造', level: 4, parentCode: '345', section: 'C', remark: '' },
    ],
  },
  'GET /regions': { items: [] },
};

function renderEditor(
  state: 'draft' | 'submitted',
  formalCheck: ApplicationDetail['formalCheck'] = null,
) {
  return renderWithApp(
    <ApplicationEditor
      detail={{ ...detail(state), formalCheck }}
      campaign={campaign}
      form={MIIT_2021_FORM}
      me={me}
      channelName="北京市"
      reload={async () => {}}
    />,
    routes,
  );
}

describe('a submitted application', () => {
  it('reads as a document with its print buttons, not as disabled inputs', async () => {
    renderEditor('submitted');
    const view = await screen.findByTestId('application-view');
    expect(screen.queryByRole('textbox')).toBeNull();
    expect(view.querySelector('input, textarea')).toBeNull();
    expect(screen.getByTestId('view-solution').textContent).toContain(
      '基于5G的轴承质量在线检测APP',
    );
    await waitFor(() => expect(view.textContent).toContain('3451 轴承制造'));
    expect(view.textContent).toContain('软件著作权证书.pdf');
    const bar = screen.getByTestId('editor-bar');
    expect(bar.querySelector('a[href$="/versions/1/pdf"]')).toBeTruthy();
    expect(bar.querySelector('a[href$="/versions/1/docx"]')).toBeTruthy();
  });
});

describe('形式审查 as the enterprise reads it', () => {
  it('shows 不合格 with each failed item’s reason and when, nothing of who checked it', async () => {
    renderEditor('submitted', {
      result: 'fail',
      failedItems: [{ label: '纸质材料已收到且与网上一致', reason: '尚未收到纸质申报书' }],
      checkedAt: '2026-11-02T02:00:00.000Z',
    });
    const result = await screen.findByTestId('formal-check-result');
    expect(within(result).getByTestId('formal-check-tag').textContent).toBe('不合格');
    expect(result.textContent).toContain('纸质材料已收到且与网上一致：尚未收到纸质申报书');
  });

  it('nothing before the check', async () => {
    renderEditor('submitted');
    await screen.findByTestId('application-view');
    expect(screen.queryByTestId('formal-check-result')).toBeNull();
  });
});

describe('the word limit under 四、解决方案内容', () => {
  it("is the campaign's own, never a year's text", () => {
    renderEditor('draft');
    const text = screen.getByTestId('section-text');
    expect(text.textContent).not.toMatch(/2021年/);
    expect(screen.getByTestId('word-limit-text').textContent).toBe(
      '本部分各栏计入正文字数，本次活动正文合计不超过 6,000 字。',
    );
  });
});
