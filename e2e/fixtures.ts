import { test as base, expect, type APIRequestContext, type FrameLocator, type Page } from '@playwright/test';
import { DEMO_PORT, HOST_PORT } from '../playwright.config';

/** The CoWIN-hosted side and the provider's site: two real, separate origins (and sites). */
export const hostOrigin = `http://127.0.0.1:${HOST_PORT}`;
export const demoOrigin = `http://localhost:${DEMO_PORT}`;

export interface RecordedMessage {
  origin: string;
  data: unknown;
}

export interface SmsInbox {
  /** How many SMS the mock has sent to this mobile so far. */
  count(mobile: string): Promise<number>;
  /** Waits for an SMS after the first `after` ones and returns its OTP. */
  nextOtp(mobile: string, after: number): Promise<string>;
}

interface Fixtures {
  /** Every `message` event the top page received, in order. */
  messages: { all(): Promise<RecordedMessage[]>; ofType(type: string): Promise<RecordedMessage[]> };
  smsInbox: SmsInbox;
  /**
   * Fails the test on any console error or uncaught exception, in the page or its frames, except
   * those a test says it expects (a 500 it provoked, a frame the browser refused by design).
   */
  consoleErrors: { expect(pattern: RegExp): void };
}

/** The widget inside a page: the one kycvs iframe. */
export function widgetFrame(page: Page): FrameLocator {
  return page.locator('iframe[src*="/frame.html"]').first().contentFrame();
}

export const test = base.extend<Fixtures>({
  consoleErrors: [
    async ({ page }, use) => {
      const errors: string[] = [];
      const expected: RegExp[] = [];
      page.on('console', (message) => {
        if (message.type() === 'error') errors.push(`${message.text()} (${message.location().url})`);
      });
      page.on('pageerror', (error) => errors.push(error.message));
      await use({ expect: (pattern) => void expected.push(pattern) });
      const unexpected = errors.filter((error) => !expected.some((pattern) => pattern.test(error)));
      expect(unexpected, 'console errors on the page or in its frames').toEqual([]);
    },
    { auto: true },
  ],

  messages: async ({ page }, use) => {
    await page.addInitScript(() => {
      const log: Array<{ origin: string; data: unknown }> = [];
      Object.defineProperty(window, '__kycvsMessages', { value: log });
      window.addEventListener('message', (event) => {
        if (event.source !== window) log.push({ origin: event.origin, data: event.data });
      });
    });
    const all = () =>
      page.evaluate(() => (window as unknown as { __kycvsMessages: RecordedMessage[] }).__kycvsMessages);
    await use({
      all,
      ofType: async (type) => (await all()).filter((m) => (m.data as { type?: string } | null)?.type === type),
    });
  },

  smsInbox: async ({ request }, use) => {
    await use(smsInboxAt(request, hostOrigin));
  },
});

export { expect };

/** The mock phone of the CoWIN (mock or stand-in) answering `GET {origin}/__dev__/sms`. */
export function smsInboxAt(request: APIRequestContext, origin: string): SmsInbox {
  const list = async (mobile: string) => {
    const response = await request.get(`${origin}/__dev__/sms`, { params: { mobile } });
    expect(response.ok()).toBe(true);
    return (await response.json()) as Array<{ otp: string; text: string }>;
  };
  return {
    count: async (mobile) => (await list(mobile)).length,
    nextOtp: async (mobile, after) => {
      await expect
        // Asked often: the mock sends at once, and the default intervals (up to 1 s) are most of a flow.
        .poll(async () => (await list(mobile)).length, { message: `an SMS to ${mobile}`, intervals: [25, 50, 100] })
        .toBeGreaterThan(after);
      return (await list(mobile)).at(-1)!.otp;
    },
  };
}

/** Full name + mobile → Get OTP → the OTP from the mock phone → Verify. Returns at the result step. */
export async function completeVerification(
  frame: FrameLocator,
  inbox: SmsInbox,
  person: { name: string; mobile: string },
): Promise<void> {
  const before = await inbox.count(person.mobile);
  await frame.getByLabel('Full name').fill(person.name);
  await frame.getByLabel('Mobile number').fill(person.mobile);
  await frame.getByRole('button', { name: 'Get OTP' }).click();
  const otp = await inbox.nextOtp(person.mobile, before);
  await expect(frame.getByLabel('OTP', { exact: true })).toBeFocused();
  await frame.getByLabel('OTP', { exact: true }).fill(otp);
  await frame.getByRole('button', { name: 'Verify' }).click();
}

/** The demo's JavaScript API page: embed.js loaded, nothing rendered until asked. */
export async function openJsApiPage(page: Page, htmlLang?: string): Promise<void> {
  await page.goto(`${demoOrigin}/js-api`);
  await page.waitForFunction(() => 'KYCVS' in window);
  if (htmlLang) await page.evaluate((lang) => (document.documentElement.lang = lang), htmlLang);
}

/** The bundled test provider (docs/test-identities.md): never calls CoWIN, takes the OTP 000000. */
export const TEST_PROVIDER = { id: 'demo-test', secret: 'demo-test-secret-for-the-demo-only' } as const;

/**
 * Full name + a test identity's mobile → Get OTP → `otp` → Verify, with the test provider: no SMS
 * to wait for, and no mobile shared with the mock's fixture people. In the widget's frame, or on a
 * top-level page of the host (redirect mode's).
 */
export async function verifyTestIdentity(frame: FrameLocator | Page, mobile: string, otp = '000000'): Promise<void> {
  await frame.getByLabel('Full name').fill('Test Person');
  await frame.getByLabel('Mobile number').fill(mobile);
  await frame.getByRole('button', { name: 'Get OTP' }).click();
  await expect(frame.getByLabel('OTP', { exact: true })).toBeFocused();
  await frame.getByLabel('OTP', { exact: true }).fill(otp);
  await frame.getByRole('button', { name: 'Verify' }).click();
}

/** The claims of a compact JWS, unverified: for tests that look inside a token they already trust. */
export function tokenClaims(token: string): Record<string, unknown> {
  return JSON.parse(Buffer.from(token.split('.')[1]!, 'base64url').toString('utf8')) as Record<string, unknown>;
}
