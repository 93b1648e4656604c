import { contrast, type Rgb } from './contrast';
import { hslToRgb, rgbToHsl } from './hsl';

/** WCAG 1.4.3 (AA) for text: the accent is a text colour and the background of a button's text. */
export const TEXT_CONTRAST = 4.5;

/**
 * `colour` itself when it has `min` contrast with every colour in `against`. Otherwise the same
 * hue and saturation at another lightness that has, as close to the original as a bisection finds;
 * undefined when neither black-most nor white-most lightness passes (the caller keeps its default).
 */
export function fitContrast(colour: Rgb, against: readonly Rgb[], min = TEXT_CONTRAST): Rgb | undefined {
  const passes = (c: Rgb) => against.every((other) => contrast(c, other) >= min);
  if (passes(colour)) return colour;
  const [h, s, l] = rgbToHsl(colour);
  // Rounded before it is judged, so that the colour returned is exactly the one that passed.
  const at = (lightness: number) => hslToRgb([h, s, lightness]).map(Math.round) as unknown as Rgb;
  let best: { rgb: Rgb; shift: number } | undefined;
  for (const end of [0, 1]) {
    if (!passes(at(end))) continue;
    let fail = l;
    let pass = end;
    for (let i = 0; i < 20; i++) {
      const mid = (fail + pass) / 2;
      if (passes(at(mid))) pass = mid;
      else fail = mid;
    }
    const shift = Math.abs(pass - l);
    if (!best || shift < best.shift) best = { rgb: at(pass), shift };
  }
  return best?.rgb;
}

/** The colour with its lightness moved by `by` (−1 to 1), clamped. */
export function shiftLightness(colour: Rgb, by: number): Rgb {
  const [h, s, l] = rgbToHsl(colour);
  return hslToRgb([h, s, Math.min(1, Math.max(0, l + by))]).map(Math.round) as unknown as Rgb;
}
