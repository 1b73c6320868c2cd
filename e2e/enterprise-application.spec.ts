import { readFile } from 'node:fs/promises';
import { expect, test, type Locator, type Page } from '@playwright/test';
import { countWords } from '../domain/word-count';
import {
  DEMO_CAMPAIGN,
  DEMO_PASSWORD,
  fillRegistration,
  NEW_PASSWORD,
  pickOption,
  signIn,
  uniqueUscc,
  tinyPdf,
  PNG_1X1,
  expectNoSeriousA11yViolations,
  dialogSettled,
} from './helpers';

const DEMO_ENTERPRISE = '91110108MA01XK2Q8K';

/** The enterprise the first journey registers; the deadline journey copies its submitted form. */
let registered: { uscc: string; name: string } | undefined;

const TEXT = {
  needs: '中小型机械加工企业设备种类多、联网率低，停机原因难以追溯，OEE长期低于60%。',
  approach:
    '基于工业互联网平台，以一组小轻灵的工业APP实现设备接入、状态监测、故障预警与维保派工，按需组合部署。',
  practice: '在3家企业的120台数控机床上部署，接入PLC与CNC数据，建立设备健康模型。',
  theory: '以设备机理模型与数据驱动模型融合，实现剩余寿命预测；以微服务方式解耦业务。',
  results: '设备综合效率（OEE）提升12%，非计划停机减少35%，维保成本下降18%。',
  value: '适用于离散制造业的设备管理场景，APP可单独使用，也可与MES、ERP组合。',
};
const TEXT_WORDS = Object.values(TEXT).reduce((n, s) => n + countWords(s), 0);

function section(page: Page, key: string): Locator {
  return page.getByTestId(`section-${key}`);
}

async function pickIndustry(page: Page, scope: Locator, search: string, title: string) {
  await scope.getByLabel('所属行业（GB/T 4754-2017）').click();
  await page.keyboard.type(search);
  await page
    .locator(`.ant-select-dropdown:visible .ant-select-item-option[title="${title}"]`)
    .click();
  await page.keyboard.press('Escape');
}

async function pickMany(page: Page, scope: Locator, label: string, options: string[]) {
  for (const o of options) await pickOption(page, scope, label, o);
  await page.keyboard.press('Escape');
}

async function fillApp(item: Locator, page: Page, n: number) {
  await item.getByLabel('APP名称').fill(`设备健康监测APP-${n}`);
  await item.getByLabel('版本号').fill(`V${n}.0`);
  await item.getByLabel('软件著作权登记号').fill(`2021SR012345${n}`);
  await item.getByLabel('主要功能').fill(`第${n}个APP：采集设备数据并给出预警。`);
  await pickOption(page, item, '部署方式', '私有云');
  await item.getByLabel('用户数/装机量').fill(String(100 * n));
}

async function createInCampaign(page: Page, code: string): Promise<string> {
  await page.goto('/');
  await page.getByTestId(`new-application-${code}`).click();
  const dialog = page.getByRole('dialog', { name: '新建申报书' });
  await expect(dialog.getByTestId('default-channel')).toHaveText('北京市');
  await dialogSettled(page);
  const [created] = await Promise.all([
    page.waitForResponse(
      (r) => r.url().endsWith('/api/v1/applications') && r.request().method() === 'POST',
      { timeout: 45_000 },
    ),
    dialog.getByRole('button', { name: '创建并开始填写' }).click(),
  ]);
  expect(created.status(), await created.text()).toBe(201);
  await expect(page).toHaveURL(/\/applications\/[0-9a-f-]{36}$/);
  return page.url().split('/').pop()!;
}

async function csrfOf(page: Page): Promise<string> {
  const me = await page.request.get('/api/v1/me');
  return ((await me.json()) as { csrfToken: string }).csrfToken;
}

