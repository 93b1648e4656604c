import { expect, test, vi } from 'vitest';
import { accentProperties, applyAccent, schemeColours } from './accent';
import { contrast, parseHex } from './contrast';

const names = ['--light-accent', '--light-accent-hover', '--dark-accent', '--dark-accent-hover'];

test('an accent that passes in a scheme is used as given there', () => {
  // The widget's own light blue is AA on white, and too dark for the dark scheme.
  const p = accentProperties('#0a58a8');
  expect(p['--light-accent']).toBe('#0a58a8');
  expect(p['--dark-accent']).not.toBe('#0a58a8');
  expect(Object.keys(p).sort()).toEqual([...names].sort());
});

test.each(['#ffcc00', '#7b2cbf', '#00ff00', '#000080', '#ff0000', '#777777', '#FFFFFF', '#000000'])(
  '%s never breaks AA: against the page and the button text, in both schemes, hover too',
  (accent) => {
    const p = accentProperties(accent);
    for (const scheme of ['light', 'dark'] as const) {
      const { bg, accentFg } = schemeColours[scheme];
      for (const name of [`--${scheme}-accent`, `--${scheme}-accent-hover`]) {
        const colour = parseHex(p[name]!)!;
        expect(contrast(colour, parseHex(bg)!)).toBeGreaterThanOrEqual(4.5);
        expect(contrast(colour, parseHex(accentFg)!)).toBeGreaterThanOrEqual(4.5);
      }
    }
  },
);

test('hover is a step further from the page: darker in light, lighter in dark', () => {
  const p = accentProperties('#7b2cbf');
  const lum = (name: string) => parseHex(p[name]!)!.reduce((a, b) => a + b);
  expect(lum('--light-accent-hover')).toBeLessThan(lum('--light-accent'));
  expect(lum('--dark-accent-hover')).toBeGreaterThan(lum('--dark-accent'));
});

test('anything but #rrggbb sets nothing, and the schemes keep their own accents', () => {
  for (const bad of ['', 'red', '#fff', 'url(x)', '#0a58a8;color:red']) expect(accentProperties(bad)).toEqual({});
});

test('applyAccent sets the properties on the style it is given', () => {
  const style = { setProperty: vi.fn() };
  applyAccent(style, '#7b2cbf');
  expect(style.setProperty.mock.calls.map(([name]) => name).sort()).toEqual([...names].sort());
  applyAccent(style, 'nope');
  expect(style.setProperty).toHaveBeenCalledTimes(4);
});
