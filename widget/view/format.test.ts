import { expect, test } from 'vitest';
import { supportedLanguages } from '../i18n';
import { formatClock, formatDate, formatNumber } from './format';

test('formatClock shows minutes and two-digit seconds', () => {
  expect([formatClock(42), formatClock(180), formatClock(0), formatClock(-3), formatClock(59.2)]).toEqual([
    '0:42',
    '3:00',
    '0:00',
    '0:00',
    '1:00',
  ]);
});

test('numbers and dates are in Latin digits in every language, as the SMS and the OTP are (docs/i18n.md)', () => {
  for (const lang of supportedLanguages) {
    expect([lang, formatNumber(1986, lang)]).toEqual([lang, '1986']);
    expect([lang, formatDate('2021-03-12', lang)]).toEqual([lang, expect.stringMatching(/12/)]);
    expect([lang, /[^\p{ASCII}]\p{Nd}|\p{Nd}/u.test(formatDate('2021-03-12', lang).replace(/[0-9]/g, ''))]).toEqual([
      lang,
      false,
    ]);
  }
  expect(formatDate('2021-03-12', 'mr')).toMatch(/2021/);
  expect(formatDate('2021-03-12', 'bn')).toMatch(/^12/);
});

test('formatDate keeps the calendar day and passes odd input through', () => {
  expect(formatDate('2021-03-12', 'en')).toMatch(/12/);
  expect(formatDate('2021-03-12', 'en')).toMatch(/2021/);
  expect(formatDate('2021-03-12', 'hi')).toBe('12 मार्च 2021');
  expect(formatDate('soon', 'en')).toBe('soon');
});
