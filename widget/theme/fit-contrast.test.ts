import { expect, test } from 'vitest';
import { contrast, parseHex, type Rgb } from './contrast';
import { hslToRgb, rgbToHsl } from './hsl';
import { fitContrast, shiftLightness } from './fit-contrast';

const white = parseHex('#ffffff')!;
const black = parseHex('#000000')!;
const darkPage = parseHex('#16191d')!;
const hue = (c: Rgb) => rgbToHsl(c)[0];

test('a colour that already passes is kept exactly', () => {
  const blue = parseHex('#0a58a8')!;
  expect(fitContrast(blue, [white])).toBe(blue);
});

test('a light colour on white is darkened just enough, keeping its hue', () => {
  const yellow = parseHex('#ffcc00')!;
  const fitted = fitContrast(yellow, [white])!;
  expect(contrast(fitted, white)).toBeGreaterThanOrEqual(4.5);
  // Just enough: a step lighter would fail.
  expect(contrast(shiftLightness(fitted, 0.01), white)).toBeLessThan(4.5);
  expect(Math.abs(hue(fitted) - hue(yellow))).toBeLessThan(2);
});

test('a dark colour on a dark page is lightened', () => {
  const navy = parseHex('#000080')!;
  const fitted = fitContrast(navy, [darkPage, parseHex('#0b1520')!])!;
  expect(contrast(fitted, darkPage)).toBeGreaterThanOrEqual(4.5);
  expect(rgbToHsl(fitted)[2]).toBeGreaterThan(rgbToHsl(navy)[2]);
  expect(Math.abs(hue(fitted) - hue(navy))).toBeLessThan(2);
});

test('grey goes whichever way is nearer', () => {
  const grey = parseHex('#808080')!;
  expect(rgbToHsl(fitContrast(grey, [white])!)[2]).toBeLessThan(0.5);
  expect(rgbToHsl(fitContrast(grey, [black])!)[2]).toBeGreaterThan(0.5);
});

test('answers undefined when no lightness passes, so the caller keeps its default', () => {
  // Against both black and white, 7:1 is out of reach for any colour.
  expect(fitContrast(parseHex('#808080')!, [white, black], 7)).toBeUndefined();
});

test('every result passes, for colours all round the wheel, on both pages', () => {
  for (let h = 0; h < 360; h += 15) {
    for (const [sat, light] of [
      [1, 0.5],
      [0.6, 0.85],
      [0.8, 0.15],
    ] as const) {
      const colour = hslToRgb([h, sat, light]).map(Math.round) as unknown as Rgb;
      for (const page of [white, darkPage]) {
        const fitted = fitContrast(colour, [page]);
        expect([h, sat, light, fitted && contrast(fitted, page) >= 4.5]).toEqual([h, sat, light, true]);
      }
    }
  }
});

test('shiftLightness moves lightness and clamps at the ends', () => {
  expect(shiftLightness(parseHex('#808080')!, 1)).toEqual([255, 255, 255]);
  expect(shiftLightness(parseHex('#808080')!, -1)).toEqual([0, 0, 0]);
});
