import { expect, test } from 'vitest';
import { REQUESTER_MAX_LENGTH, sanitizeRequester, selfCheckSite, smsText, webOtpHosts } from './sms-text';

test('names the requester in the SMS', () => {
  expect(smsText('123456', { requester: 'Demo Travel' })).toBe(
    'Your OTP to share your vaccination status with Demo Travel is 123456. It is valid for 3 minutes. Do not share it with anyone else. - CoWIN',
  );
});

test('leaves the "with" part out when no requester is named', () => {
  expect(smsText('004321')).toBe(
    'Your OTP to check your vaccination status is 004321. It is valid for 3 minutes. Do not share it with anyone else. - CoWIN',
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

test('ends with the WebOTP line for a cross-origin iframe: @top #otp @iframe', () => {
  const text = smsText('123456', {
    requester: 'Demo Travel',
    webOtpHosts: webOtpHosts('http://localhost:5173,http://127.0.0.1:5174'),
  });
  expect(text.split('\n').at(-1)).toBe('@localhost:5173 #123456 @127.0.0.1:5174');
  expect(text.startsWith('Your OTP to share your vaccination status with Demo Travel is 123456.')).toBe(true);
});

test('ends with a one-host WebOTP line for a top-level page', () => {
  expect(smsText('004321', { webOtpHosts: webOtpHosts('https://selfregistration.cowin.gov.in') })).toBe(
    'Your OTP to check your vaccination status is 004321. It is valid for 3 minutes. Do not share it with anyone else. - CoWIN\n\n@selfregistration.cowin.gov.in #004321',
  );
});

test('reads origins as hosts, keeping a port and dropping the default one', () => {
  expect(webOtpHosts('https://agency.example:8443, https://kycvs.example')).toEqual([
    'agency.example:8443',
    'kycvs.example',
  ]);
  expect(webOtpHosts('https://xn--h2brj9c.example')).toEqual(['xn--h2brj9c.example']);
});

test.each([
  ['no header', null],
  ['an empty header', ''],
  ['three origins', 'https://a.example,https://b.example,https://c.example'],
  ['a path', 'https://a.example/x'],
  ['a trailing slash', 'https://a.example/'],
  ['another scheme', 'ftp://a.example'],
  ['a bare host', 'a.example'],
  ['a space inside', 'https://a.example #999999'],
  ['a newline inside', 'https://a.example\n@evil.example #1'],
  ['the null origin', 'null'],
  ['a default port written out', 'https://a.example:443'],
  ['an overlong header', `https://${'a'.repeat(600)}.example`],
])('adds no WebOTP line for %s', (_, header) => {
  const hosts = webOtpHosts(header);
  expect(hosts).toBeUndefined();
  expect(smsText('123456', { requester: 'X', webOtpHosts: hosts })).not.toContain('#123456');
});

test('a self-check names the one site where the OTP belongs, and what typing it elsewhere gives away', () => {
  expect(smsText('123456', { selfCheckSite: 'kycvs.example' })).toBe(
    'Your OTP to check your own vaccination status on kycvs.example is 123456. Type it only on kycvs.example: anyone you give it to can read your CoWIN record. - CoWIN',
  );
});

test('the self-check site is a bare host and port, or nothing', () => {
  expect(selfCheckSite('KYCVS.example')).toBe('kycvs.example');
  expect(selfCheckSite('127.0.0.1:5174')).toBe('127.0.0.1:5174');
  for (const odd of ['https://kycvs.example', 'kycvs.example/x', 'a b', '', 'x'.repeat(300)]) {
    expect(selfCheckSite(odd)).toBeUndefined();
  }
  expect(selfCheckSite(null)).toBeUndefined();
});
