import { expect, test } from 'vitest';
import { formatClock, formatDate } from './format';

test('formatClock shows minutes and two-digit seconds', () => {
  expect([formatClock(42), formatClock(180), formatClock(0), formatClock(-3)]).toEqual([
    '0:42',
    '3:00',
    '0:00',
    '0:00',
  ]);
});

test('formatDate keeps the calendar day and passes odd input through', () => {
  expect(formatDate('2021-03-12', 'en')).toMatch(/12/);
  expect(formatDate('2021-03-12', 'en')).toMatch(/2021/);
  expect(formatDate('soon', 'en')).toBe('soon');
});
