import { expect, test } from 'vitest';
import { RATE_LIMIT_DEFAULTS, rateLimitsFrom, windowRule } from './rules';

const perMinute = (rule: { limit: number; windowSeconds: number }) => (rule.limit * 60) / rule.windowSeconds;

test('the defaults let a busy office behind one address verify 60 people a minute, with headroom', () => {
  // Each verification: Get OTP, one or two Verify, perhaps a Resend OTP.
  const callsPerPerson = 4;
  const otpSendsPerPerson = 2;
  expect(perMinute(RATE_LIMIT_DEFAULTS.client)).toBeGreaterThanOrEqual(60 * callsPerPerson);
  expect(perMinute(RATE_LIMIT_DEFAULTS.clientOtp)).toBeGreaterThanOrEqual(60 * otpSendsPerPerson);
  expect(perMinute(RATE_LIMIT_DEFAULTS.provider)).toBeGreaterThanOrEqual(10 * perMinute(RATE_LIMIT_DEFAULTS.client));
});

test('the defaults let one mobile get at least 10 OTPs in 10 minutes, and at most 50 in 24 hours', () => {
  const { mobile, mobileDaily } = RATE_LIMIT_DEFAULTS;
  expect(mobile.windowSeconds).toBeLessThanOrEqual(600);
  expect(mobile.limit).toBeGreaterThanOrEqual(10);
  expect(mobileDaily).toEqual({ limit: 50, windowSeconds: 86_400 });
});

test('no overrides: the defaults', () => {
  expect(rateLimitsFrom({})).toEqual({ ok: true, limits: RATE_LIMIT_DEFAULTS });
});

test('an override replaces only the fields it names', () => {
  const parsed = rateLimitsFrom({ client: { limit: 600 }, mobile: { windowSeconds: 300 } });
  expect(parsed).toEqual({
    ok: true,
    limits: {
      ...RATE_LIMIT_DEFAULTS,
      client: { limit: 600, windowSeconds: 60 },
      mobile: { limit: 20, windowSeconds: 300 },
    },
  });
});

test('the defaults themselves are never changed by an override', () => {
  rateLimitsFrom({ client: { limit: 1 } });
  expect(RATE_LIMIT_DEFAULTS.client.limit).toBe(300);
});

test.each([
  { why: 'an unknown rule', value: { clients: { limit: 5 } }, where: /clients/ },
  { why: 'an unknown field', value: { client: { max: 5 } }, where: /client.*max/ },
  { why: 'a zero limit', value: { client: { limit: 0 } }, where: /client\.limit/ },
  { why: 'a fractional window', value: { mobile: { windowSeconds: 1.5 } }, where: /mobile\.windowSeconds/ },
  { why: 'a limit as a string', value: { provider: { limit: '3000' } }, where: /provider\.limit/ },
  { why: 'a limit too large to keep in memory', value: { client: { limit: 10_000_000 } }, where: /client\.limit/ },
  { why: 'an array', value: [], where: /top level/ },
  { why: 'a number', value: 5, where: /top level/ },
])('refuses $why, naming where', ({ value, where }) => {
  const parsed = rateLimitsFrom(value);
  expect(parsed.ok).toBe(false);
  if (parsed.ok) return;
  expect(parsed.problems.join('\n')).toMatch(where);
});

test('windowRule turns seconds into milliseconds', () => {
  expect(windowRule({ limit: 20, windowSeconds: 600 })).toEqual({ limit: 20, windowMs: 600_000 });
});
