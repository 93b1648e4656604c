import { expect, test } from 'vitest';
import { parseHex, toHex } from './contrast';
import { hslToRgb, rgbToHsl } from './hsl';

test('rgbToHsl reads the primaries, grey and a mixed colour', () => {
  expect(rgbToHsl([255, 0, 0])).toEqual([0, 1, 0.5]);
  expect(rgbToHsl([0, 0, 255])).toEqual([240, 1, 0.5]);
  expect(rgbToHsl([128, 128, 128])).toEqual([0, 0, 128 / 255]);
  const [h, s, l] = rgbToHsl(parseHex('#0a58a8')!);
  expect([Math.round(h), Math.round(s * 100), Math.round(l * 100)]).toEqual([210, 89, 35]);
});

test('hslToRgb gives back every colour rgbToHsl read', () => {
  for (const hex of ['#0a58a8', '#ffcc00', '#7b2cbf', '#16191d', '#ffffff', '#000000', '#ff0080', '#00695c']) {
    expect(toHex(hslToRgb(rgbToHsl(parseHex(hex)!)))).toBe(hex);
  }
});
