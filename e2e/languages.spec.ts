import type { FrameLocator, Page } from '@playwright/test';
import { hi } from '../widget/i18n/hi';
import type { KycvsGlobal, RenderOptions } from '../widget/loader/types';
import { expectNoAxeViolations } from './axe';
import { expect, openJsApiPage, test, widgetFrame } from './fixtures';

// No registered mobile here: the OTP step is reached with mobiles no one has (70000040xx, this
// file's own), which answer like any other and then fail as a wrong OTP.

/** Each language, its own name in the picker, and the Unicode block its words are written in. */
const languages = [
  { lang: 'en', name: 'English', script: /^[\p{Script=Latin}\p{P}\s]+$/u },
  { lang: 'hi', name: 'हिन्दी', script: /^[\u0900-\u097f\s\p{P}]+$/u },
  { lang: 'mr', name: 'मराठी', script: /^[\u0900-\u097f\s\p{P}]+$/u },
  { lang: 'bn', name: 'বাংলা', script: /^[\u0980-\u09ff\s\p{P}]+$/u },
  { lang: 'as', name: 'অসমীয়া', script: /^[\u0980-\u09ff\s\p{P}]+$/u },
  { lang: 'gu', name: 'ગુજરાતી', script: /^[\u0a80-\u0aff\s\p{P}]+$/u },
  { lang: 'pa', name: 'ਪੰਜਾਬੀ', script: /^[\u0a00-\u0a7f\s\p{P}]+$/u },
  { lang: 'or', name: 'ଓଡ଼ିଆ', script: /^[\u0b00-\u0b7f\s\p{P}]+$/u },
  { lang: 'ta', name: 'தமிழ்', script: /^[\u0b80-\u0bff\s\p{P}]+$/u },
  { lang: 'te', name: 'తెలుగు', script: /^[\u0c00-\u0c7f\s\p{P}]+$/u },
  { lang: 'kn', name: 'ಕನ್ನಡ', script: /^[\u0c80-\u0cff\s\p{P}]+$/u },
  { lang: 'ml', name: 'മലയാളം', script: /^[\u0d00-\u0d7f\s\p{P}]+$/u },
] as const;

type Win = typeof window & { KYCVS: KycvsGlobal };

// An axe scan of a cross-origin frame takes seconds, and a run with other e2e files beside it more.
test.describe.configure({ timeout: 90_000 });

async function renderWidget(page: Page, options: Omit<RenderOptions, 'provider'> & { provider?: string }) {
  await page.evaluate((o) => (window as Win).KYCVS.render('#slot', { provider: 'demo-travel', ...o }), options);
  const frame = widgetFrame(page);
  await expect(frame.locator('#kycvs-name')).toBeVisible({ timeout: 15_000 });
  return frame;
}

const documentTitle = (frame: FrameLocator) => frame.locator('html').evaluate(() => document.title);

/** The words of an element with the kept Latin words (OTP, SMS, CoWIN) and the digits taken out. */
const words = (text: string) => text.replace(/\b(?:OTP|SMS|CoWIN|ID)\b|\d/g, ' ');

/**
 * One page per four languages, a widget rendered afresh in each language in turn: the page and its
 * axe load once, and the three groups run beside each other.
 */
const groups = [languages.slice(0, 4), languages.slice(4, 8), languages.slice(8)];

for (const group of groups) {
  test(`${group.map((l) => l.lang).join(', ')}: the first step is in each language, <html lang> and the iframe's title follow, and axe finds nothing`, async ({
    page,
  }) => {
    await openJsApiPage(page);
    for (const { lang, name, script } of group) {
      const frame = await renderWidget(page, { lang });
      await expect(frame.locator('html')).toHaveAttribute('lang', lang);
      // A language whose table is missing would fall back to English here.
      for (const selector of ['h1', 'label[for="kycvs-name"]', 'label[for="kycvs-mobile"]', '.consent li']) {
        expect([lang, selector, words(await frame.locator(selector).first().innerText())]).toEqual([
          lang,
          selector,
          expect.stringMatching(script),
        ]);
      }
      await expect(frame.getByRole('combobox'), name).toHaveValue(lang);

      // The frame's title in its language names the iframe on the page too (the `ready` message).
      const title = await documentTitle(frame);
      expect(words(title), lang).toMatch(script);
      await expect(page.locator('#slot iframe')).toHaveAttribute('title', title);

      await expectNoAxeViolations(page, `${lang}, details step`);
    }
  });
}

