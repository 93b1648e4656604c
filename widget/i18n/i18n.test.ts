import { expect, test } from 'vitest';
import { errorCodes } from '../protocol';
import { en } from './en';
import { errorKey, errorMessage } from './error-message';
import { hi } from './hi';
import { languages } from './languages';
import { loadMessages } from './load-messages';
import { createTranslator, format } from './translate';

const placeholders = (text: string) => [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();

test('hi has exactly the keys of en, each a non-empty string', () => {
  expect(Object.keys(hi).sort()).toEqual(Object.keys(en).sort());
  for (const value of Object.values(hi)) expect(value.trim()).not.toBe('');
});

test('hi uses the same placeholders as en in every message', () => {
  for (const key of Object.keys(en) as (keyof typeof en)[]) {
    expect([key, placeholders(hi[key])]).toEqual([key, placeholders(en[key])]);
  }
});

test('hi is written in Devanagari', () => {
  expect(hi['field.name']).toMatch(/^[\u0900-\u097f ]+$/);
  expect(hi['status.FULLY_VACCINATED']).toMatch(/[\u0900-\u097f]/);
});

test('every error code has a message in every table', () => {
  for (const code of errorCodes) {
    expect(en[errorKey(code)], code).toBeTruthy();
    expect(hi[errorKey(code)], code).toBeTruthy();
  }
});

test('the English words people and tests rely on are exact', () => {
  expect([en['field.name'], en['field.mobile'], en['field.otp']]).toEqual(['Full name', 'Mobile number', 'OTP']);
  expect([en['action.getOtp'], en['action.verify'], en['action.resend']]).toEqual(['Get OTP', 'Verify', 'Resend OTP']);
  expect([en['status.FULLY_VACCINATED'], en['status.PARTIALLY_VACCINATED'], en['status.NOT_VACCINATED']]).toEqual([
    'Fully vaccinated',
    'Partially vaccinated',
    'Not vaccinated',
  ]);
  expect(en['action.verifyAnother']).toBe('Verify another person');
});

test('format fills placeholders and leaves unknown ones visible', () => {
  expect(format('Sent to {mobile} in {time}.', { mobile: '******3210', time: '2:59' })).toBe(
    'Sent to ******3210 in 2:59.',
  );
  expect(format('Wait {seconds} s', {})).toBe('Wait {seconds} s');
  expect(format('{a}{a}', { a: 0 })).toBe('00');
});

test('a translator reads its table', () => {
  expect(createTranslator(hi)('otp.sentTo', { mobile: '******3210' })).toBe('******3210 पर SMS से OTP भेजा गया है।');
});

test('errorMessage puts the wait of RATE_LIMITED in seconds', () => {
  const t = createTranslator(en);
  expect(errorMessage(t, { code: 'RATE_LIMITED', retryAfter: 42 })).toBe(
    'Too many requests. Wait 42 seconds and try again.',
  );
  expect(errorMessage(t, { code: 'RATE_LIMITED' })).toBe('Too many requests. Wait a minute and try again.');
  expect(errorMessage(t, { code: 'TIMEOUT' })).toBe(en['error.TIMEOUT']);
});

test('loadMessages loads hi and falls back to en for languages without a table', async () => {
  expect(await loadMessages('hi')).toEqual({ lang: 'hi', messages: hi });
  expect(await loadMessages('ta')).toEqual({ lang: 'en', messages: en });
  expect(await loadMessages('xx')).toEqual({ lang: 'en', messages: en });
});

test('the twelve languages of the contract are listed', () => {
  expect([...languages].sort()).toEqual(['as', 'bn', 'en', 'gu', 'hi', 'kn', 'ml', 'mr', 'or', 'pa', 'ta', 'te']);
});
