// 活动管理 in the browser: the organizer sets up next year's call from the 2021 template with
// another 附件3 and a 申报书 whose every key differs, an enterprise files on it, and the form locks.
import { readFile } from 'node:fs/promises';
import { expect, test, type Locator, type Page } from '@playwright/test';
import { SUMMARY_COLUMN_FACT_LABELS } from '../domain/campaign';
import { RENAMED_FORM, RENAMED_SUMMARY_TABLE } from '../test/fixtures/renamed-form';
import {
  apiRegisterBeijingEnterprise,
  apiSignIn,
  apiUploadLicence,
  NEW_PASSWORD,
  openAdminPage,
  pickOption,
  signIn,
  signOut,
  uniqueUscc,
  expectNoSeriousA11yViolations,
} from './helpers';

/** A screenshot to look at: the whole page, or (for the form editor) the screen as the user sees it. */
const shot = (page: Page, name: string, fullPage = true) =>
  page.screenshot({ path: `test-results/campaign-config-${name}.png`, fullPage });

test.use({ viewport: { width: 1440, height: 900 } });

/** An antd Select without a form label (a table cell): open it and click the option. */
async function choose(page: Page, select: Locator, option: string) {
  const item = page.locator(
    `.ant-select-dropdown:visible .ant-select-item-option[title="${option}"]`,
  );
  await expect(async () => {
    if (!(await item.isVisible())) await select.click();
    const input = select.getByRole('combobox');
    if (await input.isEditable()) await input.fill(option);
    await item.click({ timeout: 3_000 });
    await expect(select).toContainText(option, { timeout: 2_000 });
  }).toPass({ timeout: 20_000 });
}

async function configOf(page: Page, code: string) {
  const res = await page.request.get(`/api/v1/campaigns/${code}/config`);
  expect(res.status()).toBe(200);
  return (await res.json()) as {
    revision: number;
    campaign: { paperDeadline: string; settings: { summaryTable: unknown } };
    forms: { application: { title: string; sections: { fields: { key: string }[] }[] } };
  };
}

/** The calls this journey opened; closed afterwards even when it fails, so later journeys see one open call. */
const opened: string[] = [];

test.afterAll(async ({ request }) => {
  if (opened.length === 0) return;
  const api = await apiSignIn(request, 'organizer');
  for (const c of opened) {
    const res = await api.request.get(`/api/v1/campaigns/${c}/config`);
    if (res.status() === 404) continue; // the copy was never made
    const cfg = await res.json();
    const f = cfg.campaign;
    const closed = await api.request.put(`/api/v1/campaigns/${c}/config`, {
      headers: { 'x-csrf-token': api.csrf },
      data: {
        baseRevision: cfg.revision,
        fields: {
          year: f.year,
          title: f.title,
          docNumber: f.docNumber,
          issuer: f.issuer,
          opensAt: '2020-09-01T00:00:00+08:00',
          onlineDeadline: '2020-10-20T23:59:59.999+08:00',
          paperDeadline: '2020-10-20T23:59:59.999+08:00',
        },
      },
    });
    expect(closed.status(), await closed.text()).toBe(200);
  }
});

