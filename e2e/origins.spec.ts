import type { Page } from '@playwright/test';
import type { KycvsGlobal } from '../widget/loader/types';
import { demoOrigin, expect, hostOrigin, openJsApiPage, test, widgetFrame } from './fixtures';

type Window = typeof window & { KYCVS: KycvsGlobal; seen: { results: unknown[]; errors: unknown[] } };

/** Adds an iframe of frame.html with these query parameters and waits until it has loaded. */
async function addFrame(
  page: Page,
  params: Record<string, string>,
  referrerPolicy: ReferrerPolicy = '',
): Promise<void> {
  await page.evaluate(
    ({ src, referrerPolicy }) =>
      new Promise<void>((resolve) => {
        const iframe = document.createElement('iframe');
        iframe.addEventListener('load', () => resolve(), { once: true });
        iframe.referrerPolicy = referrerPolicy;
        iframe.src = src;
        document.body.append(iframe);
      }),
    { src: `${hostOrigin}/frame.html?${new URLSearchParams(params)}`, referrerPolicy },
  );
}

const refusal = 'This widget is not set up for this site';

test('an unknown provider is refused plainly when opened directly', async ({ page, consoleErrors }) => {
  consoleErrors.expect(/status of 404 .*no-such-provider/);
  const response = await page.goto(`${hostOrigin}/frame.html?provider=no-such-provider&origin=${demoOrigin}`);
  expect(response?.status()).toBe(404);
  expect(response?.headers()['content-security-policy']).toContain("frame-ancestors 'none'");
  await expect(page.getByRole('heading', { name: refusal })).toBeVisible();
});

test('an unknown provider cannot be framed, and the loader says what to check after 10 s', async ({
  page,
  consoleErrors,
}) => {
  consoleErrors.expect(/^Framing '.*' violates .*"frame-ancestors 'none'"/s);
  consoleErrors.expect(/status of 404 .*chrome-error/);
  // The loader's 10 s run on by the test, not waited out: the clock moves only when the test moves it.
  await page.clock.install();
  await openJsApiPage(page);
  await page.clock.pauseAt((await page.evaluate(() => Date.now())) + 1000);
  const warnings: string[] = [];
  page.on('console', (message) => {
    if (message.type() === 'warning') warnings.push(message.text());
  });
  // The browser refuses the frame first (that is what keeps it from saying `ready`).
  const refused = page.waitForEvent('console', (message) => /^Framing '.*' violates/s.test(message.text()));
  const error = page.evaluate(
    () =>
      new Promise<unknown>((resolve) => {
        (window as Window).KYCVS.render('#slot', { provider: 'no-such-provider', onError: resolve });
      }),
  );
  await refused;
  await page.clock.runFor('00:09');
  expect(
    warnings.filter((w) => w.startsWith('[kycvs]')),
    'nothing said before 10 s',
  ).toEqual([]);
  await page.clock.runFor('00:01');
  expect(await error).toMatchObject({ code: 'FRAME_TIMEOUT' });
  expect(warnings.filter((w) => w.startsWith('[kycvs]'))).toHaveLength(1);
  expect(warnings.find((w) => w.startsWith('[kycvs]'))).toMatch(/provider/);
});

test('a registered page naming an unregistered origin gets a plain refusal and no messages', async ({
  page,
  messages,
  consoleErrors,
}) => {
  consoleErrors.expect(/status of 403 .*evil\.example/);
  await openJsApiPage(page);
  await addFrame(page, { provider: 'demo-travel', origin: 'https://evil.example', instance: 'x' });
  await expect(widgetFrame(page).getByRole('heading', { name: refusal })).toBeVisible();
  await expect(widgetFrame(page).getByLabel('Full name')).toHaveCount(0);
  expect(await messages.all()).toEqual([]);
});

test('a page of an unregistered origin claiming a registered one cannot frame the widget', async ({
  page,
  messages,
  consoleErrors,
}) => {
  consoleErrors.expect(/^Framing '.*' violates .*"frame-ancestors http:\/\/localhost:\d+"/s);
  consoleErrors.expect(/status of 404 .*chrome-error/);
  // The demo server answers on 127.0.0.1 too: the same pages on an origin no provider registered.
  const impostor = demoOrigin.replace('localhost', '127.0.0.1');
  await page.goto(`${impostor}/js-api`);
  await addFrame(page, { provider: 'demo-travel', origin: demoOrigin, instance: 'x' });
  const frame = page.frames().find((f) => f !== page.mainFrame());
  expect(frame?.url()).not.toContain('/frame.html');
  expect(await messages.all()).toEqual([]);
});

