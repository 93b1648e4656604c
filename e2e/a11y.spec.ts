import type { FrameLocator, Locator, Page } from '@playwright/test';
import { en } from '../widget/i18n/en';
import { hi } from '../widget/i18n/hi';
import type { KycvsGlobal, RenderOptions } from '../widget/loader/types';
import { contrast, parseHex } from '../widget/theme';
import { expectNoAxeViolations } from './axe';
import { expect, openJsApiPage, test, widgetFrame } from './fixtures';

// Mobiles. To a result: Rohan Das (9700000011, COVISHIELD ×2: fully), पूजा शर्मा (9700000012,
// COVAXIN ×1: partially) and, by keyboard only, Arjun Nair (9700000015, COVISHIELD ×2: fully),
// fixture people reserved for this file (mock-api/fixtures.ts), one test each: a new OTP replaces
// the old one per mobile, so no two tests running side by side share one. Every other test here
// stops short of a result and uses its own unregistered mobile, 70000041xx.

type Win = typeof window & { KYCVS: KycvsGlobal };

// An axe scan of a cross-origin frame takes seconds, and a run with other e2e files beside it more.
test.describe.configure({ timeout: 90_000 });

async function renderWidget(page: Page, options: Partial<RenderOptions>): Promise<FrameLocator> {
  await page.evaluate((o) => (window as Win).KYCVS.render('#slot', { provider: 'demo-irctc', ...o }), options);
  const frame = widgetFrame(page);
  await expect(frame.locator('#kycvs-name')).toBeVisible({ timeout: 15_000 });
  // The language picker arrives in its own chunk, after the first paint.
  await expect(frame.getByRole('combobox')).toBeVisible();
  return frame;
}

/** The OTP step can take a moment: the host answers it in a fixed time, found or not. */
const slow = { timeout: 15_000 };

const toDevanagari = (digits: string) => digits.replace(/\d/g, (d) => String.fromCodePoint(0x966 + Number(d)));
const liveRegion = (frame: FrameLocator) => frame.locator('[aria-live="polite"]');

const flows = [
  {
    lang: 'en',
    t: en,
    person: { name: 'Rohan Das', mobile: '9700000011' },
    answer: en['status.FULLY_VACCINATED'],
    typeOtp: (otp: string) => otp,
  },
  {
    lang: 'hi',
    t: hi,
    person: { name: 'पूजा शर्मा', mobile: '9700000012' },
    answer: hi['status.PARTIALLY_VACCINATED'],
    // As a Hindi keyboard types it.
    typeOtp: toDevanagari,
  },
] as const;

