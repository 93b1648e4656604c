import { Hono } from 'hono';
import { expect, test } from 'vitest';
import { appRoutes } from './app';

const HOST = 'http://127.0.0.1:5174';
const DEMO = 'http://localhost:5173';

function demoApp(answer: unknown = { success: false, 'error-codes': ['invalid-code'] }) {
  const sent: unknown[] = [];
  const fetch: typeof globalThis.fetch = async (url, init) => {
    sent.push({ url: String(url), body: JSON.parse(String(init?.body)) });
    return new Response(JSON.stringify(answer));
  };
  const app = new Hono();
  appRoutes(app, { hostOrigin: HOST, fetch });
  return { app, sent };
}

async function start(app: Hono, provider = 'demo-test') {
  const response = await app.request(`${DEMO}/app/start`, { method: 'POST', body: new URLSearchParams({ provider }) });
  expect(response.status).toBe(303);
  const target = new URL(response.headers.get('location')!);
  const cookie = response.headers.get('set-cookie')!.split(';')[0]!;
  return { target, cookie, state: target.searchParams.get('state')! };
}

const callback = (app: Hono, query: Record<string, string>, cookie?: string) =>
  app.request(`${DEMO}/app/callback?${new URLSearchParams(query).toString()}`, { headers: cookie ? { cookie } : {} });

test('the app page starts redirect mode with a button', async () => {
  const html = await (await demoApp().app.request(`${DEMO}/app`)).text();
  expect(html).toContain('<form method="post" action="/app/start">');
  expect(html).toContain('Verify with CoWIN');
});

test("start sends the browser to the host's /verify with this site's redirect URI and a fresh state, kept in a cookie", async () => {
  const { app } = demoApp();
  const { target, cookie, state } = await start(app);
  expect(`${target.origin}${target.pathname}`).toBe(`${HOST}/verify`);
  expect(Object.fromEntries(target.searchParams)).toEqual({
    provider: 'demo-test',
    redirect_uri: `${DEMO}/app/callback`,
    state,
    lang: 'en',
  });
  expect(state).toMatch(/^[\w-]{22}$/);
  expect(cookie).toBe(`demo-app-state=demo-test.${state}`);
  expect((await start(app)).state).not.toBe(state);
});

test('a return with a code is exchanged from the server with the secret, and the verdict shown', async () => {
  const verdict = {
    success: true,
    status: 'FULLY_VACCINATED',
    aud: 'demo-test',
    sub: 'abc',
    iat: 1,
    exp: 2,
    origin: DEMO,
    test: true,
  };
  const { app, sent } = demoApp(verdict);
  const { cookie, state } = await start(app);
  const response = await callback(app, { code: 'C0DE', state }, cookie);
  const html = await response.text();
  expect(sent).toEqual([
    {
      url: `${HOST}/api/kycvs/siteverify`,
      body: { code: 'C0DE', secret: 'demo-test-secret-for-the-demo-only', idempotency_key: `app-${state}` },
    },
  ]);
  expect(html).toContain('data-verdict="accepted"');
  expect(html).toContain('data-status="FULLY_VACCINATED"');
  expect(html).toContain(`<td id="claim-origin">${DEMO}</td>`);
  expect(response.headers.get('set-cookie')).toMatch(/Max-Age=0/);
});

test('a refusal shows its error codes', async () => {
  const { app } = demoApp({ success: false, 'error-codes': ['code-already-used'] });
  const { cookie, state } = await start(app);
  expect(await (await callback(app, { code: 'C0DE', state }, cookie)).text()).toContain(
    '<code id="error-codes">code-already-used</code>',
  );
});

test('a cancelled check comes back with its error, and nothing is exchanged', async () => {
  const { app, sent } = demoApp();
  const { cookie, state } = await start(app);
  const html = await (await callback(app, { error: 'access_denied', state }, cookie)).text();
  expect(html).toContain('data-verdict="cancelled"');
  expect(html).toContain('access_denied');
  expect(sent).toEqual([]);
});

test('a return whose state this browser was not given exchanges nothing (CSRF)', async () => {
  const { app, sent } = demoApp();
  const { cookie, state } = await start(app);
  for (const [query, kept] of [
    [{ code: 'C0DE', state }, undefined],
    [{ code: 'C0DE', state: `${state}x` }, cookie],
    [{ code: 'C0DE' }, cookie],
  ] as const) {
    const response = await callback(app, query, kept);
    expect(response.status).toBe(400);
    expect(await response.text()).toContain('data-verdict="bad-state"');
  }
  expect(sent).toEqual([]);
});
