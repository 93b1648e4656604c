import { expect, test } from 'vitest';
import { newSupportRef, SUPPORT_REF_ALPHABET, SUPPORT_REF_PATTERN } from './support-ref';

test('a reference is eight characters of Crockford base32, matching the pattern', () => {
  for (let i = 0; i < 200; i++) expect(newSupportRef()).toMatch(SUPPORT_REF_PATTERN);
  expect(SUPPORT_REF_ALPHABET).toHaveLength(32);
  expect(SUPPORT_REF_ALPHABET).not.toMatch(/[ILOU]/);
});

test('each byte picks one symbol by its low five bits', () => {
  const bytes = [0, 1, 31, 32, 63, 255, 10, 18];
  expect(newSupportRef((b) => (b.set(bytes), b))).toBe('01Z0ZZAJ');
});

test('references differ from one another', () => {
  const refs = new Set(Array.from({ length: 1000 }, () => newSupportRef()));
  expect(refs.size).toBe(1000);
});
