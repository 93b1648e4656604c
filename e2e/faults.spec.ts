import type { Page, Route } from '@playwright/test';
import type { KycvsGlobal } from '../widget/loader/types';
import { expect, openJsApiPage, test, widgetFrame } from './fixtures';

type Window = typeof window & { KYCVS: KycvsGlobal };

async function openWidget(page: Page) {
  await openJsApiPage(page);
  await page.evaluate(() => (window as Window).KYCVS.render('#slot', { provider: 'demo-travel' }));
  return widgetFrame(page);
}

/** Faults between the frame and the host, each with the words the person at the counter should see. */
const faults: Array<{ name: string; inject: (route: Route) => Promise<void>; says: RegExp; console?: RegExp }> = [
  {
    name: 'offline',
    inject: (route) => route.abort('internetdisconnected'),
    says: /^Could not connect\./,
    console: /ERR_INTERNET_DISCONNECTED/,
  },
  {
    name: 'a 500',
    inject: (route) => route.fulfill({ status: 500, contentType: 'application/json', body: '{}' }),
    says: /^Something went wrong on the server\./,
    console: /status of 500/,
  },
  {
    name: 'a 503 HTML page from a proxy',
    inject: (route) => route.fulfill({ status: 503, contentType: 'text/html', body: '<h1>Service Unavailable</h1>' }),
    says: /^Something went wrong on the server\./,
    console: /status of 503/,
  },
  {
    name: 'a malformed 200',
    inject: (route) => route.fulfill({ status: 200, contentType: 'application/json', body: '{"session": 42' }),
    says: /^Something went wrong on the server\./,
  },
];

for (const [index, fault] of faults.entries()) {
  test(`${fault.name} while asking for an OTP ends in an alert, keeps what was typed, and one action retries`, async ({
    page,
    consoleErrors,
  }) => {
    if (fault.console) consoleErrors.expect(fault.console);
    // On the context and before the frame exists: the frame is cross-site, in a process of its own.
    await page.context().route('**/api/kycvs/otp', fault.inject, { times: 1 });
    const frame = await openWidget(page);
    const mobile = `60000001${String(index).padStart(2, '0')}`; // unregistered, this test's own
    await frame.getByLabel('Full name').fill('Fault Tester');
    await frame.getByLabel('Mobile number').fill(mobile);
    await frame.getByRole('button', { name: 'Get OTP' }).click();

    await expect(frame.getByRole('alert')).toHaveText(fault.says);
    await expect(frame.getByLabel('Full name')).toHaveValue('Fault Tester');
    await expect(frame.getByLabel('Mobile number')).toHaveValue(mobile);
    await expect(frame.getByRole('button', { name: 'Get OTP' })).toBeEnabled();

    await frame.getByRole('button', { name: 'Get OTP' }).click();
    await expect(frame.getByLabel('OTP', { exact: true })).toBeFocused();
  });
}

test('a fault while verifying keeps the OTP, and Verify tries again', async ({ page, consoleErrors }) => {
  consoleErrors.expect(/status of 502|status of 400 .*verify/);
  await page.context().route('**/api/kycvs/verify', (route) => route.fulfill({ status: 502, body: '' }), { times: 1 });
  const frame = await openWidget(page);
  await frame.getByLabel('Full name').fill('Fault Tester');
  await frame.getByLabel('Mobile number').fill('6000000150');
  await frame.getByRole('button', { name: 'Get OTP' }).click();
  await frame.getByLabel('OTP', { exact: true }).fill('123456');
  await frame.getByRole('button', { name: 'Verify' }).click();
  await expect(frame.getByRole('alert')).toHaveText(/^Something went wrong on the server\./);
  await expect(frame.getByLabel('OTP', { exact: true })).toHaveValue('123456');

  // The retry reaches the host: an unregistered mobile then fails as a wrong OTP would.
  await frame.getByRole('button', { name: 'Verify' }).click();
  await expect(frame.getByRole('alert')).toHaveText(/^This OTP did not work/);
});

test('the host not answering ends in a timeout alert, not a spinner forever', async ({ page, consoleErrors }) => {
  consoleErrors.expect(/ERR_|timed out|aborted/i);
  // The widget gives up after 15 s of its own clock, which the test runs on rather than waits out.
  await page.clock.install();
  let asked = false;
  await page.context().route('**/api/kycvs/otp', () => void (asked = true), { times: 1 }); // never answered
  const frame = await openWidget(page);
  await frame.getByLabel('Full name').fill('Fault Tester');
  await frame.getByLabel('Mobile number').fill('6000000160');
  // The clock stopped from here on: it moves only when the test moves it.
  await page.clock.pauseAt((await page.evaluate(() => Date.now())) + 1000);
  await frame.getByRole('button', { name: 'Get OTP' }).click();
  await expect.poll(() => asked, { message: 'the request is on its way' }).toBe(true);
  // Still waiting at 14 s, and saying so; no alert yet (an empty alert region is not shown).
  await page.clock.runFor('00:14');
  await expect(frame.getByRole('status').filter({ hasText: 'Please wait…' })).toBeVisible();
  await expect(frame.getByRole('alert')).toHaveCount(0);
  await page.clock.runFor('00:02');
  await expect(frame.getByRole('alert')).toHaveText(/^The server took too long to answer\./);
  await expect(frame.getByRole('status').filter({ hasText: 'Please wait…' })).toHaveCount(0);
  await expect(frame.getByRole('button', { name: 'Get OTP' })).toBeEnabled();
});

test('Get OTP pressed twice sends one request', async ({ page }) => {
  const sent: string[] = [];
  // The answer is held until both clicks are in: the second lands while the first is on its way.
  let release = () => {};
  const held = new Promise<void>((resolve) => (release = resolve));
  await page.context().route('**/api/kycvs/otp', async (route) => {
    sent.push(route.request().url());
    await held;
    await route.continue();
  });
  const frame = await openWidget(page);
  await frame.getByLabel('Full name').fill('Fault Tester');
  await frame.getByLabel('Mobile number').fill('6000000170');
  const button = frame.getByRole('button', { name: 'Get OTP' });
  await button.click();
  await button.click({ force: true }).catch(() => undefined); // it may already be gone or disabled
  release();
  // Visible, not focused: the forced second click may land on the OTP step and take the focus.
  await expect(frame.getByLabel('OTP', { exact: true })).toBeVisible();
  expect(sent).toHaveLength(1);
});
