import { expect, test } from 'vitest';
import { clampHeight, MAX_FRAME_HEIGHT, MIN_FRAME_HEIGHT } from './frame-height';

test.each([
  [360, 360],
  [412.2, 413],
  [0, MIN_FRAME_HEIGHT],
  [-5, MIN_FRAME_HEIGHT],
  [100_000, MAX_FRAME_HEIGHT],
  [Number.NaN, MIN_FRAME_HEIGHT],
  [Number.POSITIVE_INFINITY, MAX_FRAME_HEIGHT],
])('clampHeight(%d) is %d', (height, expected) => {
  expect(clampHeight(height)).toBe(expected);
});
