import { generateKeyPair, SignJWT, type JWTPayload } from 'jose';
import { expect, expectTypeOf, test } from 'vitest';
import { createHostApp, type HostAppOptions } from '../app';
import { createApiLimits, RATE_LIMIT_DEFAULTS } from '../limits';
import { createRegistry } from '../registry';
import { SiteverifyErrorCode, type SiteverifyAnswer } from '../siteverify';
import { loadSigningKey, signStatusToken, type SigningKey, type StatusClaims } from '../token';
import { FRAME_TEMPLATE, unusedService, useEmptyDist } from '../test-kit';

const distDir = useEmptyDist();

const ISSUER = 'https://kycvs.example';
const IRCTC_SECRET = 'irctc-secret-0123456789';
const service = unusedService;
const signingKey = await loadSigningKey(undefined, () => {});

/** Everything but `issuer`, so that a test can leave it to its default. */
function hostOptions(): HostAppOptions {
  return {
    registry: createRegistry([
      { id: 'demo-travel', name: 'Demo Travel', allowed_origins: ['http://localhost:5173'], scope: ['status'] },
      {
        id: 'demo-irctc',
        name: 'Demo Rail',
        allowed_origins: ['http://localhost:5173'],
        scope: ['status', 'demographics'],
        secret: IRCTC_SECRET,
      },
    ]),
    service,
    signingKey,
    frameTemplate: FRAME_TEMPLATE,
    distDir,
    demoOrigin: 'http://localhost:5173',
    log: () => {},
  };
}

const hostApp = (extra: Partial<HostAppOptions> = {}) => createHostApp({ ...hostOptions(), issuer: ISSUER, ...extra });

const claims: StatusClaims = {
  issuer: ISSUER,
  audience: 'demo-travel',
  subject: 'opaque-sub',
  status: 'FULLY_VACCINATED',
  vs: 2,
};
const sign = (extra: Partial<StatusClaims> = {}, now?: number, key: SigningKey = signingKey) =>
  signStatusToken(key, { ...claims, ...extra }, now);

/** A status token with any header and claims, signed by the host's key unless told. */
async function forge(
  header: Record<string, unknown>,
  signer: { alg: string; key: CryptoKey | Uint8Array } = { alg: 'ES256', key: signingKey.privateKey },
) {
  const iat = Math.floor(Date.now() / 1000);
  const payload: JWTPayload = { ...claims, iss: ISSUER, aud: 'demo-travel', sub: 's', iat, exp: iat + 300, jti: 'j' };
  return new SignJWT(payload)
    .setProtectedHeader({ alg: signer.alg, kid: signingKey.kid, typ: 'kycvs-status+jwt', ...header })
    .sign(signer.key);
}

function post(app: ReturnType<typeof hostApp>, body: unknown, type = 'application/json') {
  return app.request('/api/kycvs/siteverify', {
    method: 'POST',
    headers: { 'content-type': type },
    body: typeof body === 'string' ? body : JSON.stringify(body),
  });
}

async function verdict(response: Response) {
  return { status: response.status, body: (await response.json()) as SiteverifyAnswer };
}
const refused = (code: string) => ({ status: 200, body: { success: false, 'error-codes': [code] } });

test('a good token is accepted once, with its claims', async () => {
  const app = hostApp();
  const token = await sign();
  const { status, body } = await verdict(await post(app, { token }));
  expect(status).toBe(200);
  const now = Math.floor(Date.now() / 1000);
  expect(body).toEqual({
    success: true,
    status: 'FULLY_VACCINATED',
    aud: 'demo-travel',
    sub: 'opaque-sub',
    iat: expect.any(Number),
    exp: expect.any(Number),
  });
  if (!body.success) throw new Error('refused');
  expect(Math.abs(body.iat - now)).toBeLessThanOrEqual(1);
  expect(body.exp - body.iat).toBe(300);
});

test('the second use of a token is refused as token-already-used', async () => {
  const app = hostApp();
  const token = await sign();
  expect((await verdict(await post(app, { token }))).body.success).toBe(true);
  expect(await verdict(await post(app, { token }))).toEqual(refused('token-already-used'));
  expect(await verdict(await post(app, { token }))).toEqual(refused('token-already-used'));
});

test('two concurrent checks of one token: exactly one is accepted', async () => {
  const app = hostApp();
  const token = await sign();
  const responses = await Promise.all([post(app, { token }), post(app, { token }), post(app, { token })]);
  const answers = await Promise.all(responses.map(verdict));
  expect(answers.filter((a) => a.body.success)).toHaveLength(1);
  expect(answers.filter((a) => !a.body.success)).toEqual([
    refused('token-already-used'),
    refused('token-already-used'),
  ]);
});

test('each app keeps its own used tokens (two hosts do not share one by accident)', async () => {
  const token = await sign();
  expect((await verdict(await post(hostApp(), { token }))).body.success).toBe(true);
  expect((await verdict(await post(hostApp(), { token }))).body.success).toBe(true);
});

