import type { Page } from '@playwright/test';
import type { KycvsGlobal, KycvsHandle } from '../widget/loader/types';
import { demoOrigin, expect, hostOrigin, test } from './fixtures';

// Several tests here load three frames, or make dozens of iframes: room for a busy machine.
test.describe.configure({ timeout: 60_000 });

type Counts = Record<
  'iframes' | 'messageListeners' | 'timeouts' | 'intervals' | 'frames' | 'mutation' | 'resize',
  number
>;
type Window = typeof window & { KYCVS: KycvsGlobal; __counts(): Counts; handles: KycvsHandle[] };

/**
 * Counts, on the page itself, what a widget could leave behind: iframes, `message` listeners on
 * window, pending timeouts, intervals and animation frames, and Mutation/ResizeObservers still
 * observing (those that kycvs's scripts, from `host`, made: Playwright keeps one of its own).
 * Installed before any script of the page runs.
 */
function instrument(host: string) {
  const ours = () => (new Error().stack ?? '').includes(host + '/');
  const w = window as unknown as Record<string, unknown>;
  const listeners = new Set<unknown>();
  const pending = { timeouts: new Set<number>(), intervals: new Set<number>(), frames: new Set<number>() };
  const observing = { mutation: new Set<object>(), resize: new Map<object, Set<Element>>() };

  const add = window.addEventListener.bind(window);
  const remove = window.removeEventListener.bind(window);
  w.addEventListener = (type: string, listener: EventListener, options?: AddEventListenerOptions) => {
    if (type === 'message') listeners.add(listener);
    add(type, listener, options);
  };
  w.removeEventListener = (type: string, listener: EventListener, options?: EventListenerOptions) => {
    if (type === 'message') listeners.delete(listener);
    remove(type, listener, options);
  };

  const { setTimeout: st, clearTimeout: ct, setInterval: si, clearInterval: ci } = window;
  const { requestAnimationFrame: raf, cancelAnimationFrame: caf } = window;
  w.setTimeout = (fn: () => void, ms?: number, ...args: unknown[]) => {
    const id: number = st(() => {
      pending.timeouts.delete(id);
      fn(...(args as []));
    }, ms);
    pending.timeouts.add(id);
    return id;
  };
  w.clearTimeout = (id: number) => {
    pending.timeouts.delete(id);
    ct(id);
  };
  w.setInterval = (fn: () => void, ms?: number) => {
    const id: number = si(fn, ms);
    pending.intervals.add(id);
    return id;
  };
  w.clearInterval = (id: number) => {
    pending.intervals.delete(id);
    ci(id);
  };
  w.requestAnimationFrame = (fn: FrameRequestCallback) => {
    const id = raf((time) => {
      pending.frames.delete(id);
      fn(time);
    });
    pending.frames.add(id);
    return id;
  };
  w.cancelAnimationFrame = (id: number) => {
    pending.frames.delete(id);
    caf(id);
  };

  w.MutationObserver = class extends MutationObserver {
    override observe(target: Node, options?: MutationObserverInit) {
      if (ours()) observing.mutation.add(this);
      super.observe(target, options);
    }
    override disconnect() {
      observing.mutation.delete(this);
      super.disconnect();
    }
  };
  w.ResizeObserver = class extends ResizeObserver {
    override observe(target: Element, options?: ResizeObserverOptions) {
      if (ours()) observing.resize.set(this, (observing.resize.get(this) ?? new Set()).add(target));
      super.observe(target, options);
    }
    override unobserve(target: Element) {
      observing.resize.get(this)?.delete(target);
      super.unobserve(target);
    }
    override disconnect() {
      observing.resize.delete(this);
      super.disconnect();
    }
  };

  w.__counts = () => ({
    iframes: document.querySelectorAll('iframe').length,
    messageListeners: listeners.size,
    timeouts: pending.timeouts.size,
    intervals: pending.intervals.size,
    frames: pending.frames.size,
    mutation: observing.mutation.size,
    resize: [...observing.resize.values()].filter((targets) => targets.size).length,
  });
}

