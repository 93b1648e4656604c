import { expect, test, vi } from 'vitest';
import { loadSubjectSecret } from './subject-secret';

test('without KYCVS_SUBJECT_SECRET it warns once and makes a fresh 256-bit secret', () => {
  const warn = vi.fn();
  const secret = loadSubjectSecret(undefined, warn);
  expect(warn).toHaveBeenCalledTimes(1);
  expect(warn.mock.calls[0]?.[0]).toMatch(/KYCVS_SUBJECT_SECRET is not set/);
  expect(secret).toHaveLength(32);
  expect(Buffer.from(loadSubjectSecret(undefined, () => {})).equals(Buffer.from(secret))).toBe(false);
});

test('a configured secret is the same bytes on every start, without a warning', () => {
  const warn = vi.fn();
  const text = 'Zm9vYmFyYmF6cXV4Zm9vYmFyYmF6cXV4MTIzNDU2Nzg=';
  expect(Buffer.from(loadSubjectSecret(text, warn)).equals(Buffer.from(loadSubjectSecret(text, warn)))).toBe(true);
  expect(warn).not.toHaveBeenCalled();
});

test('a short secret is refused, and the message does not repeat it', () => {
  expect(() => loadSubjectSecret('short-secret-123', () => {})).toThrow(/KYCVS_SUBJECT_SECRET is too short/);
  expect(() => loadSubjectSecret('short-secret-123', () => {})).not.toThrow(/short-secret-123/);
});
