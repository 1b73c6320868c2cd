// A list published through the API alone (e2e/published-pipeline.ts) is a list like any other:
// the public catalogue shows its solutions under their public ids, valid; and the accounts the
// pipeline hands back sign in — each enterprise, each expert, the recommender.
import { expect, request as playwrightRequest, test } from '@playwright/test';
import { apiSignIn, DEMO_PASSWORD, NEW_PASSWORD, resetServerClock } from './helpers';
import { apiPublishedList, apiRetireExperts, type PublishedPipeline } from './published-pipeline';

const run = `A${Date.now().toString(36).slice(-5)}`.toUpperCase();
let published: PublishedPipeline;

test.describe.configure({ mode: 'serial' });

test.beforeAll(async ({ baseURL }) => {
  test.setTimeout(120_000);
  published = await apiPublishedList(baseURL!, { run });
});

test.afterAll(async ({ baseURL }) => {
  await resetServerClock(); // the pipeline left it past the 公示 period
  if (published) await apiRetireExperts(baseURL!, published.experts);
});

test('a list published through the API shows on /solutions, and its accounts sign in', async ({
  page,
  baseURL,
}) => {
  const { solutions, experts, listYear } = published;
  expect(solutions).toHaveLength(3);
  for (const s of solutions) expect(s.publicId).toMatch(new RegExp(`^${listYear}-P${run}-\\d{3}$`));

  await page.goto(`/solutions?q=${encodeURIComponent(`发布${run}`)}`);
  for (const s of solutions) {
    const row = page.locator('li, tr', { has: page.getByRole('link', { name: s.solutionName }) });
    await expect(row.first()).toContainText(s.publicId);
  }
  const first = solutions[0]!;
  await page.getByRole('link', { name: first.solutionName }).click();
  await expect(page.locator('h1')).toContainText(first.solutionName);
  await expect(page.locator('body')).toContainText(first.publicId);
  await expect(page.locator('body')).toContainText('有效');

  // each in a context of its own (a signed-in context needs the CSRF token to sign in again)
  const signInFresh = async (login: string, password: string) => {
    const request = await playwrightRequest.newContext({ baseURL });
    try {
      await apiSignIn(request, login, password);
    } finally {
      await request.dispose();
    }
  };
  for (const s of solutions) await signInFresh(s.enterpriseLogin, NEW_PASSWORD);
  for (const e of experts) await signInFresh(e.login, e.password);
  await signInFresh(published.unitLogin, DEMO_PASSWORD);
});
