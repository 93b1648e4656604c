import { expect, test } from 'vitest';
import { returnUrl } from './return-url';

test('appends code and state to a URI with no query', () => {
  expect(returnUrl('https://app.example/cb', { code: 'abc', state: 's1' })).toBe(
    'https://app.example/cb?code=abc&state=s1',
  );
});

test("keeps the registered URI's own query exactly, and adds after it", () => {
  expect(returnUrl('https://app.example/cb?from=app&x=a%20b', { code: 'abc', state: 's' })).toBe(
    'https://app.example/cb?from=app&x=a%20b&code=abc&state=s',
  );
  expect(returnUrl('https://app.example/cb?', { error: 'access_denied', state: 's' })).toBe(
    'https://app.example/cb?error=access_denied&state=s',
  );
});

test('encodes the state, so that it comes back exactly as it was given', () => {
  const state = `a&b=c+d/e?f#g%h"'<>~`;
  const url = new URL(returnUrl('http://localhost:5173/app/callback', { code: 'c', state }));
  expect(url.searchParams.get('state')).toBe(state);
  expect(url.hash).toBe('');
  expect(url.searchParams.get('code')).toBe('c');
});
