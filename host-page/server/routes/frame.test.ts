import { expect, test } from 'vitest';
import { appTitles, FrameConfigSchema, type FrameConfig, type Language } from '../../../contract';
import { createHostApp } from '../app';
import { renderFrame } from './frame';
import { createRegistry } from '../registry';
import { loadSigningKey } from '../token';
import { FRAME_TEMPLATE, unusedService, useEmptyDist } from '../test-kit';

const distDir = useEmptyDist();

const template = FRAME_TEMPLATE;

const registry = createRegistry([
  {
    id: 'agency',
    name: 'Ravi & "Sons" <Travel>',
    allowed_origins: ['https://agency.example', 'http://localhost:5173'],
    scope: ['status'],
  },
  {
    id: 'portal',
    name: 'Rail Portal',
    allowed_origins: ['https://portal.example'],
    scope: ['status', 'vaccinations'],
    secret: 'rail-portal-secret-0123',
  },
  { id: 'dollar', name: "Rs$'s Travel", allowed_origins: ['https://dollar.example'], scope: ['status'] },
]);

const service = unusedService;

const app = createHostApp({
  registry,
  service,
  signingKey: await loadSigningKey(undefined, () => {}),
  frameTemplate: template,
  distDir,
  demoOrigin: 'http://localhost:5173',
  log: () => {},
});

function frame(params: Record<string, string>) {
  return app.request(`/frame.html?${new URLSearchParams(params)}`);
}

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

const entities: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };
function decodeAttribute(text: string): string {
  return text.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (whole, ref: string) => {
    if (ref.startsWith('#x') || ref.startsWith('#X')) return String.fromCodePoint(parseInt(ref.slice(2), 16));
    if (ref.startsWith('#')) return String.fromCodePoint(Number(ref.slice(1)));
    return entities[ref] ?? whole;
  });
}

/** Reads the frame's config back as the frame would: the one meta tag, its attribute, JSON, the schema. */
async function configOf(response: Response): Promise<{ html: string; config: FrameConfig }> {
  const html = await response.text();
  const metas = html.match(/<meta name="kycvs-config" content="[^"]*" \/>/g) ?? [];
  expect(metas).toHaveLength(1);
  const content = /content="([^"]*)"/.exec(metas[0]!)?.[1] ?? '';
  return { html, config: FrameConfigSchema.parse(JSON.parse(decodeAttribute(content))) };
}

const registered = { provider: 'agency', origin: 'https://agency.example' };

test('frame.html for a known provider and a registered origin is served', async () => {
  const response = await frame(registered);
  expect(response.status).toBe(200);
  expect(response.headers.get('content-type')).toMatch(/^text\/html/);
});

test("frame-ancestors lists exactly the provider's allowed origins", async () => {
  const policy = csp(await frame(registered));
  expect([...(policy.get('frame-ancestors') ?? [])].sort()).toEqual([
    'http://localhost:5173',
    'https://agency.example',
  ]);
  expect(csp(await frame({ provider: 'portal', origin: 'https://portal.example' })).get('frame-ancestors')).toEqual([
    'https://portal.example',
  ]);
});

test('the CSP allows only our own script, style and API, and no inline code', async () => {
  const response = await frame(registered);
  const policy = csp(response);
  expect(policy.get('default-src')).toEqual(["'none'"]);
  expect(policy.get('script-src')).toEqual(["'self'"]);
  expect(policy.get('connect-src')).toEqual(["'self'"]);
  expect(policy.get('object-src')).toEqual(["'none'"]);
  expect(policy.get('base-uri')).toEqual(["'none'"]);
  const header = response.headers.get('content-security-policy') ?? '';
  expect(header).not.toContain("'unsafe-inline'");
  expect(header).not.toContain("'unsafe-eval'");
  expect(header).not.toContain('*');
});

test('the frame is sent with nosniff, no-referrer and no caching of a stale policy', async () => {
  const response = await frame(registered);
  expect(response.headers.get('x-content-type-options')).toBe('nosniff');
  expect(response.headers.get('referrer-policy')).toBe('no-referrer');
  expect(response.headers.get('cache-control')).toMatch(/no-cache|no-store/);
});

test('the meta config carries the provider, the parent origin and the defaults', async () => {
  const { config } = await configOf(await frame(registered));
  expect(config).toEqual({
    provider: { id: 'agency', name: 'Ravi & "Sons" <Travel>', scope: ['status'] },
    parentOrigin: 'https://agency.example',
    refusal: null,
    lang: 'en',
    instance: '',
    share: false,
  });
});

