import type { KycvsGlobal, KycvsHandle } from '../widget/loader/types';
import { completeVerification, expect, openJsApiPage, test, widgetFrame } from './fixtures';

interface Recorded {
  results: Array<{ status: string; token: string }>;
  events: unknown[];
  resultPromise?: Promise<unknown>;
}
type Window = typeof window & { KYCVS: KycvsGlobal; handle: KycvsHandle; recorded: Recorded };

// Gurpreet Kaur's mobile is used by this file only: a new OTP replaces the old one per mobile.

const languages = [
  { lang: 'en', name: 'Full name', mobile: 'Mobile number', getOtp: 'Get OTP' },
  { lang: 'hi', name: 'पूरा नाम', mobile: 'मोबाइल नंबर', getOtp: 'OTP पाएँ' },
] as const;

for (const l of languages) {
  test(`KYCVS.render speaks ${l.lang} when asked, and the frame says so in <html lang>`, async ({ page }) => {
    await openJsApiPage(page);
    await page.evaluate((lang) => {
      (window as Window).KYCVS.render('#slot', { provider: 'demo-travel', lang });
    }, l.lang);
    const frame = widgetFrame(page);
    await expect(frame.getByLabel(l.name)).toBeVisible();
    await expect(frame.getByLabel(l.mobile)).toBeVisible();
    await expect(frame.getByRole('button', { name: l.getOtp })).toBeVisible();
    await expect(frame.locator('html')).toHaveAttribute('lang', l.lang);
  });
}

test("the language defaults to the page's <html lang>", async ({ page }) => {
  await openJsApiPage(page, 'hi-IN');
  await page.evaluate(() => (window as Window).KYCVS.render('#slot', { provider: 'demo-travel' }));
  await expect(widgetFrame(page).locator('html')).toHaveAttribute('lang', 'hi');
});

test('the handle gives the result, reports steps without personal data, resets and destroys', async ({
  page,
  smsInbox,
}) => {
  await openJsApiPage(page);
  await page.evaluate(() => {
    const w = window as Window;
    w.recorded = { results: [], events: [] };
    w.handle = w.KYCVS.render('#slot', {
      provider: 'demo-travel',
      onResult: (r: { status: string; token: string }) => w.recorded.results.push(r),
      onEvent: (e: unknown) => w.recorded.events.push(e),
    });
    w.recorded.resultPromise = w.handle.result;
  });
  const frame = widgetFrame(page);
  await completeVerification(frame, smsInbox, { name: 'Gurpreet Kaur', mobile: '7009988776' });
  await expect(frame.getByRole('heading', { name: 'Partially vaccinated' })).toBeVisible();

  const fromPromise = await page.evaluate(() => (window as Window).recorded.resultPromise);
  const recorded = await page.evaluate(() => (window as Window).recorded);
  expect(recorded.results).toHaveLength(1);
  expect(fromPromise).toEqual(recorded.results[0]);
  expect(recorded.results[0]!.status).toBe('PARTIALLY_VACCINATED');
  expect(recorded.events).toEqual([
    { type: 'ready' },
    { type: 'otp_sent' },
    { type: 'step', step: 'otp' },
    { type: 'step', step: 'result' },
  ]);

  // reset(): the next person starts from a clean form.
  await page.evaluate(() => (window as Window).handle.reset());
  await expect(frame.getByLabel('Full name')).toHaveValue('');
  await expect(frame.getByLabel('Mobile number')).toHaveValue('');

  // destroy(): the iframe goes, and a handle with no result yet rejects its promise.
  const rejection = await page.evaluate(async () => {
    const w = window as Window;
    w.handle.destroy();
    const second = w.KYCVS.render('#slot', { provider: 'demo-travel' });
    second.destroy();
    return second.result.then(
      () => 'resolved',
      (e: { code: string }) => e.code,
    );
  });
  expect(rejection).toBe('DESTROYED');
  await expect(page.locator('iframe')).toHaveCount(0);
});

test("the iframe's height follows the frame's content", async ({ page }) => {
  await openJsApiPage(page);
  await page.evaluate(() => (window as Window).KYCVS.render('#slot', { provider: 'demo-irctc' }));
  const frame = widgetFrame(page);
  await expect(frame.getByLabel('Full name')).toBeVisible();
  const contentHeight = () => frame.locator('html').evaluate((html) => Math.ceil(html.getBoundingClientRect().height));
  const iframeHeight = () => page.locator('iframe').evaluate((el) => Math.round(el.getBoundingClientRect().height));
  await expect.poll(async () => Math.abs((await iframeHeight()) - (await contentHeight()))).toBeLessThanOrEqual(1);
});
