import { expect, test } from 'vitest';
import { formatClock, formatDate, formatDuration, formatNumber } from './format';

test('formatClock shows minutes and two-digit seconds', () => {
  expect([formatClock(42), formatClock(180), formatClock(0), formatClock(-3), formatClock(59.2)]).toEqual([
    '0:42',
    '3:00',
    '0:00',
    '0:00',
    '1:00',
  ]);
});

test("formatClock and formatNumber use the language's own digits where CLDR does", () => {
  expect(formatClock(125, 'mr')).toBe('२:०५');
  expect(formatClock(125, 'bn')).toBe('২:০৫');
  expect(formatClock(125, 'hi')).toBe('2:05');
  expect(formatNumber(1986, 'en')).toBe('1986');
  expect(formatNumber(2, 'as')).toBe('২');
});

test('formatDuration says minutes from one minute up, else seconds, in the language', () => {
  expect([
    formatDuration(180, 'en'),
    formatDuration(60, 'en'),
    formatDuration(30, 'en'),
    formatDuration(1, 'en'),
  ]).toEqual(['3 minutes', '1 minute', '30 seconds', '1 second']);
  expect(formatDuration(60, 'hi')).toBe('1 मिनट');
  expect(formatDuration(30, 'ta')).toMatch(/^30 [\u0b80-\u0bff]/);
});

test('formatDate keeps the calendar day and passes odd input through', () => {
  expect(formatDate('2021-03-12', 'en')).toMatch(/12/);
  expect(formatDate('2021-03-12', 'en')).toMatch(/2021/);
  expect(formatDate('2021-03-12', 'hi')).toBe('12 मार्च 2021');
  expect(formatDate('2021-03-12', 'bn')).toMatch(/^১২/);
  expect(formatDate('soon', 'en')).toBe('soon');
});
