import type { Page } from '@playwright/test';
import type { KycvsErrorData, KycvsEvent, KycvsGlobal, KycvsHandle, KycvsResult } from '../widget/loader/types';
import {
  demoOrigin,
  expect,
  hostOrigin,
  openJsApiPage,
  test,
  TEST_PROVIDER,
  tokenClaims,
  verifyTestIdentity,
  widgetFrame,
} from './fixtures';

// What integrators rely on after the first success (docs/events.md, docs/support.md,
// docs/api.md "siteverify", docs/test-identities.md), across the demo site's origin and the host's.
// Every flow here uses the bundled test provider: no SMS, and mobiles no other file uses.

interface Recorded {
  events: KycvsEvent[];
  domEvents: KycvsEvent[];
  results: KycvsResult[];
  errors: KycvsErrorData[];
}
type W = Window & { KYCVS: KycvsGlobal; handle: KycvsHandle; recorded: Recorded };

const SUPPORT_REF = /^[0-9A-HJKMNP-TV-Z]{8}$/;

async function renderRecorded(page: Page, options: Record<string, unknown> = {}) {
  await openJsApiPage(page);
  await page.evaluate((extra) => {
    const w = window as unknown as W;
    w.recorded = { events: [], domEvents: [], results: [], errors: [] };
    document.addEventListener('kycvs:event', (e) => w.recorded.domEvents.push((e as CustomEvent<KycvsEvent>).detail));
    w.handle = w.KYCVS.render('#slot', {
      provider: 'demo-test',
      ...extra,
      onEvent: (e) => w.recorded.events.push(e),
      onResult: (r) => w.recorded.results.push(r),
      onError: (e) => w.recorded.errors.push(e),
    });
  }, options);
  return widgetFrame(page);
}

const recorded = (page: Page) => page.evaluate(() => (window as unknown as W).recorded);

// `otp_resent` is held by the frame's unit tests (widget/frame/report-flow.test.ts): the host lets a
// resend go only after 60 s of its own clock, which a browser test cannot run on.
test('onEvent and kycvs:event hear the same events, in order, with no personal data', async ({
  page,
  consoleErrors,
}) => {
  consoleErrors.expect(/status of 400 \(Bad Request\) \(.*\/api\/kycvs\/verify\)/); // the wrong OTP
  const frame = await renderRecorded(page);
  await frame.getByLabel('Full name').fill('Test Person');
  await frame.getByLabel('Mobile number').fill('9999999901');
  await frame.getByRole('button', { name: 'Get OTP' }).click();
  await frame.getByLabel('OTP', { exact: true }).fill('111111');
  await frame.getByRole('button', { name: 'Verify' }).click();
  await expect(frame.getByRole('alert')).toBeVisible();
  await frame.getByLabel('OTP', { exact: true }).fill('000000');
  await frame.getByRole('button', { name: 'Verify' }).click();
  await expect(frame.getByRole('heading', { name: 'Fully vaccinated' })).toBeVisible();

  // The next person starts, gets an OTP, and the page goes away mid-way.
  await page.evaluate(() => (window as unknown as W).handle.reset());
  await frame.getByLabel('Full name').fill('Test Person');
  await frame.getByLabel('Mobile number').fill('9999999901');
  await frame.getByRole('button', { name: 'Get OTP' }).click();
  await expect(frame.getByLabel('OTP', { exact: true })).toBeVisible();
  await expect.poll(async () => (await recorded(page)).events.filter((e) => e.type === 'otp_sent').length).toBe(2);
  await page.evaluate(() => (window as unknown as W).handle.destroy());

  const { events, domEvents } = await recorded(page);
  const sorted = (list: KycvsEvent[]) => list.filter((e) => e.type !== 'step');
  expect(sorted(events)).toEqual([
    { type: 'ready' },
    { type: 'otp_sent' },
    { type: 'error', code: 'OTP_INCORRECT' },
    { type: 'otp_sent' },
    { type: 'abandoned', step: 'otp' },
  ]);
  expect(events.filter((e) => e.type === 'step').map((e) => (e as { step: string }).step)).toEqual([
    'otp',
    'result',
    'details',
    'otp',
  ]);
  expect(domEvents).toEqual(events);
  const text = JSON.stringify(events);
  for (const personal of ['Test Person', '9999999901', '000000', '111111', 'FULLY'])
    expect(text).not.toContain(personal);
});

