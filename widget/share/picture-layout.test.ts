import { expect, test } from 'vitest';
import {
  fitText,
  layoutStatusPicture,
  PICTURE_SIZE,
  statusColours,
  TEXT_WIDTH,
  wrapLines,
  type Measure,
  type PictureWords,
} from './picture-layout';

/** A monospaced stand-in for measureText: each character is 0.55 em wide. */
const measure: Measure = (text, font) => [...text].length * Number(/(\d+)px/.exec(font)![1]) * 0.55;
const sizeOf = (font: string) => Number(/(\d+)px/.exec(font)![1]);
const FAMILY = 'system-ui, "Noto Sans", sans-serif';

const words: PictureWords = {
  status: 'FULLY_VACCINATED',
  heading: 'Vaccination status',
  statusText: 'Fully vaccinated',
  name: 'Asha',
  checkedWith: 'Checked with CoWIN on 27 November 2025',
};

test('wrapLines breaks between words, greedily', () => {
  const width = (text: string) => text.length;
  expect(wrapLines('one two three four', 9, width)).toEqual(['one two', 'three', 'four']);
  expect(wrapLines('  spaced   out  ', 100, width)).toEqual(['spaced out']);
  expect(wrapLines('unbreakablewordhere', 5, width)).toEqual(['unbreakablewordhere']);
});

test('fitText keeps the largest size that fits, and shrinks a long text', () => {
  const style = { weight: 700, size: 96, minSize: 56, maxLines: 2, colour: '#000' } as const;
  expect(fitText('Fully vaccinated', style, FAMILY, measure).size).toBe(96);
  const long = fitText('முழுமையாக தடுப்பூசி செலுத்தப்பட்டவர்', style, FAMILY, measure);
  expect(long.size).toBeLessThan(96);
  expect(long.lines.length).toBeLessThanOrEqual(2);
  for (const line of long.lines) expect(measure(line, long.font)).toBeLessThanOrEqual(TEXT_WIDTH);
});

test('fitText never drops words: past the smallest size the last line takes the rest', () => {
  const style = { weight: 400, size: 40, minSize: 36, maxLines: 1, colour: '#000' } as const;
  const text = 'word '.repeat(60).trim();
  const fitted = fitText(text, style, FAMILY, measure);
  expect(fitted.size).toBe(36);
  expect(fitted.lines).toEqual([text]);
});

test('the picture shows the status in words and at a glance, the name, and "Checked with CoWIN on" the date', () => {
  const layout = layoutStatusPicture(words, FAMILY, measure);
  expect(layout.lines.map((line) => line.text)).toEqual([
    'Vaccination status',
    'Fully vaccinated',
    'Asha',
    'Checked with CoWIN on 27 November 2025',
  ]);
  expect(layout.band.colour).toBe(statusColours.FULLY_VACCINATED);
  expect(layout.mark).toMatchObject({ status: 'FULLY_VACCINATED', cx: PICTURE_SIZE / 2 });
  expect(layout.lines.every((line) => line.font.endsWith(FAMILY))).toBe(true);
});

test('without a beneficiary the picture names no one', () => {
  const layout = layoutStatusPicture({ ...words, name: undefined }, FAMILY, measure);
  expect(layout.lines.map((line) => line.text)).not.toContain('Asha');
  expect(layout.lines).toHaveLength(3);
});

test.each([
  ['English', words],
  ['a long status that wraps', { ...words, statusText: 'Partially vaccinated with one dose of two so far' }],
  ['Tamil', { ...words, statusText: 'முழுமையாக தடுப்பூசி செலுத்தப்பட்டவர்', heading: 'தடுப்பூசி நிலை' }],
  ['no name', { ...words, name: undefined }],
])('%s: every line fits across, below the band, above the foot, without overlap', (_, w) => {
  const layout = layoutStatusPicture(w, FAMILY, measure);
  const body = layout.lines.slice(0, -1);
  const footer = layout.lines.at(-1)!;
  let previousBottom = layout.band.height;
  for (const line of body) {
    const size = sizeOf(line.font);
    const top = line.y - size * 1.05;
    expect(top).toBeGreaterThanOrEqual(previousBottom);
    previousBottom = line.y + size * 0.3;
    expect(measure(line.text, line.font)).toBeLessThanOrEqual(TEXT_WIDTH);
  }
  expect(previousBottom).toBeLessThan(layout.rule.y);
  expect(footer.y).toBeGreaterThan(layout.rule.y);
  expect(footer.y).toBeLessThan(PICTURE_SIZE);
});

test('each status has its own colour, and the mark says which it is', () => {
  for (const status of ['FULLY_VACCINATED', 'PARTIALLY_VACCINATED', 'NOT_VACCINATED'] as const) {
    const layout = layoutStatusPicture({ ...words, status }, FAMILY, measure);
    expect(layout.band.colour).toBe(statusColours[status]);
    expect(layout.mark.status).toBe(status);
    expect(layout.lines[1]!.colour).toBe(statusColours[status]);
  }
  expect(new Set(Object.values(statusColours)).size).toBe(3);
});
