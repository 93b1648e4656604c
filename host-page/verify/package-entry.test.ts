import { expect, test } from 'vitest';

// Providers import the helper by the package's name; the `exports` map must lead there.
test('kycvs/verify resolves to the helper', async () => {
  const entry = await import('kycvs/verify');
  expect(typeof entry.verifyStatusToken).toBe('function');
  expect(entry.StatusTokenError).toBeDefined();
});
