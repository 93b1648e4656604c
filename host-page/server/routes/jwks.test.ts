import { createLocalJWKSet, jwtVerify } from 'jose';
import { expect, test } from 'vitest';
import { createHostApp } from '../app';
import { createRegistry } from '../registry';
import { loadSigningKey, signStatusToken } from '../token';
import { FRAME_TEMPLATE, unusedService, useEmptyDist } from '../test-kit';

const distDir = useEmptyDist();

const service = unusedService;
const registry = createRegistry([
  { id: 'demo-travel', name: 'Demo Travel', allowed_origins: ['http://localhost:5173'], scope: ['status'] },
]);

async function appWithKey() {
  const signingKey = await loadSigningKey(undefined, () => {});
  const app = createHostApp({
    registry,
    service,
    signingKey,
    frameTemplate: FRAME_TEMPLATE,
    distDir,
    demoOrigin: 'http://localhost:5173',
    log: () => {},
  });
  return { app, signingKey };
}

test('/.well-known/jwks.json lists the public signing key', async () => {
  const { app, signingKey } = await appWithKey();
  const response = await app.request('/.well-known/jwks.json');
  expect(response.status).toBe(200);
  expect(response.headers.get('content-type')).toMatch(/^application\/json/);
  const { keys } = (await response.json()) as { keys: Array<Record<string, unknown>> };
  expect(keys).toHaveLength(1);
  expect(keys[0]).toMatchObject({ kty: 'EC', crv: 'P-256', kid: signingKey.kid, alg: 'ES256', use: 'sig' });
  expect(keys[0]).toMatchObject({ x: signingKey.publicJwk.x, y: signingKey.publicJwk.y });
});

test('/.well-known/jwks.json never carries the private part', async () => {
  const { app } = await appWithKey();
  const text = await (await app.request('/.well-known/jwks.json')).text();
  expect(text).not.toMatch(/"d"\s*:/);
  const { keys } = JSON.parse(text) as { keys: object[] };
  for (const key of keys) expect(key).not.toHaveProperty('d');
});

test("a provider's server can verify a token with the served keys", async () => {
  const { app, signingKey } = await appWithKey();
  const token = await signStatusToken(signingKey, {
    issuer: 'http://127.0.0.1:5174',
    audience: 'demo-travel',
    subject: 's',
    status: 'FULLY_VACCINATED',
    vs: 2,
  });
  const jwks = createLocalJWKSet(await (await app.request('/.well-known/jwks.json')).json());
  await expect(jwtVerify(token, jwks, { audience: 'demo-travel' })).resolves.toMatchObject({
    payload: { status: 'FULLY_VACCINATED' },
  });
});

test('the JWKS may be fetched from any origin and cached briefly', async () => {
  const { app } = await appWithKey();
  const response = await app.request('/.well-known/jwks.json');
  expect(response.headers.get('access-control-allow-origin')).toBe('*');
  const maxAge = Number(/max-age=(\d+)/.exec(response.headers.get('cache-control') ?? '')?.[1]);
  expect(maxAge).toBeGreaterThan(0);
  expect(maxAge).toBeLessThanOrEqual(3600);
});