test("the answer carries the token's nonce when it has one", async () => {
  const { body } = await verdict(await post(hostApp(), { token: await sign({ nonce: 'n-42' }) }));
  expect(body).toMatchObject({ success: true, nonce: 'n-42' });
});

const tamper = async (part: 1 | 2) => {
  const pieces = (await sign()).split('.');
  if (part === 1) {
    const payload = JSON.parse(Buffer.from(pieces[1]!, 'base64url').toString()) as JWTPayload;
    pieces[1] = Buffer.from(JSON.stringify({ ...payload, sub: 'someone-else' })).toString('base64url');
  } else {
    pieces[2] = pieces[2]!.slice(0, 10) + (pieces[2]![10] === 'A' ? 'B' : 'A') + pieces[2]!.slice(11);
  }
  return pieces.join('.');
};

test.each([
  { what: 'a token with changed claims', token: () => tamper(1) },
  { what: 'a token with a changed signature', token: () => tamper(2) },
  {
    what: 'a token signed by another key',
    token: async () => sign({}, undefined, await loadSigningKey(undefined, () => {})),
  },
  {
    what: 'a token signed by another key under the host kid',
    token: async () => forge({}, { alg: 'ES256', key: (await generateKeyPair('ES256')).privateKey }),
  },
  {
    what: 'an alg none token',
    token: async () => {
      const header = Buffer.from(JSON.stringify({ alg: 'none', typ: 'kycvs-status+jwt' })).toString('base64url');
      return `${header}.${(await sign()).split('.')[1]}.`;
    },
  },
  {
    what: 'an HS256 token keyed with the public JWK',
    token: () => forge({}, { alg: 'HS256', key: new TextEncoder().encode(JSON.stringify(signingKey.publicJwk)) }),
  },
  { what: 'a token of another typ', token: () => forge({ typ: 'JWT' }) },
  { what: 'a token from a foreign issuer', token: () => sign({ issuer: 'https://evil.example' }) },
  { what: 'a string that is no token', token: () => 'hello' },
])('$what is refused as invalid-input-response', async ({ token }) => {
  expect(await verdict(await post(hostApp(), { token: await token() }))).toEqual(refused('invalid-input-response'));
});

test('past exp, with 5 s for the clocks of hosts behind one origin, a token is refused as token-expired', async () => {
  expect(await verdict(await post(hostApp(), { token: await sign({}, Date.now() - 306_000) }))).toEqual(
    refused('token-expired'),
  );
  expect((await verdict(await post(hostApp(), { token: await sign({}, Date.now() - 302_000) }))).body.success).toBe(
    true,
  );
});

test('a token for a provider that is not registered is refused as unknown-audience', async () => {
  const token = await sign({ audience: 'ghost-provider' });
  expect(await verdict(await post(hostApp(), { token }))).toEqual(refused('unknown-audience'));
});

test('the issuer is the host public origin given to the app, by default that of docs/operations.md', async () => {
  const token = await sign({ issuer: 'http://127.0.0.1:5174' });
  expect(await verdict(await post(hostApp(), { token }))).toEqual(refused('invalid-input-response'));
  expect((await verdict(await post(createHostApp(hostOptions()), { token }))).body.success).toBe(true);
});

test('a provider registered with a secret must send it: missing-input-secret', async () => {
  const token = await sign({ audience: 'demo-irctc' });
  expect(await verdict(await post(hostApp(), { token }))).toEqual(refused('missing-input-secret'));
  expect(await verdict(await post(hostApp(), { token, secret: '' }))).toEqual(refused('missing-input-secret'));
});

test('a wrong secret is refused as invalid-input-secret and does not use the token up', async () => {
  const app = hostApp();
  const token = await sign({ audience: 'demo-irctc' });
  for (const secret of ['wrong', `${IRCTC_SECRET}x`, IRCTC_SECRET.slice(0, -1), IRCTC_SECRET.toUpperCase()]) {
    expect(await verdict(await post(app, { token, secret }))).toEqual(refused('invalid-input-secret'));
  }
  expect(await verdict(await post(app, { token }))).toEqual(refused('missing-input-secret'));
  expect(await verdict(await post(app, { token, secret: IRCTC_SECRET }))).toMatchObject({
    status: 200,
    body: { success: true, aud: 'demo-irctc' },
  });
  expect(await verdict(await post(app, { token, secret: IRCTC_SECRET }))).toEqual(refused('token-already-used'));
});

test('another provider secret does not open this provider tokens', async () => {
  const token = await sign({ audience: 'demo-irctc' });
  expect(await verdict(await post(hostApp(), { token, secret: 'demo-travel-has-no-secret' }))).toEqual(
    refused('invalid-input-secret'),
  );
});

test('a provider without a secret is answered whether or not one is sent', async () => {
  const app = hostApp();
  expect((await verdict(await post(app, { token: await sign() }))).body.success).toBe(true);
  expect((await verdict(await post(app, { token: await sign(), secret: 'anything-at-all' }))).body.success).toBe(true);
});

