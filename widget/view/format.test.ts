import { expect, test } from 'vitest';
import { supportedLanguages } from '../i18n';
import { formatClock, formatNumber } from './format';

test('formatClock shows minutes and two-digit seconds', () => {
  expect([formatClock(42), formatClock(180), formatClock(0), formatClock(-3), formatClock(59.2)]).toEqual([
    '0:42',
    '3:00',
    '0:00',
    '0:00',
    '1:00',
  ]);
});

test('numbers are in Latin digits in every language, as the SMS and the OTP are (docs/i18n.md)', () => {
  for (const lang of supportedLanguages) expect([lang, formatNumber(1986, lang)]).toEqual([lang, '1986']);
  expect(formatNumber(7, 'mr', 2)).toBe('07');
});
