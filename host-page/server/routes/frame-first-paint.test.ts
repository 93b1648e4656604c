import { createHash } from 'node:crypto';
import { brotliDecompressSync } from 'node:zlib';
import { expect, test } from 'vitest';
import { createHostApp } from '../app';
import { createRegistry } from '../registry';
import { loadSigningKey } from '../token';
import { unusedService, useEmptyDist } from '../test-kit';

// docs/architecture.md, "The first paint": frame.html arrives with the details step in it.

const distDir = useEmptyDist();

const SCRIPT = "document.addEventListener('submit', () => {}, true);";
const STYLE = 'html{color:#123}';
/** Shaped as the built frame.html is once the host has inlined its stylesheet (host.ts). */
const template =
  '<!doctype html><html lang="en"><head><!--kycvs-config--><title>Know Your Vaccination Status</title>' +
  `<script>${SCRIPT}</script><script type="module" crossorigin src="/assets/frame-x.js"></script>` +
  `<style>${STYLE}</style></head><body><div id="app"></div></body></html>`;

const BANNER_STYLE = '.kycvs-standalone{margin:0 auto}';

const app = createHostApp({
  registry: createRegistry([
    { id: 'agency', name: 'Ravi & "Sons" <Travel>', allowed_origins: ['https://agency.example'], scope: ['status'] },
    {
      id: 'rail',
      name: 'Rail Portal',
      allowed_origins: ['https://agency.example'],
      scope: ['status', 'vaccinations'],
      secret: 'rail-portal-secret-0123',
    },
  ]),
  service: unusedService,
  signingKey: await loadSigningKey(undefined, () => {}),
  frameTemplate: template,
  standaloneTemplate: template.replace('</head>', `<style>${BANNER_STYLE}</style></head>`),
  distDir,
  demoOrigin: 'http://localhost:5173',
  log: () => {},
});

const registered = { provider: 'agency', origin: 'https://agency.example' };
const frame = (params: Record<string, string>, headers: Record<string, string> = {}) =>
  app.request(`/frame.html?${new URLSearchParams(params)}`, { headers });

const sha256 = (text: string) => `'sha256-${createHash('sha256').update(text).digest('base64')}'`;
const directive = (response: Response, name: string) =>
  (response.headers.get('content-security-policy') ?? '')
    .split(';')
    .map((part) => part.trim().split(/\s+/))
    .find(([key]) => key === name)!
    .slice(1);
const appOf = (html: string) => /<div id="app"[^>]*>([\s\S]*?)<\/div><div id="kycvs-start-failed"/.exec(html)?.[1];

test('a registered frame holds the details step, marked for the script to hydrate, and the notice for a script that cannot come', async () => {
  const html = await (await frame({ ...registered, lang: 'hi' })).text();
  expect(html).toContain('<div id="app" data-prerendered><main class="kycvs"><form');
  expect(html).toContain('<label for="kycvs-name">पूरा नाम</label>');
  expect(html).toMatch(
    /<div id="kycvs-start-failed" hidden><main class="kycvs"><section class="step notice"><p>[^<]+<\/p>/,
  );
  // The provider's name is text, escaped: it adds no element.
  expect(appOf(html)).toContain('Ravi &amp; &quot;Sons&quot; &lt;Travel>');
  expect(html).not.toContain('<Travel>');
});

test('each provider and language gets its own first step, however often and in whatever order asked', async () => {
  for (let round = 0; round < 3; round++) {
    for (const [provider, lang, names, shares] of [
      ['agency', 'en', 'Ravi &amp;', 1],
      ['rail', 'en', 'Rail Portal', 2],
      ['rail', 'ta', 'Rail Portal', 2],
      ['agency', 'ta', 'Ravi &amp;', 1],
    ] as const) {
      const html = await (await frame({ provider, origin: 'https://agency.example', lang })).text();
      const form = appOf(html)!;
      expect(form).toContain(names);
      expect(form.match(/<li>/g)).toHaveLength(shares);
      expect(form).toContain(lang === 'en' ? '>Full name<' : '>முழுப் பெயர்<');
    }
  }
});

test('the prerendered markup has no inline script or style attribute, which the CSP would refuse', async () => {
  const form = appOf(await (await frame(registered)).text())!;
  expect(form).toMatch(/<input id="kycvs-name"/);
  expect(form).not.toMatch(/<script|\sstyle=|\son\w+=/i);
});

