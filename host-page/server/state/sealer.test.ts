import { randomBytes } from 'node:crypto';
import { expect, test } from 'vitest';
import { createSealer } from './sealer';

const secret = randomBytes(32);

test('a sealed value opens to what was sealed, and shows none of it', () => {
  const sealer = createSealer(secret);
  const sealed = sealer.seal('{"mobile":"9876543210","name":"Asha Verma"}');
  expect(sealed).not.toMatch(/9876543210|Asha/);
  expect(sealer.open(sealed)).toBe('{"mobile":"9876543210","name":"Asha Verma"}');
});

test('sealing one value twice gives two different texts (a fresh IV each time)', () => {
  const sealer = createSealer(secret);
  expect(sealer.seal('same')).not.toBe(sealer.seal('same'));
});

test('an altered seal, or one made with another secret, does not open', () => {
  const sealed = createSealer(secret).seal('Asha Verma');
  const bytes = Buffer.from(sealed, 'base64url');
  bytes[bytes.length - 1]! ^= 1;
  expect(() => createSealer(secret).open(bytes.toString('base64url'))).toThrow();
  expect(() => createSealer(randomBytes(32)).open(sealed)).toThrow();
});
