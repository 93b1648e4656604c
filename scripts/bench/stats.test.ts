import { expect, test } from 'vitest';
import { median, percentile } from './stats';

test('median of an odd count is the middle value, of an even count the mean of the middle two', () => {
  expect(median([5, 1, 3])).toBe(3);
  expect(median([4, 1, 3, 2])).toBe(2.5);
  expect(median([7])).toBe(7);
  expect(() => median([])).toThrow();
});

test('percentile is by nearest rank', () => {
  const hundred = Array.from({ length: 100 }, (_, i) => 100 - i);
  expect(percentile(hundred, 50)).toBe(50);
  expect(percentile(hundred, 99)).toBe(99);
  expect(percentile(hundred, 100)).toBe(100);
  expect(percentile([3, 1, 2], 0)).toBe(1);
  expect(() => percentile([], 50)).toThrow();
});
