import { Hono } from 'hono';
import { expect, test } from 'vitest';
import { FrameConfigSchema } from '../../../contract';
import { KycvsResultSchema } from '../../../contract';
import { createRegistry, RegistryError } from '../registry';
import { useMockedHost, withoutRef } from '../test-kit';
import { createSelfCheckCookie } from '../standalone';
import { standaloneRoute } from './standalone';

const { host, mock } = useMockedHost();

const HOST = 'http://127.0.0.1:5174';
const asha = { name: 'Asha Verma', mobile: '9876543210' };

/** The CSP as directive → sources. */
function csp(response: Response): Map<string, string[]> {
  const header = response.headers.get('content-security-policy') ?? '';
  return new Map(
    header
      .split(';')
      .map((part) => part.trim().split(/\s+/))
      .filter((words) => words[0])
      .map(([name, ...sources]) => [name!, sources]),
  );
}

async function page(path = '/', headers: Record<string, string> = {}) {
  const { app } = await host();
  const response = await app.request(path, { headers });
  const html = await response.text();
  const content = /<meta name="kycvs-config" content="([^"]*)" \/>/.exec(html)?.[1] ?? '';
  const json = content.replace(/&#(\d+);/g, (_, code: string) => String.fromCharCode(Number(code)));
  return { response, html, config: FrameConfigSchema.parse(JSON.parse(json)) };
}

test('/ serves the frame as CoWIN’s own page: top-level, sharing, posting to no one', async () => {
  const { response, config } = await page();
  expect(response.status).toBe(200);
  expect(config).toEqual({
    provider: { id: 'cowin-self', name: 'CoWIN', scope: ['status', 'demographics', 'vaccinations'] },
    parentOrigin: null,
    refusal: null,
    lang: 'en',
    instance: '',
    share: true,
    standalone: true,
  });
});

test('/ may be framed by no one, and keeps no opener', async () => {
  const { response } = await page();
  const policy = csp(response);
  expect(policy.get('frame-ancestors')).toEqual(["'none'"]);
  expect(policy.get('script-src')).toEqual(["'self'"]);
  expect(policy.get('img-src')).toEqual(["'self'", 'data:', 'blob:']);
  expect(response.headers.get('x-frame-options')).toBe('DENY');
  expect(response.headers.get('cross-origin-opener-policy')).toBe('same-origin');
  expect(response.headers.get('referrer-policy')).toBe('no-referrer');
  expect(response.headers.get('vary')).toMatch(/accept-language/i);
});

test.each([
  ['?lang=', '/?lang=ta', {}, 'ta'],
  ['?lang= over Accept-Language', '/?lang=bn', { 'accept-language': 'hi' }, 'bn'],
  ['Accept-Language', '/', { 'accept-language': 'fr-FR,mr;q=0.8,en;q=0.5' }, 'mr'],
  ['Accept-Language past an unsupported ?lang=', '/?lang=xx', { 'accept-language': 'hi-IN' }, 'hi'],
  ['English without either', '/', { 'accept-language': 'de-DE' }, 'en'],
])('the language follows %s', async (_, path, headers, lang) => {
  const { html, config } = await page(path, headers);
  expect(config.lang).toBe(lang);
  expect(html.startsWith(`<html lang="${lang}">`)).toBe(true);
});

test('cowin-self cannot be framed through /frame.html', async () => {
  const { app } = await host();
  const response = await app.request(`/frame.html?provider=cowin-self&origin=${encodeURIComponent(HOST)}`);
  expect(response.status).toBe(404);
  expect(csp(response).get('frame-ancestors')).toEqual(["'none'"]);
});

test('a registry that names a provider cowin-self is refused at start', () => {
  const impostor = { id: 'cowin-self', name: 'Impostor', allowed_origins: ['https://evil.example'], scope: ['status'] };
  expect(() => createRegistry([impostor])).toThrow(RegistryError);
  // And the route refuses such a registry too, should one be made some other way.
  const registry = { get: (id: string) => (id === 'cowin-self' ? impostor : undefined), all: () => [impostor] };
  expect(() =>
    standaloneRoute(
      new Hono(),
      registry as never,
      '',
      createSelfCheckCookie({ secret: new Uint8Array(32), publicOrigin: HOST }),
    ),
  ).toThrow(RegistryError);
});

test('the API takes cowin-self only with the cookie CoWIN’s own page set, from that page', async () => {
  const h = await host();
  const page = await h.app.request('/');
  expect(page.headers.get('set-cookie')).toMatch(
    /^kycvs-self=[\w.-]+; Path=\/; Max-Age=1800; HttpOnly; SameSite=Strict$/,
  );
  const cookie = await h.visitStandalone();
  expect((await h.post('/otp', { provider: 'cowin-self', ...asha }, undefined, { cookie })).status).toBe(200);
  expect(mock.outbox.list(asha.mobile)).toHaveLength(1);
});

