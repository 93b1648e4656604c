import { expect, test } from 'vitest';
import { median } from './stats';

test('median of an odd count is the middle value, of an even count the mean of the middle two', () => {
  expect(median([5, 1, 3])).toBe(3);
  expect(median([4, 1, 3, 2])).toBe(2.5);
  expect(median([7])).toBe(7);
  expect(() => median([])).toThrow();
});
