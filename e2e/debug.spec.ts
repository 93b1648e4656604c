import type { APIRequestContext, Page, Route } from '@playwright/test';
import { DEMO_PORT } from '../playwright.config';
import { messages } from '../widget/loader/debug/messages';
import type { KycvsGlobal } from '../widget/loader/types';
import { demoOrigin, expect, hostOrigin, test } from './fixtures';

// Debug mode (`data-debug`, `debug: true`): the sentences a page's developer sees for the usual
// mistakes, the sentences widget/loader/debug/messages.ts makes. The host's real
// GET /api/kycvs/embed-check answers, except where a test plays an older host without it.

type Window = typeof window & { KYCVS: KycvsGlobal };

/** The demo site under its other name: a page origin that demo-travel has not registered. */
const otherOrigin = `http://127.0.0.1:${DEMO_PORT}`;

/** Every `[kycvs]` line the page itself logs, as `level: text`. */
function kycvsConsole(page: Page): string[] {
  const lines: string[] = [];
  page.on('console', (message) => {
    if (message.text().startsWith('[kycvs] ') && message.location().url.startsWith(hostOrigin + '/')) {
      lines.push(`${message.type()}: ${message.text().slice('[kycvs] '.length)}`);
    }
  });
  return lines;
}

/** The URL of every embed-check the page asks the host for, and the host's status for each. */
function embedChecks(page: Page): Array<{ url: string; status: number }> {
  const asked: Array<{ url: string; status: number }> = [];
  page.on('response', (response) => {
    if (response.url().startsWith(`${hostOrigin}/api/kycvs/embed-check?`)) {
      asked.push({ url: response.url(), status: response.status() });
    }
  });
  return asked;
}

/** Plays a host without embed-check (an older one): a 404, as its notFound answers. */
async function withoutEmbedCheck(page: Page) {
  await page.route(`${hostOrigin}/api/kycvs/embed-check?*`, (route: Route) =>
    route.fulfill({ status: 404, headers: { 'access-control-allow-origin': '*' }, body: 'Not found' }),
  );
}

/**
 * A page on `origin` with `body`, and then embed.js (with `data-debug` on its tag when asked, and
 * inside `into` when given). It starts as a file the demo server serves, from the loopback address,
 * which Chromium requires of a page that loads scripts from 127.0.0.1.
 */
async function openPage(
  page: Page,
  body: string,
  { origin = demoOrigin, debugTag = false, into = 'head', src = `${hostOrigin}/embed.js` } = {},
) {
  await page.goto(`${origin}/assets/demo.css`);
  await page.evaluate(
    ({ body, debugTag, into, src }) =>
      new Promise((resolve, reject) => {
        document.documentElement.lang = 'en';
        document.documentElement.innerHTML = `<head><title>kycvs debug</title></head><body>${body}</body>`;
        const script = document.createElement('script');
        script.src = src;
        if (debugTag) script.dataset.debug = '';
        script.onload = resolve;
        script.onerror = reject;
        document.querySelector(into)!.append(script);
      }),
    { body, debugTag, into, src },
  );
}

test('an unknown provider id is named as such', async ({ page, consoleErrors }) => {
  // The browser refuses the frame: the host's 404 with frame-ancestors 'none'.
  consoleErrors.expect(/status of 404 .*chrome-error|frame-ancestors|Refused to frame/);
  const lines = kycvsConsole(page);
  const asked = embedChecks(page);
  await openPage(page, '<div class="kycvs" data-provider="no-such-provider" data-debug></div>');
  await expect.poll(() => lines).toContain(`warning: ${messages.unknownProvider('no-such-provider', hostOrigin)}`);
  expect(asked).toHaveLength(1);
  expect(asked[0]!.status).toBe(200);
  const url = new URL(asked[0]!.url);
  expect(Object.fromEntries(url.searchParams)).toEqual({ provider: 'no-such-provider', origin: demoOrigin });
});

test('a page origin the provider has not registered is named as such', async ({ page, consoleErrors }) => {
  // The browser refuses the frame: the host's 403 with frame-ancestors naming other origins.
  consoleErrors.expect(/status of 403 .*chrome-error|frame-ancestors|Refused to frame/);
  const lines = kycvsConsole(page);
  await openPage(page, '<div class="kycvs" data-provider="demo-travel" data-debug></div>', { origin: otherOrigin });
  await expect
    .poll(() => lines)
    .toContain(`warning: ${messages.originNotAllowed('demo-travel', otherOrigin, hostOrigin)}`);
});