test('a new enterprise registers, fills the whole form, submits, prints the PDF and verifies its code', async ({
  page,
}) => {
  test.setTimeout(150_000);
  // Register a new enterprise in 北京市 / 北京市 (so the default channel is 北京市) and sign in with it.
  const uscc = uniqueUscc();
  const name = `北京申报测试科技有限公司${uscc.slice(-4)}`;
  await fillRegistration(page, { name, uscc, email: `e2e-app-${uscc}@example.com` });
  await page
    .getByRole('main')
    .getByRole('button', { name: /^注\s*册$/ })
    .click();
  await expect(page).toHaveURL(/\/login\?registered=/);
  await signIn(page, uscc, NEW_PASSWORD);
  await expect(page.getByTestId('home-title')).toContainText(name);
  await expect(page.getByTestId('my-applications')).toBeVisible();
  await expectNoSeriousA11yViolations(page);
  const id = await createInCampaign(page, DEMO_CAMPAIGN);
  await expect(page.getByTestId('application-channel')).toHaveText('北京市');
  await expectNoSeriousA11yViolations(page);
  // the applicant is filled from the registration
  await expect(section(page, 'applicant').getByLabel('统一社会信用代码')).toHaveValue(uscc);
  await expect(section(page, 'applicant').getByLabel('单位名称', { exact: true })).toHaveValue(
    name,
  );

  // Submitting an empty form lists every problem at once, each linked to its field.
  await page
    .getByTestId('editor-bar')
    .getByRole('button', { name: /提\s*交/ })
    .click();
  const problems = page.getByTestId('submit-problems');
  await expect(problems).toContainText('解决方案名称');
  await expect(problems).toContainText('请至少填写1项工业APP');
  await expect(problems).toContainText('真实性声明');
  expect(await problems.locator('li').count()).toBeGreaterThan(15);
  await expect(
    section(page, 'solution').getByTestId('field-solution.name').locator('.ant-form-item-explain'),
  ).toContainText('请填写解决方案名称');

  // 一、解决方案概况
  const s1 = section(page, 'solution');
  await s1.getByLabel('解决方案名称').fill('离散制造设备健康管理解决方案');
  await pickOption(page, s1, '申报类别', '行业通用工业APP');
  await pickMany(page, s1, '聚焦领域', ['机械制造']);
  await pickIndustry(page, s1, '软件开发', '651 软件开发');
  await pickMany(page, s1, '覆盖业务环节', ['生产制造', '运维服务']);
  await s1.getByLabel('依托的工业互联网平台').fill('示例工业互联网平台');
  await s1.getByLabel('平台提供方').fill('示例平台科技有限公司');
  await s1.getByLabel('使用的平台PaaS服务').fill('设备接入、工业数据管理、工业模型');
  await s1.getByLabel('方案简介（300字以内）').fill('以一组工业APP实现设备状态监测与预测性维护。');

  // 二、申报单位 (name, code, region, contact, phone and e-mail came from the registration)
  const s2 = section(page, 'applicant');
  await s2.getByLabel('通讯地址').fill('北京市海淀区示例路1号');
  await pickOption(page, s2, '单位性质', '民营企业');
  await pickOption(page, s2, '企业规模', '中型');
  await s2.getByLabel('上年度营业收入（万元）').fill('12000');
  await s2.getByLabel('研发人员数').fill('85');

  // 三、工业APP清单: two APPs; a third added and removed again
  const s3 = section(page, 'apps');
  const add = s3.getByRole('button', { name: '添加工业APP' });
  await add.click();
  await add.click();
  await add.click();
  await expect(s3.locator('[data-testid^="item-apps.items-"]')).toHaveCount(3);
  await s3
    .getByTestId('item-apps.items-2')
    .getByRole('button', { name: /删\s*除/ })
    .click();
  await expect(s3.locator('[data-testid^="item-apps.items-"]')).toHaveCount(2);
  await fillApp(s3.getByTestId('item-apps.items-0'), page, 1);
  await fillApp(s3.getByTestId('item-apps.items-1'), page, 2);

  // 四、解决方案内容: the live count follows the typing
  const count = page.getByTestId('word-count');
  await expect(count).toHaveText('正文 0 / 5,000 字');
  const s4 = section(page, 'text');
  await s4.getByLabel('需求与痛点').fill(TEXT.needs);
  await expect(count).toHaveText(`正文 ${countWords(TEXT.needs)} / 5,000 字`);
  await s4.getByLabel('解决方案', { exact: true }).fill(TEXT.approach);
  await s4.getByLabel('实践内容').fill(TEXT.practice);
  await s4.getByLabel('理论剖析').fill(TEXT.theory);
  await s4.getByLabel('应用成效（含量化指标）').fill(TEXT.results);
  await s4.getByLabel('推广价值与借鉴意义').fill(TEXT.value);
  await expect(count).toHaveText(`正文 ${TEXT_WORDS} / 5,000 字`);

  // 五、知识产权与产业化 + a PDF certificate
  const s5 = section(page, 'ip');
  await pickOption(page, s5, '知识产权归属', '完全自主知识产权');
  await s5
    .getByLabel('知识产权说明（专利、软件著作权等）')
    .fill('拥有软件著作权2项、发明专利1项。');
  await pickOption(page, s5, '产业化/部署情况', '已部署应用');
  await s5.getByLabel('部署应用情况说明（用户、规模、时间）').fill('2020年起在3家企业部署应用。');
  await page
    .getByTestId('attachments-ip.certificates')
    .locator('input[type=file]')
    .setInputFiles({ name: '软件著作权证书.pdf', mimeType: 'application/pdf', buffer: tinyPdf() });
  await expect(page.getByTestId('attachments-ip.certificates')).toContainText('软件著作权证书.pdf');

  // 六、图表: a PNG figure
  await page
    .getByTestId('attachments-figures.figures')
    .locator('input[type=file]')
    .setInputFiles({ name: '系统架构图.png', mimeType: 'image/png', buffer: PNG_1X1 });
  await expect(page.getByTestId('attachments-figures.figures')).toContainText('系统架构图.png');

  // 七、声明
  const s7 = section(page, 'declaration');
  await s7.getByRole('checkbox').check();
  await s7.getByLabel('法定代表人（签字）').fill('张示例');

  // The fixed fields lose their messages as they are filled.
  await expect(problems).toBeHidden();

  await page
    .getByTestId('editor-bar')
    .getByRole('button', { name: /保\s*存/ })
    .click();
  await expect(page.getByTestId('save-status')).toContainText('已保存');

  // 企业认证: the licence must be uploaded before submitting (not yet verified)
  const editorUrl = page.url();
  await page.goto('/account/verification');
  await expect(page.getByTestId('verification-status')).toHaveText('未提交材料');
  await page.locator('input[type="file"]').first().setInputFiles({
    name: '营业执照.pdf',
    mimeType: 'application/pdf',
    buffer: tinyPdf(),
  });
  await expect(page.getByTestId('verification-status')).toHaveText('待核验');
  await expect(page.getByTestId('proof-licence')).toContainText('营业执照.pdf');
  await expectNoSeriousA11yViolations(page);
  await page.screenshot({ path: 'test-results/enterprise-verification.png', fullPage: true });
  await page.goto(editorUrl);
  await page
    .getByTestId('editor-bar')
    .getByRole('button', { name: /提\s*交/ })
    .click();
  const confirm = page.getByRole('dialog').filter({ hasText: '确认提交申报书' });
  await expect(confirm).toContainText('北京市');
  await confirm.getByRole('button', { name: /提\s*交/ }).click();
  await expect(page.getByText(/已提交第 1 版，验证码/)).toBeVisible();
  await expect(page.getByText('申报书已提交，内容为只读')).toBeVisible();
  const code = (await page.getByTestId('verification-code').first().innerText()).trim();
  expect(code).toMatch(/^[A-Z0-9]{4}-[A-Z0-9]{4}-[A-Z0-9]{4}$/);

  // The printed form is a PDF.
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page
      .getByTestId('editor-bar')
      .getByRole('link', { name: /下载PDF/ })
      .click(),
  ]);
  const bytes = await readFile((await download.path())!);
  expect(bytes.subarray(0, 5).toString('latin1')).toBe('%PDF-');

  // Home shows it submitted with what happens next.
  await page.getByRole('menuitem', { name: '首页' }).click();
  const row = page
    .getByTestId('my-applications')
    .getByRole('row', { name: /离散制造设备健康管理/ });
  await expect(row).toContainText('已提交');
  await expect(row).toContainText('已提交，等待推荐单位审核');
  await expect(row.getByRole('link', { name: '下载申报书PDF' })).toBeVisible();

  // Anyone can check the printed code.
  await page.goto(`/verify?code=${encodeURIComponent(code)}`);
  const result = page.getByTestId('verify-result');
  await expect(result).toContainText('离散制造设备健康管理解决方案');
  await expect(result).toContainText(name);
  await expect(result).toContainText('北京市');
  await expect(result).toContainText('第 1 版');
  await expect(page.getByTestId('verify-currency')).toHaveText('这是该申报书的当前版本');
  // a malformed code and an unknown one are told apart
  await page.getByLabel('验证码').fill('XX');
  await page.getByRole('button', { name: /验\s*证/ }).click();
  await expect(page.getByText('验证码格式不正确')).toBeVisible();
  await page.getByLabel('验证码').fill('ABCD-EFGH-JKMN');
  await page.getByRole('button', { name: /验\s*证/ }).click();
  await expect(page.getByTestId('verify-result')).toContainText('未找到验证码 ABCD-EFGH-JKMN');

  // Withdrawing brings it back to draft.
  await page.goto(`/applications/${id}`);
  await page
    .getByTestId('editor-bar')
    .getByRole('button', { name: /撤\s*回/ })
    .click();
  await page
    .locator('.ant-popconfirm')
    .getByRole('button', { name: /确\s*定|OK/ })
    .click();
  await expect(page.getByTestId('save-status')).toBeVisible();
  await expect(section(page, 'solution').getByLabel('解决方案名称')).toBeEditable();
  registered = { uscc, name };
});