/**
 * A page of the demo site's origin (registered for the demo providers) holding a form, `body`, and
 * then embed.js, unless told otherwise. It starts as a file the demo server serves (a page from
 * the loopback address: Chromium lets only those load scripts from 127.0.0.1), with no script of
 * its own, so that the counts are the widget's alone.
 */
async function openBlankPage(page: Page, body = '', { embed = true } = {}) {
  await page.addInitScript(instrument, hostOrigin);
  await page.goto(`${demoOrigin}/assets/demo.css`);
  await page.evaluate((body) => {
    document.documentElement.lang = 'en';
    document.documentElement.innerHTML = `<head><title>kycvs lifecycles</title></head><body><form id="form"><div id="slot"></div></form>${body}</body>`;
  }, body);
  if (embed) await page.addScriptTag({ url: `${hostOrigin}/embed.js` });
}

const counts = (page: Page) => page.evaluate(() => (window as Window).__counts());

test('500 render/destroy cycles leave no iframe, listener, timer or observer behind', async ({ page }) => {
  await openBlankPage(page);
  const before = await counts(page);
  // The loader's one MutationObserver, started once, is all there is before any widget.
  expect(before).toEqual({
    iframes: 0,
    messageListeners: 0,
    timeouts: 0,
    intervals: 0,
    frames: 0,
    mutation: 1,
    resize: 0,
  });

  // The instruments see a live widget: an iframe (in from the next microtask), a listener and the ready timer.
  const live = await page.evaluate(async () => {
    const w = window as Window;
    w.handles = [w.KYCVS.render('#slot', { provider: 'demo-travel' })];
    await Promise.resolve();
    return w.__counts();
  });
  expect(live).toMatchObject({ iframes: 1, messageListeners: 1, timeouts: 1 });

  const after = await page.evaluate(async () => {
    const w = window as Window;
    w.handles[0]!.destroy();
    const slot = document.querySelector('#slot')!;
    // 450 destroyed in the task that rendered them (no iframe is ever made for those), and 50 whose
    // iframe is in the page and has begun to load (each costs the browser a frame: fewer keep it fast).
    for (let i = 0; i < 500; i++) {
      const handle = w.KYCVS.render(slot, { provider: i % 2 ? 'demo-travel' : 'demo-irctc', lang: 'hi' });
      if (i % 10 === 0) await Promise.resolve();
      handle.destroy();
    }
    return { ...w.__counts(), inputs: document.querySelectorAll('#form input').length };
  });
  expect(after).toEqual({ ...before, inputs: 0 });
});

test('<kycvs-verify> and .kycvs elements added and removed 25 times each leave nothing behind', async ({ page }) => {
  await openBlankPage(page);
  const before = await counts(page);
  const seen = await page.evaluate(async () => {
    const w = window as Window;
    const form = document.querySelector('#form')!;
    let rendered = 0;
    // Each of these iframes has begun to load by the time it is removed: fewer cycles keep it fast.
    for (let i = 0; i < 25; i++) {
      const element = document.createElement('kycvs-verify');
      element.setAttribute('provider', 'demo-travel');
      const div = document.createElement('div');
      div.className = 'kycvs';
      div.dataset.provider = 'demo-irctc';
      form.append(element, div);
      // Rendered in a microtask: the custom element gathers its attributes, the observer its records.
      await Promise.resolve();
      await Promise.resolve();
      rendered += element.querySelectorAll('iframe').length + div.querySelectorAll('iframe').length;
      element.remove();
      div.remove();
      await Promise.resolve();
    }
    return { rendered, ...w.__counts() };
  });
  expect(seen).toEqual({ rendered: 50, ...before });
});