test.describe('to a result', () => {
  for (const { lang, t, person, answer, typeOtp } of flows) {
    test(`${lang}: axe finds nothing at any step, errors included, through to the result`, async ({
      page,
      smsInbox,
      consoleErrors,
    }) => {
      consoleErrors.expect(/status of 400 .*\/api\/kycvs\/verify/);
      await openJsApiPage(page);
      const frame = await renderWidget(page, { lang });
      await expect(page.locator('#slot iframe')).toHaveAttribute('title', t['app.title']);
      await expectNoAxeViolations(page, `${lang}: details`);

      // Nothing typed: both fields are marked, their messages tied to them, focus on the first.
      const name = frame.getByLabel(t['field.name']);
      const mobile = frame.getByLabel(t['field.mobile']);
      await frame.getByRole('button', { name: t['action.getOtp'] }).click();
      await expect(name).toHaveAttribute('aria-invalid', 'true');
      await expect(mobile).toHaveAttribute('aria-invalid', 'true');
      await expect(name).toHaveAccessibleDescription(t['error.INVALID_NAME']);
      await expect(mobile).toHaveAccessibleDescription(`${t['field.mobileHint']} ${t['error.INVALID_MOBILE']}`);
      await expect(frame.getByRole('alert')).toContainText(t['error.INVALID_NAME']);
      await expect(name).toBeFocused();
      await expectNoAxeViolations(page, `${lang}: details, errors shown`);

      const before = await smsInbox.count(person.mobile);
      await name.fill(person.name);
      await mobile.fill(person.mobile);
      await frame.getByRole('button', { name: t['action.getOtp'] }).click();
      const otpInput = frame.getByLabel(t['field.otp'], { exact: true });
      await expect(otpInput).toBeFocused(slow);
      await expect(otpInput).toHaveAttribute('autocomplete', 'one-time-code');
      await expect(otpInput).toHaveAttribute('inputmode', 'numeric');
      // Said as the number ending in its last digits, never as the mask's asterisks.
      await expect(liveRegion(frame)).toContainText(t['otp.sentToSpoken'].replace('{last4}', person.mobile.slice(-4)));
      await expectNoAxeViolations(page, `${lang}: OTP`);

      const otp = await smsInbox.nextOtp(person.mobile, before);
      const wrong = otp === '000000' ? '111111' : '000000';
      await otpInput.fill(typeOtp(wrong));
      await frame.getByRole('button', { name: t['action.verify'] }).click();
      await expect(frame.getByRole('alert')).toContainText(t['error.OTP_INCORRECT'], slow);
      await expect(otpInput).toHaveAttribute('aria-invalid', 'true');
      await expect(otpInput).toHaveAccessibleDescription(`${t['field.otpHint']} ${t['error.OTP_INCORRECT']}`);
      await expectNoAxeViolations(page, `${lang}: OTP, a wrong OTP`);

      await otpInput.fill(typeOtp(otp));
      await frame.getByRole('button', { name: t['action.verify'] }).click();
      const status = frame.getByRole('heading', { name: answer });
      await expect(status).toBeVisible(slow);
      await expect(status).toBeFocused();
      await expectNoAxeViolations(page, `${lang}: result`);
    });
  }

  test('keyboard only: Tab, Shift+Tab, typing and Enter reach a result, focus always where the next thing is', async ({
    page,
    smsInbox,
  }) => {
    await openJsApiPage(page);
    const frame = await renderWidget(page, { lang: 'en' });
    const picker = frame.getByLabel('Language');
    const name = frame.getByLabel('Full name');

    // From the page, Tab on into the widget: the language picker comes first, then the name.
    for (let presses = 0; presses < 30 && !(await hasFocus(picker)); presses++) await page.keyboard.press('Tab');
    expect(await hasFocus(picker)).toBe(true);
    await page.keyboard.press('Tab');
    await expect(name).toBeFocused();
    await expectFocusRing(name);
    await page.keyboard.press('Shift+Tab');
    await expect(picker).toBeFocused();
    await page.keyboard.press('Tab');

    const person = { name: 'Arjun Nair', mobile: '9700000015' };
    const answer = en['status.FULLY_VACCINATED'];
    const before = await smsInbox.count(person.mobile);
    await page.keyboard.type(person.name);
    await page.keyboard.press('Tab');
    await expect(frame.getByLabel('Mobile number')).toBeFocused();
    await page.keyboard.type(person.mobile);
    await page.keyboard.press('Tab');
    const getOtp = frame.getByRole('button', { name: 'Get OTP' });
    await expect(getOtp).toBeFocused();
    await expectFocusRing(getOtp);
    await page.keyboard.press('Enter');

    const otpInput = frame.getByLabel('OTP', { exact: true });
    await expect(otpInput).toBeFocused(slow);
    await page.keyboard.type(await smsInbox.nextOtp(person.mobile, before));
    await page.keyboard.press('Tab');
    await expect(frame.getByRole('button', { name: 'Verify' })).toBeFocused();
    await page.keyboard.press('Enter');

    await expect(frame.getByRole('heading', { name: answer })).toBeFocused(slow);
    await page.keyboard.press('Tab');
    const again = frame.getByRole('button', { name: 'Verify another person' });
    await expect(again).toBeFocused();
    await page.keyboard.press('Enter');
    await expect(name).toBeFocused();
    await expect(name).toHaveValue('');
  });
});

/** True when `locator` has the keyboard focus: its frame's active element, in a focused document. */
const hasFocus = (locator: Locator) => locator.evaluate((el) => el === document.activeElement && document.hasFocus());

/** The focus ring is there and visible: a 3 px solid outline, set off from the control. */
async function expectFocusRing(locator: Locator) {
  const ring = await locator.evaluate((el) => {
    const style = getComputedStyle(el);
    return [style.outlineStyle, style.outlineWidth, parseFloat(style.outlineOffset) > 0];
  });
  expect(ring).toEqual(['solid', '3px', true]);
}

async function toOtpStep(frame: FrameLocator, mobile: string) {
  await frame.locator('#kycvs-name').fill('Test Person');
  await frame.locator('#kycvs-mobile').fill(mobile);
  await frame.locator('button[type="submit"]').click();
  await expect(frame.locator('#kycvs-otp')).toBeFocused(slow);
}

/** The frame's computed colour of `property` on `selector`, as #rrggbb. */
async function colourOf(frame: FrameLocator, selector: string, property: 'color' | 'backgroundColor') {
  return frame.locator(selector).evaluate((el, p) => {
    const [r, g, b] = getComputedStyle(el)[p].match(/\d+/g)!.map(Number);
    return '#' + [r, g, b].map((c) => c!.toString(16).padStart(2, '0')).join('');
  }, property);
}