test('a save over a newer version is refused with a dialog, and the text is kept', async ({
  page,
  context,
}) => {
  await signIn(page, DEMO_ENTERPRISE);
  await expect(page.getByTestId('my-applications')).toBeVisible();
  const id = await createInCampaign(page, DEMO_CAMPAIGN);
  const mine = '这是第一个窗口里写的需求，不能丢。';

  // A second tab saves first.
  const other = await context.newPage();
  await other.goto(`/applications/${id}`);
  await section(other, 'solution').getByLabel('解决方案名称').fill('另一个窗口的名称');
  await other
    .getByTestId('editor-bar')
    .getByRole('button', { name: /保\s*存/ })
    .click();
  await expect(other.getByTestId('save-status')).toContainText('已保存');
  await other.close();

  // The first tab, still on the older version, saves: refused, nothing lost.
  const needs = section(page, 'text').getByLabel('需求与痛点');
  await needs.fill(mine);
  await page
    .getByTestId('editor-bar')
    .getByRole('button', { name: /保\s*存/ })
    .click();
  const dialog = page.getByRole('dialog', { name: '申报书已在别处修改' });
  await expect(dialog).toBeVisible();
  await expect(dialog.getByTestId('conflict-mine')).toContainText(mine);
  await expect(page.getByTestId('save-status')).toContainText('版本冲突');
  await expect(needs).toHaveValue(mine);

  // Overwriting is a deliberate second step.
  await dialog.getByRole('button', { name: '用我的内容覆盖' }).click();
  await page
    .locator('.ant-popconfirm')
    .getByRole('button', { name: /确\s*定|OK/ })
    .click();
  await expect(dialog).toBeHidden();
  await expect(page.getByTestId('save-status')).toContainText('已保存');
  const saved = await page.request.get(`/api/v1/applications/${id}`);
  const body = (await saved.json()) as { application: { data: { text?: { needs?: string } } } };
  expect(body.application.data.text?.needs).toBe(mine);
});

