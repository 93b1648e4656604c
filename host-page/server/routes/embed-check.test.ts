import { expect, test } from 'vitest';
import { API_ENDPOINTS, ApiErrorBodySchema } from '../../../contract';
import { createHostApp } from '../app';
import { createApiLimits, RATE_LIMIT_DEFAULTS } from '../limits';
import { createRegistry } from '../registry';
import { loadSigningKey } from '../token';
import { FRAME_CALL, FRAME_TEMPLATE, unusedService, useEmptyDist } from '../test-kit';

const distDir = useEmptyDist();

const HOST = 'http://127.0.0.1:5174';
const AGENCY = 'https://agency.example';
const service = unusedService;
const signingKey = await loadSigningKey(undefined, () => {});
const registry = createRegistry([
  { id: 'demo-travel', name: 'Demo Travel', allowed_origins: [AGENCY, 'http://localhost:5173'], scope: ['status'] },
  { id: 'demo-irctc', name: 'Demo Rail', allowed_origins: ['https://rail.example'], scope: ['status'] },
]);

/** A host whose client limit is `clientLimit` calls a minute, on a clock the test holds still. */
function hostApp(clientLimit: number = RATE_LIMIT_DEFAULTS.client.limit) {
  return createHostApp({
    registry,
    service,
    signingKey,
    frameTemplate: FRAME_TEMPLATE,
    distDir,
    demoOrigin: 'http://localhost:5173',
    log: () => {},
    limits: createApiLimits({
      limits: { ...RATE_LIMIT_DEFAULTS, client: { limit: clientLimit, windowSeconds: 60 } },
      now: () => 0,
    }),
  });
}

/** A GET from `from`, the TCP peer as @hono/node-server gives it. */
const get = (app: ReturnType<typeof hostApp>, path: string, from = '203.0.113.10') =>
  app.request(path, {}, { incoming: { socket: { remoteAddress: from, remotePort: 50_000, remoteFamily: 'IPv4' } } });

/** The path debug mode asks for, made by the loader's own helper. */
const checkPath = (provider: string, origin: string) =>
  `${API_ENDPOINTS.embedCheck}?provider=${encodeURIComponent(provider)}&origin=${encodeURIComponent(origin)}`;

const cases = [
  { provider: 'demo-travel', origin: AGENCY, answer: { provider: true, origin: true } },
  { provider: 'demo-travel', origin: 'http://localhost:5173', answer: { provider: true, origin: true } },
  // Another provider's origin, and near misses of a registered one: each is a different origin.
  { provider: 'demo-travel', origin: 'https://rail.example', answer: { provider: true, origin: false } },
  { provider: 'demo-travel', origin: 'http://agency.example', answer: { provider: true, origin: false } },
  { provider: 'demo-travel', origin: 'https://www.agency.example', answer: { provider: true, origin: false } },
  { provider: 'demo-travel', origin: 'https://agency.example:8443', answer: { provider: true, origin: false } },
  { provider: 'demo-irctc', origin: AGENCY, answer: { provider: true, origin: false } },
  // Ids are case-sensitive; CoWIN's own page is no registered provider.
  { provider: 'Demo-Travel', origin: AGENCY, answer: { provider: false, origin: false } },
  { provider: 'no-such-provider', origin: AGENCY, answer: { provider: false, origin: false } },
  { provider: 'cowin-self', origin: HOST, answer: { provider: false, origin: false } },
];

for (const { provider, origin, answer } of cases) {
  test(`says ${JSON.stringify(answer)} for ${provider} on ${origin}`, async () => {
    const response = await get(hostApp(), checkPath(provider, origin));
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual(answer);
  });
}

test('any page may read the answer, which is never cached or sniffed', async () => {
  const response = await get(hostApp(), checkPath('demo-travel', AGENCY));
  expect(response.headers.get('access-control-allow-origin')).toBe('*');
  expect(response.headers.get('access-control-allow-credentials')).toBeNull();
  expect(response.headers.get('cache-control')).toBe('no-store');
  expect(response.headers.get('x-content-type-options')).toBe('nosniff');
  expect(response.headers.get('content-type')).toMatch(/^application\/json/);
});