test('a CoWIN fault shows a support reference in small print, the same one onError gets, and the retry works', async ({
  page,
  consoleErrors,
}) => {
  consoleErrors.expect(/status of 502 \(Bad Gateway\) \(.*\/api\/kycvs\/otp\)/); // 9999999904's fault
  const frame = await renderRecorded(page);
  await frame.getByLabel('Full name').fill('Test Person');
  await frame.getByLabel('Mobile number').fill('9999999904');
  await frame.getByRole('button', { name: 'Get OTP' }).click();
  await expect(frame.getByRole('alert')).toBeVisible();
  await expect.poll(async () => (await recorded(page)).errors.length).toBe(1);
  const [error] = (await recorded(page)).errors;
  expect(error!.code).toBe('SERVER_ERROR');
  expect(error!.ref).toMatch(SUPPORT_REF);
  await expect(frame.getByText(`Reference: ${error!.ref}`)).toBeVisible();
  // What was typed is kept, and one action tries again.
  await expect(frame.getByLabel('Mobile number')).toHaveValue(/9999999904|99999 99904/);
  await frame.getByLabel('Mobile number').fill('9999999903');
  await frame.getByRole('button', { name: 'Get OTP' }).click();
  await frame.getByLabel('OTP', { exact: true }).fill('000000');
  await frame.getByRole('button', { name: 'Verify' }).click();
  await expect(frame.getByRole('heading', { name: 'Not vaccinated' })).toBeVisible();
  const [result] = (await recorded(page)).results;
  expect(result!.ref).toMatch(SUPPORT_REF);
  expect(result!.ref).not.toBe(error!.ref);
});

test('a person mistake has no reference: only faults do', async ({ page }) => {
  const frame = await renderRecorded(page);
  await frame.getByLabel('Full name').fill('Test Person');
  await frame.getByLabel('Mobile number').fill('12345');
  await frame.getByRole('button', { name: 'Get OTP' }).click();
  await expect(frame.getByLabel('Mobile number')).toHaveAttribute('aria-invalid', 'true');
  await expect(frame.getByText(/^Reference:/)).toHaveCount(0);
});

test('test identities: the mobile decides the answer, the OTP is 000000, and no SMS is sent', async ({
  page,
  request,
  consoleErrors,
}) => {
  consoleErrors.expect(/status of 400 \(Bad Request\) \(.*\/api\/kycvs\/verify\)/); // an unknown mobile's OTP
  const frame = await renderRecorded(page);
  await verifyTestIdentity(frame, '9999999902');
  await expect(frame.getByRole('heading', { name: 'Partially vaccinated' })).toBeVisible();
  await page.evaluate(() => (window as unknown as W).handle.reset());
  // A mobile outside the table behaves as an unregistered one: the OTP step, then a wrong OTP.
  await verifyTestIdentity(frame, '9999999909');
  await expect(frame.getByRole('alert')).toBeVisible();
  await expect(frame.getByRole('heading', { name: /vaccinated/ })).toHaveCount(0);

  for (const mobile of ['9999999901', '9999999902', '9999999909']) {
    const sms = await request.get(`${hostOrigin}/__dev__/sms`, { params: { mobile } });
    expect(await sms.json()).toEqual([]);
  }
  const [result] = (await recorded(page)).results;
  expect(tokenClaims(result!.token)).toMatchObject({ aud: 'demo-test', status: 'PARTIALLY_VACCINATED', test: true });
});

test('siteverify with the secret answers the details, the page origin, the action and test; a retry with the same key gets the same verdict', async ({
  page,
  request,
}) => {
  const frame = await renderRecorded(page, { action: 'booking' });
  await verifyTestIdentity(frame, '9999999901');
  await expect(frame.getByRole('heading', { name: 'Fully vaccinated' })).toBeVisible();
  await expect.poll(async () => (await recorded(page)).results.length).toBe(1);
  const { token } = (await recorded(page)).results[0]!;
  expect(tokenClaims(token)).toMatchObject({ origin: demoOrigin, action: 'booking', test: true });

  const siteverify = (data: Record<string, unknown>) =>
    request.post(`${hostOrigin}/api/kycvs/siteverify`, { data }).then((r) => r.json());
  // Without the secret, this provider's tokens cannot be used (nor used up).
  expect(await siteverify({ token })).toMatchObject({ success: false, 'error-codes': ['missing-input-secret'] });

  const first = await siteverify({ token, secret: TEST_PROVIDER.secret, idempotency_key: 'order-1' });
  expect(first).toMatchObject({
    success: true,
    status: 'FULLY_VACCINATED',
    aud: 'demo-test',
    origin: demoOrigin,
    hostname: 'localhost',
    action: 'booking',
    test: true,
  });
  expect(first.beneficiary.name).toEqual(expect.any(String));
  expect(first.vaccinations).toHaveLength(2);
  // The answer was lost; the retry with the same key gets the same verdict.
  expect(await siteverify({ token, secret: TEST_PROVIDER.secret, idempotency_key: 'order-1' })).toEqual(first);
  // Any other call is a second use.
  expect(await siteverify({ token, secret: TEST_PROVIDER.secret, idempotency_key: 'order-2' })).toMatchObject({
    success: false,
    'error-codes': ['token-already-used'],
  });
  expect(await siteverify({ token, secret: TEST_PROVIDER.secret })).toMatchObject({
    success: false,
    'error-codes': ['token-already-used'],
  });
});

test('an action that is not a label is dropped: the token carries none', async ({ page }) => {
  const frame = await renderRecorded(page, { action: 'not a label!' });
  await verifyTestIdentity(frame, '9999999903');
  await expect(frame.getByRole('heading', { name: 'Not vaccinated' })).toBeVisible();
  const [result] = (await recorded(page)).results;
  expect(tokenClaims(result!.token)).not.toHaveProperty('action');
});
