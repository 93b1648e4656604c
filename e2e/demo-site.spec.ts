import AxeBuilder from '@axe-core/playwright';
import { generateKeyPair, SignJWT } from 'jose';
import type { Page } from '@playwright/test';
import { demoOrigin, expect, hostOrigin, test, widgetFrame } from './fixtures';

// The demo site's own tools: the snippet builder (a live preview with the real embed.js and the
// snippet to copy) and the travel agency's back office, which must refuse what it cannot verify.

// Each test loads one widget frame or more, one after another: allow for a busy machine.
test.describe.configure({ timeout: 60_000 });

type Style = 'script' | 'written' | 'element' | 'js' | 'iframe' | 'react';
const styleLabel: Record<Style, RegExp> = {
  script: /^Script tag and a <div> \(no code\)$/,
  written: /frame written in/,
  element: /kycvs-verify/,
  js: /KYCVS\.render/,
  iframe: /^Direct iframe/,
  react: /^React/,
};

interface Choice {
  provider: 'demo-travel' | 'demo-irctc';
  lang: string;
  theme: 'Auto' | 'Light' | 'Dark';
  style: Style;
}

async function choose(page: Page, { provider, lang, theme, style }: Choice) {
  await page.getByRole('radio', { name: new RegExp(provider) }).check();
  await page.getByLabel('Language').selectOption(lang);
  await page.getByRole('radio', { name: new RegExp(`^${theme}`) }).check();
  await page.getByRole('radio', { name: styleLabel[style] }).check();
}

/** axe's WCAG 2.2 A and AA rules over the demo page itself (the widget's frame has tests of its own). */
async function expectAccessiblePage(page: Page) {
  const results = await new AxeBuilder({ page })
    .exclude('iframe')
    .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'])
    .analyze();
  expect(results.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);
}

const previewFrames = (page: Page) => page.locator('iframe[src*="/frame.html"]');
const snippet = (page: Page) => page.locator('.builder-snippet');

/** Records each handle KYCVS.render returns, and how its `result` ended, before embed.js runs. */
async function recordHandles(page: Page) {
  await page.addInitScript(() => {
    type Handle = { result: Promise<unknown>; ended?: string };
    const handles: Handle[] = [];
    let api: unknown;
    Object.defineProperty(window, '__handles', { value: handles });
    Object.defineProperty(window, 'KYCVS', {
      configurable: true,
      get: () => api,
      set(real: { render(t: unknown, o: unknown): Handle }) {
        api = {
          ...real,
          render(target: unknown, options: unknown) {
            const handle = real.render(target, options);
            handle.result.then(
              () => (handle.ended = 'result'),
              (error: { code: string }) => (handle.ended = error.code),
            );
            handles.push(handle);
            return handle;
          },
        };
      },
    });
  });
  return () =>
    page.evaluate(() =>
      (window as unknown as { __handles: { ended?: string }[] }).__handles.map((h) => h.ended ?? 'live'),
    );
}

