import type { Page } from '@playwright/test';
import { CLUSTER_COWIN_PORT, CLUSTER_DEMO_PORT, CLUSTER_PORT } from '../playwright.config';
import { completeVerification, expect, smsInboxAt, test, widgetFrame } from './fixtures';

/**
 * The widget against two hosts on one Redis behind one origin (e2e/cluster/serve.ts): the proxy
 * sends consecutive API calls to different hosts, so every flow here is begun on one host and
 * finished on the other. One test at a time: some stop a host or Redis for everyone.
 */
test.describe.configure({ mode: 'serial' });

const clusterOrigin = `http://127.0.0.1:${CLUSTER_PORT}`;
const clusterDemo = `http://localhost:${CLUSTER_DEMO_PORT}`;
const cowinStandIn = `http://127.0.0.1:${CLUSTER_COWIN_PORT}`;
/** The cluster's stand-in knows the first ten made-up people of mock-api/load-people.ts, all fully vaccinated. */
const person = (n: number) => ({ name: `Load Person Aaa${'abcdefghij'[n]}`, mobile: String(7_200_000_000 + n) });

/** Which host (`0` or `1`) answered each widget API call, in order. */
function recordUpstreams(page: Page) {
  const calls: Array<{ path: string; host: string }> = [];
  page.on('response', (response) => {
    const url = new URL(response.url());
    if (url.origin === clusterOrigin && url.pathname.startsWith('/api/kycvs/')) {
      calls.push({ path: url.pathname, host: response.headers()['x-cluster-upstream'] ?? '?' });
    }
  });
  return calls;
}

const control = async (page: Page, action: string) =>
  expect((await page.request.post(`${clusterOrigin}/__cluster__/${action}`)).status()).toBe(204);

test('a verification begun on one host is finished on the other, and its token is accepted once', async ({
  page,
  request,
}) => {
  const calls = recordUpstreams(page);
  await page.goto(`${clusterDemo}/travel`);
  const frame = widgetFrame(page);
  await completeVerification(frame, smsInboxAt(request, cowinStandIn), person(0));
  await expect(frame.getByText('Fully vaccinated', { exact: true })).toBeVisible();

  const [otp, verify] = [calls.find((c) => c.path.endsWith('/otp')), calls.find((c) => c.path.endsWith('/verify'))];
  expect(otp && verify && otp.host !== verify.host).toBe(true);

  const token = await page.locator('form input[name="kycvs-token"]').inputValue();
  const first = await request.post(`${clusterOrigin}/api/kycvs/siteverify`, { data: { token } });
  const second = await request.post(`${clusterOrigin}/api/kycvs/siteverify`, { data: { token } });
  expect(first.headers()['x-cluster-upstream']).not.toBe(second.headers()['x-cluster-upstream']);
  expect(await first.json()).toMatchObject({ success: true, status: 'FULLY_VACCINATED', aud: 'demo-travel' });
  expect(await second.json()).toEqual({ success: false, 'error-codes': ['token-already-used'] });
});

test('the host that sent the OTP is killed; the other finishes the verification', async ({ page, request }) => {
  const calls = recordUpstreams(page);
  const inbox = smsInboxAt(request, cowinStandIn);
  await page.goto(`${clusterDemo}/travel`);
  const frame = widgetFrame(page);
  const { name, mobile } = person(1);
  const before = await inbox.count(mobile);
  await frame.getByLabel('Full name').fill(name);
  await frame.getByLabel('Mobile number').fill(mobile);
  await frame.getByRole('button', { name: 'Get OTP' }).click();
  const otp = await inbox.nextOtp(mobile, before);
  // The SMS can arrive before the host's answer does: the OTP step shows once the answer is in.
  await expect(frame.getByLabel('OTP', { exact: true })).toBeFocused();

  const sentBy = calls.find((c) => c.path.endsWith('/otp'))!.host;
  await control(page, `hosts/${sentBy}/kill`);
  try {
    await frame.getByLabel('OTP', { exact: true }).fill(otp);
    await frame.getByRole('button', { name: 'Verify' }).click();
    await expect(frame.getByText('Fully vaccinated', { exact: true })).toBeVisible();
    expect(calls.find((c) => c.path.endsWith('/verify'))!.host).not.toBe(sentBy);
  } finally {
    await control(page, `hosts/${sentBy}/start`);
  }
});

test('with Redis down the widget shows a fault and keeps what was typed; "Get OTP" works again once Redis is back', async ({
  page,
  request,
  consoleErrors,
}) => {
  consoleErrors.expect(/status of 503/);
  await page.goto(`${clusterDemo}/travel`);
  const frame = widgetFrame(page);
  const { name, mobile } = person(2);
  await frame.getByLabel('Full name').fill(name);
  await frame.getByLabel('Mobile number').fill(mobile);
  await control(page, 'redis/stop');
  try {
    await frame.getByRole('button', { name: 'Get OTP' }).click();
    await expect(frame.getByRole('alert')).toHaveText(/^Something went wrong on the server\./);
    await expect(frame.getByLabel('Full name')).toHaveValue(name);
    await expect(frame.getByRole('button', { name: 'Get OTP' })).toBeEnabled();
  } finally {
    await control(page, 'redis/start');
  }
  const inbox = smsInboxAt(request, cowinStandIn);
  expect(await inbox.count(mobile)).toBe(0);
  // The hosts reconnect by themselves: once both answer again, the person only presses the button.
  const bothHostsServe = async () => {
    const probe = () =>
      request.post(`${clusterOrigin}/api/kycvs/verify`, {
        data: { provider: 'demo-travel', session: 'x'.repeat(32), otp: '123456' },
        headers: { origin: clusterOrigin, 'sec-fetch-site': 'same-origin' },
      });
    return [(await probe()).status(), (await probe()).status()];
  };
  await expect.poll(bothHostsServe, { timeout: 15_000 }).toEqual([410, 410]);
  await frame.getByRole('button', { name: 'Get OTP' }).click();
  await frame.getByLabel('OTP', { exact: true }).fill(await inbox.nextOtp(mobile, 0));
  await frame.getByRole('button', { name: 'Verify' }).click();
  await expect(frame.getByText('Fully vaccinated', { exact: true })).toBeVisible();
});