test.each([{ body: {} }, { body: { token: '' } }, { body: { secret: IRCTC_SECRET } }])(
  'no token ($body) is missing-input-response',
  async ({ body }) => {
    expect(await verdict(await post(hostApp(), body))).toEqual(refused('missing-input-response'));
  },
);

test.each([
  { what: 'an empty body', body: '' },
  { what: 'text that is not JSON', body: 'token=abc' },
  { what: 'a JSON array', body: '[]' },
  { what: 'JSON null', body: 'null' },
  { what: 'a JSON string', body: '"eyJhbGciOi"' },
  { what: 'a token that is a number', body: { token: 5 } },
  { what: 'a token that is null', body: { token: null } },
  { what: 'a token that is a list', body: { token: ['a', 'b'] } },
  { what: 'a secret that is an object', body: { token: 'a', secret: { value: 'x' } } },
])('$what is a 400 bad-request', async ({ body }) => {
  const response = await post(hostApp(), body);
  expect(response.status).toBe(400);
  expect(await response.json()).toEqual({ success: false, 'error-codes': ['bad-request'] });
  expect(response.headers.get('cache-control')).toBe('no-store');
});

test('a form body is read as Turnstile reads one', async () => {
  const app = hostApp();
  const token = await sign({ audience: 'demo-irctc' });
  const form = new URLSearchParams({ token, secret: IRCTC_SECRET }).toString();
  const type = 'application/x-www-form-urlencoded; charset=UTF-8';
  expect(await verdict(await post(app, form, type))).toMatchObject({ status: 200, body: { success: true } });
  expect(await verdict(await post(app, form, type))).toEqual(refused('token-already-used'));
  expect(await verdict(await post(app, 'secret=x', type))).toEqual(refused('missing-input-response'));
});

test('a form with the token twice is a 400 bad-request', async () => {
  const response = await post(hostApp(), 'token=a&token=b', 'application/x-www-form-urlencoded');
  expect(response.status).toBe(400);
});

test.each([5_000, 20_000])(
  'a body of %i bytes, far larger than a token, is refused in siteverify’s own shape',
  async (size) => {
    const response = await post(hostApp(), { token: 'x'.repeat(size) });
    expect(response.status).toBe(size > 8192 ? 413 : 200);
    expect(response.headers.get('cache-control')).toBe('no-store');
    // Never in the widget API's shape: a provider's server reads `error-codes`.
    expect(await response.json()).toEqual({
      success: false,
      'error-codes': [size > 8192 ? 'bad-request' : 'invalid-input-response'],
    });
  },
);

test('each calling address gets its own siteverify limit, answered as 429 rate-limited with Retry-After', async () => {
  const app = hostApp({
    limits: createApiLimits({ limits: { ...RATE_LIMIT_DEFAULTS, siteverify: { limit: 3, windowSeconds: 60 } } }),
  });
  const from = (address: string, body: unknown) =>
    app.request(
      '/api/kycvs/siteverify',
      { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) },
      { incoming: { socket: { remoteAddress: address } } },
    );
  const token = await sign();
  for (let i = 0; i < 3; i++) expect((await from('198.51.100.1', { token: 'junk' })).status).toBe(200);
  const limited = await from('198.51.100.1', { token });
  expect(limited.status).toBe(429);
  expect(limited.headers.get('retry-after')).toMatch(/^[1-9]\d*$/);
  expect(await limited.json()).toEqual({ success: false, 'error-codes': ['rate-limited'] });
  // The token was not used up, and another address is counted apart.
  expect(await verdict(await from('198.51.100.2', { token }))).toMatchObject({ status: 200, body: { success: true } });
});

test('every answer is no-store, and none is readable by a page (no CORS)', async () => {
  const app = hostApp();
  const answers = [
    await post(app, { token: await sign() }),
    await post(app, { token: 'bad' }),
    await post(app, 'not json'),
  ];
  for (const response of answers) {
    expect(response.headers.get('cache-control')).toBe('no-store');
    expect(response.headers.get('content-type')).toMatch(/^application\/json/);
    expect(response.headers.get('access-control-allow-origin')).toBeNull();
  }
});

test('only POST is answered', async () => {
  const response = await hostApp().request('/api/kycvs/siteverify');
  expect(response.status).toBe(404);
});

test('the error codes are the kebab-case words of the contract, each named once', () => {
  expect(Object.values(SiteverifyErrorCode).sort()).toEqual(
    [
      'bad-request',
      'code-already-used',
      'code-expired',
      'internal-error',
      'invalid-code',
      'invalid-input-response',
      'invalid-input-secret',
      'invalid-idempotency-key',
      'missing-input-response',
      'missing-input-secret',
      'rate-limited',
      'token-already-used',
      'token-expired',
      'unknown-audience',
    ].sort(),
  );
  expectTypeOf<
    Extract<SiteverifyAnswer, { success: false }>['error-codes'][number]
  >().toEqualTypeOf<SiteverifyErrorCode>();
});
