import { expect, test } from 'vitest';
import { contrast, luminance, parseHex, toHex } from './contrast';

test('parseHex reads #rrggbb in either case and nothing else', () => {
  expect(parseHex('#0a58A8')).toEqual([10, 88, 168]);
  for (const bad of ['0a58a8', '#fff', '#0a58a8ff', '#0a58ag', ' #0a58a8', ''])
    expect(parseHex(bad), bad).toBeUndefined();
});

test('toHex writes #rrggbb, rounded and clamped', () => {
  expect(toHex([10, 88, 168])).toBe('#0a58a8');
  expect(toHex([-4, 255.4, 300])).toBe('#00ffff');
  expect(toHex([127.5, 0, 0])).toBe('#800000');
});

test('luminance is 0 for black, 1 for white, and follows the WCAG weights', () => {
  expect(luminance([0, 0, 0])).toBe(0);
  expect(luminance([255, 255, 255])).toBeCloseTo(1, 10);
  expect(luminance([255, 0, 0])).toBeCloseTo(0.2126, 10);
  expect(luminance([0, 255, 0])).toBeCloseTo(0.7152, 10);
  expect(luminance([0, 0, 255])).toBeCloseTo(0.0722, 10);
});

test('contrast matches the known ratios, in either order', () => {
  const white = parseHex('#ffffff')!;
  expect(contrast(white, parseHex('#000000')!)).toBeCloseTo(21, 10);
  expect(contrast(white, white)).toBe(1);
  // The classic edge of AA on white: #767676 passes, #777777 does not.
  expect(contrast(parseHex('#767676')!, white)).toBeCloseTo(4.54, 2);
  expect(contrast(parseHex('#777777')!, white)).toBeCloseTo(4.48, 2);
  expect(contrast(white, parseHex('#0a58a8')!)).toBeCloseTo(contrast(parseHex('#0a58a8')!, white), 12);
});