test('several widgets on one page each get their own frame, events and height', async ({ page }) => {
  await openBlankPage(
    page,
    `<div class="kycvs" id="a" data-provider="demo-travel"></div>
     <div class="kycvs" id="b" data-provider="demo-irctc" data-lang="hi"></div>
     <kycvs-verify id="c" provider="demo-travel" theme="dark"></kycvs-verify>`,
    { embed: false },
  );
  // Listening before embed.js runs: a frame can say `ready` before the script tag's load resolves here.
  await page.evaluate(() => {
    (window as unknown as { seen: string[] }).seen = [];
    for (const type of ['kycvs:ready', 'kycvs:step']) {
      document.addEventListener(type, (event) =>
        (window as unknown as { seen: string[] }).seen.push(`${(event.target as Element).id} ${event.type}`),
      );
    }
  });
  await page.addScriptTag({ url: `${hostOrigin}/embed.js` });
  await expect(page.locator('iframe')).toHaveCount(3);
  const instances = await page
    .locator('iframe')
    .evaluateAll((frames) => frames.map((f) => new URL((f as HTMLIFrameElement).src).searchParams.get('instance')));
  expect(new Set(instances).size).toBe(3);

  const seen = () => page.evaluate(() => (window as unknown as { seen: string[] }).seen.slice().sort());
  await expect.poll(seen).toEqual(['a kycvs:ready', 'b kycvs:ready', 'c kycvs:ready']);

  // One widget moves on (an unregistered mobile gets the same OTP step: no enumeration); only its
  // container hears of it, and each iframe keeps the height of its own content.
  const b = page.locator('#b iframe').contentFrame();
  await b.getByLabel('पूरा नाम').fill('Lifecycle Test');
  await b.getByLabel('मोबाइल नंबर').fill('6000000042');
  // Press, not click: the iframes above may still be growing to their content, which moves this
  // button on the page between Playwright's aim and its click.
  await b.getByRole('button', { name: 'OTP पाएँ' }).press('Enter');
  await expect.poll(seen).toEqual(['a kycvs:ready', 'b kycvs:ready', 'b kycvs:step', 'c kycvs:ready']);
  const mismatch = async (id: string) => {
    const iframe = page.locator(`#${id} iframe`);
    const content = await iframe
      .contentFrame()
      .locator('html')
      .evaluate((html) => Math.ceil(html.getBoundingClientRect().height));
    return Math.abs(content - (await iframe.evaluate((el) => el.getBoundingClientRect().height)));
  };
  for (const id of ['a', 'b', 'c']) await expect.poll(() => mismatch(id), { message: id }).toBeLessThanOrEqual(1);
  const height = (id: string) => page.locator(`#${id} iframe`).evaluate((el) => el.clientHeight);
  expect(await height('b')).not.toBe(await height('a'));
});

test('embed.js included twice renders each widget once and keeps one KYCVS', async ({ page }) => {
  await openBlankPage(page, `<div class="kycvs" data-provider="demo-travel"></div>`);
  const first = await page.evaluate(() => {
    (window as unknown as { firstKycvs: unknown }).firstKycvs = (window as Window).KYCVS;
    return (window as Window).__counts();
  });
  await page.addScriptTag({ url: `${hostOrigin}/embed.js?again` });
  await page.evaluate(() => {
    const div = document.createElement('div');
    div.className = 'kycvs';
    div.dataset.provider = 'demo-travel';
    document.body.append(div);
  });
  await expect(page.locator('iframe')).toHaveCount(2);
  const after = await page.evaluate(() => ({
    same: (window as unknown as { firstKycvs: unknown }).firstKycvs === (window as Window).KYCVS,
    counts: (window as Window).__counts(),
  }));
  expect(after.same).toBe(true);
  expect(after.counts).toMatchObject({ iframes: 2, messageListeners: 2, mutation: first.mutation });
});

test('the only global embed.js adds is KYCVS', async ({ page }) => {
  await openBlankPage(page, '', { embed: false });
  const before = await page.evaluate(() => Object.keys(window));
  await page.addScriptTag({ url: `${hostOrigin}/embed.js` });
  const after = await page.evaluate(() => Object.keys(window));
  expect(after.filter((key) => !before.includes(key))).toEqual(['KYCVS']);
});

