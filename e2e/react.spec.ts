import type { FrameLocator, Locator, Page } from '@playwright/test';
import { demoOrigin, expect, hostOrigin, test, verifyTestIdentity } from './fixtures';

// kycvs/react on a real React page (the demo site's /react, demo/react/): React's development
// build in StrictMode, so every effect mounts, unmounts and mounts again, and React's own fast
// refresh. Whatever the page does, each widget is one iframe and one `message` listener, and an
// unmounted one leaves neither. The test provider (no SMS) answers; its mobiles are stateless.

test.describe.configure({ timeout: 60_000 });

interface Counts {
  /** kycvs iframes in the page now. */
  iframes: number;
  /** kycvs iframes ever put into the page. */
  inserted: number;
  /** `message` listeners on window now. */
  listeners: number;
  /** `message` listeners ever added to window. */
  added: number;
}
type Window = typeof window & { __counts(): Counts };

/** Counts, before any script of the page runs, the iframes and `message` listeners it gets. */
function instrument() {
  const w = window as unknown as Record<string, unknown>;
  const live = new Set<unknown>();
  let added = 0;
  let inserted = 0;
  const add = window.addEventListener.bind(window);
  const remove = window.removeEventListener.bind(window);
  w.addEventListener = (type: string, listener: EventListener, options?: AddEventListenerOptions) => {
    if (type === 'message') {
      added++;
      live.add(listener);
    }
    add(type, listener, options);
  };
  w.removeEventListener = (type: string, listener: EventListener, options?: EventListenerOptions) => {
    if (type === 'message') live.delete(listener);
    remove(type, listener, options);
  };
  const isWidget = (node: Node) => node instanceof HTMLIFrameElement && node.src.includes('/frame.html');
  new MutationObserver((records) => {
    for (const record of records) for (const node of record.addedNodes) if (isWidget(node)) inserted++;
  }).observe(document, { childList: true, subtree: true });
  w.__counts = (): Counts => ({
    iframes: [...document.querySelectorAll('iframe')].filter(isWidget).length,
    inserted,
    listeners: live.size,
    added,
  });
}

const counts = (page: Page) => page.evaluate(() => (window as Window).__counts());

const component = (page: Page) => page.locator('#component-slot iframe');
const hook = (page: Page) => page.locator('#hook-slot iframe');
const frameOf = (iframe: Locator): FrameLocator => iframe.contentFrame();
const log = (page: Page) => page.locator('.component-log li');
const hookState = (page: Page) => page.locator('.hook-state');

/** The React page, both widgets loaded (the component's and the hook's). */
async function openReactPage(page: Page) {
  await page.addInitScript(instrument);
  await page.goto(`${demoOrigin}/react`);
  await expect(page.getByRole('heading', { name: 'React: kycvs/react' })).toBeVisible();
  await expect(frameOf(component(page)).getByRole('button', { name: 'Get OTP' })).toBeVisible();
  await expect(frameOf(hook(page)).getByRole('button', { name: 'Get OTP' })).toBeVisible();
}

/** A mark on an iframe element, to tell later whether it is still the same one. */
const mark = (iframe: Locator) => iframe.evaluate((el) => el.setAttribute('data-test-mark', 'first'));

test('StrictMode: each widget is one iframe and one listener', async ({ page }) => {
  await openReactPage(page);
  // StrictMode calls the ref and the effects twice on mount: the element reaches the hook's state
  // once, so render() ran once per widget, and no iframe was made beyond the two.
  expect(await counts(page)).toEqual({ iframes: 2, inserted: 2, listeners: 2, added: 2 });
  await expect(frameOf(component(page)).locator('html')).toHaveAttribute('lang', 'en');
  const src = new URL((await component(page).getAttribute('src'))!);
  expect(src.origin).toBe(hostOrigin);
  expect(src.searchParams.get('provider')).toBe('demo-test');
  expect(src.searchParams.get('origin')).toBe(demoOrigin);
  await expect(log(page)).toHaveText(['onEvent ready']);
  await expect(hookState(page)).toHaveText('details');
});

