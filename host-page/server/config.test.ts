import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, expect, test } from 'vitest';
import { ConfigError, readConfig } from './config';
import { RATE_LIMIT_DEFAULTS } from './limits';
import { RegistryError } from './registry';

const dir = mkdtempSync(join(tmpdir(), 'kycvs-config-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

test('defaults: host on 5174, demo on 5173, mock mode, no signing key', () => {
  const config = readConfig({});
  expect(config.port).toBe(5174);
  expect(config.demoPort).toBe(5173);
  expect(config.publicOrigin).toBe('http://127.0.0.1:5174');
  expect(config.demoOrigin).toBe('http://localhost:5173');
  expect(config.cowinApiBase).toBeUndefined();
  expect(config.cowinApiKey).toBeUndefined();
  expect(config.signingKey).toBeUndefined();
});

test('defaults to the bundled demo registry, allowing the demo origin', () => {
  const { registry, demoOrigin } = readConfig({});
  expect(
    registry
      .all()
      .map((p) => p.id)
      .sort(),
  ).toEqual(['demo-irctc', 'demo-test', 'demo-travel']);
  for (const provider of registry.all()) expect(provider.allowed_origins).toEqual([demoOrigin]);
});

test('empty values count as unset', () => {
  const config = readConfig({
    PORT: '',
    DEMO_PORT: '',
    KYCVS_PUBLIC_ORIGIN: '',
    COWIN_API_BASE: '',
    KYCVS_SIGNING_KEY: '',
  });
  expect(config.port).toBe(5174);
  expect(config.demoPort).toBe(5173);
  expect(config.publicOrigin).toBe('http://127.0.0.1:5174');
  expect(config.cowinApiBase).toBeUndefined();
  expect(config.signingKey).toBeUndefined();
});

test('PORT moves the host and its default public origin', () => {
  const config = readConfig({ PORT: '8080' });
  expect(config.port).toBe(8080);
  expect(config.publicOrigin).toBe('http://127.0.0.1:8080');
});

test('KYCVS_PUBLIC_ORIGIN sets the public origin (the token issuer)', () => {
  expect(
    readConfig({ PORT: '8080', KYCVS_PUBLIC_ORIGIN: 'https://kycvs.example', KYCVS_MOCK: 'on' }).publicOrigin,
  ).toBe('https://kycvs.example');
});

test('the demo origin follows DEMO_PORT, in the demo registry too', () => {
  const config = readConfig({ DEMO_PORT: '6123' });
  expect(config.demoPort).toBe(6123);
  expect(config.demoOrigin).toBe('http://localhost:6123');
  for (const provider of config.registry.all()) expect(provider.allowed_origins).toEqual(['http://localhost:6123']);
});

test.each([
  { name: 'PORT', value: 'abc' },
  { name: 'PORT', value: '0' },
  { name: 'PORT', value: '65536' },
  { name: 'PORT', value: '80.5' },
  { name: 'PORT', value: '-1' },
  { name: 'DEMO_PORT', value: 'http' },
  { name: 'DEMO_PORT', value: '70000' },
])('refuses $name=$value with a ConfigError naming the variable', ({ name, value }) => {
  expect(() => readConfig({ [name]: value })).toThrow(ConfigError);
  expect(() => readConfig({ [name]: value })).toThrow(`${name}=${value}`);
});

test('against a real CoWIN every missing piece is listed at once', () => {
  const error = (() => {
    try {
      readConfig({ COWIN_API_BASE: 'http://cowin.example/api', KYCVS_PUBLIC_ORIGIN: 'http://kycvs.example' });
    } catch (caught) {
      return caught as Error;
    }
    throw new Error('expected a ConfigError');
  })();
  expect(error).toBeInstanceOf(ConfigError);
  for (const problem of [
    'COWIN_API_KEY is not set',
    'COWIN_API_BASE must be https://',
    'KYCVS_PROVIDERS is not set',
    'KYCVS_SIGNING_KEY is not set',
    'KYCVS_SUBJECT_SECRET is not set',
    'KYCVS_PUBLIC_ORIGIN=http://kycvs.example must be https://',
  ]) {
    expect(error.message).toContain(problem);
  }
});

function realMode(extra: Record<string, string> = {}) {
  const providers = join(dir, 'real-providers.json');
  const provider = { id: 'agency-1', name: 'Agency', allowed_origins: ['https://agency.example'], scope: ['status'] };
  writeFileSync(providers, JSON.stringify([provider]));
  return {
    COWIN_API_BASE: 'https://cowin.example',
    COWIN_API_KEY: 'key-1',
    KYCVS_PROVIDERS: providers,
    KYCVS_SIGNING_KEY: '{"kty":"EC"}',
    KYCVS_SUBJECT_SECRET: 'a-subject-secret-of-at-least-32-characters',
    ...extra,
  };
}

test('COWIN_API_BASE with COWIN_API_KEY points the host at a real CoWIN', () => {
  const config = readConfig(realMode());
  expect(config.cowinApiBase).toBe('https://cowin.example');
  expect(config.cowinApiKey).toBe('key-1');
});

test.each(['KYCVS_PROVIDERS', 'KYCVS_SIGNING_KEY', 'KYCVS_SUBJECT_SECRET', 'COWIN_API_KEY'])(
  'against a real CoWIN the host refuses to start without %s',
  (name) => {
    expect(() => readConfig(realMode({ [name]: '' }))).toThrow(ConfigError);
    expect(() => readConfig(realMode({ [name]: '' }))).toThrow(new RegExp(`${name} is not set`));
  },
);

test.each([
  { base: 'https://cdn-api.co-vin.in/api/', expected: 'https://cdn-api.co-vin.in/api' },
  { base: 'http://127.0.0.1:5175/api', expected: 'http://127.0.0.1:5175/api' },
])('COWIN_API_BASE $base is taken as $expected', ({ base, expected }) => {
  expect(readConfig(realMode({ COWIN_API_BASE: base })).cowinApiBase).toBe(expected);
});

test.each([
  { base: 'cowin.example', problem: /COWIN_API_BASE is not a URL/ },
  { base: 'http://cowin.example/api', problem: /COWIN_API_BASE must be https:\/\// },
  { base: 'https://user:s3cret@cowin.example/api', problem: /must not carry a user or password/ },
  { base: 'https://cowin.example/api?key=1', problem: /no query or fragment/ },
])('refuses COWIN_API_BASE=$base without repeating it', ({ base, problem }) => {
  expect(() => readConfig(realMode({ COWIN_API_BASE: base }))).toThrow(problem);
  expect(() => readConfig(realMode({ COWIN_API_BASE: base }))).not.toThrow(/s3cret|key=1/);
});

test('against a real CoWIN a public origin must be https, loopback excepted', () => {
  expect(() => readConfig(realMode({ KYCVS_PUBLIC_ORIGIN: 'http://kycvs.example' }))).toThrow(/must be https/);
  expect(readConfig(realMode({ KYCVS_PUBLIC_ORIGIN: 'https://kycvs.example' })).publicOrigin).toBe(
    'https://kycvs.example',
  );
  expect(readConfig(realMode({ KYCVS_PUBLIC_ORIGIN: 'http://localhost:8080' })).mock).toBe(false);
});

test('mock mode on a public origin only with KYCVS_MOCK=on', () => {
  expect(() => readConfig({ KYCVS_PUBLIC_ORIGIN: 'https://kycvs.example' })).toThrow(/KYCVS_MOCK=on/);
  expect(readConfig({ KYCVS_PUBLIC_ORIGIN: 'https://kycvs.example', KYCVS_MOCK: 'on' }).mock).toBe(true);
  expect(readConfig({ KYCVS_PUBLIC_ORIGIN: 'http://localhost:5174' }).mock).toBe(true);
});

test('HOST, COWIN_TIMEOUT_MS, COWIN_USER_AGENT, KYCVS_METRICS_PORT and KYCVS_SHUTDOWN_SECONDS, with their defaults', () => {
  const defaults = readConfig({});
  expect(defaults).toMatchObject({
    host: '127.0.0.1',
    cowinTimeoutMs: 10_000,
    cowinUserAgent: 'Mozilla/5.0 (compatible; kycvs-host/1.0)',
    metricsPort: undefined,
    shutdownSeconds: 10,
  });
  const set = readConfig({
    HOST: '0.0.0.0',
    COWIN_TIMEOUT_MS: '4000',
    COWIN_USER_AGENT: 'Mozilla/5.0 (X11; Linux x86_64)',
    KYCVS_METRICS_PORT: '9464',
    KYCVS_SHUTDOWN_SECONDS: '30',
  });
  expect(set).toMatchObject({
    host: '0.0.0.0',
    cowinTimeoutMs: 4000,
    cowinUserAgent: 'Mozilla/5.0 (X11; Linux x86_64)',
    metricsPort: 9464,
    shutdownSeconds: 30,
  });
  expect(() => readConfig({ HOST: 'kycvs.example' })).toThrow(/HOST=kycvs.example is not an address/);
  expect(() => readConfig({ KYCVS_METRICS_PORT: '99999' })).toThrow(/KYCVS_METRICS_PORT=99999/);
});

test('KYCVS_REDIS_URL and KYCVS_SUBJECT_SECRET are passed on; unset, the state stays in memory', () => {
  expect(readConfig({}).redisUrl).toBeUndefined();
  expect(readConfig({}).subjectSecret).toBeUndefined();
  const config = readConfig({
    KYCVS_REDIS_URL: 'rediss://user:pw@redis.internal:6380/2',
    KYCVS_SUBJECT_SECRET: 's'.repeat(40),
  });
  expect(config.redisUrl).toBe('rediss://user:pw@redis.internal:6380/2');
  expect(config.subjectSecret).toBe('s'.repeat(40));
});

test.each(['http://127.0.0.1:6379', '127.0.0.1:6379', 'redis//user:hunter2@x'])(
  'refuses KYCVS_REDIS_URL=%s without repeating it',
  (value) => {
    expect(() => readConfig({ KYCVS_REDIS_URL: value })).toThrow(/KYCVS_REDIS_URL is not a Redis URL/);
    expect(() => readConfig({ KYCVS_REDIS_URL: value })).not.toThrow(/hunter2/);
  },
);

test('KYCVS_SIGNING_KEY is passed on as text', () => {
  const jwk = JSON.stringify({ kty: 'EC', crv: 'P-256' });
  expect(readConfig({ KYCVS_SIGNING_KEY: jwk }).signingKey).toBe(jwk);
});

test('KYCVS_PROVIDERS replaces the demo registry', () => {
  const path = join(dir, 'providers.json');
  const provider = { id: 'agency-1', name: 'Agency', allowed_origins: ['https://agency.example'], scope: ['status'] };
  writeFileSync(path, JSON.stringify([provider]));
  const { registry } = readConfig({ KYCVS_PROVIDERS: path });
  expect(registry.all().map((p) => p.id)).toEqual(['agency-1']);
  expect(registry.get('demo-travel')).toBeUndefined();
});

test('a bad KYCVS_PROVIDERS file stops the start with a RegistryError', () => {
  expect(() => readConfig({ KYCVS_PROVIDERS: join(dir, 'missing.json') })).toThrow(RegistryError);
});

test('rate limits, proxy trust and the OTP timing floor default to the values the README gives', () => {
  const config = readConfig({});
  expect(config.rateLimits).toEqual(RATE_LIMIT_DEFAULTS);
  expect(config.trustProxy).toEqual([]);
  expect(config.otpMinMs).toBe(400);
});

test('KYCVS_RATE_LIMITS overrides the rules it names, field by field', () => {
  const config = readConfig({ KYCVS_RATE_LIMITS: '{"client":{"limit":600},"mobile":{"windowSeconds":300}}' });
  expect(config.rateLimits).toEqual({
    ...RATE_LIMIT_DEFAULTS,
    client: { limit: 600, windowSeconds: 60 },
    mobile: { limit: 20, windowSeconds: 300 },
  });
});

test.each([
  { value: '{"client":', problem: /not valid JSON/ },
  { value: '{"clients":{"limit":5}}', problem: /unknown clients/ },
  { value: '{"mobile":{"limit":0}}', problem: /mobile\.limit: must be at least 1/ },
  { value: '[]', problem: /must be an object/ },
])('refuses KYCVS_RATE_LIMITS=$value with a ConfigError naming the problem', ({ value, problem }) => {
  expect(() => readConfig({ KYCVS_RATE_LIMITS: value })).toThrow(ConfigError);
  expect(() => readConfig({ KYCVS_RATE_LIMITS: value })).toThrow(/^KYCVS_RATE_LIMITS/);
  expect(() => readConfig({ KYCVS_RATE_LIMITS: value })).toThrow(problem);
});

test('KYCVS_TRUST_PROXY takes addresses, CIDR ranges and proxy-addr names; 0 or empty trusts none', () => {
  expect(readConfig({ KYCVS_TRUST_PROXY: 'loopback, 10.0.0.0/8,2001:db8::/32' }).trustProxy).toEqual([
    'loopback',
    '10.0.0.0/8',
    '2001:db8::/32',
  ]);
  expect(readConfig({ KYCVS_TRUST_PROXY: '0' }).trustProxy).toEqual([]);
  expect(readConfig({ KYCVS_TRUST_PROXY: ' ' }).trustProxy).toEqual([]);
});

test.each(['1', '2', 'loopback,1', 'proxy.internal', '10.0.0.0/99'])('refuses KYCVS_TRUST_PROXY=%s', (value) => {
  expect(() => readConfig({ KYCVS_TRUST_PROXY: value })).toThrow(ConfigError);
  expect(() => readConfig({ KYCVS_TRUST_PROXY: value })).toThrow(/^KYCVS_TRUST_PROXY=.*(addresses|address)/);
});

test('KYCVS_OTP_MIN_MS takes whole numbers', () => {
  const config = readConfig({ KYCVS_OTP_MIN_MS: '750' });
  expect(config.otpMinMs).toBe(750);
  expect(readConfig({ KYCVS_OTP_MIN_MS: '0' }).otpMinMs).toBe(0);
});

test.each([
  { name: 'KYCVS_OTP_MIN_MS', value: '1.5' },
  { name: 'KYCVS_OTP_MIN_MS', value: '60000' },
])('refuses $name=$value with a ConfigError naming the variable', ({ name, value }) => {
  expect(() => readConfig({ [name]: value })).toThrow(ConfigError);
  expect(() => readConfig({ [name]: value })).toThrow(`${name}=${value}`);
});
