import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { brotliCompressSync, brotliDecompressSync, gunzipSync, gzipSync } from 'node:zlib';
import { Hono } from 'hono';
import { afterAll, expect, test } from 'vitest';
import { staticRoutes } from './static';

// A build as scripts/precompress.ts leaves it: each text file with its .br and .gz beside it,
// except debug.js here, which has none.
const embed = 'window.KYCVS = { version: "test" };'.repeat(20);
const css = 'body { color: black }'.repeat(20);
const distDir = mkdtempSync(join(tmpdir(), 'kycvs-static-'));
const assets = join(distDir, 'frame', 'assets');
mkdirSync(assets, { recursive: true });
afterAll(() => rmSync(distDir, { recursive: true, force: true }));
for (const [path, text] of [
  [join(distDir, 'embed.js'), embed],
  [join(assets, 'frame-abc123.css'), css],
] as const) {
  writeFileSync(path, text);
  writeFileSync(path + '.br', brotliCompressSync(text));
  writeFileSync(path + '.gz', gzipSync(text));
}
writeFileSync(join(assets, 'debug-abc123.js'), 'console.log(1);');

const app = new Hono();
staticRoutes(app, distDir);
app.notFound((c) => c.text('Not found', 404));

const CHROMIUM = 'gzip, deflate, br, zstd';
const get = (path: string, headers: Record<string, string> = {}) => app.request(path, { headers });
const bytes = async (response: Response) => Buffer.from(await response.arrayBuffer());

test('a browser that takes brotli gets the .br file, marked as such', async () => {
  const response = await get('/embed.js', { 'accept-encoding': CHROMIUM });
  expect(response.status).toBe(200);
  expect(response.headers.get('content-encoding')).toBe('br');
  expect(response.headers.get('content-type')).toBe('text/javascript; charset=utf-8');
  expect(response.headers.get('vary')).toBe('accept-encoding');
  const body = await bytes(response);
  expect(Number(response.headers.get('content-length'))).toBe(body.length);
  expect(body.length).toBeLessThan(embed.length);
  expect(brotliDecompressSync(body).toString()).toBe(embed);
});

test('a client that takes gzip only gets the .gz file', async () => {
  const response = await get('/assets/frame-abc123.css', { 'accept-encoding': 'gzip, deflate' });
  expect(response.headers.get('content-encoding')).toBe('gzip');
  expect(response.headers.get('content-type')).toBe('text/css; charset=utf-8');
  expect(gunzipSync(await bytes(response)).toString()).toBe(css);
});

test('a refused coding is not sent: br;q=0 gets gzip', async () => {
  const response = await get('/embed.js', { 'accept-encoding': 'br;q=0, gzip' });
  expect(response.headers.get('content-encoding')).toBe('gzip');
});

test('without Accept-Encoding the plain file is sent, still with Vary', async () => {
  const response = await get('/embed.js');
  expect(response.headers.get('content-encoding')).toBeNull();
  expect(response.headers.get('vary')).toBe('accept-encoding');
  expect(await response.text()).toBe(embed);
});

test('a file the build did not compress is sent plain to any browser', async () => {
  const response = await get('/assets/debug-abc123.js', { 'accept-encoding': CHROMIUM });
  expect(response.status).toBe(200);
  expect(response.headers.get('content-encoding')).toBeNull();
  expect(await response.text()).toBe('console.log(1);');
});

test('embed.js is cached for five minutes, then revalidated by its ETag', async () => {
  const first = await get('/embed.js', { 'accept-encoding': CHROMIUM });
  expect(first.headers.get('cache-control')).toBe('public, max-age=300');
  expect(first.headers.get('access-control-allow-origin')).toBe('*');
  const etag = first.headers.get('etag')!;
  expect(etag).toMatch(/^"[\w-]+"$/);

  const again = await get('/embed.js', { 'accept-encoding': CHROMIUM, 'if-none-match': etag });
  expect(again.status).toBe(304);
  expect(await again.text()).toBe('');
  expect(again.headers.get('cache-control')).toBe('public, max-age=300');
  expect(again.headers.get('vary')).toBe('accept-encoding');

  // Each coding is its own representation: the gzip copy does not match the brotli one's tag.
  const gzip = await get('/embed.js', { 'accept-encoding': 'gzip', 'if-none-match': etag });
  expect(gzip.status).toBe(200);
  expect(gzip.headers.get('etag')).not.toBe(etag);
});

test('/v1/embed.js is the same loader, cached for a week, and loadable with integrity (CORS)', async () => {
  const versioned = await get('/v1/embed.js', { 'accept-encoding': CHROMIUM });
  expect(versioned.status).toBe(200);
  expect(versioned.headers.get('cache-control')).toBe('public, max-age=604800');
  expect(versioned.headers.get('access-control-allow-origin')).toBe('*');
  expect(versioned.headers.get('content-type')).toBe('text/javascript; charset=utf-8');
  expect(brotliDecompressSync(await bytes(versioned)).toString()).toBe(embed);
  const latest = await get('/embed.js', { 'accept-encoding': CHROMIUM });
  expect(versioned.headers.get('etag')).toBe(latest.headers.get('etag'));
  // Only the protocol this host speaks has a versioned loader.
  for (const path of ['/v0/embed.js', '/v2/embed.js', '/v1/embed.js.br', '/v1/']) {
    expect((await get(path)).status, path).toBe(404);
  }
});

test('hashed assets are cached for a year, immutable, and never sniffed', async () => {
  const response = await get('/assets/frame-abc123.css', { 'accept-encoding': CHROMIUM });
  expect(response.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
  expect(response.headers.get('x-content-type-options')).toBe('nosniff');
});

test('HEAD answers with the headers of GET and no body', async () => {
  const response = await app.request('/embed.js', { method: 'HEAD', headers: { 'accept-encoding': CHROMIUM } });
  expect(response.status).toBe(200);
  expect(response.headers.get('content-encoding')).toBe('br');
  expect(await response.text()).toBe('');
});

test.each([
  '/assets/frame-abc123.css.br',
  '/assets/frame-abc123.css.gz',
  '/assets/missing-000.js',
  '/assets/.hidden',
  '/assets/..%2f..%2fembed.js',
  '/assets/%2e%2e/%2e%2e/etc/passwd',
  '/embed.js.br',
])('%s is a 404, never cached for long', async (path) => {
  const response = await get(path, { 'accept-encoding': CHROMIUM });
  expect(response.status).toBe(404);
  expect(response.headers.get('cache-control') ?? '').not.toContain('immutable');
});