test('a registered page pretending to be another registered page gets a refusal and no messages', async ({
  page,
  messages,
  consoleErrors,
}) => {
  consoleErrors.expect(/status of 403 .*e2e-two-sites/); // none expected from the host; the frame is 200
  const otherSite = demoOrigin.replace('localhost', '127.0.0.1');
  await page.goto(`${otherSite}/js-api`);
  // Both origins are registered for e2e-two-sites, so CSP lets this page frame the widget; only the
  // frame's own check of location.ancestorOrigins can tell that its parent is not `origin`.
  await addFrame(page, { provider: 'e2e-two-sites', origin: demoOrigin, instance: 'x' });
  await expect(widgetFrame(page).getByRole('heading', { name: refusal })).toBeVisible();
  await expect(widgetFrame(page).getByLabel('Full name')).toHaveCount(0);

  // The same page naming its own origin gets the form: the refusal above was about the lie.
  await addFrame(page, { provider: 'e2e-two-sites', origin: otherSite, instance: 'y' });
  await expect(page.locator('iframe').nth(1).contentFrame().getByLabel('Full name')).toBeVisible();
  await expect.poll(async () => (await messages.ofType('ready')).length).toBe(1);
  const all = await messages.all();
  expect(all.every((m) => (m.data as { instance?: string }).instance === 'y')).toBe(true);
});

test('forged messages from the page itself and from a sibling frame of the host origin are ignored', async ({
  page,
}) => {
  await openJsApiPage(page);
  await page.evaluate(() => {
    const w = window as Window;
    w.seen = { results: [], errors: [] };
    w.KYCVS.render('#slot', {
      provider: 'demo-irctc',
      onResult: (r) => w.seen.results.push(r),
      onError: (e) => w.seen.errors.push(e),
    });
  });
  const frame = widgetFrame(page);
  await expect(frame.getByLabel('Full name')).toBeVisible();
  await frame.getByLabel('Full name').fill('Someone Typing');
  const iframe = page.locator('#slot iframe');
  const heightBefore = await iframe.evaluate((el) => el.getBoundingClientRect().height);
  const instance = new URL((await iframe.getAttribute('src'))!).searchParams.get('instance')!;
  const forged = (type: string, data: object) => ({ ns: 'kycvs', v: 1, instance, type, data });
  const result = forged('result', { status: 'FULLY_VACCINATED', token: 'forged' });
  const resize = forged('resize', { height: 3000 });
  const error = forged('error', { code: 'SERVER_ERROR', message: 'forged' });

  // 1. The page itself (right shape, right instance, wrong source and origin).
  await page.evaluate((msgs) => msgs.forEach((m) => window.postMessage(m, location.origin)), [result, resize, error]);

  // 2. A sibling frame on the host's own origin (right origin, wrong source).
  await page.evaluate(
    (src) =>
      new Promise<void>((resolve) => {
        const sibling = document.createElement('iframe');
        sibling.addEventListener('load', () => resolve(), { once: true });
        sibling.src = src;
        document.body.append(sibling);
      }),
    `${hostOrigin}/.well-known/jwks.json`,
  );
  const sibling = page.frames().find((f) => f.url().includes('jwks.json'))!;
  await sibling.evaluate(({ msgs, target }) => msgs.forEach((m) => window.parent.postMessage(m, target)), {
    msgs: [result, resize, error],
    target: demoOrigin,
  });
  // …and a reset aimed at the widget's frame, from the sibling (not the frame's parent).
  await sibling.evaluate(({ reset, target }) => window.parent.frames[0]!.postMessage(reset, target), {
    reset: forged('reset', {}),
    target: hostOrigin,
  });
  // 3. A reset from the page with another instance id.
  await page.evaluate(
    ({ reset, target }) => document.querySelector('iframe')!.contentWindow!.postMessage(reset, target),
    { reset: { ...forged('reset', {}), instance: 'someone-else' }, target: hostOrigin },
  );

  // The real frame still answers: a genuine reset through the handle's channel clears the field.
  // (Proof that the listeners were live while the forgeries arrived.)
  await expect(frame.getByLabel('Full name')).toHaveValue('Someone Typing');
  await page.evaluate(
    ({ reset, target }) => document.querySelector('iframe')!.contentWindow!.postMessage(reset, target),
    { reset: forged('reset', {}), target: hostOrigin },
  );
  await expect(frame.getByLabel('Full name')).toHaveValue('');

  const seen = await page.evaluate(() => (window as Window).seen);
  expect(seen).toEqual({ results: [], errors: [] });
  expect(await iframe.evaluate((el) => el.getBoundingClientRect().height)).toBeCloseTo(heightBefore, 0);
  await expect(page.locator('input[name^="kycvs-"]')).toHaveCount(0);
});

// SECURITY.md and portals.md say what an iframe's referrerpolicy does today: this pins it. The HTML
// standard now hides the embedder from ancestorOrigins under no-referrer (whatwg/html#11560), which
// would make the frame refuse; when Chromium ships that, this test fails and the docs must change.
test('an iframe with referrerpolicy="no-referrer" still names its parent in Chromium, so the frame works', async ({
  page,
  messages,
}) => {
  await openJsApiPage(page);
  await addFrame(page, { provider: 'demo-travel', origin: demoOrigin, instance: 'nr' }, 'no-referrer');
  await expect(widgetFrame(page).getByLabel('Full name')).toBeVisible();
  await expect.poll(async () => (await messages.ofType('ready')).length).toBe(1);
  const ancestors = await page.frames()[1]!.evaluate(() => [...location.ancestorOrigins]);
  expect(ancestors).toEqual([demoOrigin]);
});
