import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, expect, test } from 'vitest';
import { SELF_PROVIDER } from '../standalone/self-provider';
import { createRegistry, hasScope, loadRegistryFile, RegistryError, RESERVED_PROVIDER_IDS } from './providers';

const good = {
  id: 'agency-1',
  name: 'Agency One',
  allowed_origins: ['https://agency.example', 'http://localhost:8080'],
  scope: ['status'],
};
const other = {
  ...good,
  id: 'portal-2',
  name: 'Portal Two',
  scope: ['status', 'demographics', 'vaccinations'],
  secret: 'portal-two-secret-0123',
};

const dir = mkdtempSync(join(tmpdir(), 'kycvs-registry-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function writeTemp(name: string, text: string): string {
  const path = join(dir, name);
  writeFileSync(path, text, 'utf8');
  return path;
}

function errorOf(action: () => unknown): RegistryError {
  try {
    action();
  } catch (error) {
    if (error instanceof RegistryError) return error;
    throw error;
  }
  throw new Error('expected a RegistryError, but nothing was thrown');
}

test('accepts a valid registry and finds each provider by id', () => {
  const registry = createRegistry([good, other]);
  expect(registry.get('agency-1')).toEqual(good);
  expect(registry.get('portal-2')?.scope).toEqual(other.scope);
  expect(registry.all().map((p) => p.id)).toEqual(['agency-1', 'portal-2']);
});

test('answers undefined for an id it does not hold', () => {
  const registry = createRegistry([good]);
  expect(registry.get('unknown')).toBeUndefined();
  expect(registry.get('')).toBeUndefined();
});

test('keeps a secret of at least 16 characters', () => {
  const registry = createRegistry([{ ...good, secret: 's'.repeat(16) }]);
  expect(registry.get('agency-1')?.secret).toBe('s'.repeat(16));
});

test.each([
  { why: 'an id with capitals', provider: { ...good, id: 'Agency' }, path: '0.id' },
  { why: 'an id with a space', provider: { ...good, id: 'my agency' }, path: '0.id' },
  { why: 'a one-character id', provider: { ...good, id: 'a' }, path: '0.id' },
  { why: 'an id starting with a dash', provider: { ...good, id: '-agency' }, path: '0.id' },
  { why: 'an id of 64 characters', provider: { ...good, id: 'a'.repeat(64) }, path: '0.id' },
  { why: 'a missing id', provider: { ...good, id: undefined }, path: '0.id' },
  { why: 'an empty name', provider: { ...good, name: '' }, path: '0.name' },
  {
    why: 'an origin with a trailing slash',
    provider: { ...good, allowed_origins: ['https://agency.example/'] },
    path: '0.allowed_origins.0',
  },
  {
    why: 'an origin with a path',
    provider: { ...good, allowed_origins: ['https://agency.example/shop'] },
    path: '0.allowed_origins.0',
  },
  {
    why: 'an ftp: origin',
    provider: { ...good, allowed_origins: ['ftp://agency.example'] },
    path: '0.allowed_origins.0',
  },
  {
    why: 'an origin with a query',
    provider: { ...good, allowed_origins: ['https://agency.example?x=1'] },
    path: '0.allowed_origins.0',
  },
  {
    why: 'a host without a scheme',
    provider: { ...good, allowed_origins: ['agency.example'] },
    path: '0.allowed_origins.0',
  },
  { why: 'a wildcard origin', provider: { ...good, allowed_origins: ['*'] }, path: '0.allowed_origins.0' },
  {
    why: 'a second origin that is bad',
    provider: { ...good, allowed_origins: ['https://ok.example', 'https://bad.example/'] },
    path: '0.allowed_origins.1',
  },
  { why: 'no origins at all', provider: { ...good, allowed_origins: [] }, path: '0.allowed_origins' },
  { why: 'an empty scope', provider: { ...good, scope: [] }, path: '0.scope' },
  { why: 'a scope without "status"', provider: { ...good, scope: ['demographics'] }, path: '0.scope' },
  { why: 'an unknown scope', provider: { ...good, scope: ['status', 'aadhaar'] }, path: '0.scope.1' },
  { why: 'a secret shorter than 16', provider: { ...good, secret: 'short' }, path: '0.secret' },
])('rejects $why, naming the field path', ({ provider, path }) => {
  const error = errorOf(() => createRegistry([provider], 'the test registry'));
  expect(error.message).toContain('the test registry is not valid');
  expect(error.message).toContain(`  - ${path}: `);
});

test('keeps test: true, and a provider is no test provider unless it says so', () => {
  const registry = createRegistry([{ ...good, test: true }, other]);
  expect(registry.get('agency-1')?.test).toBe(true);
  expect(registry.get('portal-2')?.test).toBeUndefined();
  expect(errorOf(() => createRegistry([{ ...good, test: 'yes' }])).message).toContain('  - 0.test: ');
});

test.each([
  { scope: ['status', 'demographics'], named: /"demographics" in its scope/ },
  { scope: ['status', 'vaccinations'], named: /"vaccinations" in its scope/ },
  { scope: ['status', 'demographics', 'vaccinations'], named: /"demographics" and "vaccinations" in its scope/ },
])('a provider with scope $scope and no secret stops the start, named, with the reason', ({ scope, named }) => {
  const { secret: _secret, ...withoutSecret } = other;
  const error = errorOf(() => createRegistry([good, { ...withoutSecret, scope }], 'the test registry'));
  expect(error.message).toContain('the test registry is not valid');
  expect(error.message).toContain('  - 1.secret: provider "portal-2" has');
  expect(error.message).toMatch(named);
  expect(error.message).toMatch(/details are given only to its server, which sends the secret to siteverify/);
  expect(error.message).not.toContain('agency-1');
});

test('a provider of scope status alone needs no secret, and may have one', () => {
  expect(createRegistry([good]).get('agency-1')?.secret).toBeUndefined();
  expect(createRegistry([{ ...good, secret: 'a'.repeat(16) }]).get('agency-1')?.secret).toBe('a'.repeat(16));
});

test('names the position of the bad provider in the list', () => {
  const error = errorOf(() => createRegistry([good, { ...other, allowed_origins: ['https://portal.example/'] }]));
  expect(error.message).toContain('1.allowed_origins.0');
  expect(error.message).not.toContain('0.allowed_origins');
});

test('explains what an origin must look like', () => {
  const error = errorOf(() => createRegistry([{ ...good, allowed_origins: ['https://agency.example/'] }]));
  expect(error.message).toMatch(/exact origin/);
});

test("refuses the id of CoWIN's own page, which the host keeps for itself", () => {
  expect(RESERVED_PROVIDER_IDS).toContain(SELF_PROVIDER.id);
  const error = errorOf(() => createRegistry([good, { ...other, id: SELF_PROVIDER.id }]));
  expect(error.message).toContain('1.id');
  expect(error.message).toMatch(/reserved/);
});

test('rejects duplicate ids', () => {
  const error = errorOf(() => createRegistry([good, { ...other, id: good.id }]));
  expect(error.message).toContain('(top level)');
  expect(error.message).toMatch(/unique/);
});

test.each([
  { why: 'an empty list', value: [] },
  { why: 'an object instead of a list', value: { providers: [good] } },
  { why: 'null', value: null },
])('rejects $why at the top level', ({ value }) => {
  expect(errorOf(() => createRegistry(value)).message).toContain('(top level)');
});

test('hasScope reads the provider scope', () => {
  const registry = createRegistry([good, other]);
  const statusOnly = registry.get('agency-1')!;
  const full = registry.get('portal-2')!;
  expect(hasScope(statusOnly, 'status')).toBe(true);
  expect(hasScope(statusOnly, 'demographics')).toBe(false);
  expect(hasScope(full, 'vaccinations')).toBe(true);
});

test('loadRegistryFile reads a valid file', () => {
  const path = writeTemp('good.json', JSON.stringify([good, other]));
  expect(loadRegistryFile(path).get('portal-2')?.name).toBe('Portal Two');
});

test('loadRegistryFile refuses a missing file, naming the path', () => {
  const path = join(dir, 'does-not-exist.json');
  const error = errorOf(() => loadRegistryFile(path));
  expect(error.message).toContain(`KYCVS_PROVIDERS=${path}`);
  expect(error.message).toMatch(/cannot be read/);
});

test('loadRegistryFile refuses invalid JSON, naming the path', () => {
  const path = writeTemp('broken.json', '[{ "id": "agency-1", ');
  const error = errorOf(() => loadRegistryFile(path));
  expect(error.message).toContain(`KYCVS_PROVIDERS=${path}`);
  expect(error.message).toMatch(/not valid JSON/);
});

test('loadRegistryFile refuses a well-formed file with a bad provider, naming file and field', () => {
  const path = writeTemp('bad-scope.json', JSON.stringify([{ ...good, scope: ['vaccinations'] }]));
  const error = errorOf(() => loadRegistryFile(path));
  expect(error.message).toContain(`KYCVS_PROVIDERS=${path} is not valid`);
  expect(error.message).toContain('0.scope');
});

test.each([
  { origin: 'http://agency.example', allowed: false },
  { origin: 'http://192.168.1.20:8080', allowed: false },
  { origin: 'http://localhost:5173', allowed: true },
  { origin: 'http://shop.localhost', allowed: true },
  { origin: 'http://127.0.0.1:5173', allowed: true },
  { origin: 'http://[::1]:5173', allowed: true },
  { origin: 'https://agency.example', allowed: true },
])('outside mock mode, $origin is allowed: $allowed', ({ origin, allowed }) => {
  const registry = () => createRegistry([{ ...good, allowed_origins: ['https://ok.example', origin] }]);
  if (allowed) expect(() => registry()).not.toThrow();
  else expect(errorOf(registry).message).toMatch(/0\.allowed_origins\.1: must be https:\/\//);
  // In mock mode a demo on the LAN may be plain http.
  expect(() => createRegistry([{ ...good, allowed_origins: [origin] }], 'x', { plainHttp: 'any' })).not.toThrow();
});

test('a registry file with a syntax error inside a secret names the line and column, never the text', () => {
  const file = writeTemp('leaky.json', '[\n  { "id": "agency-1", "secret": hunter2-hunter2-hunter2 }\n]');
  const error = errorOf(() => loadRegistryFile(file));
  expect(error.message).toBe(`KYCVS_PROVIDERS=${file} is not valid JSON: a syntax error at line 2, column 33.`);
  expect(error.message).not.toContain('hunter2');
});

const redirecting = {
  ...other,
  redirect_uris: ['https://app.example/kycvs/return?from=app', 'http://localhost:8080/cb'],
};

test('keeps the redirect URIs of a provider with a secret, exactly as written', () => {
  expect(createRegistry([redirecting]).get('portal-2')?.redirect_uris).toEqual(redirecting.redirect_uris);
  expect(createRegistry([good]).get('agency-1')).not.toHaveProperty('redirect_uris');
});

test.each([
  ['http://127.0.0.1:9000/cb'],
  ['http://[::1]:9000/cb'],
  ['http://app.localhost/cb'],
  ['https://app.example/'],
])('accepts the redirect URI %s', (uri) => {
  expect(createRegistry([{ ...other, redirect_uris: [uri] }]).get('portal-2')?.redirect_uris).toEqual([uri]);
});

test.each([
  ['a fragment', 'https://app.example/cb#done', /redirect_uris\.0: must have no fragment/],
  ['an empty fragment', 'https://app.example/cb#', /redirect_uris\.0: must have no fragment/],
  ['plain http elsewhere', 'http://app.example/cb', /redirect_uris\.0: must be https:\/\//],
  ['a custom scheme', 'myapp://kycvs', /redirect_uris\.0: must be an https:\/\/ URL/],
  ['a relative path', '/kycvs/return', /redirect_uris\.0: must be an absolute URL/],
  ['a user name', 'https://me@app.example/cb', /redirect_uris\.0: must have no user name/],
  [
    'a form a browser would rewrite',
    'https://App.example',
    /must be written as a browser writes it: "https:\/\/app\.example\/"/,
  ],
  ['an overlong URL', `https://app.example/${'a'.repeat(1024)}`, /redirect_uris\.0: must be at most 1024/],
])('refuses a redirect URI with %s', (_, uri, message) => {
  expect(errorOf(() => createRegistry([{ ...other, redirect_uris: [uri] }])).message).toMatch(message);
});

test('refuses an empty redirect_uris list', () => {
  expect(errorOf(() => createRegistry([{ ...other, redirect_uris: [] }])).message).toMatch(/0\.redirect_uris/);
});

test('a provider with redirect URIs must have a secret, whatever its scope', () => {
  const error = errorOf(() => createRegistry([{ ...good, redirect_uris: ['https://agency.example/cb'] }]));
  expect(error.message).toMatch(/0\.secret: provider "agency-1" has "redirect_uris", so it needs a "secret"/);
});

test('in mock mode a plain http redirect URI on the LAN is allowed, as a plain http origin is', () => {
  const lan = { ...other, redirect_uris: ['http://192.168.1.20:5173/app/callback'] };
  expect(createRegistry([lan], 'demo', { plainHttp: 'any' }).get('portal-2')?.redirect_uris).toEqual(lan.redirect_uris);
});
