import { readFile } from 'node:fs/promises';
import type { BrowserContext, Frame, FrameLocator, Page } from '@playwright/test';
import type { KycvsGlobal } from '../widget/loader/types';
import { DEMO_PORT, HOST_PORT } from '../playwright.config';
import { demoOrigin, expect, hostOrigin, openJsApiPage, test, widgetFrame, type SmsInbox } from './fixtures';

// The registered people these tests verify, reserved for this file (mock-api/fixtures.ts): a new
// OTP replaces the last one per mobile, so no other file may use them, and the tests that share one
// run one after another. Imran Khan: COVISHIELD ×2 and a CORBEVAX precaution dose; Neha Gupta:
// COVAXIN ×2. Both fully vaccinated.
const IMRAN = { name: 'Imran Khan', mobile: '9700000013' } as const;
const NEHA = { name: 'Neha Gupta', mobile: '9700000014' } as const;
type Person = typeof IMRAN | typeof NEHA;

type KycvsWindow = typeof window & { KYCVS: KycvsGlobal };

/** Where the widget's fields are: CoWIN's own page itself, or the iframe on a provider's page. */
type Surface = Pick<FrameLocator, 'getByLabel' | 'getByRole' | 'getByText'>;

/** Full name + mobile → Get OTP; returns the OTP the mock phone received. */
async function askForOtp(surface: Surface, inbox: SmsInbox, person: Person): Promise<string> {
  const before = await inbox.count(person.mobile);
  await surface.getByLabel('Full name').fill(person.name);
  await surface.getByLabel('Mobile number').fill(person.mobile);
  await surface.getByRole('button', { name: 'Get OTP' }).click();
  return inbox.nextOtp(person.mobile, before);
}

/** The whole flow, the OTP typed as a person would. */
async function verify(surface: Surface, inbox: SmsInbox, person: Person): Promise<void> {
  const otp = await askForOtp(surface, inbox, person);
  await surface.getByLabel('OTP', { exact: true }).fill(otp);
  await surface.getByRole('button', { name: 'Verify' }).click();
  await expect(surface.getByRole('heading', { name: 'Fully vaccinated' })).toBeVisible();
}

/** The last SMS the mock sent to the person. */
async function lastSms(page: Page, person: Person): Promise<{ text: string; otp: string }> {
  const response = await page.request.get(`${hostOrigin}/__dev__/sms`, { params: { mobile: person.mobile } });
  return ((await response.json()) as Array<{ text: string; otp: string }>).at(-1)!;
}

/** The widget's iframe as a Frame, for `evaluate` inside it. */
async function widgetFrameHandle(page: Page): Promise<Frame> {
  const element = await page.locator('iframe[src*="/frame.html"]').elementHandle();
  const frame = await element?.contentFrame();
  if (!frame) throw new Error('no widget frame');
  return frame;
}

/** Makes the browser look as if it had no Web Share API, in every frame. */
async function withoutWebShare(context: BrowserContext): Promise<void> {
  await context.addInitScript(() => {
    delete (Navigator.prototype as Partial<Navigator>).share;
    delete (Navigator.prototype as Partial<Navigator>).canShare;
  });
}