test.each([
  { why: 'an unknown provider', params: { provider: 'nobody', origin: 'https://agency.example' } },
  { why: 'an unregistered origin', params: { provider: 'agency', origin: 'https://evil.example' } },
  { why: 'no origin', params: { provider: 'agency' } },
])('a refused frame ($why) holds no form: its script shows the refusal', async ({ params }) => {
  const html = await (await frame(params)).text();
  expect(html).toContain('<div id="app"></div>');
  expect(html).not.toContain('data-prerendered');
  expect(html).not.toContain('<form');
});

test("the CSP allows the template's inline script and style by their hashes, and nothing inline else", async () => {
  const response = await frame(registered);
  expect(directive(response, 'script-src')).toEqual(["'self'", sha256(SCRIPT)]);
  expect(directive(response, 'style-src')).toEqual(["'self'", sha256(STYLE)]);
  expect(response.headers.get('content-security-policy')).not.toContain('unsafe');
});

test("a page's accent colours the first paint through its own rules, allowed by their hash", async () => {
  const response = await frame({ ...registered, accent: '#7b2cbf' });
  const html = await response.text();
  const rules = /<style>(:root\{[^<]*\})<\/style><\/head>/.exec(html)?.[1];
  expect(rules).toMatch(/^:root\{--light-accent:#7b2cbf;--light-accent-hover:#[0-9a-f]{6};/);
  expect(directive(response, 'style-src')).toEqual(["'self'", sha256(STYLE), sha256(rules!)]);
});

test.each(['red', '#12345g', '#fff', '#ffffff;}body{display:none', '</style><script>'])(
  'an accent that is not #rrggbb (%s) adds no rules',
  async (accent) => {
    const response = await frame({ ...registered, accent });
    const html = await response.text();
    expect(html.match(/<style>/g)).toHaveLength(1);
    expect(directive(response, 'style-src')).toEqual(["'self'", sha256(STYLE)]);
  },
);

test.each([
  { theme: 'dark', attribute: ' data-theme="dark"' },
  { theme: 'light', attribute: ' data-theme="light"' },
  { theme: 'auto', attribute: '' },
  { theme: '"><b>', attribute: '' },
])('theme=$theme sets <html data-theme> for the first paint: "$attribute"', async ({ theme, attribute }) => {
  const html = await (await frame({ ...registered, theme })).text();
  expect(html).toContain(`<html lang="en"${attribute}>`);
});

test('frame.html is sent in brotli or gzip when the browser takes it, and plain otherwise', async () => {
  const plain = await frame(registered);
  const text = await plain.text();
  expect(plain.headers.get('content-encoding')).toBeNull();
  expect(plain.headers.get('vary')).toBe('accept-encoding');

  const br = await frame(registered, { 'accept-encoding': 'gzip, deflate, br, zstd' });
  expect(br.headers.get('content-encoding')).toBe('br');
  const body = new Uint8Array(await br.arrayBuffer());
  expect(brotliDecompressSync(body).toString('utf8')).toBe(text);
  expect(body.length).toBeLessThan(Buffer.byteLength(text) / 2);

  const gzip = await frame(registered, { 'accept-encoding': 'gzip' });
  expect(gzip.headers.get('content-encoding')).toBe('gzip');
});

test("CoWIN's own page holds its banner and the form, whose consent names no provider, in the page's language", async () => {
  const response = await app.request('/?lang=hi');
  const html = await response.text();
  expect(html).toMatch(
    /<header class="kycvs-standalone"><p class="brand">CoWIN<\/p><p class="title">[^<]+<\/p><p class="lead">[^<]+<\/p><\/header><div id="app" data-prerendered><main class="kycvs"><form/,
  );
  expect(html).toContain('<label for="kycvs-name">पूरा नाम</label>');
  expect(appOf(html)).not.toContain('<li>');
  // The banner's style is inline and allowed by its hash; the page still may be framed by no one.
  expect(html).toContain(`<style>${BANNER_STYLE}</style></head>`);
  expect(directive(response, 'style-src')).toEqual(["'self'", sha256(STYLE), sha256(BANNER_STYLE)]);
  expect(directive(response, 'frame-ancestors')).toEqual(["'none'"]);
});
