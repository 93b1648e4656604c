import { expect, test } from 'vitest';
import { parseRetryAfter } from './post-json';

test('parseRetryAfter reads whole seconds', () => {
  expect(parseRetryAfter('120')).toBe(120);
});

test('parseRetryAfter reads an HTTP date as seconds from now', () => {
  const now = Date.parse('Wed, 21 Oct 2026 07:28:00 GMT');
  expect(parseRetryAfter('Wed, 21 Oct 2026 07:28:30 GMT', now)).toBe(30);
});

test('parseRetryAfter ignores a missing or unreadable header', () => {
  expect(parseRetryAfter(null)).toBeUndefined();
  expect(parseRetryAfter('soon')).toBeUndefined();
});