test.describe('snippet builder', () => {
  const cases: Choice[] = [
    { provider: 'demo-travel', lang: 'en', theme: 'Auto', style: 'script' },
    { provider: 'demo-irctc', lang: 'hi', theme: 'Dark', style: 'element' },
    { provider: 'demo-irctc', lang: 'en', theme: 'Light', style: 'js' },
    { provider: 'demo-travel', lang: 'hi', theme: 'Dark', style: 'iframe' },
  ];

  for (const choice of cases) {
    test(`previews and writes the snippet for ${choice.provider}, ${choice.lang}, ${choice.theme}, ${choice.style}`, async ({
      page,
    }) => {
      await page.goto(`${demoOrigin}/builder`);
      await choose(page, choice);

      await expect(previewFrames(page)).toHaveCount(1);
      const src = new URL((await previewFrames(page).getAttribute('src'))!);
      expect(src.origin).toBe(hostOrigin);
      expect(src.searchParams.get('provider')).toBe(choice.provider);
      // The language asked for comes first; the page's own follows, for the host to fall back on.
      expect(src.searchParams.get('lang')?.split(',')[0]).toBe(choice.lang);
      expect(src.searchParams.get('origin')).toBe(demoOrigin);

      // A working widget: the frame took the page's origin, speaks the language, and wears the theme.
      const frame = previewFrames(page).contentFrame();
      await expect(frame.locator('html')).toHaveAttribute('lang', choice.lang);
      await expect(frame.locator('input').first()).toBeVisible();
      if (choice.theme !== 'Auto') {
        await expect(frame.locator('html')).toHaveAttribute('data-theme', choice.theme.toLowerCase());
      }
      if (choice.lang === 'en') {
        await expect(frame.getByRole('button', { name: 'Get OTP' })).toBeVisible();
        const provider = choice.provider === 'demo-irctc' ? 'Demo Rail Portal' : 'Demo Travel Agency';
        await expect(frame.getByText(provider).first()).toBeVisible();
      }

      const text = await snippet(page).textContent();
      expect(text).toContain(choice.provider);
      expect(text).toContain(choice.style === 'iframe' ? `lang=${choice.lang}` : choice.lang);
      expect(text).toContain(choice.style === 'iframe' ? `${hostOrigin}/frame.html?` : `${hostOrigin}/embed.js`);
      if (choice.theme !== 'Auto') expect(text).toContain(choice.theme.toLowerCase());
      else expect(text).not.toContain('theme');
    });
  }

  test('the snippets are the ones each style needs', async ({ page }) => {
    await page.goto(`${demoOrigin}/builder`);
    const base = { provider: 'demo-irctc', lang: 'hi', theme: 'Auto' } as const;
    await choose(page, { ...base, style: 'script' });
    await expect(snippet(page)).toHaveText(
      `<script src="${hostOrigin}/embed.js" async></script>\n<div class="kycvs" data-provider="demo-irctc" data-lang="hi"></div>`,
    );
    await choose(page, { ...base, style: 'written' });
    const written = `${hostOrigin}/frame.html?provider=demo-irctc&amp;origin=${encodeURIComponent(demoOrigin)}&amp;lang=hi`;
    await expect(snippet(page)).toHaveText(
      `<div class="kycvs" data-provider="demo-irctc" data-lang="hi">\n  <iframe title="Know Your Vaccination Status" allow="otp-credentials; web-share"\n    style="display:block;width:100%;border:0;height:360px"\n    src="${written}"></iframe>\n</div>\n<script src="${hostOrigin}/embed.js" async></script>`,
    );
    // The preview is that markup, adopted: one frame, with the address written, no instance.
    await expect(previewFrames(page)).toHaveCount(1);
    await expect(previewFrames(page)).toHaveAttribute('src', written.replaceAll('&amp;', '&'));
    await expect(previewFrames(page).contentFrame().getByRole('button', { name: /OTP/ })).toBeVisible();
    // For the agency's own page: its origin in the snippet, this page's still in the preview.
    await page.getByLabel("Your page's origin").fill('https://www.mytravels.in');
    await page.getByLabel("Your page's origin").press('Enter');
    await expect(snippet(page)).toContainText(`origin=${encodeURIComponent('https://www.mytravels.in')}&amp;lang=hi`);
    await expect(previewFrames(page)).toHaveAttribute('src', written.replaceAll('&amp;', '&'));
    // Anything but a bare origin is left out, and this page's is used.
    await page.getByLabel("Your page's origin").fill('https://www.mytravels.in/booking');
    await page.getByLabel("Your page's origin").press('Enter');
    await expect(snippet(page)).toContainText(`origin=${encodeURIComponent(demoOrigin)}&amp;lang=hi`);
    await page.getByLabel("Your page's origin").fill('');
    await page.getByLabel("Your page's origin").press('Enter');
    await choose(page, { ...base, style: 'element' });
    await expect(snippet(page)).toHaveText(
      `<script src="${hostOrigin}/embed.js" async></script>\n<kycvs-verify provider="demo-irctc" lang="hi"></kycvs-verify>`,
    );
    await choose(page, { ...base, style: 'js' });
    await expect(snippet(page)).toContainText(`KYCVS.render('#kycvs', {\n    provider: 'demo-irctc',\n    lang: 'hi',`);
    await choose(page, { ...base, style: 'iframe' });
    await expect(snippet(page)).toContainText(
      `src="${hostOrigin}/frame.html?provider=demo-irctc&amp;origin=${encodeURIComponent(demoOrigin)}&amp;lang=hi&amp;instance=kycvs-1"`,
    );
    await expect(snippet(page)).toContainText(`event.origin !== '${hostOrigin}'`);
  });

  test('the React style writes <KycvsVerify> from kycvs/react and previews the same widget', async ({ page }) => {
    await page.goto(`${demoOrigin}/builder`);
    await choose(page, { provider: 'demo-irctc', lang: 'hi', theme: 'Dark', style: 'react' });
    await expect(page.locator('.builder-preview')).toHaveAttribute('data-style', 'react');
    const text = snippet(page);
    await expect(text).toContainText("import { KycvsVerify } from 'kycvs/react';");
    await expect(text).toContainText(
      `<KycvsVerify\n      host="${hostOrigin}"\n      provider="demo-irctc"\n      lang="hi"\n      theme="dark"\n      onResult={(result) => {`,
    );
    await expect(text).toContainText('onExpired={() => {');
    await expect(text).not.toContainText('embed.js');
    await expect(page.getByText('The preview is the same widget')).toBeVisible();
    await expect(page.getByRole('link', { name: 'React page' })).toHaveAttribute('href', '/react');

    await expect(previewFrames(page)).toHaveCount(1);
    const src = new URL((await previewFrames(page).getAttribute('src'))!);
    expect(src.searchParams.get('provider')).toBe('demo-irctc');
    await expect(previewFrames(page).contentFrame().locator('html')).toHaveAttribute('lang', 'hi');
    await expect(previewFrames(page).contentFrame().locator('html')).toHaveAttribute('data-theme', 'dark');

    const action = page.getByLabel('Action label (optional)');
    await action.fill('booking');
    await action.press('Tab');
    await expect(text).toContainText('theme="dark"\n      action="booking"\n');
    await page.getByRole('radio', { name: styleLabel.script }).check();
    await expect(page.getByText('The preview is the same widget')).toBeHidden();
  });

  test('the action label and the expired callback reach the snippet and the preview once valid', async ({ page }) => {
    await page.goto(`${demoOrigin}/builder`);
    await page.getByRole('radio', { name: /demo-test/ }).check();
    const action = page.getByLabel('Action label (optional)');
    // Not a label yet: left out of both.
    await action.fill('not a label!');
    await action.press('Tab');
    await expect(snippet(page)).not.toContainText('data-action');
    await action.fill('booking');
    await action.press('Tab');
    await page.getByLabel('Function to call when the result expires (optional)').fill('onKycvsExpired');
    await page.getByLabel('Function to call when the result expires (optional)').press('Tab');
    await expect(snippet(page)).toContainText(
      '<div class="kycvs" data-provider="demo-test" data-lang="en" data-action="booking" data-expired-callback="onKycvsExpired"></div>',
    );
    await expect(snippet(page)).toContainText('function onKycvsExpired() {}');
    await expect(previewFrames(page)).toHaveCount(1);
    const src = new URL((await previewFrames(page).getAttribute('src'))!);
    expect(src.searchParams.get('provider')).toBe('demo-test');
    expect(src.searchParams.get('action')).toBe('booking');

    await page.getByRole('radio', { name: styleLabel.js }).check();
    await expect(snippet(page)).toContainText("action: 'booking',");
    await expect(snippet(page)).toContainText('onExpired()');
    await expect(snippet(page)).toContainText('onEvent(event)');
    await page.getByRole('radio', { name: styleLabel.iframe }).check();
    await expect(snippet(page)).toContainText('&amp;action=booking');
    await expect(snippet(page)).toContainText("m.type === 'expired'");
  });

  test('switching destroys the previous preview: one widget at a time', async ({ page, messages }) => {
    test.slow(); // six frames load one after another
    const ended = await recordHandles(page);
    await page.goto(`${demoOrigin}/builder`);
    const styles: Style[] = ['js', 'element', 'iframe', 'script', 'element', 'js'];
    for (const style of styles) {
      await page.getByRole('radio', { name: styleLabel[style] }).check();
      await expect(previewFrames(page)).toHaveCount(1);
      await expect(previewFrames(page).contentFrame().getByRole('button', { name: 'Get OTP' })).toBeVisible();
      await expect(page.locator('.builder-preview')).toHaveAttribute('data-style', style);
      await expect(page.locator('.builder-preview > *')).toHaveCount(1);
      await expect(page.locator('kycvs-verify')).toHaveCount(style === 'element' ? 1 : 0);
      // The host's form shows before the frame's script has run and said ready: wait for that too.
      if (style === 'iframe') {
        const fromDirect = async () =>
          (await messages.ofType('ready')).some((m) => (m.data as { instance: string }).instance === 'kycvs-1');
        await expect.poll(fromDirect).toBe(true);
      }
    }
    // Each handle the builder got from KYCVS.render (the first preview, then js, script, js) was
    // destroyed before the next render, so its result was rejected with DESTROYED; the last one lives.
    await expect.poll(ended).toEqual(['DESTROYED', 'DESTROYED', 'DESTROYED', 'live']);

    // The direct iframe's own listener heard its frame, from the host only.
    const ready = await messages.ofType('ready');
    expect(ready.some((m) => (m.data as { instance: string }).instance === 'kycvs-1')).toBe(true);
    expect(ready.every((m) => m.origin === hostOrigin)).toBe(true);
  });

  test('copies the snippet to the clipboard', async ({ page, context }) => {
    await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: demoOrigin });
    await page.goto(`${demoOrigin}/builder`);
    await choose(page, { provider: 'demo-irctc', lang: 'mr', theme: 'Light', style: 'element' });
    await page.getByRole('button', { name: 'Copy snippet' }).click();
    await expect(page.getByRole('status')).toHaveText('Copied.');
    const copied = await page.evaluate(() => navigator.clipboard.readText());
    expect(copied).toBe(await snippet(page).textContent());
    expect(copied).toContain('<kycvs-verify provider="demo-irctc" lang="mr" theme="light"></kycvs-verify>');
  });

  test('is reachable from the demo index, and every control has a name', async ({ page }) => {
    test.slow(); // axe
    await page.goto(`${demoOrigin}/`);
    await page.getByRole('link', { name: 'Snippet builder' }).click();
    await expect(page.getByRole('heading', { name: 'Snippet builder' })).toBeVisible();
    for (const group of ['Provider', 'Theme', 'Embedding style']) {
      await expect(page.getByRole('group', { name: group })).toBeVisible();
    }
    await expect(page.getByRole('radio')).toHaveCount(12);
    await expect(page.getByLabel('Language').locator('option')).toHaveCount(12);
    // Keyboard: the provider radios are one tab stop, and arrows move between them.
    await page.getByRole('radio', { name: /demo-travel/ }).focus();
    await page.keyboard.press('ArrowDown');
    await expect(page.getByRole('radio', { name: /demo-irctc/ })).toBeFocused();
    await expect(page.getByRole('radio', { name: /demo-irctc/ })).toBeChecked();
    await expect(snippet(page)).toContainText('data-provider="demo-irctc"');
    await expectAccessiblePage(page);
  });
});

