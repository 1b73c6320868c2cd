// 申报项目库 in the browser: the list with its filters sent to the server, the exports with the same
// filters, and a row opened on its frozen version, history and paper copies.
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { MIIT_2021 } from '../../../domain/campaigns/miit-2021';
import { MIIT_2021_FORM } from '../../../domain/forms/miit-2021-form';
import type { RegistryRow } from '../../../domain/api/registry';
import { completeApplication } from '../../../test/fixtures/application';
import { renderWithApp } from '../../../test/web/render';
import type { Campaign } from '../../lib/types';
import { RegistryView } from './RegistryPage';

const CAMPAIGN = '00000000-0000-4000-8000-0000000000c1';
const UNIT = '00000000-0000-4000-8000-0000000000b1';
const APP = '00000000-0000-4000-8000-0000000000a1';
const campaign: Campaign = {
  id: CAMPAIGN,
  code: 'miit-2021',
  year: 2021,
  title: '2021年工业互联网APP优秀解决方案征集遴选',
  docNumber: '工信厅信发函〔2021〕224号',
  issuer: MIIT_2021.issuer,
  publishedOn: '2021-09-01',
  opensAt: '2021-09-01T00:00:00.000Z',
  onlineDeadline: '2021-10-20T15:59:59.999Z',
  paperDeadline: '2021-10-20T15:59:59.999Z',
  isDemo: false,
  copiedFromId: null,
  phase: 'closed',
  settings: MIIT_2021.settings,
};

const row = (over: Partial<RegistryRow>): RegistryRow => ({
  id: APP,
  solutionName: '基于5G的轴承质量在线检测APP',
  category: 'basic_common',
  categoryLabel: '基础共性工业APP',
  applicantName: '北京示例智造科技有限公司',
  uscc: '91110108MA01XK2Q8K',
  region: '110100',
  regionName: '北京市',
  unitId: UNIT,
  unitName: '北京市',
  rank: 1,
  state: 'forwarded',
  currentVersionNo: 1,
  submittedAt: '2021-10-18T02:00:00.000Z',
  duplicates: 'none',
  paper: { received: true, late: false, mismatch: false, receivedOn: '2021-10-19', copies: 1 },
  formalCheck: null,
  ...over,
});

const ROWS = [
  row({}),
  row({
    id: 'a2',
    solutionName: '注塑工艺参数寻优工业APP',
    rank: 2,
    duplicates: 'confirmed',
    paper: { received: false, late: false, mismatch: true, receivedOn: null, copies: 1 },
    formalCheck: 'fail',
  }),
];

function render() {
  const data = completeApplication({ uscc: '91110108MA01XK2Q8K', certificateId: 'f1' });
  return renderWithApp(
    <RegistryView campaigns={[campaign]} campaign={campaign} onPick={() => {}} />,
    {
      'GET /recommender-units': { items: [{ id: UNIT, name: '北京市' }] },
      'GET /regions': { items: [{ code: '110000', name: '北京市', level: 1, parentCode: null }] },
      [`GET /campaigns/${CAMPAIGN}/registry`]: {
        byQuery: (q: URLSearchParams) => {
          const items = q.get('paper') === 'no' ? ROWS.filter((r) => !r.paper.received) : ROWS;
          return { items, total: items.length, page: 1, pageSize: 50 };
        },
      },
      [`GET /applications/${APP}`]: {
        application: { id: APP },
        versions: [],
        attachments: [
          {
            id: 'f1',
            filename: '软件著作权证书.pdf',
            kind: 'pdf',
            mime: 'application/pdf',
            size: 2048,
            sha256: 'x',
            createdAt: '2021-10-01T00:00:00.000Z',
          },
        ],
      },
      [`GET /applications/${APP}/versions/1`]: {
        versionNo: 1,
        verificationCode: 'ABCD-EFGH-JKMN',
        submittedAt: '2021-10-18T02:00:00.000Z',
        wordCount: 100,
        data,
        attachments: [
          { id: 'f1', filename: '软件著作权证书.pdf', kind: 'pdf', size: 2048, sha256: 'x' },
        ],
      },
      [`GET /campaigns/${CAMPAIGN}/form`]: { form: MIIT_2021_FORM, wordLimit: 5000 },
      'GET /industries': { items: [{ code: '3451', name: '滚动轴承制造', level: 4 }] },
      [`GET /applications/${APP}/findings`]: { text: '', findings: [] },
      [`GET /applications/${APP}/history`]: {
        items: [
          {
            at: '2021-10-21T02:00:00.000Z',
            action: 'paper.receive',
            actionLabel: '纸质材料签收',
            actorName: '工作人员',
            actorOrg: '主管部门',
            actorLabel: 'organizer',
            actorRole: 'organizer',
            fromState: null,
            toState: null,
            note: null,
          },
        ],
      },
      [`GET /campaigns/${CAMPAIGN}/paper-receipts`]: {
        items: [],
        total: 0,
        page: 1,
        pageSize: 200,
      },
    },
  );
}

describe('申报项目库', () => {
  it('lists the rows with their flags; a filter goes to the server and into the export links', async () => {
    const { calls } = render();
    const table = await screen.findByTestId('registry-table');
    expect(await within(table).findByText('基于5G的轴承质量在线检测APP')).toBeTruthy();
    expect(within(table).getByText('已确认重复')).toBeTruthy();
    expect(within(table).getByText('另收到非当前版本')).toBeTruthy();
    expect(within(table).getByText('不合格')).toBeTruthy();
    expect(within(table).getByText('已收到')).toBeTruthy();

    fireEvent.mouseDown(within(screen.getByTestId('registry-filter-paper')).getByRole('combobox'));
    fireEvent.click(await screen.findByTitle('未收到'));
    await waitFor(() => expect(calls.some((c) => c.url.includes('/registry?paper=no'))).toBe(true));
    await waitFor(() =>
      expect(within(table).queryByText('基于5G的轴承质量在线检测APP')).toBeNull(),
    );
    expect(screen.getByTestId('registry-export-xlsx').getAttribute('href')).toBe(
      `/api/v1/campaigns/${CAMPAIGN}/registry/export.xlsx?paper=no`,
    );
    expect(screen.getByTestId('registry-export-zip').getAttribute('href')).toBe(
      `/api/v1/campaigns/${CAMPAIGN}/registry/export.zip?paper=no`,
    );
  });

  it('opens a row on its frozen version, with the PDF, attachments and history', async () => {
    render();
    fireEvent.click((await screen.findAllByTestId('registry-open'))[0]!);
    const drawer = await screen.findByTestId('registry-drawer');
    expect(within(drawer).getByText('申报书：基于5G的轴承质量在线检测APP')).toBeTruthy();
    expect(await within(drawer).findByTestId('registry-frozen')).toBeTruthy();
    expect(within(drawer).getByTestId('registry-pdf').getAttribute('href')).toBe(
      `/api/v1/applications/${APP}/versions/1/pdf`,
    );
    expect(
      within(within(drawer).getByTestId('registry-attachments')).getByText(/软件著作权证书\.pdf/),
    ).toBeTruthy();
    fireEvent.click(within(drawer).getByRole('tab', { name: '处理记录' }));
    expect(await within(drawer).findByText('纸质材料签收')).toBeTruthy();
  });
});