/** A PNG of the size a 1080 px square picture with text has, not an empty or broken one. */
function expectSensiblePng(bytes: Uint8Array): void {
  expect([...bytes.slice(0, 8)]).toEqual([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  expect(bytes.length).toBeGreaterThan(10_000);
  expect(bytes.length).toBeLessThan(2_000_000);
}

test.describe('Imran Khan, one test after another', () => {
  test.describe.configure({ mode: 'serial' });

  test('CoWIN’s own page checks a citizen’s status top-level, posts nothing, and downloads the picture', async ({
    page,
    context,
    smsInbox,
  }) => {
    await withoutWebShare(context);
    // Counts every postMessage and message event on the page: CoWIN's own page has no one to talk to.
    await page.addInitScript(() => {
      const counts = { posted: 0, received: 0 };
      Object.defineProperty(window, '__kycvsTraffic', { value: counts });
      const post = Window.prototype.postMessage;
      Window.prototype.postMessage = function (this: Window, ...args: Parameters<Window['postMessage']>) {
        counts.posted += 1;
        return post.apply(this, args as never);
      } as Window['postMessage'];
      window.addEventListener('message', () => void (counts.received += 1));
    });

    const response = await page.goto(`${hostOrigin}/`);
    expect(response?.status()).toBe(200);
    expect(response?.headers()['content-security-policy']).toContain("frame-ancestors 'none'");
    expect(page.url()).toBe(`${hostOrigin}/`);
    await expect(page.getByText('Know Your Vaccination Status', { exact: true })).toBeVisible();
    await expect(page.getByText(/Check your own vaccination status/)).toBeVisible();
    await expect(page.locator('iframe')).toHaveCount(0);

    await verify(page, smsInbox, IMRAN);
    // Demographics and vaccinations: it is the person's own record, the precaution dose included.
    await expect(page.getByText(IMRAN.name, { exact: true })).toBeVisible();
    const doses = page.getByRole('list').filter({ hasText: 'CORBEVAX' });
    await expect(doses.getByRole('listitem')).toHaveCount(3);
    await expect(doses.getByRole('listitem').filter({ hasText: 'COVISHIELD' })).toHaveCount(2);
    const { text, otp } = await lastSms(page, IMRAN);
    expect(text.split('\n').at(-1)).toBe(`@127.0.0.1:${HOST_PORT} #${otp}`);

    await expect(page.getByRole('button', { name: 'Share picture' })).toHaveCount(0);
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: 'Download picture' }).click(),
    ]);
    expect(download.suggestedFilename()).toBe('vaccination-status.png');
    expectSensiblePng(new Uint8Array(await readFile(await download.path())));

    expect(await page.evaluate(() => (window as unknown as { __kycvsTraffic: unknown }).__kycvsTraffic)).toEqual({
      posted: 0,
      received: 0,
    });
  });

  test('a provider page that asks for sharing gets "Share picture", which shares one PNG', async ({
    page,
    context,
    smsInbox,
    messages,
  }) => {
    // A browser that can share files. The frame is cross-origin: a context script reaches it too.
    await context.addInitScript(() => {
      const shared: Array<{ files: Array<{ name: string; type: string; size: number; magic: number[] }> }> = [];
      Object.defineProperty(window, '__kycvsShared', { value: shared });
      Object.assign(Navigator.prototype, {
        canShare: (data?: ShareData) => !!data?.files?.every((file) => file.type === 'image/png'),
        share: async (data: ShareData) => {
          const files = await Promise.all(
            (data.files ?? []).map(async (file) => ({
              name: file.name,
              type: file.type,
              size: file.size,
              magic: [...new Uint8Array(await file.slice(0, 8).arrayBuffer())],
            })),
          );
          shared.push({ files });
        },
      });
    });
    await openJsApiPage(page);
    await page.evaluate(() => (window as KycvsWindow).KYCVS.render('#slot', { provider: 'demo-irctc', share: true }));
    await expect(page.locator('iframe[src*="/frame.html"]')).toHaveAttribute('src', /[?&]share=1(&|$)/);
    await expect(page.locator('iframe[src*="/frame.html"]')).toHaveAttribute('allow', /\bweb-share\b/);

    const frame = widgetFrame(page);
    await verify(frame, smsInbox, IMRAN);
    await expect.poll(async () => (await messages.ofType('result')).length).toBe(1);
    await expect(frame.getByRole('button', { name: 'Download picture' })).toHaveCount(0);
    await frame.getByRole('button', { name: 'Share picture' }).click();

    const handle = await widgetFrameHandle(page);
    await expect
      .poll(() => handle.evaluate(() => (window as unknown as { __kycvsShared: unknown[] }).__kycvsShared.length))
      .toBe(1);
    const [call] = await handle.evaluate(
      () => (window as unknown as { __kycvsShared: Array<{ files: Array<Record<string, unknown>> }> }).__kycvsShared,
    );
    expect(call!.files).toHaveLength(1);
    const [file] = call!.files as Array<{ name: string; type: string; size: number; magic: number[] }>;
    expect(file).toMatchObject({ name: 'vaccination-status.png', type: 'image/png' });
    expect(file!.magic).toEqual([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
    expect(file!.size).toBeGreaterThan(10_000);
    expect(file!.size).toBeLessThan(2_000_000);
  });
});

