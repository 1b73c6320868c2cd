import { expect, test, type Locator, type Page } from '@playwright/test';
import {
  apiRegisterBeijingEnterprise,
  apiSignIn,
  apiUploadLicence,
  completeApplicationData,
  DEMO_CAMPAIGN,
  expectNoSeriousA11yViolations,
  NEW_PASSWORD,
  tinyPdf,
  uniqueUscc,
} from './helpers';

// GB/T 37668-2019 / WCAG 2.x 2.1.1: everything works from the keyboard. The enterprise's other
// sections are filled through the API; 一、解决方案概况 is filled and the form submitted with Tab,
// typing, arrow keys, Enter and Escape only — no mouse click anywhere. Text goes in as an input
// method puts it (keyboard.insertText: one input event per phrase, as a Chinese IME commits it).

/** Presses Tab until target has the focus (as a keyboard user moves through the page). */
async function tabTo(page: Page, target: Locator, max = 150, key = 'Tab') {
  for (let i = 0; i < max; i++) {
    if (await target.evaluate((el) => el === document.activeElement)) return;
    await page.keyboard.press(key);
  }
  throw new Error(`Tab never reached ${target.toString()}`);
}

/** In a focused Select: open the list with the arrow key (or by typing) and take the option with Enter. */
async function chooseByKeyboard(page: Page, field: Locator, typed?: string) {
  if (typed) await page.keyboard.insertText(typed);
  else await page.keyboard.press('ArrowDown');
  // a searched list (行业) answers from the server: wait for the options that match what was typed
  const options = page.locator('.ant-select-dropdown:visible .ant-select-item-option');
  await expect((typed ? options.filter({ hasText: typed }) : options).first()).toBeVisible();
  await page.keyboard.press('Enter');
  await expect(field.locator('.ant-form-item-explain-error')).toHaveCount(0);
  await page.keyboard.press('Escape');
}

test('an enterprise fills 一、解决方案概况 and submits the 申报书 by keyboard alone', async ({
  page,
}) => {
  test.setTimeout(480_000);
  const uscc = uniqueUscc();
  const name = `键盘申报测试科技有限公司${uscc.slice(-4)}`;
  await apiRegisterBeijingEnterprise(page.request, {
    name,
    uscc,
    email: `e2e-kb-${uscc}@example.com`,
  });
  const s = await apiSignIn(page.request, uscc, NEW_PASSWORD);
  await apiUploadLicence(s); // submitting needs the 营业执照 uploaded (企业认证)
  const headers = { 'x-csrf-token': s.csrf };
  const campaign = (await (
    await page.request.get(`/api/v1/campaigns/${DEMO_CAMPAIGN}`)
  ).json()) as {
    id: string;
  };
  const created = await page.request.post('/api/v1/applications', {
    headers,
    data: { campaignId: campaign.id },
  });
  expect(created.status(), await created.text()).toBe(201);
  const app = (await created.json()) as { id: string; draftVersion: number };
  const cert = await page.request.post(`/api/v1/applications/${app.id}/attachments`, {
    headers,
    multipart: {
      file: { name: '软件著作权证书.pdf', mimeType: 'application/pdf', buffer: tinyPdf() },
    },
  });
  expect(cert.status(), await cert.text()).toBe(201);
  const certificateId = ((await cert.json()) as { id: string }).id;
  const { solution: _first, ...rest } = completeApplicationData({
    solutionName: '-',
    enterpriseName: name,
    uscc,
    certificateId,
  });
  const saved = await page.request.put(`/api/v1/applications/${app.id}/draft`, {
    headers,
    data: { baseVersion: app.draftVersion, data: rest },
  });
  expect(saved.status(), await saved.text()).toBe(200);

  await page.goto(`/applications/${app.id}`);
  await expect(page).toHaveTitle('申报书 - 征选');
  await expect(page.getByRole('heading', { level: 1, name: '申报书' })).toBeAttached();
  await expect(page.getByRole('navigation', { name: '主导航' })).toBeVisible();
  await expectNoSeriousA11yViolations(page);

  // The first Tab reaches "跳到主要内容"; Enter moves the focus into <main>.
  await page.keyboard.press('Tab');
  const skip = page.getByRole('link', { name: '跳到主要内容' });
  await expect(skip).toBeFocused();
  await expect(skip).toBeInViewport();
  await page.keyboard.press('Enter');
  await expect(page.getByRole('main')).toBeFocused();

  // Submitting the half-filled form lists the problems; each one's button takes the focus to its field.
  const bar = page.getByTestId('editor-bar');
  await tabTo(page, bar.getByRole('button', { name: /提\s*交/ }));
  await page.keyboard.press('Enter');
  const problems = page.getByTestId('submit-problems');
  await expect(problems).toContainText('解决方案名称');
  await expectNoSeriousA11yViolations(page);
  await tabTo(page, problems.getByRole('button', { name: '解决方案名称' }));
  await page.keyboard.press('Enter');
  const s1 = page.getByTestId('section-solution');
  await expect(s1.getByLabel('解决方案名称')).toBeFocused();

  // 一、解决方案概况, field by field: back (Shift+Tab) to the field's entry in the problem list, Enter.
  await page.keyboard.insertText('键盘填写的设备健康管理解决方案');
  const jumpTo = async (label: string) => {
    await tabTo(page, problems.getByRole('button', { name: label }), 80, 'Shift+Tab');
    await page.keyboard.press('Enter');
    await expect(s1.getByLabel(label, { exact: true })).toBeFocused();
  };
  await jumpTo('申报类别');
  await chooseByKeyboard(page, s1.getByTestId('field-solution.category'));
  await jumpTo('聚焦领域');
  await chooseByKeyboard(page, s1.getByTestId('field-solution.focusAreas'));
  await jumpTo('所属行业（GB/T 4754-2017）');
  await chooseByKeyboard(page, s1.getByTestId('field-solution.industries'), '软件开发');
  await jumpTo('覆盖业务环节');
  await chooseByKeyboard(page, s1.getByTestId('field-solution.businessStages'));
  await jumpTo('依托的工业互联网平台');
  await page.keyboard.insertText('示例工业互联网平台');
  await jumpTo('平台提供方');
  await page.keyboard.insertText('示例平台科技有限公司');
  await jumpTo('使用的平台PaaS服务');
  await page.keyboard.insertText('设备接入、工业模型');
  await jumpTo('方案简介（300字以内）');
  await page.keyboard.insertText('以一组工业APP实现设备状态监测与预测性维护。');
  await expect(problems).toBeHidden();

  // Submit and confirm, by keyboard.
  await tabTo(page, bar.getByRole('button', { name: /提\s*交/ }), 150, 'Shift+Tab');
  await page.keyboard.press('Enter');
  const confirm = page.getByRole('dialog').filter({ hasText: '确认提交申报书' });
  await expect(confirm).toBeVisible();
  await tabTo(page, confirm.getByRole('button', { name: /提\s*交/ }), 20);
  await page.keyboard.press('Enter');
  await expect(page.getByText('申报书已提交，内容为只读')).toBeVisible();
  await expectNoSeriousA11yViolations(page);
});
