import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, expect, test, vi } from 'vitest';
import { createHostApp, type HostAppOptions } from './app';
import { createRegistry } from './registry';
import { loadSigningKey } from './token';
import type { VerificationService } from './verification';

const distDir = mkdtempSync(join(tmpdir(), 'kycvs-dist-'));
mkdirSync(join(distDir, 'frame', 'assets'), { recursive: true });
writeFileSync(join(distDir, 'embed.js'), 'window.KYCVS = {};');
writeFileSync(join(distDir, 'frame', 'assets', 'frame-abc123.js'), 'console.log(1);');
afterAll(() => rmSync(distDir, { recursive: true, force: true }));

const unused = () => Promise.reject(new Error('not used'));
const service: VerificationService = { requestOtp: unused, resendOtp: unused, verify: unused };

function hostApp(extra: Partial<HostAppOptions> = {}) {
  const log = vi.fn();
  return {
    log,
    app: createHostApp({
      registry: createRegistry([
        { id: 'demo-travel', name: 'Demo Travel', allowed_origins: ['http://localhost:5173'], scope: ['status'] },
      ]),
      service,
      signingKey,
      frameTemplate: '<html lang="en"><head><!--kycvs-config--></head><body></body></html>',
      distDir,
      demoOrigin: 'http://localhost:5173',
      log,
      ...extra,
    }),
  };
}

const signingKey = await loadSigningKey(undefined, () => {});

test('/embed.js is served to any page, cached for five minutes only', async () => {
  const { app } = hostApp();
  const response = await app.request('/embed.js');
  expect(response.status).toBe(200);
  expect(await response.text()).toBe('window.KYCVS = {};');
  expect(response.headers.get('content-type')).toMatch(/javascript/);
  expect(response.headers.get('access-control-allow-origin')).toBe('*');
  expect(response.headers.get('cache-control')).toBe('public, max-age=300');
});

test('hashed assets are cached for a year and never sniffed', async () => {
  const { app } = hostApp();
  const response = await app.request('/assets/frame-abc123.js');
  expect(response.status).toBe(200);
  expect(response.headers.get('cache-control')).toMatch(/max-age=31536000.*immutable/);
  expect(response.headers.get('x-content-type-options')).toBe('nosniff');
});

test('a missing asset is 404 and not cached for a year', async () => {
  const { app } = hostApp();
  const response = await app.request('/assets/missing-000.js');
  expect(response.status).toBe(404);
  expect(response.headers.get('cache-control') ?? '').not.toContain('immutable');
});

test('files outside the assets folder are not served', async () => {
  const { app } = hostApp();
  for (const path of ['/assets/../../embed.js', '/assets/%2e%2e/%2e%2e/etc/passwd', '/frame/assets/frame-abc123.js']) {
    const response = await app.request(path);
    expect(await response.text()).not.toContain('console.log(1)');
  }
});

test("/ is CoWIN's own Know Your Vaccination Status page, not a redirect", async () => {
  const { app } = hostApp();
  const response = await app.request('/');
  expect(response.status).toBe(200);
  expect(response.headers.get('content-type')).toMatch(/^text\/html/);
  // The config, HTML-escaped in its meta tag (routes/standalone.test.ts reads it in full).
  expect(await response.text()).toContain('standalone&#34;:true');
});

test('an unknown path is a plain 404', async () => {
  const { app } = hostApp();
  const response = await app.request('/nothing-here');
  expect(response.status).toBe(404);
});

test('each request is logged with method, path and status, never the query', async () => {
  const outbox = { list: () => [] };
  const { app, log } = hostApp({ outbox });
  await app.request('/__dev__/sms?mobile=9876543210');
  await app.request('/frame.html?provider=demo-travel&origin=http%3A%2F%2Flocalhost%3A5173&nonce=secret-nonce');
  expect(log).toHaveBeenCalledTimes(2);
  expect(log.mock.calls[0]?.[0]).toMatchObject({ event: 'request', method: 'GET', path: '/__dev__/sms', status: 200 });
  expect(log.mock.calls[1]?.[0]).toMatchObject({ path: '/frame.html', status: 200 });
  const logged = JSON.stringify(log.mock.calls);
  expect(logged).not.toContain('9876543210');
  expect(logged).not.toContain('secret-nonce');
});

test('on an https public origin every answer carries HSTS; on plain http none does', async () => {
  const secure = hostApp({ issuer: 'https://kycvs.example' }).app;
  const plain = hostApp({ issuer: 'http://127.0.0.1:5174' }).app;
  for (const path of ['/embed.js', '/frame.html?provider=demo-travel', '/.well-known/jwks.json', '/nowhere']) {
    expect((await secure.request(path)).headers.get('strict-transport-security')).toBe('max-age=31536000');
    expect((await plain.request(path)).headers.get('strict-transport-security')).toBeNull();
  }
  const api = await secure.request('/api/kycvs/otp', { method: 'POST', body: '{}' });
  expect(api.headers.get('strict-transport-security')).toBe('max-age=31536000');
});

test('/healthz says the process is up; /readyz is 503 with the reason when the host cannot serve', async () => {
  let reason: string | undefined = undefined;
  const { app } = hostApp({ ready: async () => reason });
  expect(await (await app.request('/healthz')).json()).toEqual({ status: 'ok' });
  const ready = await app.request('/readyz');
  expect(ready.status).toBe(200);
  expect(ready.headers.get('cache-control')).toBe('no-store');
  reason = 'the state store (redis) does not answer';
  const notReady = await app.request('/readyz');
  expect(notReady.status).toBe(503);
  expect(await notReady.json()).toEqual({ status: 'not ready', reason: 'the state store (redis) does not answer' });
  expect((await app.request('/healthz')).status).toBe(200);
});