test('a submit after the deadline is refused', async ({ page, request }) => {
  test.setTimeout(120_000);
  // The organizer copies the call with an online deadline 40 seconds ahead (time for a busy machine to create and fill).
  const signedIn = await request.post('/api/v1/auth/sign-in', {
    data: { login: 'organizer', password: DEMO_PASSWORD },
  });
  expect(signedIn.ok()).toBeTruthy();
  const { csrfToken } = (await signedIn.json()) as { csrfToken: string };
  const code = `e2e-deadline-${Date.now().toString(36)}`;
  const deadline = Date.now() + 40_000;
  const copied = await request.post('/api/v1/campaigns/miit-iiapp-2021/copy', {
    headers: { 'x-csrf-token': csrfToken },
    data: {
      code,
      year: new Date().getFullYear(),
      title: '截止时间测试活动（端到端测试）',
      opensAt: new Date(Date.now() - 3_600_000).toISOString(),
      onlineDeadline: new Date(deadline).toISOString(),
      paperDeadline: new Date(deadline + 86_400_000).toISOString(),
      isDemo: true,
    },
  });
  expect(copied.status()).toBe(201);

  // The enterprise of the first journey starts an application while it is open and completes it
  // (copied from the one it submitted there).
  expect(
    registered,
    'the first journey registers the enterprise and submits a full form',
  ).toBeTruthy();
  await signIn(page, registered!.uscc, NEW_PASSWORD);
  await expect(page.getByTestId('my-applications')).toBeVisible();
  const id = await createInCampaign(page, code);
  const list = (await (await page.request.get('/api/v1/applications')).json()) as {
    items: Array<{ id: string; state: string; currentVersionNo: number | null }>;
  };
  const full = list.items.find((a) => a.currentVersionNo != null);
  expect(full).toBeTruthy();
  const source = (await (await page.request.get(`/api/v1/applications/${full!.id}`)).json()) as {
    application: { data: unknown };
  };
  const target = (await (await page.request.get(`/api/v1/applications/${id}`)).json()) as {
    application: { draftVersion: number };
  };
  const put = await page.request.put(`/api/v1/applications/${id}/draft`, {
    headers: { 'x-csrf-token': await csrfOf(page) },
    data: { baseVersion: target.application.draftVersion, data: source.application.data },
  });
  expect(put.ok()).toBeTruthy();

  // Past the deadline (server clock), the complete application is refused.
  await page.waitForTimeout(Math.max(0, deadline - Date.now() + 1500));
  await page.goto(`/applications/${id}`);
  await expect(page.getByText(/网上申报已截止（/)).toBeVisible();
  await page
    .getByTestId('editor-bar')
    .getByRole('button', { name: /提\s*交/ })
    .click();
  await page
    .getByRole('dialog')
    .filter({ hasText: '确认提交申报书' })
    .getByRole('button', { name: /提\s*交/ })
    .click();
  await expect(page.getByTestId('submit-error')).toHaveText('网上申报已截止，不能再提交');
  const after = (await (await page.request.get(`/api/v1/applications/${id}`)).json()) as {
    application: { state: string };
    versions: unknown[];
  };
  expect(after.application.state).toBe('draft');
  expect(after.versions).toEqual([]);
});