test('dark: axe, contrast included, finds nothing on the first step, with errors, and on the OTP step', async ({
  page,
  consoleErrors,
}) => {
  consoleErrors.expect(/status of 400 .*\/api\/kycvs\/verify/);
  await openJsApiPage(page);
  const frame = await renderWidget(page, { theme: 'dark' });
  expect(await colourOf(frame, 'html', 'backgroundColor')).toBe('#16191d');
  await expectNoAxeViolations(page, 'dark: details');
  await frame.getByRole('button', { name: 'Get OTP' }).click();
  await expect(frame.getByLabel('Full name')).toHaveAttribute('aria-invalid', 'true');
  await expectNoAxeViolations(page, 'dark: details, errors shown');
  await toOtpStep(frame, '7000004101');
  await expectNoAxeViolations(page, 'dark: OTP');
  await frame.getByLabel('OTP', { exact: true }).fill('123456');
  await frame.getByRole('button', { name: 'Verify' }).click();
  await expect(frame.getByRole('alert')).toContainText(en['error.OTP_INCORRECT'], slow);
  await expectNoAxeViolations(page, 'dark: OTP, a wrong OTP');
});

test('auto follows the device, light or dark, while the widget is open', async ({ page }) => {
  await page.emulateMedia({ colorScheme: 'dark' });
  await openJsApiPage(page);
  const frame = await renderWidget(page, { theme: 'auto' });
  expect(await colourOf(frame, 'html', 'backgroundColor')).toBe('#16191d');
  await page.emulateMedia({ colorScheme: 'light' });
  await expect.poll(() => colourOf(frame, 'html', 'backgroundColor')).toBe('#ffffff');
  // The page's choice wins over the device's.
  const light = await renderWidget(page, { theme: 'light' });
  await page.emulateMedia({ colorScheme: 'dark' });
  expect(await colourOf(light, 'html', 'backgroundColor')).toBe('#ffffff');
});

const accents = [
  // Too light for white: darkened in light, used as given in dark.
  { accent: '#ffcc00', theme: 'light', page: '#ffffff', kept: false },
  { accent: '#ffcc00', theme: 'dark', page: '#16191d', kept: true },
  // Too dark for the dark page: lightened there, used as given in light.
  { accent: '#000080', theme: 'dark', page: '#16191d', kept: false },
  { accent: '#000080', theme: 'light', page: '#ffffff', kept: true },
] as const;

for (const { accent, theme, page: background, kept } of accents) {
  test(`accent ${accent} in ${theme}: ${kept ? 'used as given' : 'adjusted'}, and never below AA`, async ({ page }) => {
    await openJsApiPage(page);
    const frame = await renderWidget(page, { theme, accent });
    await expect(page.locator('#slot iframe')).toHaveAttribute(
      'src',
      new RegExp(`accent=${encodeURIComponent(accent)}`),
    );
    const button = await colourOf(frame, 'button[type="submit"]', 'backgroundColor');
    const text = await colourOf(frame, 'button[type="submit"]', 'color');
    expect(button === accent).toBe(kept);
    expect(contrast(parseHex(button)!, parseHex(text)!)).toBeGreaterThanOrEqual(4.5);
    expect(contrast(parseHex(button)!, parseHex(background)!)).toBeGreaterThanOrEqual(4.5);
    await expectNoAxeViolations(page, `accent ${accent}, ${theme}`);
  });
}

test('the OTP step says "sent" once, politely, and the running countdown is not read out', async ({ page }) => {
  await openJsApiPage(page);
  const frame = await renderWidget(page, {});
  await toOtpStep(frame, '7000004102');
  const region = liveRegion(frame);
  await expect(region).toHaveText(
    `${en['otp.sentToSpoken'].replace('{last4}', '4102')} ${en['otp.validFor'].replace('{duration}', '3 minutes')}`,
  );
  const countdown = frame.locator('.countdown');
  await expect(countdown).not.toHaveAttribute('aria-live', /.*/);
  await expect(countdown).not.toHaveAttribute('role', /.*/);

  // Count what changes in the live region while the countdown runs on for three seconds.
  await region.evaluate((el) => {
    const changes = { n: 0 };
    Object.assign(window, { liveChanges: changes });
    new MutationObserver((records) => (changes.n += records.length)).observe(el, {
      childList: true,
      subtree: true,
      characterData: true,
    });
  });
  const seconds = async () => {
    const [m, s] = (await countdown.innerText())
      .match(/(\d+):(\d\d)/)!
      .slice(1)
      .map(Number);
    return m! * 60 + s!;
  };
  const start = await seconds();
  await expect.poll(seconds, slow).toBeLessThanOrEqual(start - 3);
  expect(await region.evaluate(() => (window as unknown as { liveChanges: { n: number } }).liveChanges.n)).toBe(0);
});

