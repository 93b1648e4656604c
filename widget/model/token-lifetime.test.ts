import { expect, test } from 'vitest';
import { FALLBACK_LIFETIME_S, tokenLifetime } from './token-lifetime';

const base64url = (text: string) =>
  Buffer.from(text).toString('base64').replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
const jws = (claims: unknown) =>
  `${base64url('{"alg":"ES256","typ":"kycvs-status+jwt"}')}.${base64url(JSON.stringify(claims))}.c2ln`;

test('reads exp - iat from the payload', () => {
  expect(tokenLifetime(jws({ iat: 1_700_000_000, exp: 1_700_000_300 }))).toBe(300);
  expect(tokenLifetime(jws({ iat: 1_700_000_000, exp: 1_700_000_090, nonce: 'n' }))).toBe(90);
});

test('reads a payload whose base64url has - and _ and no padding', () => {
  // A nonce chosen so that the encoded payload holds both URL-safe characters.
  const token = jws({ iat: 10, exp: 130, nonce: '~~~?>>' });
  expect(token.split('.')[1]).toMatch(/[-_]/);
  expect(tokenLifetime(token)).toBe(120);
});

test('reads a payload with characters beyond ASCII', () => {
  expect(tokenLifetime(jws({ iat: 0, exp: 60, aud: 'सुनीता' }))).toBe(60);
});

test('falls back to 300 s when the token cannot be read', () => {
  for (const token of ['', 'a.b.c', 'onlyone', `x.${base64url('not json')}.y`, `x.${base64url('null')}.y`]) {
    expect([token, tokenLifetime(token)]).toEqual([token, FALLBACK_LIFETIME_S]);
  }
  expect(FALLBACK_LIFETIME_S).toBe(300);
});

test('falls back to 300 s when the claims make no sense', () => {
  for (const claims of [{}, { exp: 300 }, { iat: '0', exp: '300' }, { iat: 300, exp: 300 }, { iat: 0, exp: 10 ** 9 }]) {
    expect([claims, tokenLifetime(jws(claims))]).toEqual([claims, FALLBACK_LIFETIME_S]);
  }
});