test('unmounting destroys the widget, and mount/unmount cycles leave nothing behind', async ({ page }) => {
  await openReactPage(page);
  const show = page.getByRole('checkbox', { name: 'Show the widget' });
  for (let cycle = 0; cycle < 5; cycle++) {
    await show.uncheck();
    await expect(component(page)).toHaveCount(0);
    expect(await counts(page)).toMatchObject({ iframes: 1, listeners: 1 });
    await show.check();
    await expect(frameOf(component(page)).getByRole('button', { name: 'Get OTP' })).toBeVisible();
    expect(await counts(page)).toMatchObject({ iframes: 2, listeners: 2 });
  }
  // Each remount cost one iframe: StrictMode's double effect never shows twice.
  expect(await counts(page)).toMatchObject({ inserted: 2 + 5 });
  await show.uncheck();
  expect(await counts(page)).toMatchObject({ iframes: 1, listeners: 1 });
});

test('new inline callbacks each render keep the widget; the latest callback hears the result', async ({ page }) => {
  await openReactPage(page);
  await mark(component(page));
  const renderAgain = page.getByRole('button', { name: /^Render again/ });
  await renderAgain.click();
  await renderAgain.click();
  await expect(renderAgain).toHaveText('Render again (3)');
  await expect(page.locator('iframe[data-test-mark="first"]')).toHaveCount(1);
  expect(await counts(page)).toMatchObject({ iframes: 2, inserted: 2, listeners: 2 });

  await verifyTestIdentity(frameOf(component(page)), '9999999901');
  await expect(frameOf(component(page)).getByRole('heading', { name: 'Fully vaccinated' })).toBeVisible();
  await expect(log(page)).toContainText(['onResult FULLY_VACCINATED (render 3)']);
  await expect(log(page).filter({ hasText: 'onResult' })).toHaveCount(1);
});

test('a new language or provider renders a new widget in place of the old one', async ({ page }) => {
  await openReactPage(page);
  await mark(component(page));
  await page.getByLabel('Language').selectOption('hi');
  await expect(frameOf(component(page)).locator('html')).toHaveAttribute('lang', 'hi');
  await expect(frameOf(component(page)).getByRole('button', { name: 'OTP पाएँ' })).toBeVisible();
  await expect(page.locator('iframe[data-test-mark="first"]')).toHaveCount(0);
  expect(await counts(page)).toMatchObject({ iframes: 2, inserted: 3, listeners: 2 });

  await page.getByLabel('Provider').selectOption('demo-travel');
  await expect(frameOf(component(page)).getByText('Demo Travel Agency').first()).toBeVisible();
  expect(new URL((await component(page).getAttribute('src'))!).searchParams.get('lang')?.split(',')[0]).toBe('hi');
  expect(await counts(page)).toMatchObject({ iframes: 2, inserted: 4, listeners: 2 });
});

test('useKycvs() gives a form its state, the result and a reset; the hidden fields ride along', async ({ page }) => {
  await openReactPage(page);
  const book = page.getByRole('button', { name: 'Book', exact: true });
  await expect(hookState(page)).toHaveText('details');
  await expect(book).toBeDisabled();

  const frame = frameOf(hook(page));
  await frame.getByLabel('Full name').fill('Test Person');
  await frame.getByLabel('Mobile number').fill('9999999902');
  await frame.getByRole('button', { name: 'Get OTP' }).click();
  await expect(hookState(page)).toHaveText('otp');
  await frame.getByLabel('OTP', { exact: true }).fill('000000');
  await frame.getByRole('button', { name: 'Verify' }).click();

  await expect(hookState(page)).toHaveText('verified');
  await expect(page.locator('.hook-result')).toHaveText('PARTIALLY_VACCINATED');
  await expect(page.locator('form.booking input[name="kycvs-token"]')).toHaveValue(/^ey/);
  await book.click();
  await expect(page.getByRole('status').filter({ hasText: 'Booked' })).toHaveText(
    'Booked with a PARTIALLY_VACCINATED result.',
  );

  await page.getByRole('button', { name: 'Next person' }).click();
  await expect(hookState(page)).toHaveText('details');
  await expect(page.locator('.hook-result')).toHaveText('none');
  await expect(book).toBeDisabled();
  await expect(page.locator('form.booking input[name="kycvs-token"]')).toHaveValue('');
  await expect(frame.getByLabel('Full name')).toHaveValue('');
  expect(await counts(page)).toMatchObject({ iframes: 2, inserted: 2, listeners: 2 });
});

