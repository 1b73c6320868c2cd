import { expect, test } from '@playwright/test';
import { DEMO_CAMPAIGN, expectNoSeriousA11yViolations, signIn } from './helpers';

// A phone-sized screen (390 px): the menu folds the items that do not fit into its "…" submenu;
// the hidden ones must not take the focus, and the pages keep 0 serious accessibility violations.
test.use({ viewport: { width: 390, height: 844 } });

test('at 390 px the home, the call and the enterprise home have no serious accessibility violations', async ({
  page,
}) => {
  await page.goto('/');
  await expect(page.locator('[data-testid^="campaign-demo-"]')).toBeVisible();
  await expectNoSeriousA11yViolations(page);
  await page.goto(`/campaigns/${DEMO_CAMPAIGN}`);
  await expect(page.getByTestId('word-limit')).toBeVisible();
  await expectNoSeriousA11yViolations(page);
  await signIn(page, '91110108MA01XK2Q8K');
  await expect(page.getByTestId('home-title')).toBeVisible();
  await expectNoSeriousA11yViolations(page);
  // Tab through the top bar: the focus never lands on a menu item hidden for want of room.
  await page.locator('body').focus();
  for (let i = 0; i < 8; i++) {
    await page.keyboard.press('Tab');
    expect(
      await page.evaluate(() => !!document.activeElement?.closest('[aria-hidden="true"]')),
    ).toBe(false);
  }
});
