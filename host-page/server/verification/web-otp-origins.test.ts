import { expect, test } from 'vitest';
import { webOtpOrigins } from './web-otp-origins';

const own = 'https://kycvs.example';
const embed = { standalone: false, allowedOrigins: ['https://agency.example', 'https://b.example'], ownOrigin: own };

test('an embed on a registered origin gets the top-level origin, then the frame’s', () => {
  expect(webOtpOrigins({ ...embed, parentOrigin: 'https://b.example' })).toEqual(['https://b.example', own]);
});

test('CoWIN’s own page is top-level: one origin, whatever the request says', () => {
  const facts = { standalone: true, allowedOrigins: [], ownOrigin: own };
  expect(webOtpOrigins({ ...facts, parentOrigin: undefined })).toEqual([own]);
  expect(webOtpOrigins({ ...facts, parentOrigin: 'https://evil.example' })).toEqual([own]);
});

test('a parent on the host’s own origin needs one origin only', () => {
  expect(webOtpOrigins({ ...embed, allowedOrigins: [own], parentOrigin: own })).toEqual([own]);
});

test.each([
  ['no parent origin', undefined],
  ['an unregistered one', 'https://evil.example'],
  ['a near miss', 'https://agency.example/'],
  ['a line break', 'https://agency.example\n@evil.example #1'],
])('%s gets no WebOTP line', (_, parentOrigin) => {
  expect(webOtpOrigins({ ...embed, parentOrigin })).toBeUndefined();
});
