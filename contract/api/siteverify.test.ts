import { expect, expectTypeOf, test } from 'vitest';
import {
  IDEMPOTENCY_KEY_PATTERN,
  SiteverifyErrorCode,
  siteverifyErrorCodes,
  SiteverifyRequestSchema,
  SiteverifyVerdictSchema,
  type SiteverifyVerdict,
} from './siteverify';

test('an idempotency key is 1 to 255 printable ASCII characters without spaces', () => {
  for (const key of ['a', 'order-1', '550e8400-e29b-41d4-a716-446655440000', '~!@#$%^&*()', 'k'.repeat(255)]) {
    expect(IDEMPOTENCY_KEY_PATTERN.test(key), key).toBe(true);
  }
  for (const key of ['', 'k'.repeat(256), 'order 1', 'tab\there', 'line\n', 'café', '\u0000']) {
    expect(IDEMPOTENCY_KEY_PATTERN.test(key), JSON.stringify(key)).toBe(false);
  }
});

test('a request takes token, secret and idempotency_key as strings, each optional', () => {
  expect(SiteverifyRequestSchema.parse({})).toEqual({});
  expect(SiteverifyRequestSchema.parse({ token: 't', secret: 's', idempotency_key: 'k', other: 1 })).toEqual({
    token: 't',
    secret: 's',
    idempotency_key: 'k',
  });
  for (const body of [null, [], 'token', { token: 5 }, { secret: null }, { idempotency_key: ['k'] }]) {
    expect(SiteverifyRequestSchema.safeParse(body).success, JSON.stringify(body)).toBe(false);
  }
});

test('a verdict is a success with the token’s claims, or a failure with known codes', () => {
  const success = {
    success: true,
    status: 'FULLY_VACCINATED',
    aud: 'demo-test',
    sub: 's',
    iat: 1,
    exp: 301,
    origin: 'http://localhost:5173',
    hostname: 'localhost',
    action: 'booking',
    test: true,
    beneficiary: { name: 'Test Person Fully' },
    vaccinations: [{ vaccine: 'COVISHIELD', dose: 1, date: '2021-05-15' }],
  };
  expect(SiteverifyVerdictSchema.parse(success)).toEqual(success);
  expect(SiteverifyVerdictSchema.safeParse({ ...success, test: false }).success).toBe(false);
  expect(SiteverifyVerdictSchema.parse({ success: false, 'error-codes': ['token-already-used'] })).toEqual({
    success: false,
    'error-codes': ['token-already-used'],
  });
  expect(SiteverifyVerdictSchema.safeParse({ success: false, 'error-codes': ['made-up'] }).success).toBe(false);
  expectTypeOf<Extract<SiteverifyVerdict, { success: false }>['error-codes'][number]>().toEqualTypeOf<
    (typeof siteverifyErrorCodes)[number]
  >();
});

test('the error codes are kebab-case words, each named once', () => {
  for (const code of siteverifyErrorCodes) expect(code).toMatch(/^[a-z]+(-[a-z]+)*$/);
  expect(new Set(siteverifyErrorCodes).size).toBe(Object.keys(SiteverifyErrorCode).length);
});

test("a request may carry redirect mode's code, as a string", () => {
  expect(SiteverifyRequestSchema.parse({ code: 'c', secret: 's' })).toEqual({ code: 'c', secret: 's' });
  expect(SiteverifyRequestSchema.safeParse({ code: 5 }).success).toBe(false);
});