test('tells nothing about a provider beyond the two answers: not its name, scope or other origins', async () => {
  const text = await (await get(hostApp(), checkPath('demo-travel', 'https://elsewhere.example'))).text();
  expect(JSON.parse(text)).toEqual({ provider: true, origin: false });
  expect(text).not.toMatch(/Demo Travel|agency\.example|localhost|status/);
});

const bad = [
  { why: 'no provider', query: `origin=${encodeURIComponent(AGENCY)}`, says: /\?provider= exactly once/ },
  {
    why: 'an empty provider',
    query: `provider=&origin=${encodeURIComponent(AGENCY)}`,
    says: /\?provider= exactly once/,
  },
  { why: 'two providers', query: `provider=a1&provider=demo-travel&origin=x`, says: /\?provider= exactly once/ },
  { why: 'no origin', query: 'provider=demo-travel', says: /\?origin= exactly once/ },
  {
    why: 'two origins',
    query: `provider=demo-travel&origin=${AGENCY}&origin=${AGENCY}`,
    says: /\?origin= exactly once/,
  },
  { why: 'an overlong provider', query: `provider=${'a'.repeat(257)}&origin=${AGENCY}`, says: /longer than 256/ },
  { why: 'a provider with a space', query: `provider=demo%20travel&origin=${AGENCY}`, says: /no spaces/ },
  { why: 'a provider beyond ASCII', query: `provider=d%C3%A9mo&origin=${AGENCY}`, says: /beyond ASCII/ },
  { why: 'an origin with a path', query: `provider=demo-travel&origin=${AGENCY}/page`, says: /exact origin/ },
  { why: 'an origin with a trailing slash', query: `provider=demo-travel&origin=${AGENCY}/`, says: /exact origin/ },
  { why: 'a null origin', query: 'provider=demo-travel&origin=null', says: /exact origin/ },
  { why: 'a file: origin', query: 'provider=demo-travel&origin=file%3A%2F%2F', says: /exact origin/ },
  {
    why: 'an upper-case origin',
    query: 'provider=demo-travel&origin=https%3A%2F%2FAGENCY.example',
    says: /exact origin/,
  },
];

for (const { why, query, says } of bad) {
  test(`answers 400 with a reason to ${why}`, async () => {
    const response = await get(hostApp(), `/api/kycvs/embed-check?${query}`);
    expect(response.status).toBe(400);
    expect(response.headers.get('access-control-allow-origin')).toBe('*');
    expect(response.headers.get('cache-control')).toBe('no-store');
    const body = ApiErrorBodySchema.parse(await response.json());
    expect(body.error.code).toBe('BAD_REQUEST');
    expect(body.error.message).toMatch(says);
  });
}

test('is rate-limited per client, with Retry-After, and counts with the widget API calls', async () => {
  const app = hostApp(3);
  const path = checkPath('demo-travel', AGENCY);
  for (let i = 0; i < 3; i++) expect((await get(app, path)).status).toBe(200);
  const refused = await get(app, path);
  expect(refused.status).toBe(429);
  expect(refused.headers.get('retry-after')).toMatch(/^[1-9]\d*$/);
  expect(refused.headers.get('access-control-allow-origin')).toBe('*');
  const body = ApiErrorBodySchema.parse(await refused.json());
  expect(body.error).toMatchObject({ code: 'RATE_LIMITED', retryAfter: Number(refused.headers.get('retry-after')) });
  // A bad request counts too, and the widget's own API shares the client's budget.
  const post = await app.request(
    '/api/kycvs/otp',
    { method: 'POST', headers: FRAME_CALL, body: '{}' },
    { incoming: { socket: { remoteAddress: '203.0.113.10', remotePort: 50_000, remoteFamily: 'IPv4' } } },
  );
  expect(post.status).toBe(429);
  // Another client is not held up.
  expect((await get(app, path, '198.51.100.7')).status).toBe(200);
});

test('a bad request counts against the client too', async () => {
  const app = hostApp(2);
  expect((await get(app, '/api/kycvs/embed-check')).status).toBe(400);
  expect((await get(app, '/api/kycvs/embed-check')).status).toBe(400);
  expect((await get(app, checkPath('demo-travel', AGENCY))).status).toBe(429);
});