test('a polluted Object.prototype supplies no provider, callback or debug mode', async ({ page }) => {
  const requests: string[] = [];
  page.on('request', (request) => requests.push(request.url()));
  await openBlankPage(page, `<div class="kycvs" id="plain"></div>`);
  const outcome = await page.evaluate(() => {
    const proto = Object.prototype as Record<string, unknown>;
    Object.assign(proto, { provider: 'evil', debug: true, onResult: () => {}, lang: 'ta' });
    try {
      (window as Window).KYCVS.render('#slot', {} as never);
      return 'rendered';
    } catch (error) {
      return (error as { code: string }).code;
    } finally {
      for (const key of ['provider', 'debug', 'onResult', 'lang']) delete proto[key];
    }
  });
  expect(outcome).toBe('UNKNOWN_PROVIDER');
  const lang = await page.evaluate(async () => {
    Object.assign(Object.prototype, { lang: 'ta', theme: 'dark' });
    const handle = (window as Window).KYCVS.render('#slot', { provider: 'demo-travel' });
    await Promise.resolve();
    const src = document.querySelector<HTMLIFrameElement>('#slot iframe')!.src;
    handle.destroy();
    delete (Object.prototype as Record<string, unknown>).lang;
    delete (Object.prototype as Record<string, unknown>).theme;
    return Object.fromEntries(new URL(src).searchParams);
  });
  expect(lang).toMatchObject({ provider: 'demo-travel', lang: 'en' });
  expect(lang).not.toHaveProperty('theme');
  await expect(page.locator('#plain iframe')).toHaveCount(0);
  expect(requests.filter((url) => url.includes('embed-debug'))).toEqual([]);
});

test('<kycvs-verify> renders afresh when an attribute changes, once per change, and cleans up when removed', async ({
  page,
}) => {
  await openBlankPage(page, `<kycvs-verify provider="demo-travel" lang="en"></kycvs-verify>`);
  const element = page.locator('kycvs-verify');
  const frame = element.locator('iframe');
  await expect(frame).toHaveCount(1);
  const params = async () => Object.fromEntries(new URL((await frame.getAttribute('src'))!).searchParams);
  // `lang` lists the language asked for, then the page's, for the host to choose from.
  const asked = (lang: string) => expect.stringMatching(new RegExp(`^${lang}(,|$)`));
  expect(await params()).toMatchObject({ provider: 'demo-travel', lang: asked('en') });
  await expect(frame.contentFrame().locator('html')).toHaveAttribute('lang', 'en');
  const before = await counts(page);

  // Two attributes set together: one new iframe, not two.
  const created = await element.evaluate(async (el) => {
    let added = 0;
    const watch = new MutationObserver((records) =>
      records.forEach((r) => r.addedNodes.forEach((n) => (added += n.nodeName === 'IFRAME' ? 1 : 0))),
    );
    watch.observe(el, { childList: true });
    el.setAttribute('lang', 'hi');
    el.setAttribute('theme', 'dark');
    await new Promise((resolve) => requestAnimationFrame(resolve));
    watch.disconnect();
    return added;
  });
  expect(created).toBe(1);
  await expect(frame).toHaveCount(1);
  expect(await params()).toMatchObject({ provider: 'demo-travel', lang: asked('hi'), theme: 'dark' });
  await expect(frame.contentFrame().locator('html')).toHaveAttribute('lang', 'hi');

  await element.evaluate((el) => el.setAttribute('provider', 'demo-irctc'));
  await expect.poll(async () => (await params()).provider).toBe('demo-irctc');
  await expect(frame).toHaveCount(1);
  expect(await counts(page)).toMatchObject({ iframes: 1, messageListeners: before.messageListeners });

  // No provider any more: nothing to show.
  await element.evaluate((el) => el.removeAttribute('provider'));
  await expect(frame).toHaveCount(0);
  await element.evaluate((el) => el.setAttribute('provider', 'demo-travel'));
  await expect(frame).toHaveCount(1);

  await element.evaluate((el) => el.remove());
  expect(await counts(page)).toMatchObject({ iframes: 0, messageListeners: 0, timeouts: 0, frames: 0 });
});

