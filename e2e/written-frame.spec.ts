import type { Page } from '@playwright/test';
import type { KycvsGlobal } from '../widget/loader/types';
import { demoOrigin, expect, hostOrigin, openJsApiPage, test, verifyTestIdentity, widgetFrame } from './fixtures';

// The frame written into the page (docs/portals.md): the page holds the iframe itself, so that
// frame.html is requested with the page rather than after embed.js, and the loader adopts it.

type Window = typeof window & { KYCVS: KycvsGlobal };

/** frame.html's address as the snippet builder writes it for this page: no instance, the default ''. */
const writtenSrc = (provider: string, origin = demoOrigin) =>
  `${hostOrigin}/frame.html?${new URLSearchParams({ provider, origin, lang: 'en' })}`;

/** Every frame.html request the page and its frames make. */
function frameRequests(page: Page): string[] {
  const urls: string[] = [];
  page.on('request', (request) => {
    if (new URL(request.url()).pathname === '/frame.html') urls.push(request.url());
  });
  return urls;
}

test('the counter page: one frame.html, asked for with the page, and one widget in the form', async ({
  page,
  messages,
}) => {
  await page.addInitScript(() => {
    const heard: string[] = [];
    Object.defineProperty(window, '__kycvsEvents', { value: heard });
    for (const type of ['ready', 'step', 'error'])
      document.addEventListener('kycvs:' + type, () => heard.push(type), { capture: true });
  });
  const requested = frameRequests(page);
  await page.goto(`${demoOrigin}/counter`);
  const container = page.locator('form .kycvs[data-provider="demo-travel"]');
  await expect(widgetFrame(page).getByLabel('Full name')).toBeEditable();
  await expect(container.locator('iframe')).toHaveCount(1);

  // Whether embed.js ran before the frame said ready or after it, the loader hears it once.
  const heard = () => page.evaluate(() => (window as unknown as { __kycvsEvents: string[] }).__kycvsEvents);
  await expect.poll(heard).toEqual(['ready']);
  expect(requested).toEqual([writtenSrc('demo-travel')]);
  // The frame's messages go to this page's origin, for the default instance.
  for (const { origin, data } of await messages.ofType('ready')) {
    expect(origin).toBe(hostOrigin);
    expect(data).toMatchObject({ instance: '' });
  }
});

test('a loader that comes after the frame said ready says hello, and drives the widget as its own', async ({
  page,
  messages,
}) => {
  await openJsApiPage(page);
  const requested = frameRequests(page);
  // The frame as a page writes it, in a form, its first height the page's guess; no loader on it yet.
  await page.evaluate((src) => {
    const form = document.createElement('form');
    form.innerHTML = `<div id="written"><iframe title="Know Your Vaccination Status" style="height:50px" src="${src}"></iframe></div>`;
    // At the top: Chromium renders no cross-site frame out of view, so it would measure no height.
    document.body.prepend(form);
  }, writtenSrc('demo-test'));
  await expect(widgetFrame(page).getByLabel('Full name')).toBeEditable();
  await expect.poll(async () => (await messages.ofType('ready')).length).toBe(1);
  await expect.poll(async () => (await messages.ofType('resize')).length).toBeGreaterThan(0);
  const resizesBefore = (await messages.ofType('resize')).length;

  await page.evaluate(() => {
    const log: unknown[] = [];
    Object.defineProperty(window, '__log', { value: log });
    const frame = document.querySelector('#written iframe')!;
    (frame as HTMLElement).dataset.mark = 'written';
    const handle = (window as Window).KYCVS.render('#written', {
      provider: 'demo-test',
      onEvent: (event) => log.push(['event', event]),
      onResult: (result) => log.push(['result', result.status]),
    });
    Object.defineProperty(window, '__handle', { value: handle });
  });
  const log = () => page.evaluate(() => (window as unknown as { __log: unknown[] }).__log);

  // The frame answered with its ready and its height again; the loader took both.
  await expect.poll(log).toEqual([['event', { type: 'ready' }]]);
  expect(await messages.ofType('ready')).toHaveLength(2);
  // A first ready still on its way when the answer to hello comes is heard once: the frame posts
  // a second one and then a marker, which arrive in order; only the marker is new.
  const frameWindow = page.frames().find((f) => f.url().startsWith(`${hostOrigin}/frame.html`))!;
  await frameWindow.evaluate((origin) => {
    const envelope = { ns: 'kycvs', v: 1, instance: '' };
    parent.postMessage({ ...envelope, type: 'ready', data: {} }, origin);
    parent.postMessage({ ...envelope, type: 'event', data: { type: 'otp_resent' } }, origin);
  }, demoOrigin);
  await expect.poll(log).toEqual([
    ['event', { type: 'ready' }],
    ['event', { type: 'otp_resent' }],
  ]);
  expect((await messages.ofType('resize')).length).toBeGreaterThan(resizesBefore);
  // The page's guess of 50 px gave way to the frame's own height, as the frame last reported it.
  const iframe = page.locator('#written iframe');
  const lastHeight = async () => {
    const { data } = (await messages.ofType('resize')).at(-1)!.data as { data: { height: number } };
    return `${Math.min(4000, Math.max(100, Math.ceil(data.height)))}px`;
  };
  await expect
    .poll(async () => (await iframe.evaluate((el) => (el as HTMLElement).style.height)) === (await lastHeight()))
    .toBe(true);
  // The same element, never a second frame or a second load.
  await expect(page.locator('#written iframe')).toHaveCount(1);
  await expect(iframe).toHaveAttribute('data-mark', 'written');
  expect(requested).toHaveLength(1);

  // A whole verification through the adopted frame: events, the result, the form's hidden fields.
  await verifyTestIdentity(widgetFrame(page), '9999999901');
  await expect(widgetFrame(page).getByText('Fully vaccinated', { exact: true })).toBeVisible();
  await expect.poll(log).toContainEqual(['result', 'FULLY_VACCINATED']);
  await expect(page.locator('#written input[name="kycvs-status"]')).toHaveValue('FULLY_VACCINATED');

  // reset() reaches the adopted frame (its instance, the default ''); destroy() removes it.
  await page.evaluate(() => (window as unknown as { __handle: { reset(): void } }).__handle.reset());
  await expect(widgetFrame(page).getByLabel('Full name')).toBeEditable();
  await expect(page.locator('#written input[name="kycvs-status"]')).toHaveValue('');
  await page.evaluate(() => (window as unknown as { __handle: { destroy(): void } }).__handle.destroy());
  await expect(page.locator('#written iframe')).toHaveCount(0);
});

