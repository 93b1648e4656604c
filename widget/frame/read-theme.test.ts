import { expect, test } from 'vitest';
import { applyAccent } from '../theme';
import { readAccent, readTheme } from './read-theme';

test('reads light or dark from the URL and anything else as auto', () => {
  expect([
    readTheme('?theme=dark'),
    readTheme('?provider=x&theme=light'),
    readTheme('?theme=pink'),
    readTheme(''),
  ]).toEqual(['dark', 'light', 'auto', 'auto']);
});

test('reads the accent as given, or undefined', () => {
  expect(readAccent('?theme=dark&accent=%237B2CBF')).toBe('#7B2CBF');
  expect([readAccent(''), readAccent('?accent=')]).toEqual([undefined, undefined]);
});

test('only #rrggbb from the URL reaches the styles', () => {
  const set: string[] = [];
  const style = { setProperty: (name: string, value: string) => void set.push(`${name}:${value}`) };
  for (const search of ['?accent=7b2cbf', '?accent=%23fff', '?accent=%237b2cbf00', '?accent=red']) {
    applyAccent(style, readAccent(search) ?? '');
  }
  applyAccent(style, readAccent('?accent=%23000000%3Bbackground%3Aurl(x)') ?? '');
  expect(set).toEqual([]);
  applyAccent(style, readAccent('?accent=%237b2cbf')!);
  expect(set).toHaveLength(4);
});
