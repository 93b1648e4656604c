import { expect, test } from 'vitest';
import { demoProviders } from '../../../e2e/providers';
import { demoRegistry } from './demo';

test('the bundled demo registry loads with the providers the README names, and the test provider', () => {
  const registry = demoRegistry('http://localhost:5173');
  expect(
    registry
      .all()
      .map((p) => p.id)
      .sort(),
  ).toEqual(['demo-irctc', 'demo-test', 'demo-travel']);
  expect(registry.get('demo-travel')?.scope).toEqual(['status']);
  expect([...(registry.get('demo-irctc')?.scope ?? [])].sort()).toEqual(['demographics', 'status', 'vaccinations']);
  expect([...(registry.get('demo-test')?.scope ?? [])].sort()).toEqual(['demographics', 'status', 'vaccinations']);
});

test('the secrets and the test flag are the demo values docs/operations.md publishes', () => {
  const registry = demoRegistry('http://localhost:5173');
  expect(registry.get('demo-travel')).not.toHaveProperty('secret');
  expect(registry.get('demo-irctc')?.secret).toBe('demo-irctc-secret-for-the-demo-only');
  expect(registry.get('demo-test')).toMatchObject({
    name: 'Demo Test Provider',
    secret: 'demo-test-secret-for-the-demo-only',
    test: true,
  });
  expect(registry.get('demo-irctc')).not.toHaveProperty('test');
});

test('e2e/providers.ts mirrors the bundled providers: ids, names, scopes, secrets and test', () => {
  const origin = 'http://localhost:5173';
  expect(demoProviders(origin)).toEqual(demoRegistry(origin).all());
});

test.each(['http://localhost:5173', 'http://localhost:6000', 'https://demo.example'])(
  'every demo provider allows the demo origin %s and nothing else',
  (origin) => {
    for (const provider of demoRegistry(origin).all()) expect(provider.allowed_origins).toEqual([origin]);
  },
);

test('refuses a demo origin that is not an exact origin', () => {
  expect(() => demoRegistry('http://localhost:5173/')).toThrow(/allowed_origins/);
});

test.each(['http://localhost:5173', 'http://localhost:6183'])(
  "demo-irctc and demo-test send redirect mode back to the demo's app page on %s",
  (origin) => {
    const registry = demoRegistry(origin);
    for (const id of ['demo-irctc', 'demo-test']) {
      expect(registry.get(id)?.redirect_uris).toEqual([`${origin}/app/callback`]);
    }
    expect(registry.get('demo-travel')).not.toHaveProperty('redirect_uris');
  },
);
