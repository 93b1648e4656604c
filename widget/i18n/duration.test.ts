import { expect, test } from 'vitest';
import { sayDuration } from './duration';
import { en } from './en';
import { hi } from './hi';
import { kn } from './kn';
import { ta } from './ta';
import { createTranslator } from './translate';

const say = (seconds: number) => sayDuration(createTranslator(en), seconds);

test('says hours, minutes and seconds with singular and plural words', () => {
  expect([say(1), say(2), say(5), say(60), say(120), say(179), say(180)]).toEqual([
    '1 second',
    '2 seconds',
    '5 seconds',
    '1 minute',
    '2 minutes',
    '2 minutes 59 seconds',
    '3 minutes',
  ]);
});

test("says CoWIN's hourly limit as an hour, never 3600 seconds; from an hour up, seconds round up into minutes", () => {
  expect([say(3600), say(3601), say(7200), say(7199), say(5400)]).toEqual([
    '1 hour',
    '1 hour 1 minute',
    '2 hours',
    '2 hours',
    '1 hour 30 minutes',
  ]);
  expect([say(0), say(-4), say(0.2)]).toEqual(['0 seconds', '0 seconds', '1 second']);
});

test("uses each table's own unit words, not Intl's abbreviations or a nominative ending", () => {
  expect(sayDuration(createTranslator(ta, 'ta'), 60)).toBe('1 நிமிடம்');
  expect(sayDuration(createTranslator(ta, 'ta'), 120)).toBe('2 நிமிடங்கள்');
  expect(sayDuration(createTranslator(kn, 'kn'), 60)).toBe('1 ನಿಮಿಷ');
  expect(sayDuration(createTranslator(kn, 'kn'), 1)).toBe('1 ಸೆಕೆಂಡ್');
  expect(sayDuration(createTranslator(hi, 'hi'), 3600)).toBe('1 घंटा');
});
