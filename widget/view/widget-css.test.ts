import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { contrast, parseHex, schemeColours, type Scheme } from '../theme';

const here = import.meta.dirname;
const css = readFileSync(join(here, 'widget.css'), 'utf8');

/** Every stylesheet of the widget, wherever it lives under widget/. */
const stylesheets = (readdirSync(join(here, '..'), { recursive: true }) as string[])
  .filter((file) => file.endsWith('.css'))
  // Comments out: they may well name what the rules must not do.
  .map((file) => [file, readFileSync(join(here, '..', file), 'utf8').replace(/\/\*[\s\S]*?\*\//g, '')] as const);

/** The body of the first rule whose prelude is exactly `selector`. */
function block(selector: string): string {
  const start = css.indexOf(`${selector} {`);
  if (start < 0) throw new Error(`no rule ${selector}`);
  return css.slice(start + selector.length + 2, css.indexOf('}', start));
}

/** The custom properties of a rule body, a `var(--x, #hex)` read as its fallback (a scheme's own colour). */
function colours(body: string): Record<string, string> {
  const found: Record<string, string> = {};
  for (const [, name, value] of body.matchAll(/--([\w-]+):\s*([^;]+);/g)) {
    found[name!] = /#[0-9a-f]{6}/i.exec(value!)?.[0] ?? value!;
  }
  return found;
}

const light = colours(block(':root'));
const dark = colours(block(":root[data-theme='dark']"));
const darkByDevice = colours(block("  :root:not([data-theme='light'])"));
const schemes: Record<Scheme, Record<string, string>> = { light, dark };

test('no stylesheet sets letter-spacing: it breaks the joined letters of Indic scripts', () => {
  expect(stylesheets.length).toBeGreaterThan(0);
  for (const [file, text] of stylesheets) expect([file, /letter-spacing/i.test(text)]).toEqual([file, false]);
});

test('dark looks the same whether the device or the page asks for it', () => {
  expect(darkByDevice).toEqual(dark);
  expect(Object.keys(dark).sort()).toEqual(Object.keys(light).sort());
});

test('the colours widget/theme/ fits an accent against are the stylesheet’s own', () => {
  for (const scheme of ['light', 'dark'] as const) {
    expect(schemeColours[scheme]).toEqual({ bg: schemes[scheme].bg, accentFg: schemes[scheme]['accent-fg'] });
  }
});

// [foreground, background, minimum]: text 4.5:1 (WCAG 1.4.3), edges and focus 3:1 (1.4.11).
const pairs: [string, string, number][] = [
  ['fg', 'bg', 4.5],
  ['fg', 'surface', 4.5],
  ['fg', 'error-bg', 4.5],
  ['muted', 'bg', 4.5],
  ['muted', 'surface', 4.5],
  ['accent', 'bg', 4.5],
  ['accent-fg', 'accent', 4.5],
  ['accent-fg', 'accent-hover', 4.5],
  ['fully', 'bg', 4.5],
  ['partially', 'bg', 4.5],
  ['not', 'bg', 4.5],
  ['line', 'bg', 3],
  ['error', 'bg', 3],
  ['error', 'error-bg', 3],
  ['focus', 'bg', 3],
];

describe.each(['light', 'dark'] as const)('%s', (scheme) => {
  test.each(pairs)('%s on %s has at least %s:1', (fg, bg, min) => {
    const ratio = contrast(parseHex(schemes[scheme][fg]!)!, parseHex(schemes[scheme][bg]!)!);
    expect(ratio).toBeGreaterThanOrEqual(min);
  });
});

test('focus is visible: a 3 px outline, set off from the control', () => {
  const focus = block(':focus-visible');
  expect(focus).toMatch(/outline:\s*3px solid var\(--focus\)/);
  expect(focus).toMatch(/outline-offset:\s*[1-9]/);
});

test('reduced motion is respected', () => {
  expect(css).toMatch(/@media \(prefers-reduced-motion: reduce\)[^@]*animation: none !important/);
});

test('the font stack names a font for every script, on every system, and downloads none', () => {
  const stack = /font-family:([^;]+);/.exec(css)![1]!;
  for (const script of [
    'Devanagari',
    'Bengali',
    'Gujarati',
    'Gurmukhi',
    'Oriya',
    'Tamil',
    'Telugu',
    'Kannada',
    'Malayalam',
  ]) {
    expect(stack).toContain(`'Noto Sans ${script}'`);
  }
  for (const font of ['system-ui', "'Noto Sans'", "'Nirmala UI'", "'Kohinoor Devanagari'", "'Lohit Devanagari'"]) {
    expect(stack).toContain(font);
  }
  for (const [file, text] of stylesheets) expect([file, /@font-face|url\(/.test(text)]).toEqual([file, false]);
});