test('WebOTP fills the OTP in from the SMS and verifies; a page that did not ask gets no share button', async ({
  page,
  context,
  smsInbox,
}) => {
  // Headless Chromium has WebOTP but no phone: the SMS code is handed over as the browser would.
  await context.addInitScript((host) => {
    if (location.origin !== host) return;
    const calls: string[] = [];
    Object.defineProperty(window, '__kycvsOtpCalls', { value: calls });
    if (!('OTPCredential' in window)) Object.defineProperty(window, 'OTPCredential', { value: function () {} });
    const original = navigator.credentials.get.bind(navigator.credentials);
    navigator.credentials.get = (options?: CredentialRequestOptions & { otp?: unknown }) => {
      if (!options?.otp) return original(options);
      calls.push(JSON.stringify(options.otp));
      return new Promise((resolve, reject) => {
        Object.defineProperty(window, '__kycvsGiveOtp', {
          configurable: true,
          value: (code: string) => resolve({ type: 'otp', id: '', code } as unknown as Credential),
        });
        options.signal?.addEventListener('abort', () => reject(new DOMException('Aborted', 'AbortError')));
      });
    };
  }, hostOrigin);
  await openJsApiPage(page);
  await page.evaluate(() => (window as KycvsWindow).KYCVS.render('#slot', { provider: 'demo-irctc' }));
  await expect(page.locator('iframe[src*="/frame.html"]')).not.toHaveAttribute('src', /share=/);

  const frame = widgetFrame(page);
  const otp = await askForOtp(frame, smsInbox, NEHA);
  const { text } = await lastSms(page, NEHA);
  expect(text.split('\n').at(-1)).toBe(`@localhost:${DEMO_PORT} #${otp} @127.0.0.1:${HOST_PORT}`);
  expect(demoOrigin).toBe(`http://localhost:${DEMO_PORT}`);

  const handle = await widgetFrameHandle(page);
  await expect
    .poll(() => handle.evaluate(() => (window as unknown as { __kycvsOtpCalls: string[] }).__kycvsOtpCalls))
    .toEqual(['{"transport":["sms"]}']);
  await expect(frame.getByLabel('OTP', { exact: true })).toHaveValue('');
  await handle.evaluate((code) => (window as unknown as { __kycvsGiveOtp(c: string): void }).__kycvsGiveOtp(code), otp);

  await expect(frame.getByRole('heading', { name: 'Fully vaccinated' })).toBeVisible();
  await expect(frame.getByRole('button', { name: /Share picture|Download picture/ })).toHaveCount(0);
});

test('CoWIN’s own page speaks the language asked for, or the browser’s', async ({ browser }) => {
  const hindi = await browser.newContext({ locale: 'hi-IN' });
  const page = await hindi.newPage();
  await page.goto(`${hostOrigin}/`);
  await expect(page.locator('html')).toHaveAttribute('lang', 'hi');
  await expect(page.getByText('अपनी टीकाकरण स्थिति जानें', { exact: true })).toBeVisible();
  await expect(page.getByLabel('पूरा नाम')).toBeVisible();
  await page.goto(`${hostOrigin}/?lang=en`);
  await expect(page.locator('html')).toHaveAttribute('lang', 'en');
  await expect(page.getByLabel('Full name')).toBeVisible();
  await hindi.close();
});

test('no page may frame CoWIN’s own page', async ({ page, consoleErrors }) => {
  consoleErrors.expect(/^Framing '.*' violates .*"frame-ancestors 'none'"/s);
  consoleErrors.expect(/status of 404 .*chrome-error/);
  await page.goto(`${demoOrigin}/js-api`);
  await page.evaluate((src) => {
    const iframe = document.createElement('iframe');
    iframe.src = src;
    document.body.append(iframe);
  }, `${hostOrigin}/`);
  const iframe = page.locator(`iframe[src="${hostOrigin}/"]`).contentFrame();
  await expect(iframe.getByLabel('Full name')).toHaveCount(0);
  await expect.poll(() => page.frames().length).toBe(2);
  expect(
    await page
      .frames()[1]!
      .evaluate(() => location.href)
      .catch(() => 'blocked'),
  ).not.toBe(`${hostOrigin}/`);
});