test('the organizer configures a new call in the browser; an enterprise files on its form, which then locks', async ({
  page,
}) => {
  test.setTimeout(300_000);
  const code = `e2e-cfg-${Date.now().toString(36)}`;
  opened.push(code, `${code}-copy`);
  const title = '2027年工业互联网平台应用解决方案征集';
  await signIn(page, 'organizer');
  await expect(page.getByTestId('organizer-counts')).toBeVisible();

  // 新建活动 from the 2021 template, open from today; the paper deadline typed in Beijing time.
  await openAdminPage(page, '活动管理');
  await page.getByRole('button', { name: '新建活动' }).click();
  const dialog = page.getByRole('dialog', { name: '新建活动' });
  await expect(dialog.locator('.ant-form-item').filter({ hasText: '模板' }).last()).toContainText(
    '工业互联网APP',
  );
  await dialog.getByLabel('活动代码').fill(code);
  await dialog.getByLabel('年度').fill('2027');
  await dialog.getByLabel('活动名称').fill(title);
  await dialog.getByLabel('文号').fill('工信厅信发函〔2027〕8号');
  const paper = dialog.getByLabel('纸质材料截止（北京时间）');
  await paper.click();
  await paper.fill('2027-01-10 17:00');
  await paper.press('Enter');
  await expect(paper).toHaveValue('2027-01-10 17:00');
  await dialog.getByText('设置与表单取自').click(); // the calendar closes
  await shot(page, '0-new', false);
  await dialog.getByRole('button', { name: /创\s*建/ }).click();
  await expect(page).toHaveURL(new RegExp(`/admin/campaigns/${code}/config$`));
  await expect(page.getByTestId('config-revision')).toHaveText('第 1 版配置');
  await expectNoSeriousA11yViolations(page);
  await expect(page.getByLabel('纸质材料截止（北京时间）')).toHaveValue('2027-01-10 17:00');
  expect((await configOf(page, code)).campaign.paperDeadline).toBe('2027-01-10T09:00:00.000Z');
  await shot(page, '1-basics');

  await page.getByTestId('tab-categories').click();
  await expect(page.getByTestId('category-0')).toBeVisible();
  await shot(page, '2-categories');

  // 附件3: next year's title and columns.
  await page.getByTestId('tab-summary').click();
  await page.getByLabel('附件3标题').fill(RENAMED_SUMMARY_TABLE.title);
  const rows = page.locator('[data-testid^="summary-column-"]:not([data-testid$="add"])');
  // keep as many rows as the new table has, then set each one
  const want = RENAMED_SUMMARY_TABLE.columns;
  while ((await rows.count()) > want.length)
    await rows.last().getByRole('button', { name: '删除' }).click();
  while ((await rows.count()) < want.length) await page.getByTestId('summary-column-add').click();
  for (const [i, c] of want.entries()) {
    const row = page.getByTestId(`summary-column-${i}`);
    await choose(page, row.locator('.ant-select'), SUMMARY_COLUMN_FACT_LABELS[c.fact]);
    await row.getByLabel('列标题').fill(c.header);
    await row.getByLabel('列宽（字）').fill(String(c.width));
  }
  // move 包含的APP below 正文字数 and back again: the order is the user's
  await page.getByTestId('summary-column-3').getByRole('button', { name: '下移' }).click();
  await expect(page.getByTestId('summary-column-3').getByLabel('列标题')).toHaveValue('正文字数');
  await page.getByTestId('summary-column-4').getByRole('button', { name: '上移' }).click();
  await expect(page.getByTestId('summary-column-3').getByLabel('列标题')).toHaveValue('包含的APP');
  await shot(page, '3-summary');

  // 申报书表单: the whole renamed declaration through the JSON editor…
  await page.getByTestId('tab-application').click();
  await expect(page.getByTestId('form-preview')).toContainText('解决方案名称');
  await shot(page, '4-form-2021', false);
  await page.getByText('以JSON编辑').click();
  await page.getByTestId('json-text').fill(JSON.stringify(RENAMED_FORM, null, 2));
  await page.getByTestId('json-apply').click();
  await expect(page.getByText('已应用到表单，保存后生效')).toBeVisible();
  await expect(page.getByTestId('form-preview')).toContainText('成立年份');
  await expect(page.getByTestId('form-preview')).toContainText('APP一览表');
  await shot(page, '5-json', false);
  // …and one label renamed field by field, seen at once in the preview.
  await page.getByText('结构化编辑').click();
  await page.getByTestId('field-editor-f-0-0').click();
  const label = page.getByTestId('field-props-f-0-0').getByLabel('字段名称');
  await expect(label).toHaveValue('方案名称');
  await label.fill('方案全称');
  await expect(page.getByTestId('field-editor-f-0-0')).toContainText('方案全称');
  await expect(page.getByTestId('form-preview').getByText('方案全称')).toBeVisible();
  await expect(page.getByTestId('form-preview')).not.toContainText('方案名称');
  await shot(page, '6-form-editor', false);
  await page.getByTestId('config-save').click();
  await expect(page.getByTestId('config-revision')).toHaveText('第 2 版配置');
  await expect(page.getByTestId('config-dirty')).toHaveText('没有未保存的修改');
  const saved = await configOf(page, code);
  expect(saved.revision).toBe(2);
  expect(saved.campaign.settings.summaryTable).toEqual(RENAMED_SUMMARY_TABLE);
  expect(saved.forms.application.title).toBe(RENAMED_FORM.title);

  // An invalid edit: a key twice in one section. The Chinese message, the field marked, nothing saved.
  await page.getByTestId('field-editor-f-0-1').click();
  await page.getByTestId('field-props-f-0-1').getByLabel('字段代码').fill('mingcheng');
  await page.getByTestId('config-save').click();
  const issues = page.getByTestId('config-issues');
  await expect(issues).toContainText(
    '第1节“壹、方案基本情况”的第2个字段“方案类别”：字段代码“mingcheng”在本节中重复',
  );
  await expect(page.getByTestId('field-editor-f-0-1')).toHaveAttribute('data-invalid', 'true');
  await expect(page.getByTestId('section-editor-0')).toHaveAttribute('data-invalid', 'true');
  await expect(page.getByTestId('config-revision')).toHaveText('第 2 版配置');
  await page.getByTestId('field-editor-f-0-1').scrollIntoViewIfNeeded();
  await shot(page, '7-invalid', false);
  expect((await configOf(page, code)).forms.application.sections[0]!.fields[1]!.key).toBe('leibie');
  await page.getByTestId('field-props-f-0-1').getByLabel('字段代码').fill('leibie');
  await expect(page.getByTestId('config-dirty')).toHaveText('没有未保存的修改');

  // 导出配置: one JSON document with the new form and 附件3.
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByTestId('config-export').click(),
  ]);
  expect(download.suggestedFilename()).toMatch(/\.json$/);
  const doc = JSON.parse(await readFile((await download.path())!, 'utf8')) as {
    format: string;
    campaign: { code: string };
    settings: { summaryTable: unknown };
    forms: { application: { title: string } };
  };
  expect(doc.format).toBe('zhengxuan.campaign-config');
  expect(doc.campaign.code).toBe(code);
  expect(doc.settings.summaryTable).toEqual(RENAMED_SUMMARY_TABLE);
  expect(doc.forms.application.title).toBe(RENAMED_FORM.title);

  // 导入配置: the same file with a key twice is refused as a whole, with the Chinese message;
  // as exported it becomes another campaign.
  await openAdminPage(page, '活动管理');
  await page.getByRole('button', { name: '导入配置' }).click();
  const importing = page.getByRole('dialog', { name: '导入配置' });
  const bad = structuredClone(doc) as unknown as typeof doc & {
    forms: { application: { sections: { fields: { key: string }[] }[] } };
  };
  bad.forms.application.sections[0]!.fields[1]!.key = 'mingcheng';
  await importing.locator('input[type=file]').setInputFiles({
    name: 'bad.json',
    mimeType: 'application/json',
    buffer: Buffer.from(JSON.stringify(bad)),
  });
  await importing.getByLabel('新活动代码').fill(`${code}-copy`);
  await importing.getByRole('button', { name: /导\s*入/ }).click();
  await expect(importing.getByTestId('import-issues')).toContainText(
    '字段代码“mingcheng”在本节中重复',
  );
  await importing.locator('input[type=file]').setInputFiles((await download.path())!);
  await expect(importing.getByTestId('import-loaded')).toContainText(title);
  await importing.getByRole('button', { name: /导\s*入/ }).click();
  await expect(page).toHaveURL(new RegExp(`/admin/campaigns/${code}-copy/config$`));
  await expect(page.getByTestId('config-revision')).toHaveText('第 1 版配置');
  await signOut(page);

  // An enterprise files on the new call: the editor shows the new form.
  const uscc = uniqueUscc();
  const name = `北京配置测试科技有限公司${uscc.slice(-4)}`;
  await apiRegisterBeijingEnterprise(page.request, {
    name,
    uscc,
    email: `e2e-cfg-${uscc}@example.com`,
  });
  // submitting needs the 营业执照 uploaded (企业认证); done through the API, then signed out again
  const enterpriseApi = await apiSignIn(page.request, uscc, NEW_PASSWORD);
  await apiUploadLicence(enterpriseApi);
  await page.request.post('/api/v1/auth/sign-out', {
    headers: { 'x-csrf-token': enterpriseApi.csrf },
  });
  await signIn(page, uscc, NEW_PASSWORD);
  await page.getByTestId(`new-application-${code}`).click();
  const create = page.getByRole('dialog', { name: '新建申报书' });
  await create.getByRole('button', { name: '创建并开始填写' }).click();
  await expect(page).toHaveURL(/\/applications\/[0-9a-f-]{36}$/);
  await fillRenamedForm(page, { uscc, name });
  await page
    .getByTestId('editor-bar')
    .getByRole('button', { name: /提\s*交/ })
    .click();
  const confirm = page.getByRole('dialog').filter({ hasText: '确认提交申报书' });
  await confirm.getByRole('button', { name: /提\s*交/ }).click();
  await expect(page.getByText('申报书已提交，内容为只读')).toBeVisible();
  await signOut(page);

  // Back in 活动管理 the form is locked, and says why.
  await signIn(page, 'organizer');
  await expect(page.getByTestId('organizer-counts')).toBeVisible();
  await openAdminPage(page, '活动管理');
  const row = page.getByTestId(`campaign-row-${code}`);
  await expect(row).toContainText('2027-01-10 17:00');
  await shot(page, '9-list', false);
  await row.getByRole('button', { name: '配置' }).click();
  await expect(page).toHaveURL(new RegExp(`/admin/campaigns/${code}/config$`));
  await page.getByTestId('tab-application').click();
  await expect(page.getByTestId('form-locked')).toContainText('已有1份申报书提交');
  await expect(page.getByTestId('form-preview')).toContainText('方案全称');
  await page.getByTestId('field-editor-f-0-0').click();
  await expect(page.getByTestId('field-props-f-0-0').getByLabel('字段名称')).toBeDisabled();
  await expect(page.getByTestId('field-add-f-0')).toBeDisabled();
  await expect(
    page.getByTestId('section-editor-0').getByRole('button', { name: '下移' }).first(),
  ).toBeDisabled();
  await page.evaluate(() => window.scrollTo(0, 0));
  await shot(page, '8-locked', false);
  // the way to another form: 新建活动, copying this one
  await page.getByTestId('form-locked').getByRole('button', { name: '新建活动' }).click();
  const again = page.getByRole('dialog', { name: '新建活动' });
  await expect(again.getByRole('radio', { name: '以往活动' })).toBeChecked();
  await expect(again).toContainText(title);
  await again.getByRole('button', { name: /取\s*消/ }).click();
  await expect(again).toBeHidden();
});