test('share=1, and nothing else, asks for the share button', async () => {
  expect((await configOf(await frame({ ...registered, share: '1' }))).config.share).toBe(true);
  for (const share of ['0', 'true', '', 'yes']) {
    expect((await configOf(await frame({ ...registered, share }))).config.share).toBe(false);
  }
});

test('the meta config is HTML-escaped: the provider name adds no markup', async () => {
  const { html } = await configOf(await frame(registered));
  expect(html).not.toContain('<Travel>');
  expect(html).not.toContain('"Sons"');
  expect(html.match(/</g)).toHaveLength(template.match(/</g)!.length);
});

test('lang, instance and nonce travel into the config', async () => {
  const { config } = await configOf(
    await frame({ ...registered, lang: 'ta', instance: 'kycvs-3_a', nonce: 'AbC123+/=' }),
  );
  expect(config).toMatchObject({ lang: 'ta', instance: 'kycvs-3_a', nonce: 'AbC123+/=' });
});

test.each(['en', 'hi', 'mr', 'bn', 'as', 'gu', 'pa', 'or', 'ta', 'te', 'kn', 'ml'])(
  '<html lang> is %s for lang=%s',
  async (lang) => {
    const { html, config } = await configOf(await frame({ ...registered, lang }));
    expect(html.startsWith(`<html lang="${lang}">`)).toBe(true);
    expect(config.lang).toBe(lang);
  },
);

test.each(['HI', 'hi-IN', 'fr,hi', 'xx,hi-IN,ta'])(
  'lang %j, a list of tags in order of preference, picks hi',
  async (lang) => {
    const { html, config } = await configOf(await frame({ ...registered, lang }));
    expect(html.startsWith('<html lang="hi">')).toBe(true);
    expect(config.lang).toBe('hi');
  },
);

test.each(['xx', 'fr,de-CH', '', ',', 'en"><script>alert(1)</script>'])(
  'an unsupported lang %j falls back to en',
  async (lang) => {
    const { html, config } = await configOf(await frame({ ...registered, lang }));
    expect(html.startsWith('<html lang="en">')).toBe(true);
    expect(config.lang).toBe('en');
    expect(html).not.toContain('<script>');
  },
);

test('an unknown provider is refused with 404 and may be framed by no one', async () => {
  const response = await frame({ provider: 'nobody', origin: 'https://agency.example' });
  expect(response.status).toBe(404);
  expect(csp(response).get('frame-ancestors')).toEqual(["'none'"]);
  const { config } = await configOf(response);
  expect(config).toMatchObject({ refusal: 'UNKNOWN_PROVIDER', parentOrigin: null, provider: { id: '', name: '' } });
});

test('a missing provider is refused like an unknown one', async () => {
  const response = await frame({ origin: 'https://agency.example' });
  expect(response.status).toBe(404);
  expect(csp(response).get('frame-ancestors')).toEqual(["'none'"]);
});

test.each([
  { why: 'a missing origin', params: { provider: 'agency' } },
  { why: 'an empty origin', params: { provider: 'agency', origin: '' } },
  { why: 'an unregistered origin', params: { provider: 'agency', origin: 'https://evil.example' } },
  { why: "another provider's origin", params: { provider: 'agency', origin: 'https://portal.example' } },
  { why: 'a trailing slash', params: { provider: 'agency', origin: 'https://agency.example/' } },
  { why: 'another scheme', params: { provider: 'agency', origin: 'http://agency.example' } },
  { why: 'another port', params: { provider: 'agency', origin: 'https://agency.example:8443' } },
  { why: 'a subdomain', params: { provider: 'agency', origin: 'https://www.agency.example' } },
  { why: 'a wildcard', params: { provider: 'agency', origin: '*' } },
  { why: 'the literal null origin', params: { provider: 'agency', origin: 'null' } },
])('$why is refused with 403 and no parent origin', async ({ params }) => {
  const response = await frame(params);
  expect(response.status).toBe(403);
  const { config } = await configOf(response);
  expect(config).toMatchObject({ refusal: 'ORIGIN_NOT_ALLOWED', parentOrigin: null, provider: { id: 'agency' } });
});

