import { expect, test } from 'vitest';
import { demoRegistry } from './demo';

test('the bundled demo registry loads with the two providers the README names', () => {
  const registry = demoRegistry('http://localhost:5173');
  expect(
    registry
      .all()
      .map((p) => p.id)
      .sort(),
  ).toEqual(['demo-irctc', 'demo-travel']);
  expect(registry.get('demo-travel')?.scope).toEqual(['status']);
  expect([...(registry.get('demo-irctc')?.scope ?? [])].sort()).toEqual(['demographics', 'status', 'vaccinations']);
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
