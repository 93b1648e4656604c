import type { KycvsGlobal } from '../widget/loader/types';
import { demoOrigin, expect, hostOrigin, openJsApiPage, test, verifyTestIdentity, widgetFrame } from './fixtures';

// A result's token lives 5 minutes; the frame keeps the time (docs/events.md, docs/protocol.md).
// Each test runs the page's clock on instead of waiting: `page.clock` covers the frame too. The
// test provider answers without SMS, so no mobile is shared with another file.

type Heard = Window & { KYCVS: KycvsGlobal; heard: string[]; onStale: () => void };

test('in a form, the script tag empties the hidden fields at expiry, tells the page, and Verify again starts over with the details kept', async ({
  page,
}) => {
  await page.clock.install();
  await openJsApiPage(page);
  await page.evaluate(() => {
    const w = window as unknown as Heard;
    w.heard = [];
    w.onStale = () => w.heard.push('data-expired-callback');
    document.addEventListener('kycvs:expired', () => w.heard.push('kycvs:expired'));
    document.addEventListener('kycvs:event', (e) => w.heard.push('kycvs:event ' + (e as CustomEvent).detail.type));
    const form = document.createElement('form');
    form.innerHTML = '<div class="kycvs" data-provider="demo-test" data-expired-callback="onStale"></div>';
    document.body.append(form);
  });
  const frame = widgetFrame(page);
  await verifyTestIdentity(frame, '9999999901');
  await expect(frame.getByRole('heading', { name: 'Fully vaccinated' })).toBeVisible();
  const token = page.locator('form input[name="kycvs-token"]');
  const status = page.locator('form input[name="kycvs-status"]');
  await expect(token).not.toHaveValue('');
  await expect(status).toHaveValue('FULLY_VACCINATED');

  // Four minutes on, the token still stands.
  await page.clock.fastForward('04:00');
  await expect(frame.getByRole('button', { name: 'Verify again' })).toHaveCount(0);
  await expect(token).not.toHaveValue('');

  await page.clock.fastForward('01:01');
  await expect(token).toHaveValue('');
  await expect(status).toHaveValue('');
  await expect(frame.getByText(/expired/i).first()).toBeVisible();
  const again = frame.getByRole('button', { name: 'Verify again' });
  await expect(again).toBeVisible();
  await expect
    .poll(() => page.evaluate(() => (window as unknown as Heard).heard.filter((h) => /expired/.test(h))))
    .toEqual(['kycvs:expired', 'data-expired-callback', 'kycvs:event expired']);

  // One action: back to the details, name and mobile kept, focus on the first field.
  await again.click();
  await expect(frame.getByLabel('Full name')).toHaveValue('Test Person');
  await expect(frame.getByLabel('Mobile number')).toHaveValue(/9999999901|99999 99901/);
  await expect(frame.getByLabel('Full name')).toBeFocused();
  await frame.getByRole('button', { name: 'Get OTP' }).click();
  await frame.getByLabel('OTP', { exact: true }).fill('000000');
  await frame.getByRole('button', { name: 'Verify' }).click();
  await expect(frame.getByRole('heading', { name: 'Fully vaccinated' })).toBeVisible();
  await expect(token).not.toHaveValue('');
});

test('KYCVS.render: onExpired is called once, after onResult, and the handle can reset after it', async ({ page }) => {
  await page.clock.install();
  await openJsApiPage(page);
  await page.evaluate(() => {
    const w = window as unknown as Heard & { handle: ReturnType<KycvsGlobal['render']> };
    w.heard = [];
    w.handle = w.KYCVS.render('#slot', {
      provider: 'demo-test',
      onResult: (r) => w.heard.push('result ' + r.status),
      onExpired: () => w.heard.push('expired'),
    });
  });
  const frame = widgetFrame(page);
  await verifyTestIdentity(frame, '9999999902');
  await expect(frame.getByRole('heading', { name: 'Partially vaccinated' })).toBeVisible();
  await page.clock.fastForward('05:01');
  await expect(frame.getByRole('button', { name: 'Verify again' })).toBeVisible();
  // Time runs on: it expired once.
  await page.clock.fastForward('10:00');
  await expect
    .poll(() => page.evaluate(() => (window as unknown as Heard).heard))
    .toEqual(['result PARTIALLY_VACCINATED', 'expired']);
  await page.evaluate(() => (window as unknown as { handle: { reset(): void } }).handle.reset());
  await expect(frame.getByLabel('Full name')).toHaveValue('');
});

test('a direct iframe gets the expired message, then the expired event, from the host origin', async ({
  page,
  messages,
}) => {
  await page.clock.install();
  await page.goto(`${demoOrigin}/js-api`);
  await page.evaluate(
    ({ host, origin }) => {
      const iframe = document.createElement('iframe');
      iframe.title = 'Know Your Vaccination Status';
      iframe.style.height = '600px';
      const params = new URLSearchParams({ provider: 'demo-test', origin, instance: 'portal-1' });
      iframe.src = `${host}/frame.html?${params}`;
      document.body.append(iframe);
    },
    { host: hostOrigin, origin: demoOrigin },
  );
  const frame = widgetFrame(page);
  await verifyTestIdentity(frame, '9999999903');
  await expect(frame.getByRole('heading', { name: 'Not vaccinated' })).toBeVisible();
  await expect.poll(async () => (await messages.ofType('result')).length).toBe(1);
  expect(await messages.ofType('expired')).toEqual([]);

  await page.clock.fastForward('05:01');
  await expect.poll(async () => (await messages.ofType('expired')).length).toBe(1);
  const all = (await messages.all()).map((m) => m.data as { type: string; instance: string; data: unknown });
  const expiredAt = all.findIndex((m) => m.type === 'expired');
  expect(all[expiredAt]).toEqual({ ns: 'kycvs', v: 1, instance: 'portal-1', type: 'expired', data: {} });
  expect(all.slice(expiredAt + 1).find((m) => m.type === 'event')?.data).toEqual({ type: 'expired' });
  for (const m of await messages.all()) expect(m.origin).toBe(hostOrigin);
});