test("a refused origin still cannot frame the page: frame-ancestors stays the provider's list", async () => {
  const response = await frame({ provider: 'agency', origin: 'https://evil.example' });
  expect(csp(response).get('frame-ancestors')).not.toContain('https://evil.example');
});

test.each(['<script>', '"><img src=x onerror=alert(1)>', 'a b', 'a'.repeat(65), 'ins\u0000tance', 'инстанс'])(
  'a hostile instance %j is dropped',
  async (instance) => {
    const { html, config } = await configOf(await frame({ ...registered, instance }));
    expect(config.instance).toBe('');
    expect(html).not.toContain('<img');
  },
);

test.each([
  { why: 'a space', nonce: 'a b' },
  { why: 'a newline', nonce: 'a\nb' },
  { why: 'a NUL', nonce: 'a\u0000b' },
  { why: 'non-ASCII', nonce: 'नॉन्स' },
  { why: '257 characters', nonce: 'n'.repeat(257) },
  { why: 'nothing', nonce: '' },
])('a nonce with $why is dropped', async ({ nonce }) => {
  const { config } = await configOf(await frame({ ...registered, nonce }));
  expect(config).not.toHaveProperty('nonce');
});

test('a 256-character nonce is kept', async () => {
  const { config } = await configOf(await frame({ ...registered, nonce: 'n'.repeat(256) }));
  expect(config.nonce).toBe('n'.repeat(256));
});

test.each(['"><script>alert(1)</script>', "'-alert(1)-'", '&lt;&amp;', '</head>'])(
  'a nonce %j adds no markup and reads back unchanged',
  async (nonce) => {
    const { html, config } = await configOf(await frame({ ...registered, nonce }));
    expect(html).not.toContain('<script>');
    expect(html.match(/</g)).toHaveLength(template.match(/</g)!.length);
    expect(config.nonce).toBe(nonce);
  },
);

// String.prototype.replace reads `$&`, `$\``, `$'` and `$$` in a replacement string as patterns,
// and the HTML escaping itself writes `&` after a `$` (`$<` becomes `$&#60;`).
test.each(['$$', '$`', 'x$<y'])('a nonce %j with a dollar sign reads back unchanged', async (nonce) => {
  const { config } = await configOf(await frame({ ...registered, nonce }));
  expect(config.nonce).toBe(nonce);
});

test('a provider name with a dollar sign reads back unchanged', async () => {
  const { config } = await configOf(await frame({ provider: 'dollar', origin: 'https://dollar.example' }));
  expect(config.provider.name).toBe("Rs$'s Travel");
});

test('an action label travels into the config', async () => {
  const { config } = await configOf(await frame({ ...registered, action: 'booking_2-a' }));
  expect(config.action).toBe('booking_2-a');
});

test('without an action the config has none', async () => {
  const { config } = await configOf(await frame(registered));
  expect(config).not.toHaveProperty('action');
});

test.each([
  { why: 'a space', action: 'book now' },
  { why: 'a dot', action: 'book.now' },
  { why: 'a slash', action: 'a/b' },
  { why: 'non-ASCII', action: 'बुकिंग' },
  { why: '33 characters', action: 'a'.repeat(33) },
  { why: 'nothing', action: '' },
  { why: 'markup', action: '"><script>' },
])('an action with $why is dropped', async ({ action }) => {
  const { config } = await configOf(await frame({ ...registered, action }));
  expect(config).not.toHaveProperty('action');
});

test('a 32-character action is kept', async () => {
  const { config } = await configOf(await frame({ ...registered, action: 'a'.repeat(32) }));
  expect(config.action).toBe('a'.repeat(32));
});

test.each(['en', 'hi', 'mr', 'bn', 'as', 'gu', 'pa', 'or', 'ta', 'te', 'kn', 'ml'] as const)(
  "frame.html's <title> is written in %s by the host, before any script runs",
  (lang: Language) => {
    const template =
      '<html lang="en"><head><title>Know Your Vaccination Status</title><!--kycvs-config--></head></html>';
    const config = FrameConfigSchema.parse({
      provider: { id: 'demo-travel', name: 'Demo', scope: ['status'] },
      parentOrigin: null,
      refusal: null,
      lang,
      instance: '',
      share: false,
    });
    const html = renderFrame(template, config);
    expect(html.match(/<title>[^<]*<\/title>/g)).toEqual([`<title>${appTitles[lang]}</title>`]);
  },
);