test('a frame written for another page origin is named as such', async ({ page, consoleErrors }) => {
  // The snippet made for http://elsewhere.example, pasted here: the loader adopts the frame unread,
  // and the host answers its frame.html with a 403 and a refusal.
  consoleErrors.expect(/status of 403 .*\/frame\.html\?provider=demo-travel&origin=http%3A%2F%2Felsewhere\.example/);
  const lines = kycvsConsole(page);
  const src = `${hostOrigin}/frame.html?provider=demo-travel&amp;origin=${encodeURIComponent('http://elsewhere.example')}`;
  await openPage(
    page,
    `<div class="kycvs" data-provider="demo-travel" data-debug><iframe src="${src}"></iframe></div>`,
  );
  await expect
    .poll(() => lines)
    .toContain(`warning: ${messages.writtenFrameMismatch('origin', 'http://elsewhere.example', demoOrigin)}`);
  // The frame says so in its own words, to the person at the counter.
  await expect(page.locator('.kycvs iframe').contentFrame().getByRole('heading')).toBeVisible();
  await expect(page.locator('.kycvs iframe')).toHaveCount(1);
});

test('a frame written with an instance, never heard, is named once the loader gives up', async ({ page }) => {
  // The direct iframe's snippet pasted into the div: the loader speaks to it as '', it answers as kycvs-1.
  const lines = kycvsConsole(page);
  await page.clock.install();
  const src = `${hostOrigin}/frame.html?provider=demo-travel&amp;origin=${encodeURIComponent(demoOrigin)}&amp;instance=kycvs-1`;
  await openPage(
    page,
    `<div class="kycvs" data-provider="demo-travel" data-debug><iframe src="${src}"></iframe></div>`,
  );
  await expect.poll(() => lines).toContain(`info: ${messages.registered('demo-travel', demoOrigin, hostOrigin)}`);
  await page.clock.fastForward('00:11');
  await expect.poll(() => lines).toContain(`warning: ${messages.writtenInstance('kycvs-1')}`);
  expect(lines).toContain(`warning: ${messages.registeredButSilent('demo-travel', hostOrigin)}`);
});

test('a registered provider and origin get one reassuring line, and no warning', async ({ page }) => {
  const lines = kycvsConsole(page);
  await openPage(page, '<kycvs-verify provider="demo-travel" debug></kycvs-verify>');
  await expect(page.locator('kycvs-verify iframe').contentFrame().getByLabel('Full name')).toBeVisible();
  await expect.poll(() => lines).toEqual([`info: ${messages.registered('demo-travel', demoOrigin, hostOrigin)}`]);
});

test('a host without embed-check says it cannot tell the two apart', async ({ page, consoleErrors }) => {
  consoleErrors.expect(/status of 404 .*\/api\/kycvs\/embed-check/);
  const lines = kycvsConsole(page);
  await withoutEmbedCheck(page);
  await openPage(page, '<div id="slot"></div>');
  await page.evaluate(() => (window as Window).KYCVS.render('#slot', { provider: 'demo-irctc', debug: true }));
  await expect.poll(() => lines).toEqual([`warning: ${messages.checkUnavailable(hostOrigin)}`]);
});

test('a container that is not there, or a selector that matches two', async ({ page }) => {
  const lines = kycvsConsole(page);
  await openPage(page, '<div class="twice"></div><div class="twice"></div>');
  const code = await page.evaluate(() => {
    try {
      (window as Window).KYCVS.render('#nowhere', { provider: 'demo-travel', debug: true });
      return 'rendered';
    } catch (error) {
      return (error as { code: string }).code;
    }
  });
  expect(code).toBe('CONTAINER_NOT_FOUND');
  await page.evaluate(() => (window as Window).KYCVS.render('.twice', { provider: 'demo-travel', debug: true }));
  await expect.poll(() => lines).toContain(`warning: ${messages.containerNotFound('#nowhere')}`);
  await expect.poll(() => lines).toContain(`warning: ${messages.severalMatch('.twice', 2)}`);
});

test('containers without a provider id, or with the attribute of the other form', async ({ page }) => {
  const lines = kycvsConsole(page);
  await openPage(
    page,
    `<div class="kycvs" data-debug></div>
     <div class="kycvs" provider="demo-travel" data-debug></div>
     <kycvs-verify data-provider="demo-travel" debug></kycvs-verify>`,
  );
  await expect
    .poll(() => [...lines].sort())
    .toEqual(
      [
        `warning: ${messages.noProvider('class="kycvs"')}`,
        `warning: ${messages.plainProviderOnDiv()}`,
        `warning: ${messages.dataProviderOnElement()}`,
      ].sort(),
    );
  await expect(page.locator('iframe')).toHaveCount(0);
});

test('two containers with one id, and a script tag inside a container', async ({ page }) => {
  const lines = kycvsConsole(page);
  await openPage(
    page,
    `<div class="kycvs" id="dup" data-provider="demo-travel" data-debug></div>
     <div class="kycvs" id="dup" data-provider="demo-travel"></div>`,
    { into: '.kycvs' },
  );
  await expect.poll(() => lines).toContain(`warning: ${messages.duplicateId('dup', 2)}`);
  await expect.poll(() => lines).toContain(`info: ${messages.scriptInsideContainer()}`);
});