test('the picker lists every language in its own name and script, and switches the whole widget', async ({ page }) => {
  await openJsApiPage(page);
  const frame = await renderWidget(page, { lang: 'en' });
  const picker = frame.getByLabel('Language');
  await expect(picker.locator('option')).toHaveText(languages.map((l) => l.name));
  for (const { lang, name } of languages) {
    await expect(picker.locator(`option[value="${lang}"]`)).toHaveAttribute('lang', lang);
    await expect(picker.locator(`option[value="${lang}"]`)).toHaveText(name);
  }

  // Typed, and a mistake shown, before the switch.
  await frame.getByLabel('Full name').fill('Asha Verma');
  await frame.getByLabel('Mobile number').fill('12345');
  await frame.getByRole('button', { name: 'Get OTP' }).click();
  await expect(frame.getByLabel('Mobile number')).toHaveAttribute('aria-invalid', 'true');

  // By keyboard: on the picker, the next option is a key press away (English, then Hindi).
  await picker.focus();
  await picker.press('ArrowDown');
  await expect(frame.locator('html')).toHaveAttribute('lang', 'hi');
  await expect(frame.getByLabel(hi['field.name'])).toHaveValue('Asha Verma');
  await expect(frame.getByLabel(hi['field.mobile'])).toHaveValue('12345');
  await expect(frame.getByRole('button', { name: hi['action.getOtp'] })).toBeVisible();
  await expect(frame.getByRole('heading', { level: 1 })).toHaveText(hi['details.heading']);
  // The error is said again in Hindi, still tied to its field.
  await expect(frame.getByRole('alert')).toHaveText(hi['error.INVALID_MOBILE']);
  await expect(frame.getByLabel(hi['field.mobile'])).toHaveAccessibleDescription(
    `${hi['field.mobileHint']} ${hi['error.INVALID_MOBILE']}`,
  );
  await expect.poll(() => documentTitle(frame)).toBe(hi['app.title']);
  // The label says "Language" in the language shown, and in English beside it.
  const hindiPicker = frame.getByLabel('भाषा (Language)');
  await expect(hindiPicker).toHaveValue('hi');
  await expect(hindiPicker).toBeFocused();

  await hindiPicker.selectOption('ta');
  await expect(frame.locator('html')).toHaveAttribute('lang', 'ta');
  await expect(frame.getByRole('heading', { level: 1 })).toHaveText(/^[\u0b80-\u0bff\s\p{P}]+$/u);
  await expect(frame.locator('#kycvs-name')).toHaveValue('Asha Verma');

  await frame.getByRole('combobox').selectOption('en');
  await expect(frame.getByLabel('Full name')).toHaveValue('Asha Verma');
  await expect(frame.locator('html')).toHaveAttribute('lang', 'en');
});

test("the first language is the page's choice, then the page's <html lang>, then English", async ({ page }) => {
  await openJsApiPage(page, 'ta-IN');
  await expect((await renderWidget(page, { lang: 'bn' })).locator('html')).toHaveAttribute('lang', 'bn');
  await expect((await renderWidget(page, {})).locator('html')).toHaveAttribute('lang', 'ta');
  await page.evaluate(() => (document.documentElement.lang = 'fr'));
  await expect((await renderWidget(page, {})).locator('html')).toHaveAttribute('lang', 'en');
});

/** A beneficiary's mobile and OTP as they might type them on an Indic keyboard. */
const indicDigits = [
  { lang: 'hi', script: 'Devanagari', mobile: '७००० ००४ ०२१', ascii: '7000004021', otp: '१२३ ४५६' },
  { lang: 'bn', script: 'Bengali', mobile: '৭০০০-০০৪-০২২', ascii: '7000004022', otp: '১২৩৪৫৬' },
  { lang: 'ta', script: 'Tamil', mobile: '௭௦௦௦௦௦௪௦௨௩', ascii: '7000004023', otp: '௧௨௩௪௫௬' },
] as const;

async function toOtpStep(frame: FrameLocator, mobile: string) {
  await frame.locator('#kycvs-name').fill('Test Person');
  await frame.locator('#kycvs-mobile').fill(mobile);
  await frame.locator('button[type="submit"]').click();
  await expect(frame.locator('#kycvs-otp')).toBeFocused();
}

for (const { lang, script, mobile, ascii, otp } of indicDigits) {
  test(`${lang}: ${script} digits are accepted in the mobile and the OTP`, async ({ page, consoleErrors }) => {
    consoleErrors.expect(/status of 400 .*\/api\/kycvs\/verify/);
    await openJsApiPage(page);
    const frame = await renderWidget(page, { lang });
    await toOtpStep(frame, mobile);
    // The number it went to, masked, in the digits it was read as.
    await expect(frame.locator('.intro')).toContainText(`******${ascii.slice(-4)}`);
    await frame.locator('#kycvs-otp').fill(otp);
    await expect(frame.locator('#kycvs-otp')).toHaveValue('123456');
    await frame.locator('button[type="submit"]').click();
    // Read as six digits and sent: the answer is "this OTP did not work", not "enter 6 digits".
    const error = frame.getByRole('alert');
    await expect(error).not.toBeEmpty();
    await expect(frame.locator('#kycvs-otp')).toHaveAttribute('aria-invalid', 'true');
    expect(await error.innerText()).not.toBe(await frame.locator('#kycvs-otp-hint').innerText());
    const describedBy = await frame.locator('#kycvs-otp').getAttribute('aria-describedby');
    expect(describedBy).toContain('kycvs-error-otp');
  });
}

test('mr: the countdown and the resend note are in Latin digits, like the SMS and the OTP (docs/i18n.md)', async ({
  page,
}) => {
  await openJsApiPage(page);
  const frame = await renderWidget(page, { lang: 'mr' });
  await toOtpStep(frame, '7000004024');
  await expect(frame.locator('.countdown')).toHaveText(/[0-9]:[0-5][0-9]/);
  await expect(frame.locator('.countdown')).not.toHaveText(/[०-९]/);
  await expect(frame.locator('#kycvs-resend-note')).not.toHaveText(/[०-९]/);
});
