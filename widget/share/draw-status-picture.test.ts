import { expect, test } from 'vitest';
import { drawStatusPicture, type PictureContext } from './draw-status-picture';
import { layoutStatusPicture, PICTURE_SIZE, statusColours, TEXT_WIDTH, type PictureWords } from './picture-layout';

/** A 2D context that records what is drawn, with the style in force at each call. */
function recorder() {
  const calls: Array<{ name: string; args: unknown[]; fillStyle: unknown; font: unknown }> = [];
  const state: Record<string, unknown> = {};
  const ctx = new Proxy(state, {
    get(target, name: string) {
      if (name in target) return target[name];
      return (...args: unknown[]) => void calls.push({ name, args, fillStyle: target.fillStyle, font: target.font });
    },
    set(target, name: string, value) {
      target[name] = value;
      return true;
    },
  }) as unknown as PictureContext;
  return { ctx, calls };
}

const measure = (text: string, font: string) => text.length * Number(/(\d+)px/.exec(font)![1]) * 0.5;
const words: PictureWords = {
  status: 'PARTIALLY_VACCINATED',
  heading: 'टीकाकरण स्थिति',
  statusText: 'आंशिक टीकाकरण',
  name: 'सुनीता',
  checkedWith: '27 नवंबर 2025 को CoWIN से जाँचा गया',
};

test('paints a white square, the status band, the mark and every line of text, centred and held to the width', () => {
  const { ctx, calls } = recorder();
  drawStatusPicture(ctx, layoutStatusPicture(words, 'sans-serif', measure));
  const rects = calls.filter((c) => c.name === 'fillRect');
  expect(rects[0]).toMatchObject({ args: [0, 0, PICTURE_SIZE, PICTURE_SIZE], fillStyle: '#ffffff' });
  expect(rects[1]).toMatchObject({ fillStyle: statusColours.PARTIALLY_VACCINATED });
  const texts = calls.filter((c) => c.name === 'fillText');
  expect(texts.map((c) => c.args[0])).toEqual([
    'टीकाकरण स्थिति',
    'आंशिक टीकाकरण',
    'सुनीता',
    '27 नवंबर 2025 को CoWIN से जाँचा गया',
  ]);
  for (const text of texts) {
    expect(text.args[1]).toBe(PICTURE_SIZE / 2);
    expect(text.args[3]).toBe(TEXT_WIDTH);
  }
});

test.each([
  ['FULLY_VACCINATED', 'a tick', ['lineTo', 'lineTo']],
  ['PARTIALLY_VACCINATED', 'a half disc', ['arc', 'closePath', 'fill']],
  ['NOT_VACCINATED', 'a dash', ['moveTo', 'lineTo', 'stroke']],
] as const)('%s is drawn as a ring and %s, in white', (status, _, shape) => {
  const { ctx, calls } = recorder();
  drawStatusPicture(ctx, layoutStatusPicture({ ...words, status }, 'sans-serif', measure));
  const names = calls.map((c) => c.name);
  const mark = names.slice(names.indexOf('save'), names.indexOf('restore'));
  expect(mark).toContain('arc');
  expect(mark.join(' ')).toContain(shape.join(' '));
  expect(names.filter((n) => n === 'save')).toHaveLength(1);
});