/** A verified booking in the hook's form; returns the "Booked" status line. */
async function book(page: Page, mobile: string, status: string) {
  await verifyTestIdentity(frameOf(hook(page)), mobile);
  await expect(hookState(page)).toHaveText('verified');
  await page.getByRole('button', { name: 'Book', exact: true }).click();
  const booked = page.getByRole('status').filter({ hasText: 'Booked' });
  await expect(booked).toHaveText(`Booked with a ${status} result.`);
  return booked;
}

test('fast refresh: an edit that keeps the hooks keeps the widget; one that changes them makes one anew', async ({
  page,
}) => {
  await openReactPage(page);
  const booked = await book(page, '9999999903', 'NOT_VACCINATED');
  await mark(hook(page));

  // Same hooks: React re-renders the edited component with its state. (Under StrictMode, React
  // 19.3 compares the effects' dependencies again in its second render, so the widget's effect,
  // whose dependencies did not change, does not run again: the same widget, the same result.)
  await page.getByRole('button', { name: 'Edit, same hooks' }).click();
  await page.getByRole('button', { name: 'Edit, same hooks' }).click();
  await expect(hookState(page)).toHaveText('verified');
  await expect(booked).toHaveText('Booked with a NOT_VACCINATED result.');
  await expect(page.locator('iframe[data-test-mark="first"]')).toHaveCount(1);
  expect(await counts(page)).toMatchObject({ iframes: 2, inserted: 2, listeners: 2 });

  // Hooks changed: React remounts it, so the old widget is destroyed and a new one starts at its form.
  await page.getByRole('button', { name: 'Edit, hooks changed' }).click();
  await expect(page.locator('iframe[data-test-mark="first"]')).toHaveCount(0);
  await expect(frameOf(hook(page)).getByRole('button', { name: 'Get OTP' })).toBeVisible();
  await expect(hookState(page)).toHaveText('details');
  await expect(booked).toHaveCount(0);
  expect(await counts(page)).toMatchObject({ iframes: 2, inserted: 3, listeners: 2 });
});

test('<Activity mode="hidden"> cleans the widget\'s effect up and showing it again renders one widget', async ({
  page,
}) => {
  await openReactPage(page);
  const booked = await book(page, '9999999901', 'FULLY_VACCINATED');
  const background = page.getByRole('checkbox', { name: /Keep the booking form in the background/ });
  for (let cycle = 0; cycle < 3; cycle++) {
    await background.check();
    await expect(hook(page)).toHaveCount(0);
    expect(await counts(page)).toMatchObject({ iframes: 1, listeners: 1 });
    await background.uncheck();
    await expect(frameOf(hook(page)).getByRole('button', { name: 'Get OTP' })).toBeVisible();
    expect(await counts(page)).toMatchObject({ iframes: 2, listeners: 2 });
  }
  // The form's own state outlived its effects; the widget is a new one, at its form.
  await expect(booked).toHaveText('Booked with a FULLY_VACCINATED result.');
  await expect(hookState(page)).toHaveText('details');
  expect(await counts(page)).toMatchObject({ inserted: 2 + 3 });
});
