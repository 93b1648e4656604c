import { randomBytes } from 'node:crypto';
import { expect, test } from 'vitest';
import { createKeyHasher } from './key-hasher';

test('one secret gives one key per value on every host; another secret, another key', () => {
  const secret = randomBytes(32);
  const hostA = createKeyHasher(secret);
  const hostB = createKeyHasher(Uint8Array.from(secret));
  expect(hostA('mobile', '9876543210')).toBe(hostB('mobile', '9876543210'));
  expect(createKeyHasher(randomBytes(32))('mobile', '9876543210')).not.toBe(hostA('mobile', '9876543210'));
});

test('keys hide the value and keep namespaces apart', () => {
  const hash = createKeyHasher(randomBytes(32));
  const key = hash('mobile', '9876543210');
  expect(key).toMatch(/^[\w-]{22}$/);
  expect(key).not.toContain('9876543210');
  expect(hash('client', '9876543210')).not.toBe(key);
  expect(hash('mobile', '9876543211')).not.toBe(key);
});