test('the time left is said at one minute, at 30 seconds and at expiry', async ({ page }) => {
  // The widget's clock, moved on by the test; the host's is not, and nothing here asks it.
  await page.clock.install();
  await openJsApiPage(page);
  const frame = await renderWidget(page, {});
  await toOtpStep(frame, '7000004104');
  const region = liveRegion(frame);
  await expect(region).toContainText(en['otp.sentToSpoken'].replace('{last4}', '4104'));
  // The clock stopped, then run on by the test: every timer fires on the way, as in real time.
  await page.clock.pauseAt((await page.evaluate(() => Date.now())) + 1000);
  await page.clock.runFor('02:00');
  await expect(region).toHaveText(en['otp.validFor'].replace('{duration}', '1 minute'));
  await page.clock.runFor('00:40');
  await expect(region).toHaveText(en['otp.validFor'].replace('{duration}', '30 seconds'));
  await page.clock.runFor('00:20');
  await expect(region).toHaveText(en['otp.expired']);
  await expect(frame.locator('.countdown')).toHaveText(en['otp.expired']);
});

test('every target on the first and the OTP step is at least 44 by 44 px', async ({ page }) => {
  await openJsApiPage(page);
  const frame = await renderWidget(page, {});
  const sizes = () =>
    frame
      .locator('button:visible, input:visible, select:visible')
      .evaluateAll((els) =>
        els.map((el) => [
          el.id || el.textContent?.trim(),
          el.getBoundingClientRect().height >= 44,
          el.getBoundingClientRect().width >= 44,
        ]),
      );
  for (const [target, high, wide] of await sizes()) expect([target, high, wide]).toEqual([target, true, true]);
  await toOtpStep(frame, '7000004103');
  const onOtp = await sizes();
  expect(onOtp.length).toBeGreaterThanOrEqual(4);
  for (const [target, high, wide] of onOtp) expect([target, high, wide]).toEqual([target, true, true]);
});

test('reduced motion: nothing animates or transitions', async ({ page }) => {
  await page.emulateMedia({ reducedMotion: 'reduce' });
  await openJsApiPage(page);
  const frame = await renderWidget(page, {});
  const moving = await frame.locator('body *').evaluateAll(
    (els) =>
      els.filter((el) => {
        const s = getComputedStyle(el);
        return s.animationName !== 'none' || s.transitionDuration.split(',').some((d) => parseFloat(d) > 0);
      }).length,
  );
  expect(moving).toBe(0);
});

/** Sideways scrolling in the frame's document, in CSS px (0 when everything fits). */
const sideways = (frame: FrameLocator) => frame.locator('html').evaluate((html) => html.scrollWidth - html.clientWidth);

const narrow = [
  // A 320 px phone (WCAG 1.4.10), and a 1280 × 720 window zoomed to 200 % (WCAG 1.4.4).
  { name: '320 px wide', viewport: { width: 320, height: 640 }, deviceScaleFactor: 1 },
  { name: '200 % zoom', viewport: { width: 640, height: 360 }, deviceScaleFactor: 2 },
] as const;

for (const [index, { name, viewport, deviceScaleFactor }] of narrow.entries()) {
  test.describe(name, () => {
    test.use({ viewport, deviceScaleFactor });

    for (const [i, lang] of (['en', 'ta', 'ml'] as const).entries()) {
      test(`${lang}: every step fits, no sideways scrolling`, async ({ page }) => {
        await openJsApiPage(page);
        const frame = await renderWidget(page, { lang });
        const box = await page.locator('#slot iframe').boundingBox();
        expect(box!.x + box!.width).toBeLessThanOrEqual(viewport.width);
        expect(await sideways(frame)).toBe(0);
        // By keyboard: under load the frame may still be growing to its content, moving the button.
        await frame.locator('button[type="submit"]').press('Enter');
        await expect(frame.locator('#kycvs-name')).toHaveAttribute('aria-invalid', 'true');
        expect(await sideways(frame)).toBe(0);
        await toOtpStep(frame, `70000041${2 + index}${i}`);
        expect(await sideways(frame)).toBe(0);
      });
    }
  });
}