/** The renamed 申报书, filled by its labels (name, code, region and contacts came prefilled). */
async function fillRenamedForm(page: Page, v: { uscc: string; name: string }) {
  const s1 = page.getByTestId('section-fangan');
  await expect(s1.getByLabel('方案全称')).toBeVisible();
  await s1.getByLabel('方案全称').fill('冲压模具智能运维解决方案');
  await pickOption(page, s1, '方案类别', '行业通用工业APP');
  await pickOption(page, s1, '重点领域', '汽车');
  await page.keyboard.press('Escape');
  await s1.getByLabel('所属行业', { exact: true }).click();
  await page.keyboard.type('软件开发');
  await page
    .locator('.ant-select-dropdown:visible .ant-select-item-option[title="651 软件开发"]')
    .click();
  await page.keyboard.press('Escape');
  await s1.getByLabel('依托平台名称').fill('星火工业互联网平台');
  await s1.getByLabel('应用场景').fill('冲压车间的模具寿命预测。');

  const s2 = page.getByTestId('section-zhuti');
  await expect(s2.getByLabel('主体全称')).toHaveValue(v.name);
  await expect(s2.getByLabel('信用代码')).toHaveValue(v.uscc);
  await s2.getByLabel('成立年份').fill('2012');

  const s3 = page.getByTestId('section-yingyong');
  await expect(s3).toContainText('APP一览表');
  await s3.getByRole('button', { name: '添加APP' }).click();
  const item = s3.getByTestId('item-yingyong.qingdan-0');
  await item.getByLabel('APP名').fill('模具寿命预测APP');
  await item.getByLabel('版本').fill('V2.1');
  await pickOption(page, item, '部署', '私有云');
  await item.getByLabel('用户数').fill('40');

  const s4 = page.getByTestId('section-zhengwen');
  await s4.getByLabel('需求与挑战').fill('冲压模具磨损难以预知，停机损失大。');
  await s4.getByLabel('建设与实践').fill('采集压力机振动与电流，训练寿命模型，部署于边缘网关。');
  await s4.getByLabel('成效与推广').fill('非计划停机减少三成，可推广到同类冲压企业。');
  await page.getByTestId('section-chengnuo').getByRole('checkbox').check();
}
