import { signal } from '@preact/signals';
import { expect, test } from 'vitest';
import { createTranslator, en } from '../i18n';
import type { VerificationFlow } from '../model';
import { ErrorRegion } from './error-region';
import { elements, text } from './test-kit';

const t = createTranslator(en);

const region = (
  error: VerificationFlow['error']['value'],
  fieldErrors: VerificationFlow['fieldErrors']['value'] = {},
) => ErrorRegion({ flow: { error: signal(error), fieldErrors: signal(fieldErrors) } as VerificationFlow, t });

test('a fault is followed by its support reference, kept in Latin letters', () => {
  const tree = region({ code: 'NETWORK_ERROR', message: 'x', ref: 'K7Q2M9XD' });
  expect(text(tree)).toBe(`${en['error.NETWORK_ERROR']}Reference: K7Q2M9XD`);
  const code = elements(tree).find((e) => e.type === 'span');
  expect([text(code), code?.props.translate]).toEqual(['K7Q2M9XD', false]);
});

test('a wrong OTP, shown at its field, still gets its reference; a typing mistake does not', () => {
  const wrong = region(
    { code: 'OTP_INCORRECT', message: 'x', field: 'otp', ref: 'AB12CD34' },
    { otp: 'OTP_INCORRECT' },
  );
  expect(text(wrong)).toBe(`${en['error.OTP_INCORRECT']}Reference: AB12CD34`);
  for (const code of ['INVALID_NAME', 'INVALID_MOBILE', 'INVALID_OTP'] as const) {
    const field = code === 'INVALID_NAME' ? 'name' : code === 'INVALID_MOBILE' ? 'mobile' : 'otp';
    const mistake = region({ code, message: 'x', field, ref: 'AB12CD34' }, { [field]: code });
    expect(text(mistake)).toBe(en[`error.${code}`]);
  }
});

test('an error without a reference shows none', () => {
  expect(text(region({ code: 'OTP_EXPIRED', message: 'x' }))).toBe(en['error.OTP_EXPIRED']);
  expect(text(region(null))).toBe('');
});
