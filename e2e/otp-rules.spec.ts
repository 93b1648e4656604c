import type { FrameLocator, Page } from '@playwright/test';
import type { KycvsGlobal } from '../widget/loader/types';
import { expect, hostOrigin, openJsApiPage, test, widgetFrame } from './fixtures';

type Window = typeof window & { KYCVS: KycvsGlobal };

async function renderWidget(page: Page): Promise<FrameLocator> {
  await openJsApiPage(page);
  await page.evaluate(() => (window as Window).KYCVS.render('#slot', { provider: 'demo-travel' }));
  return widgetFrame(page);
}

async function askForOtp(frame: FrameLocator, name: string, mobile: string): Promise<void> {
  await frame.getByLabel('Full name').fill(name);
  await frame.getByLabel('Mobile number').fill(mobile);
  await frame.getByRole('button', { name: 'Get OTP' }).click();
  await expect(frame.getByLabel('OTP', { exact: true })).toBeFocused();
}

async function tryOtp(frame: FrameLocator, otp: string): Promise<string> {
  await frame.getByLabel('OTP', { exact: true }).fill(otp);
  await frame.getByRole('button', { name: 'Verify' }).click();
  const alert = frame.getByRole('alert').filter({ hasText: /\S/ });
  await expect(alert).toBeVisible();
  // An answer of the host names its support reference (docs/support.md): random, so left out of
  // what is compared.
  return (await alert.innerText()).trim().replace(/\s*Reference: [0-9A-HJKMNP-TV-Z]{8}$/, '');
}

/** An OTP that is certainly not `otp`. */
const wrong = (otp: string) => otp.replace(/\d$/, (d) => String((Number(d) + 1) % 10));

// A wrong OTP is an HTTP 400, which Chromium notes in the console.
const wrongOtpAnswer = /status of 400 .*\/api\/kycvs\/verify/;

test('three wrong OTPs end that OTP: even the right one is then refused', async ({ page, smsInbox, consoleErrors }) => {
  consoleErrors.expect(wrongOtpAnswer);
  const frame = await renderWidget(page);
  const mobile = '9388877766'; // Anil Menon: this test's own
  const before = await smsInbox.count(mobile);
  await askForOtp(frame, 'Anil Menon', mobile);
  const otp = await smsInbox.nextOtp(mobile, before);

  expect(await tryOtp(frame, wrong(otp))).toMatch(/^This OTP did not work/);
  await expect(frame.getByLabel('OTP', { exact: true })).toHaveAttribute('aria-invalid', 'true');
  await expect(frame.getByRole('alert')).toContainText(/Reference: [0-9A-HJKMNP-TV-Z]{8}$/);
  expect(await tryOtp(frame, wrong(otp))).toMatch(/^This OTP did not work/);
  expect(await tryOtp(frame, wrong(otp))).toBe(
    'Too many wrong tries for this OTP. Select Resend OTP to get a new one.',
  );
  await expect(frame.getByRole('alert')).toContainText(/Reference: [0-9A-HJKMNP-TV-Z]{8}$/);
  // The widget itself refuses a spent OTP: no request, so no reference.
  expect(await tryOtp(frame, otp)).toBe('Too many wrong tries for this OTP. Select Resend OTP to get a new one.');
  await expect(frame.getByRole('alert')).not.toContainText('Reference');
  await expect(frame.getByRole('heading', { name: 'Fully vaccinated' })).toHaveCount(0);
});

test('an unregistered mobile and a mismatched name look like a registered person, then fail as a wrong OTP', async ({
  page,
  smsInbox,
  consoleErrors,
}) => {
  consoleErrors.expect(wrongOtpAnswer);
  const frame = await renderWidget(page);
  const registered = { name: 'Deepa Rao', mobile: '8123456789' }; // this test's own
  const before = await smsInbox.count(registered.mobile);

  // A registered person with a wrong OTP: the reference answer.
  await askForOtp(frame, registered.name, registered.mobile);
  const otp = await smsInbox.nextOtp(registered.mobile, before);
  const otpStep = await frame.locator('main, body').first().innerText();
  const reference = await tryOtp(frame, wrong(otp));

  const cases = [
    { name: registered.name, mobile: '6000000017', masked: '0017' }, // no such mobile
    { name: 'Deepa Rai', mobile: registered.mobile, masked: '6789' }, // a name that does not match
  ];
  for (const c of cases) {
    await page.evaluate(() => (window as Window).KYCVS.render('#slot', { provider: 'demo-travel' }));
    const smsBefore = await smsInbox.count(c.mobile);
    await askForOtp(frame, c.name, c.mobile);
    await expect(frame.getByText(`An OTP was sent by SMS to ******${c.masked}.`, { exact: true })).toBeVisible();
    const step = await frame.locator('main, body').first().innerText();
    expect(step.replaceAll(/\d/g, '#')).toBe(otpStep.replaceAll(/\d/g, '#'));
    expect(await tryOtp(frame, wrong(otp))).toBe(reference);
    expect(await smsInbox.count(c.mobile), 'no SMS for a mobile or name CoWIN does not know').toBe(smsBefore);
  }
});

test('over a rate limit, the widget says how long to wait', async ({ page, request, consoleErrors }) => {
  consoleErrors.expect(/status of 429/);
  const mobile = '6000000029'; // unregistered, this test's own
  let status = 0;
  for (let i = 0; i < 60 && status !== 429; i++) {
    const response = await request.post(`${hostOrigin}/api/kycvs/otp`, {
      data: { provider: 'demo-travel', name: 'Limit Tester', mobile },
      // As the frame's own calls: the API answers nothing else.
      headers: { origin: hostOrigin, 'sec-fetch-site': 'same-origin' },
    });
    status = response.status();
    if (status === 429) expect(Number(response.headers()['retry-after'])).toBeGreaterThan(0);
  }
  expect(status, 'the per-mobile limit trips within 60 OTPs').toBe(429);

  const frame = await renderWidget(page);
  await frame.getByLabel('Full name').fill('Limit Tester');
  await frame.getByLabel('Mobile number').fill(mobile);
  await frame.getByRole('button', { name: 'Get OTP' }).click();
  await expect(frame.getByRole('alert')).toHaveText(
    /^Too many requests\. Wait (\d+ (?:hours?|minutes?|seconds?)(?: \d+ (?:minutes?|seconds?))?|a minute) and try again\.Reference: [0-9A-HJKMNP-TV-Z]{8}$/,
  );
  await expect(frame.getByLabel('Full name')).toHaveValue('Limit Tester');
});