test.describe('travel agency back office', () => {
  /** The travel page's form, posted with hidden fields of the test's choosing instead of the widget's. */
  async function postBooking(page: Page, fields: Record<string, string>) {
    await page.goto(`${demoOrigin}/travel`);
    // The widget first, so that its frame has its height and the button stays where it is clicked.
    await expect(widgetFrame(page).getByRole('button', { name: 'Get OTP' })).toBeVisible();
    await page.evaluate((values) => {
      const form = document.querySelector('form')!;
      for (const [name, value] of Object.entries(values)) {
        const input = Object.assign(document.createElement('input'), { type: 'hidden', name, value });
        form.append(input);
      }
    }, fields);
    // By keyboard: the widget above may still grow (its language picker loads after it), and a
    // click aimed before that would land beside the moved button.
    await page.getByRole('button', { name: 'Confirm booking' }).press('Enter');
    await page.waitForURL(`${demoOrigin}/booking`);
    await expect(page.getByRole('heading', { name: 'Booking received' })).toBeVisible();
  }

  test('a booking with no check is refused', async ({ page }) => {
    await postBooking(page, {});
    await expect(page.locator('#verdict')).toHaveAttribute('data-verdict', 'refused');
    await expect(page.locator('#verdict')).toContainText('Refused: no vaccination check was done');
  });

  test('a made-up token with a hopeful status field is refused, and the field is not believed', async ({ page }) => {
    test.slow(); // axe
    await postBooking(page, { 'kycvs-token': 'eyJhbGciOiJFUzI1NiJ9.e30.forged', 'kycvs-status': 'FULLY_VACCINATED' });
    await expect(page.locator('#verdict')).toHaveAttribute('data-verdict', 'refused');
    await expect(page.locator('#verdict-reason')).toHaveAttribute('data-code', /MALFORMED|BAD_SIGNATURE/);
    await expect(page.locator('#received-status')).toHaveText('FULLY_VACCINATED');
    await expect(page.locator('#verdict-status')).toHaveCount(0);
    await expect(page.getByText('The office must rely on this one')).toBeVisible();
    await expectAccessiblePage(page);
  });

  test('a well-formed token signed by someone else is refused', async ({ page }) => {
    const { privateKey } = await generateKeyPair('ES256');
    const now = Math.floor(Date.now() / 1000);
    const forged = await new SignJWT({ status: 'FULLY_VACCINATED', vs: 2 })
      .setProtectedHeader({ alg: 'ES256', typ: 'kycvs-status+jwt', kid: 'attacker' })
      .setIssuer(hostOrigin)
      .setAudience('demo-travel')
      .setSubject('someone')
      .setIssuedAt(now)
      .setExpirationTime(now + 300)
      .setJti(crypto.randomUUID())
      .sign(privateKey);

    await postBooking(page, { 'kycvs-token': forged, 'kycvs-status': 'FULLY_VACCINATED' });
    await expect(page.locator('#verdict')).toHaveAttribute('data-verdict', 'refused');
    await expect(page.locator('#verdict-reason')).toHaveAttribute('data-code', 'UNKNOWN_KEY');
    await expect(page.locator('#verdict')).toContainText('a key the CoWIN host does not publish');
  });
});