test('a .kycvs container added after load is rendered, and destroyed when it leaves the page', async ({ page }) => {
  await openBlankPage(page);
  await page.evaluate(() => {
    const outer = document.createElement('section');
    outer.innerHTML = '<div><div class="kycvs" data-provider="demo-travel" data-lang="hi"></div></div>';
    document.body.append(outer);
  });
  const frame = page.locator('section .kycvs iframe');
  await expect(frame).toHaveCount(1);
  await expect(frame.contentFrame().getByLabel('पूरा नाम')).toBeVisible();

  // Moved within the page in one go: it stays (the iframe reloads, as any moved iframe does).
  await page.evaluate(() => document.querySelector('#form')!.append(document.querySelector('section .kycvs')!));
  await expect(page.locator('#form .kycvs iframe')).toHaveCount(1);
  expect(await counts(page)).toMatchObject({ messageListeners: 1 });

  await page.evaluate(() => document.querySelector('#form .kycvs')!.remove());
  await expect.poll(() => counts(page)).toMatchObject({ iframes: 0, messageListeners: 0, timeouts: 0, frames: 0 });
});

test('the frame reports its content height, not its viewport height: no runaway growth', async ({ page }) => {
  await openBlankPage(page);
  await page.evaluate(() => (window as Window).KYCVS.render('#slot', { provider: 'demo-travel' }));
  const iframe = page.locator('#slot iframe');
  await expect(iframe.contentFrame().getByLabel('Full name')).toBeVisible();
  const frame = page.frames().find((f) => f.url().includes('/frame.html'))!;

  // A viewport-tall body with padding: measuring <html> would feed the viewport back into itself.
  const content = await frame.evaluate(() => {
    document.body.style.minHeight = '100vh';
    document.body.style.paddingBottom = '24px';
    const app = document.body.firstElementChild!.getBoundingClientRect();
    return Math.ceil(app.bottom - document.documentElement.getBoundingClientRect().top + 24);
  });
  const height = () => iframe.evaluate((el) => el.getBoundingClientRect().height);
  await expect.poll(height).toBe(content);
  // Still the same after twenty more animation frames: it has settled.
  await page.evaluate(
    () =>
      new Promise<void>((resolve) => {
        let n = 0;
        const tick = () => (++n === 20 ? resolve() : requestAnimationFrame(tick));
        requestAnimationFrame(tick);
      }),
  );
  expect(await height()).toBe(content);
  expect(await iframe.evaluate((el) => el.style.width || getComputedStyle(el).width)).toBe('100%');
});

test('taller content grows the iframe with no scrollbar left; a page that never resizes gets it back', async ({
  page,
}) => {
  await openBlankPage(page);
  await page.evaluate(() => (window as Window).KYCVS.render('#slot', { provider: 'demo-travel' }));
  const iframe = page.locator('#slot iframe');
  await expect(iframe.contentFrame().getByLabel('Full name')).toBeVisible();
  const frame = page.frames().find((f) => f.url().includes('/frame.html'))!;
  await frame.evaluate(() => (document.body.style.paddingBottom = '700px'));
  await expect
    .poll(() =>
      frame.evaluate(() => ({
        fits: document.documentElement.scrollHeight <= innerHeight,
        overflow: document.documentElement.style.overflowY,
      })),
    )
    .toEqual({ fits: true, overflow: '' });

  // The same frame in a portal's own iframe, whose height no one changes: after a grace period, it scrolls.
  const portal = `${hostOrigin}/frame.html?provider=demo-travel&origin=${encodeURIComponent(demoOrigin)}&lang=en`;
  await page.evaluate((src) => {
    const fixed = document.createElement('iframe');
    fixed.id = 'fixed';
    fixed.style.height = '200px';
    fixed.src = src;
    document.body.append(fixed);
  }, portal);
  await expect(page.locator('#fixed').contentFrame().getByLabel('Full name')).toBeAttached();
  const fixed = page.frames().find((f) => f.url() === portal)!;
  await expect
    .poll(() =>
      fixed.evaluate(() => ({
        overflow: document.documentElement.style.overflowY,
        scrollable: document.documentElement.scrollHeight > innerHeight,
      })),
    )
    .toEqual({ overflow: '', scrollable: true });
});
