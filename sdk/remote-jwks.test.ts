import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { serve } from '@hono/node-server';
import { afterAll, expect, test } from 'vitest';
import { createHostApp } from '../host-page/server/app';
import { createRegistry } from '../host-page/server/registry';
import { loadSigningKey, signStatusToken, type SigningKey } from '../host-page/server/token';
import type { VerificationService } from '../host-page/server/verification';
import { StatusTokenError, verifyStatusToken } from './index';

const ISSUER = 'https://kycvs.example';
const [key, next] = await Promise.all([loadSigningKey(undefined, () => {}), loadSigningKey(undefined, () => {})]);

const sign = (by: SigningKey = key) =>
  signStatusToken(by, { issuer: ISSUER, audience: 'demo-travel', subject: 's', status: 'PARTIALLY_VACCINATED', vs: 1 });

/** A throwaway JWKS server on 127.0.0.1: each path answers as its handler says, and counts its requests. */
const hits = new Map<string, number>();
const routes = new Map<string, (res: ServerResponse) => void>();
const server = createServer((req: IncomingMessage, res: ServerResponse) => {
  hits.set(req.url ?? '', (hits.get(req.url ?? '') ?? 0) + 1);
  const route = routes.get(req.url ?? '');
  if (route) route(res);
  else res.writeHead(404).end();
});
await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

let paths = 0;
/** A fresh path per test: the helper caches one key set per URL for the life of the process. */
function serveAt(handler: (res: ServerResponse) => void): string {
  const path = `/jwks-${++paths}.json`;
  routes.set(path, handler);
  return path;
}
const json = (body: unknown) => (res: ServerResponse) =>
  res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify(body));

const codeOf = (promise: Promise<unknown>) =>
  promise.then(
    () => 'resolved',
    (error: unknown) => (error instanceof StatusTokenError ? error.code : error),
  );

test('verifies against a JWKS fetched from jwksUrl, given as text or as a URL', async () => {
  const path = serveAt(json({ keys: [key.publicJwk] }));
  const token = await sign();
  const verified = await verifyStatusToken(token, { jwksUrl: `${origin}${path}`, audience: 'demo-travel' });
  expect(verified).toMatchObject({ status: 'PARTIALLY_VACCINATED', vs: 1, aud: 'demo-travel', iss: ISSUER });
  await expect(
    verifyStatusToken(token, { jwksUrl: new URL(path, origin), audience: 'demo-travel', issuer: ISSUER }),
  ).resolves.toMatchObject({ sub: 's' });
});

test('the JWKS is fetched once per URL, not once per token', async () => {
  const path = serveAt(json({ keys: [key.publicJwk] }));
  for (let i = 0; i < 5; i += 1) {
    await verifyStatusToken(await sign(), { jwksUrl: `${origin}${path}`, audience: 'demo-travel' });
  }
  expect(hits.get(path)).toBe(1);
});

test('a served JWKS with two keys verifies tokens of both (rotation)', async () => {
  const path = serveAt(json({ keys: [key.publicJwk, next.publicJwk] }));
  const options = { jwksUrl: `${origin}${path}`, audience: 'demo-travel' };
  await expect(verifyStatusToken(await sign(key), options)).resolves.toBeDefined();
  await expect(verifyStatusToken(await sign(next), options)).resolves.toBeDefined();
});

test('a token whose kid the served JWKS lacks is UNKNOWN_KEY', async () => {
  const path = serveAt(json({ keys: [key.publicJwk] }));
  expect(
    await codeOf(verifyStatusToken(await sign(next), { jwksUrl: `${origin}${path}`, audience: 'demo-travel' })),
  ).toBe('UNKNOWN_KEY');
});

test.each([
  { what: 'answers 500', handler: (res: ServerResponse) => res.writeHead(500).end() },
  { what: 'answers 404', handler: undefined },
  { what: 'redirects', handler: (res: ServerResponse) => res.writeHead(302, { location: '/elsewhere' }).end() },
  { what: 'answers something that is not JSON', handler: (res: ServerResponse) => res.writeHead(200).end('<html>') },
  { what: 'answers JSON that is not a JWKS', handler: json({ keys: 'none' }) },
])('a JWKS URL that $what is JWKS_UNAVAILABLE', async ({ handler }) => {
  const path = handler ? serveAt(handler) : `/missing-${++paths}.json`;
  expect(await codeOf(verifyStatusToken(await sign(), { jwksUrl: `${origin}${path}`, audience: 'demo-travel' }))).toBe(
    'JWKS_UNAVAILABLE',
  );
});

test('a JWKS URL nobody listens on is JWKS_UNAVAILABLE', async () => {
  const closed = createServer();
  await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve));
  const { port } = closed.address() as AddressInfo;
  await new Promise<void>((resolve) => closed.close(() => resolve()));
  const options = { jwksUrl: `http://127.0.0.1:${port}/.well-known/jwks.json`, audience: 'demo-travel' };
  expect(await codeOf(verifyStatusToken(await sign(), options))).toBe('JWKS_UNAVAILABLE');
});

test("a token verifies against the host's own /.well-known/jwks.json over HTTP", async () => {
  const distDir = mkdtempSync(join(tmpdir(), 'kycvs-dist-'));
  mkdirSync(join(distDir, 'frame'));
  const unused = () => Promise.reject(new Error('not used'));
  const service: VerificationService = { requestOtp: unused, resendOtp: unused, verify: unused };
  const app = createHostApp({
    registry: createRegistry([
      { id: 'demo-travel', name: 'Demo Travel', allowed_origins: ['http://localhost:5173'], scope: ['status'] },
    ]),
    service,
    signingKey: key,
    frameTemplate: '<html lang="en"><head><!--kycvs-config--></head><body></body></html>',
    distDir,
    demoOrigin: 'http://localhost:5173',
    log: () => {},
  });
  const host = await new Promise<ReturnType<typeof serve>>((resolve) => {
    const started = serve({ fetch: app.fetch, port: 0, hostname: '127.0.0.1' }, () => resolve(started));
  });
  try {
    const { port } = host.address() as AddressInfo;
    const jwksUrl = `http://127.0.0.1:${port}/.well-known/jwks.json`;
    await expect(verifyStatusToken(await sign(), { jwksUrl, audience: 'demo-travel' })).resolves.toMatchObject({
      status: 'PARTIALLY_VACCINATED',
    });
  } finally {
    await new Promise<void>((resolve) => host.close(() => resolve()));
    rmSync(distDir, { recursive: true, force: true });
  }
});