/** embed.js and its debug script as the host serves them, to be served from elsewhere. */
async function hostFiles(request: APIRequestContext) {
  const embed = await (await request.get(`${hostOrigin}/embed.js`)).text();
  const debugPath = /\/assets\/embed-debug-[\w-]+\.js/.exec(embed)![0];
  const debug = await (await request.get(hostOrigin + debugPath)).text();
  return { embed, debugPath, debug };
}

test('embed.js copied to the provider’s own server is called out', async ({ page, request, consoleErrors }) => {
  consoleErrors.expect(/404/);
  const { embed, debugPath, debug } = await hostFiles(request);
  // A copy of both files on the page's own server, under another name.
  await page.route(`${demoOrigin}/vendor/kycvs.js`, (route) =>
    route.fulfill({ contentType: 'text/javascript', body: embed }),
  );
  await page.route(demoOrigin + debugPath, (route) => route.fulfill({ contentType: 'text/javascript', body: debug }));
  const lines = kycvsConsole(page);
  // The copy's messages come from the copy: listen on the page's origin too.
  page.on('console', (message) => {
    if (message.text().startsWith('[kycvs] ') && message.location().url.startsWith(demoOrigin + '/')) {
      lines.push(`${message.type()}: ${message.text().slice('[kycvs] '.length)}`);
    }
  });
  await openPage(page, '<div class="kycvs" data-provider="demo-travel"></div>', {
    debugTag: true,
    src: `${demoOrigin}/vendor/kycvs.js`,
  });
  await expect
    .poll(() => lines)
    .toContain(`warning: ${messages.notEmbedPath(`${demoOrigin}/vendor/kycvs.js`, demoOrigin)}`);
  await page.evaluate(() => (window as Window).KYCVS.render('.kycvs', { provider: 'demo-travel', debug: true }));
  await expect.poll(() => lines).toContain(`warning: ${messages.ownOriginCopy(demoOrigin)}`);
});

test('embed.js run by another script, with no script tag of its own, is called out', async ({ page, request }) => {
  const { embed, debugPath, debug } = await hostFiles(request);
  await page.route(demoOrigin + debugPath, (route) => route.fulfill({ contentType: 'text/javascript', body: debug }));
  const lines: string[] = [];
  page.on('console', (message) => {
    if (message.text().startsWith('[kycvs] ')) lines.push(message.text().slice('[kycvs] '.length));
  });
  await page.goto(`${demoOrigin}/assets/demo.css`);
  await page.evaluate((code) => {
    document.documentElement.innerHTML = '<head></head><body><div class="kycvs" data-debug></div></body>';
    // As a bundler or a tag manager would run it: no <script src> of its own.
    (0, eval)(code);
  }, embed);
  await expect.poll(() => lines).toContain(messages.noCurrentScript(demoOrigin));
});

test('the page’s own Content-Security-Policy blocking the frame is called out', async ({ page, consoleErrors }) => {
  consoleErrors.expect(/Content Security Policy|frame-src/);
  const lines = kycvsConsole(page);
  await openPage(page, '<div id="slot"></div>');
  await page.evaluate(() => {
    const policy = document.createElement('meta');
    policy.httpEquiv = 'Content-Security-Policy';
    policy.content = "frame-src 'none'";
    document.head.append(policy);
    (window as Window).KYCVS.render('#slot', { provider: 'demo-travel', debug: true });
  });
  await expect
    .poll(() => lines.filter((line) => line.includes('Content-Security-Policy')))
    .toEqual([
      expect.stringMatching(
        /^warning: This page's Content-Security-Policy \(frame-src\) blocked http:\/\/127\.0\.0\.1/,
      ),
    ]);
});

test('without debug mode the loader says nothing, and fetches no debug script', async ({ page }) => {
  const requests: string[] = [];
  page.on('request', (request) => requests.push(request.url()));
  const lines: string[] = [];
  page.on('console', (message) => lines.push(`${message.type()}: ${message.text()}`));
  await openPage(
    page,
    `<div class="kycvs" data-provider="demo-travel"></div>
     <div class="kycvs"></div><div class="kycvs" provider="demo-travel"></div>
     <div id="dup" class="kycvs" data-provider="demo-irctc"></div><div id="dup" class="kycvs" data-provider="demo-irctc"></div>`,
  );
  await expect(page.locator('iframe')).toHaveCount(3);
  await expect(page.locator('iframe').first().contentFrame().getByLabel('Full name')).toBeVisible();
  const code = await page.evaluate(() => {
    try {
      (window as Window).KYCVS.render('#nowhere', { provider: 'demo-travel' });
      return 'rendered';
    } catch (error) {
      return (error as { code: string }).code;
    }
  });
  expect(code).toBe('CONTAINER_NOT_FOUND');
  expect(lines.filter((line) => line.includes('[kycvs]'))).toEqual([]);
  expect(requests.filter((url) => /embed-debug|embed-check/.test(url))).toEqual([]);
});
