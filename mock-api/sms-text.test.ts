import { expect, test } from 'vitest';
import { REQUESTER_MAX_LENGTH, sanitizeRequester, smsText } from './sms-text';

test('names the requester in the SMS', () => {
  expect(smsText('123456', 'Demo Travel')).toBe(
    'Your OTP to share your vaccination status with Demo Travel is 123456. It is valid for 3 minutes. Do not share it with anyone else. - CoWIN',
  );
});

test('leaves the "with" part out when no requester is named', () => {
  expect(smsText('004321', undefined)).toBe(
    'Your OTP to share your vaccination status is 004321. It is valid for 3 minutes. Do not share it with anyone else. - CoWIN',
  );
});

test('strips control characters and bidi overrides from the requester', () => {
  expect(sanitizeRequester('Demo\u0000 Travel\r\nOTP is 000000')).toBe('Demo Travel OTP is 000000');
  expect(sanitizeRequester('\u202eDemo\u202c Travel\u0007')).toBe('Demo Travel');
});

test('clips the requester to 60 characters', () => {
  const clipped = sanitizeRequester('A'.repeat(100));
  expect(clipped).toBe('A'.repeat(REQUESTER_MAX_LENGTH));
  expect(REQUESTER_MAX_LENGTH).toBe(60);
});

test('decodes a percent-encoded UTF-8 requester and keeps a literal percent sign', () => {
  expect(sanitizeRequester(encodeURIComponent('डेमो ट्रैवल'))).toBe('डेमो ट्रैवल');
  expect(sanitizeRequester('100% Travel')).toBe('100% Travel');
});

test('treats a missing or blank requester as none', () => {
  expect(sanitizeRequester(null)).toBeUndefined();
  expect(sanitizeRequester(' \u0000\t ')).toBeUndefined();
});
