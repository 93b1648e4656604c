import { expect, test } from 'vitest';
import { bestLanguage } from './accept-language';

test.each([
  ['ta-IN,ta;q=0.9,en;q=0.8', 'ta'],
  ['en-GB,en;q=0.9,hi;q=0.8', 'en'],
  ['fr-FR,fr;q=0.9,hi;q=0.5,en;q=0.4', 'hi'],
  ['en;q=0.5, bn;q=0.9', 'bn'],
  ['hi, mr', 'hi'],
  ['MR-in', 'mr'],
  ['pa-Guru-IN', 'pa'],
  ['hi;q=0, en;q=0.1', 'en'],
  ['*;q=0.5, te', 'te'],
])('%j → %s', (header, lang) => {
  expect(bestLanguage(header)).toBe(lang);
});

test.each([undefined, '', 'fr-FR,de;q=0.9', '*', 'hi;q=0', ';;;,,,', 'x'.repeat(5000)])(
  '%j has no supported language',
  (header) => {
    expect(bestLanguage(header)).toBeUndefined();
  },
);
