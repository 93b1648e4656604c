import { randomBytes, timingSafeEqual } from 'node:crypto';
import type { Hono } from 'hono';
import { exchangeCode, SiteverifyError } from '../sdk';
import { appReturnPage, appStartPage, type AppOutcome } from './app-page';

/** The demo providers the app may use, with their secrets: published demo values (docs/operations.md). */
const SECRETS: Record<string, string> = {
  'demo-irctc': 'demo-irctc-secret-for-the-demo-only',
  'demo-test': 'demo-test-secret-for-the-demo-only',
};

/** The cookie that ties a return to the check this browser started: the state, against CSRF. */
const COOKIE = 'demo-app-state';

export interface AppRoutesOptions {
  /** The CoWIN host's origin: its redirect mode page and its siteverify. */
  hostOrigin: string;
  /** The fetch the back office exchanges codes with (tests). @default globalThis.fetch */
  fetch?: typeof fetch;
}

const cookieOf = (header: string | undefined) =>
  (header ?? '')
    .split(';')
    .map((pair) => pair.trim())
    .find((pair) => pair.startsWith(`${COOKIE}=`))
    ?.slice(COOKIE.length + 1);

const same = (a: string, b: string) => a.length === b.length && timingSafeEqual(Buffer.from(a), Buffer.from(b));

/**
 * The demo's "app" (docs/redirect.md): what an IRCTC-style app or a kiosk does in redirect mode.
 * `POST /app/start` makes a fresh `state`, keeps it (with the provider) in a cookie, and sends the
 * browser to CoWIN's `/verify`; `GET /app/callback` checks the state against the cookie, then
 * exchanges the code from its server with the provider's secret and shows the verdict.
 */
export function appRoutes(app: Hono, { hostOrigin, fetch }: AppRoutesOptions): void {
  app.get('/app', (c) => c.html(appStartPage()));

  app.post('/app/start', async (c) => {
    const form = await c.req.parseBody();
    const provider = typeof form.provider === 'string' && form.provider in SECRETS ? form.provider : 'demo-irctc';
    const state = randomBytes(16).toString('base64url');
    // The registered redirect URI is on this site's own origin (registry/demo-providers.json).
    const redirectUri = `${new URL(c.req.url).origin}/app/callback`;
    const target = new URL('/verify', hostOrigin);
    target.search = new URLSearchParams({ provider, redirect_uri: redirectUri, state, lang: 'en' }).toString();
    // Lax: the browser sends it back on CoWIN's top-level return, and on no cross-site POST.
    c.header('set-cookie', `${COOKIE}=${provider}.${state}; Path=/app; HttpOnly; SameSite=Lax; Max-Age=900`);
    return c.redirect(target.toString(), 303);
  });

  app.get('/app/callback', async (c) => {
    const kept = cookieOf(c.req.header('cookie')) ?? '';
    const [provider = '', expected = ''] = kept.split('.');
    const state = c.req.query('state') ?? '';
    // A state this browser was not given is someone else's link (CSRF): exchange nothing.
    c.header('set-cookie', `${COOKIE}=; Path=/app; HttpOnly; SameSite=Lax; Max-Age=0`);
    c.header('cache-control', 'no-store');
    c.header('referrer-policy', 'no-referrer');
    const secret = SECRETS[provider];
    if (!expected || !secret || !same(state, expected)) return c.html(appReturnPage({ kind: 'bad-state' }), 400);
    const error = c.req.query('error');
    if (error !== undefined) return c.html(appReturnPage({ kind: 'cancelled', error }));
    let outcome: AppOutcome;
    try {
      const verdict = await exchangeCode(c.req.query('code') ?? '', {
        host: hostOrigin,
        secret,
        // One key per return: a retry of this exchange (a lost answer) gets the same verdict.
        idempotencyKey: `app-${expected}`,
        ...(fetch ? { fetch } : {}),
      });
      outcome = { kind: 'verdict', verdict };
    } catch (e) {
      if (!(e instanceof SiteverifyError)) throw e;
      outcome = { kind: 'unreachable', why: e.code };
    }
    return c.html(appReturnPage(outcome));
  });
}
