import type { Page } from '@playwright/test';
import type { KycvsGlobal } from '../widget/loader/types';
import { expectNoAxeViolations } from './axe';
import { expect, hostOrigin, openJsApiPage, test, TEST_PROVIDER, widgetFrame } from './fixtures';

type Window = typeof window & { KYCVS: KycvsGlobal };

/** The frame's entry script (and only it: the chunks it imports have other names). */
const FRAME_SCRIPT = /\/assets\/frame-[\w-]+\.js$/;

/** Holds every request for the frame's script until `release()`; the frame is on its host's HTML alone till then. */
async function holdFrameScript(page: Page) {
  let release!: () => void;
  const released = new Promise<void>((resolve) => (release = resolve));
  await page.route(FRAME_SCRIPT, async (route) => {
    await released;
    await route.continue();
  });
  return release;
}

const render = (page: Page, options: { lang?: 'hi'; accent?: string }) =>
  page.evaluate(({ provider, options }) => void (window as Window).KYCVS.render('#slot', { provider, ...options }), {
    provider: TEST_PROVIDER.id,
    options,
  });

// docs/architecture.md, "The first paint": the host sends the details step rendered, the script hydrates it.
test('the form is there before the frame’s script; what is typed and pressed meanwhile is carried out', async ({
  page,
  messages,
}) => {
  const release = await holdFrameScript(page);
  await openJsApiPage(page);
  await render(page, {});
  const frame = widgetFrame(page);

  await expect(frame.getByLabel('Full name')).toBeEditable();
  await frame.getByLabel('Full name').fill('Test Person');
  await frame.getByLabel('Mobile number').fill('9999999901');
  await frame.getByRole('button', { name: 'Get OTP' }).click();
  // Nothing ran yet: the frame has not said ready, and the press went nowhere (no navigation, no request).
  expect(await messages.ofType('ready')).toEqual([]);
  await expect(frame.getByLabel('Full name')).toHaveValue('Test Person');

  release();
  // The script takes the typed details and the held press: the OTP was asked for, once.
  await expect(frame.getByLabel('OTP', { exact: true })).toBeFocused();
  expect((await messages.ofType('step')).map((m) => (m.data as { data: { step: string } }).data.step)).toEqual(['otp']);
  await frame.getByLabel('OTP', { exact: true }).fill('000000');
  await frame.getByRole('button', { name: 'Verify' }).click();
  await expect(frame.getByText('Fully vaccinated', { exact: true })).toBeVisible();
});

test('the first paint is in the page’s language and the provider’s colour, axe finds nothing, and the script keeps both', async ({
  page,
  messages,
}) => {
  const release = await holdFrameScript(page);
  await openJsApiPage(page);
  await render(page, { lang: 'hi', accent: '#7b2cbf' });
  const frame = widgetFrame(page);
  const button = frame.getByRole('button', { name: 'OTP पाएँ' });

  await expect(frame.getByLabel('पूरा नाम')).toBeEditable();
  await expect(frame.locator('html')).toHaveAttribute('lang', 'hi');
  const before = await button.evaluate((el) => getComputedStyle(el).backgroundColor);
  // The accent's own colour passes AA on white, so it is used as given: rgb(123, 44, 191).
  expect(before).toBe('rgb(123, 44, 191)');
  // The host's form is as accessible as the script's: labels, the alert region, the hidden notice.
  await expectNoAxeViolations(page, 'the prerendered first step, before the frame’s script');

  release();
  await expect.poll(async () => (await messages.ofType('ready')).length).toBe(1);
  await expect(frame.getByLabel('पूरा नाम')).toBeEditable();
  expect(await button.evaluate((el) => getComputedStyle(el).backgroundColor)).toBe(before);
  // Hydrated, not drawn twice: one form, one name field.
  await expect(frame.locator('form')).toHaveCount(1);
  await expect(frame.locator('input[name="name"]')).toHaveCount(1);
});

test('a frame whose script cannot come says so in the page’s language instead of showing a form that does nothing', async ({
  page,
  consoleErrors,
}) => {
  consoleErrors.expect(/ERR_FAILED|Failed to load/);
  await page.route(FRAME_SCRIPT, (route) => route.abort('failed'));
  await openJsApiPage(page);
  await render(page, { lang: 'hi' });
  const frame = widgetFrame(page);

  await expect(frame.getByText('टीकाकरण स्थिति की जाँच शुरू नहीं हो सकी', { exact: false })).toBeVisible();
  await expect(frame.getByLabel('पूरा नाम')).toBeHidden();
});

test('a frame far out of view, which may be given no animation frame, still starts and says ready', async ({
  page,
  messages,
}) => {
  await openJsApiPage(page);
  await page.evaluate(() => {
    const slot = document.querySelector<HTMLElement>('#slot')!;
    slot.style.marginTop = '20000px';
  });
  await render(page, {});
  await expect.poll(async () => (await messages.ofType('ready')).length, { timeout: 5_000 }).toBe(1);
  expect(await page.evaluate(() => scrollY)).toBe(0);
});

test('CoWIN’s own page paints its banner and form before its script, which keeps them and what was typed', async ({
  page,
}) => {
  const release = await holdFrameScript(page);
  await page.goto(`${hostOrigin}/?lang=en`);
  const banner = page.locator('header.kycvs-standalone');
  await expect(banner.locator('.title')).toHaveText('Know Your Vaccination Status');
  // Its style is in the page: the banner's title is bold before any stylesheet could have come.
  expect(await banner.locator('.title').evaluate((el) => getComputedStyle(el).fontWeight)).toBe('700');
  await page.getByLabel('Full name').fill('Neha Gupta');
  await expect(page.locator('#app')).toHaveAttribute('data-prerendered', '');

  release();
  await expect(page.locator('#app')).not.toHaveAttribute('data-prerendered');
  await expect(page.locator('header.kycvs-standalone')).toHaveCount(1);
  await expect(page.getByLabel('Full name')).toHaveValue('Neha Gupta');
  await expect(page.getByText(/Check your own vaccination status/)).toBeVisible();
});