test.each([
  ['no cookie', {}],
  ['a made-up cookie', { cookie: 'kycvs-self=AAAAAAAAAAAAAAAAAAAAAA.1736935200.AAAAAAAAAAAAAAAAAAAAAA' }],
])('without a valid cookie (%s) cowin-self is an unknown provider, and no SMS goes', async (_, headers) => {
  const h = await host();
  const asSelf = await h.post('/otp', { provider: 'cowin-self', ...asha }, undefined, headers);
  const unknown = await h.post('/otp', { provider: 'no-such-provider', ...asha }, undefined, headers);
  expect(asSelf.status).toBe(404);
  expect(withoutRef(await asSelf.text())).toEqual(withoutRef(await unknown.text()));
  expect(mock.outbox.list(asha.mobile)).toEqual([]);
});

test('a cowin-self session goes on only with the cookie it began with', async () => {
  const h = await host();
  const cookie = await h.visitStandalone();
  const { session } = (await (
    await h.post('/otp', { provider: 'cowin-self', ...asha }, undefined, { cookie })
  ).json()) as {
    session: string;
  };
  const otp = mock.outbox.list(asha.mobile).at(-1)!.otp;
  const other = await h.visitStandalone();
  const withOther = await h.post('/verify', { provider: 'cowin-self', session, otp }, undefined, { cookie: other });
  expect(withOther.status).toBe(410);
  expect((await h.post('/verify', { provider: 'cowin-self', session, otp }, undefined, {})).status).toBe(404);
  // Nor under a registered provider's name: the session belongs to cowin-self.
  expect((await h.post('/verify', { provider: 'demo-irctc', session, otp }, undefined, { cookie })).status).toBe(410);
  expect((await h.post('/verify', { provider: 'cowin-self', session, otp }, undefined, { cookie })).status).toBe(200);
});

test('CoWIN’s own page has a bucket of its own: 30 OTP sends an hour from one address', async () => {
  const h = await host();
  const cookie = await h.visitStandalone();
  const people = ['9876543210', '9123456780', '9988776655', '9000000001'];
  const statuses: number[] = [];
  for (let i = 0; i < 31; i++) {
    const response = await h.post(
      '/otp',
      { provider: 'cowin-self', name: 'Any Name', mobile: people[i % 4] },
      '198.51.100.9',
      { cookie },
    );
    statuses.push(response.status);
  }
  expect(statuses.slice(0, 30).every((status) => status === 200)).toBe(true);
  expect(statuses[30]).toBe(429);
  // A provider's widget at the same address is not held up by it.
  expect((await h.post('/otp', { provider: 'demo-travel', ...asha }, '198.51.100.9')).status).toBe(200);
});

test('CoWIN’s own page gets the full answer; its token is good for no provider at siteverify', async () => {
  const h = await host();
  const cookie = await h.visitStandalone();
  const { session } = (await (
    await h.post('/otp', { provider: 'cowin-self', ...asha }, undefined, { cookie })
  ).json()) as {
    session: string;
  };
  const sms = mock.outbox.list(asha.mobile).at(-1)!;
  const response = await h.post('/verify', { provider: 'cowin-self', session, otp: sms.otp }, undefined, { cookie });
  expect(response.status).toBe(200);
  const result = KycvsResultSchema.parse(await response.json());
  expect(result.status).toBe('FULLY_VACCINATED');
  expect(result.beneficiary?.name).toBe('Asha Verma');
  expect(result.vaccinations).toHaveLength(2);
  const [, payload] = result.token.split('.');
  expect(JSON.parse(Buffer.from(payload!, 'base64url').toString())).toMatchObject({ aud: 'cowin-self' });

  const verdict = await h.app.request('/api/kycvs/siteverify', {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ token: result.token }),
  });
  expect(await verdict.json()).toEqual({ success: false, 'error-codes': ['unknown-audience'] });
});

test('the SMS for CoWIN’s own page names only its site, and ends with a one-host WebOTP line', async () => {
  const h = await host();
  const cookie = await h.visitStandalone();
  await h.post('/otp', { provider: 'cowin-self', ...asha, parentOrigin: 'http://localhost:5173' }, undefined, {
    cookie,
  });
  const sms = mock.outbox.list(asha.mobile).at(-1)!;
  expect(sms.text).toMatch(
    /^Your OTP to check your own vaccination status on 127\.0\.0\.1:5174 is \d{6}\. Type it only on 127\.0\.0\.1:5174: /,
  );
  expect(sms.text.split('\n').at(-1)).toBe(`@127.0.0.1:5174 #${sms.otp}`);
});