test('a container without a written frame still gets the loader’s own, once', async ({ page }) => {
  await openJsApiPage(page);
  const requested = frameRequests(page);
  await page.evaluate(() => {
    document.body.insertAdjacentHTML('beforeend', '<div id="empty"></div>');
    (window as Window).KYCVS.render('#empty', { provider: 'demo-test' });
  });
  await expect(widgetFrame(page).getByLabel('Full name')).toBeEditable();
  await expect(page.locator('#empty iframe')).toHaveCount(1);
  expect(requested).toHaveLength(1);
  expect(new URL(requested[0]!).searchParams.get('instance')).toMatch(/^[0-9a-z]+$/);
});

test('a page that arrives in parts: embed.js waits for the container to close, then adopts its frame', async ({
  page,
}) => {
  // When the frame went into the page, was the loader already running?
  await page.addInitScript(() => {
    const seen: boolean[] = [];
    Object.defineProperty(window, '__loaderBeforeFrame', { value: seen });
    new MutationObserver((records) => {
      for (const record of records)
        record.addedNodes.forEach((node) => node.nodeName === 'IFRAME' && seen.push('KYCVS' in window));
    }).observe(document, { childList: true, subtree: true });
  });
  const requested = frameRequests(page);
  await page.goto(`${demoOrigin}/streamed`);
  await expect(widgetFrame(page).getByLabel('Full name')).toBeEditable();
  const before = () =>
    page.evaluate(() => (window as unknown as { __loaderBeforeFrame: boolean[] }).__loaderBeforeFrame);
  // One frame only, the page's own, and embed.js had run before the parser reached it.
  expect(await before()).toEqual([true]);
  await expect(page.locator('.kycvs iframe')).toHaveCount(1);
  expect(requested).toEqual([writtenSrc('demo-test')]);
  // And it is the loader's widget: a whole verification reaches the page.
  await page.evaluate(() => {
    const log: string[] = [];
    Object.defineProperty(window, '__results', { value: log });
    document
      .querySelector('.kycvs')!
      .addEventListener('kycvs:result', (e) => log.push((e as CustomEvent).detail.status));
  });
  await verifyTestIdentity(widgetFrame(page), '9999999903');
  await expect
    .poll(() => page.evaluate(() => (window as unknown as { __results: string[] }).__results))
    .toEqual(['NOT_VACCINATED']);
});
