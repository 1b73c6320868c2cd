// 消息中心: 北京市 returns an application with a comment; its enterprise sees the bell's count,
// opens the message, follows 查看 to the application and reads the comment there; the e-mail with
// the same link arrived at the loopback SMTP server; 通知设置 keeps its e-mail choices.
import { expect, request as playwrightRequest, test } from '@playwright/test';
import {
  apiRegisterBeijingEnterprise,
  apiSignIn,
  apiSubmitApplication,
  DEMO_CAMPAIGN,
  expectNoSeriousA11yViolations,
  NEW_PASSWORD,
  signIn,
  signOut,
  uniqueUscc,
  waitForMail,
} from './helpers';

const run = Date.now().toString(36).slice(-5).toUpperCase();
const filed = {
  solutionName: `消息${run}注塑工艺优化`,
  enterpriseName: `北京青鸟${run}软件有限公司`,
  uscc: uniqueUscc(),
};
const email = `notify-${run.toLowerCase()}@example.cn`;
const COMMENT = '请补充实践成效的量化数据。\n并附上合作协议。';

let applicationId = '';

test.beforeAll(async ({ baseURL }) => {
  const request = await playwrightRequest.newContext({ baseURL });
  try {
    await apiRegisterBeijingEnterprise(request, {
      name: filed.enterpriseName,
      uscc: filed.uscc,
      email,
    });
    const session = await apiSignIn(request, filed.uscc, NEW_PASSWORD);
    applicationId = await apiSubmitApplication(session, { campaign: DEMO_CAMPAIGN, ...filed });
  } finally {
    await request.dispose();
  }
});

test('a returned application reaches its enterprise: bell, 消息中心, 查看, e-mail', async ({
  page,
  baseURL,
}) => {
  test.setTimeout(240_000); // a long journey on a shared 2-core machine

  // 北京市 returns the application with a comment of two lines
  await signIn(page, 'beijing');
  await page.goto(`/desk/${DEMO_CAMPAIGN}/applications/${applicationId}`);
  await expect(page.getByTestId('review-title')).toHaveText(filed.solutionName);
  await page.getByTestId('decisions').getByRole('button', { name: '退回修改' }).click();
  const dialog = page.getByRole('dialog', { name: '退回企业修改' });
  await dialog.getByLabel('退回意见').fill(COMMENT);
  await dialog.getByRole('button', { name: '退回修改' }).click();
  await expect(dialog).toBeHidden();
  await expect(page.getByTestId('state-tag')).toHaveText('已退回');
  await signOut(page);

  // the enterprise signs in: the bell in the top bar counts the message
  await signIn(page, filed.uscc, NEW_PASSWORD);
  const bell = page.getByTestId('notification-bell');
  await expect(bell).toHaveAccessibleName(/^消息中心，\d+条未读$/);
  const before = Number(/(\d+)条未读/.exec((await bell.getAttribute('aria-label')) ?? '')?.[1]);
  expect(before).toBeGreaterThanOrEqual(1);
  await expect(page.getByTestId('notification-count')).toContainText(String(before));

  // 消息中心: the message is there, unread, newest first
  await bell.click();
  await expect(page).toHaveURL(/\/messages$/);
  await expect(page).toHaveTitle('消息中心 - 征选');
  const head = page
    .getByTestId('messages')
    .getByRole('button', { name: new RegExp(`${filed.solutionName}.*被退回修改`) });
  await expect(head).toContainText('申报书被退回修改');
  await expect(head).toContainText('未读');
  await expect(head).toHaveAttribute('aria-expanded', 'false');
  await page.screenshot({ path: 'test-results/notifications-messages.png', fullPage: true });
  await expectNoSeriousA11yViolations(page);

  // 未读 shows it too; opening it shows the comment line by line and marks it read at once
  await page.getByRole('radiogroup', { name: '显示哪些消息' }).getByText('未读').click();
  await expect(page).toHaveURL(/filter=unread/);
  await head.click();
  await expect(head).toHaveAttribute('aria-expanded', 'true');
  const body = page.getByTestId('message-body');
  await expect(body).toContainText('请补充实践成效的量化数据。');
  await expect(body).toContainText('并附上合作协议。');
  await expect(head).not.toContainText('未读');
  await expect(bell).toHaveAccessibleName(
    before > 1 ? `消息中心，${before - 1}条未读` : '消息中心，没有未读消息',
  );
  await page.screenshot({ path: 'test-results/notifications-opened.png', fullPage: true });

  // 查看 goes to the application, where the return comment is shown
  await body.getByRole('button', { name: /^查\s*看$/ }).click();
  await expect(page).toHaveURL(new RegExp(`/applications/${applicationId}$`));
  // the editor is the heaviest page: on a loaded machine it takes a while to appear
  await expect(page.getByText('推荐单位退回了申报书：请补充实践成效的量化数据')).toBeVisible({
    timeout: 45_000,
  });

  // the e-mail: to the account's address, naming the solution, with the link to the application
  const mail = await waitForMail(
    email,
    (m) => m.subject.includes(filed.solutionName) && m.subject.includes('退回修改'),
  );
  expect(mail.text).toContain('请补充实践成效的量化数据。');
  expect(mail.text).toContain(`${baseURL}/applications/${applicationId}`);

  // 通知设置 from the account menu: the address, in-app always, e-mail per kind
  await page.getByTestId('user-menu').hover();
  await page.getByRole('menuitem', { name: '通知设置' }).click();
  await expect(page).toHaveURL(/\/account\/notifications$/);
  await page.mouse.move(0, 400); // the account menu closes
  await expect(page.getByTestId('notification-address')).toHaveText(email);
  await expect(page.getByText('站内消息（消息中心）始终接收')).toBeVisible();
  await expect(page.getByTestId('email-disabled')).toHaveCount(0); // the journeys' server sends
  const returned = page.getByRole('switch', { name: '申报书被退回修改：发送电子邮件' });
  await expect(returned).toBeChecked();
  // password links are e-mail only, never a choice; a recommender's kinds are not an enterprise's
  for (const kind of ['找回密码', '密码已由管理员重置', '收到申报书'])
    await expect(page.getByRole('switch', { name: `${kind}：发送电子邮件` })).toHaveCount(0);
  await expect(page.getByRole('switch', { name: '网上申报截止提醒：发送电子邮件' })).toBeChecked();
  await page.screenshot({ path: 'test-results/notifications-settings.png', fullPage: true });
  await expectNoSeriousA11yViolations(page);
  await returned.click();
  await expect(returned).not.toBeChecked();
  await page.getByRole('button', { name: /^保\s*存$/ }).click();
  await expect(page.getByText('通知设置已保存')).toBeVisible();
  await page.reload();
  await expect(
    page.getByRole('switch', { name: '申报书被退回修改：发送电子邮件' }),
  ).not.toBeChecked();

  // back to 消息中心 from the settings page: 全部标为已读 has nothing left to do
  await page.getByRole('link', { name: '消息中心', exact: true }).click();
  await expect(page).toHaveURL(/\/messages$/);
  await expect(page.getByTestId('messages-count')).toContainText('未读 0 条');
  await expect(page.getByRole('button', { name: '全部标为已读' })).toBeDisabled();

  // on a phone the bar still holds the bell, and the list reads as well
  await page.setViewportSize({ width: 390, height: 844 });
  await expect(bell).toBeVisible();
  await head.click();
  await expect(page.getByTestId('message-body')).toContainText('并附上合作协议。');
  await page.screenshot({ path: 'test-results/notifications-narrow.png', fullPage: true });
  await expectNoSeriousA11yViolations(page);
});
