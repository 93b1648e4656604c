import { parseHex, toHex } from './contrast';
import { fitContrast, shiftLightness } from './fit-contrast';

export type Scheme = 'light' | 'dark';

/**
 * The colours of each scheme that the accent must stand out from: the page (`--bg`, where the
 * accent is text and a button's edge) and a primary button's text (`--accent-fg`). Copied from
 * widget.css; palette.test.ts holds the two equal.
 */
export const schemeColours: Record<Scheme, { bg: string; accentFg: string }> = {
  light: { bg: '#ffffff', accentFg: '#ffffff' },
  dark: { bg: '#16191d', accentFg: '#0b1520' },
};

/**
 * CSS custom properties that bring a provider's accent into both schemes (widget.css uses the
 * active scheme's pair, so `auto` follows the device live): the accent, moved in lightness where it
 * would fall below AA against the page or the button's text, and a hover shade a step further from
 * the page. A scheme where no lightness passes keeps its own accent.
 * @example accentProperties('#ffcc00') // { '--light-accent': '#7a6200', …, '--dark-accent': '#ffcc00', … }
 */
export function accentProperties(hex: string): Record<string, string> {
  const accent = parseHex(hex);
  const properties: Record<string, string> = {};
  if (!accent) return properties;
  for (const scheme of ['light', 'dark'] as const) {
    const { bg, accentFg } = schemeColours[scheme];
    const against = [parseHex(bg)!, parseHex(accentFg)!];
    const fitted = fitContrast(accent, against);
    if (!fitted) continue;
    const hover = fitContrast(shiftLightness(fitted, scheme === 'light' ? -0.08 : 0.08), against) ?? fitted;
    properties[`--${scheme}-accent`] = toHex(fitted);
    properties[`--${scheme}-accent-hover`] = toHex(hover);
  }
  return properties;
}

/**
 * Sets the accent's properties on `style` (the frame's `<html>`; CSSOM, which the CSP allows).
 * Anything but `#rrggbb` sets nothing.
 */
export function applyAccent(style: Pick<CSSStyleDeclaration, 'setProperty'>, hex: string): void {
  for (const [name, value] of Object.entries(accentProperties(hex))) style.setProperty(name, value);
}
