import type { Page } from '@playwright/test';
import { expectNoAxeViolationsOnPage } from './axe';
import { demoOrigin, expect, hostOrigin, test, TEST_PROVIDER, verifyTestIdentity } from './fixtures';

// Redirect mode (docs/redirect.md) across the real origins: the demo's Rail app on localhost sends
// the person to the host's /verify on 127.0.0.1, which sends them back with a code (or an error)
// that the app's back office exchanges at siteverify. The test provider (OTP 000000, its own
// mobiles) keeps these tests apart from the others' SMS.

const CALLBACK = `${demoOrigin}/app/callback`;
const siteverifyUrl = `${hostOrigin}/api/kycvs/siteverify`;

/** The demo app's button, with the test provider: on the host's /verify page; its state. */
async function startFromApp(page: Page): Promise<string> {
  await page.goto(`${demoOrigin}/app`);
  await page.getByLabel('Provider').selectOption('demo-test');
  await page.getByRole('button', { name: 'Verify with CoWIN' }).click();
  await page.waitForURL(`${hostOrigin}/verify?**`);
  const url = new URL(page.url());
  expect(url.searchParams.get('provider')).toBe('demo-test');
  expect(url.searchParams.get('redirect_uri')).toBe(CALLBACK);
  return url.searchParams.get('state')!;
}

test('success: the check runs on the host, returns with code and state, and the back office gets the verdict', async ({
  page,
  request,
}) => {
  const state = await startFromApp(page);
  // The page names the provider and what it will receive before the OTP is sent (the consent rule).
  await expect(page.getByText('Demo Test Provider asked for this check')).toBeVisible();
  await expect(page.getByText(/Demo Test Provider will receive/)).toBeVisible();
  await expectNoAxeViolationsOnPage(page, "redirect mode's page");
  await verifyTestIdentity(page, '9999999901');
  await page.waitForURL(`${CALLBACK}?**`);
  const back = new URL(page.url());
  // Only the code and the state travel in the URL: no name, no mobile, no status.
  expect([...back.searchParams.keys()]).toEqual(['code', 'state']);
  expect(back.searchParams.get('state')).toBe(state);
  expect(back.searchParams.get('code')).toMatch(/^[\w-]{43}$/);
  await expect(page.locator('#verdict')).toHaveAttribute('data-verdict', 'accepted');
  await expect(page.locator('#verdict-status')).toHaveText('Fully vaccinated');
  await expect(page.locator('#claim-aud')).toHaveText('demo-test');
  await expect(page.locator('#claim-origin')).toHaveText(demoOrigin);
  await expect(page.locator('#claim-test')).toHaveText('true');
  await expect(page.locator('#claim-beneficiary')).toHaveText('Test Person Fully');

  // A reused code: the back office exchanged it already, so a second exchange is refused.
  const again = await request.post(siteverifyUrl, {
    data: { code: back.searchParams.get('code'), secret: TEST_PROVIDER.secret },
  });
  expect(await again.json()).toEqual({ success: false, 'error-codes': ['code-already-used'] });
});

test('cancel: back with error=access_denied and the same state, and nothing exchanged', async ({ page }) => {
  const state = await startFromApp(page);
  await page.getByLabel('Full name').fill('Test Person');
  await page.getByRole('button', { name: 'Cancel' }).click();
  await page.waitForURL(`${CALLBACK}?**`);
  const back = new URL(page.url());
  expect(Object.fromEntries(back.searchParams)).toEqual({ error: 'access_denied', state });
  await expect(page.locator('#verdict')).toHaveAttribute('data-verdict', 'cancelled');
  await expect(page.locator('#return-error')).toHaveText('access_denied');
});

const bad = [
  ['an unregistered redirect_uri', { provider: 'demo-test', redirect_uri: 'https://evil.example/cb', state: 's' }],
  ['a redirect_uri that differs by a slash', { provider: 'demo-test', redirect_uri: `${CALLBACK}/`, state: 's' }],
  ['an unknown provider', { provider: 'no-such-provider', redirect_uri: CALLBACK, state: 's' }],
  ['no state', { provider: 'demo-test', redirect_uri: CALLBACK }],
] as const;

for (const [why, query] of bad) {
  test(`${why}: a plain error page, and no navigation away`, async ({ page, consoleErrors }) => {
    consoleErrors.expect(/status of 400/);
    const url = `${hostOrigin}/verify?${new URLSearchParams(query).toString()}`;
    const response = await page.goto(url);
    expect(response?.status()).toBe(400);
    expect(response?.headers()['content-security-policy']).toMatch(/frame-ancestors 'none'/);
    await expect(page.getByRole('heading', { name: 'This vaccination status check cannot start' })).toBeVisible();
    // Nothing on the page could send the person anywhere: no script, no form, no link out.
    expect(await page.locator('script, form, a, meta[http-equiv]').count()).toBe(0);
    expect(page.url()).toBe(url);
  });
}

test('the page cannot be framed by another site', async ({ page, consoleErrors }) => {
  consoleErrors.expect(/frame-ancestors|Refused to frame/);
  await page.goto(`${demoOrigin}/app`);
  const src = `${hostOrigin}/verify?${new URLSearchParams({ provider: 'demo-test', redirect_uri: CALLBACK, state: 'framed' }).toString()}`;
  await page.evaluate((url) => {
    const frame = document.createElement('iframe');
    frame.src = url;
    document.body.append(frame);
  }, src);
  // The browser refuses to render it (frame-ancestors 'none'): Chromium puts its error page in the frame instead.
  await expect.poll(() => page.frames().map((frame) => frame.url().split(':')[0])).toContain('chrome-error');
  await expect(page.frameLocator('iframe').first().getByLabel('Full name')).toHaveCount(0);
});

test('exchanges refused: a made-up code, another provider’s secret (the code stays usable), a second exchange', async ({
  page,
  request,
}) => {
  // A code's 60 s lifetime runs on the host's own clock, which e2e cannot move: code-expired is
  // covered in host-page/server/routes/redirect.test.ts with a fake clock. Here, what the browser
  // can reach: a code the host never gave (what an expired one becomes once forgotten), and a
  // code already spent by a first exchange.
  const made = await request.post(siteverifyUrl, { data: { code: 'A'.repeat(43), secret: TEST_PROVIDER.secret } });
  expect(await made.json()).toEqual({ success: false, 'error-codes': ['invalid-code'] });

  await page.route(`${CALLBACK}?**`, (route) => route.fulfill({ body: 'held by the test', contentType: 'text/plain' }));
  await startFromApp(page);
  await verifyTestIdentity(page, '9999999903');
  await page.waitForURL(`${CALLBACK}?**`);
  const code = new URL(page.url()).searchParams.get('code')!;
  const exchange = async (data: Record<string, string>) => (await request.post(siteverifyUrl, { data })).json();

  expect(await exchange({ code, secret: 'demo-irctc-secret-for-the-demo-only' })).toEqual({
    success: false,
    'error-codes': ['invalid-input-secret'],
  });
  const first = await exchange({ code, secret: TEST_PROVIDER.secret, idempotency_key: 'e2e-1' });
  expect(first).toMatchObject({
    success: true,
    status: 'NOT_VACCINATED',
    aud: 'demo-test',
    origin: demoOrigin,
    test: true,
  });
  // The same key is a safe retry; any other exchange of the same code is refused.
  expect(await exchange({ code, secret: TEST_PROVIDER.secret, idempotency_key: 'e2e-1' })).toEqual(first);
  expect(await exchange({ code, secret: TEST_PROVIDER.secret })).toEqual({
    success: false,
    'error-codes': ['code-already-used'],
  });
});
