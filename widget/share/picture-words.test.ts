import { expect, test } from 'vitest';
import { createTranslator, en } from '../i18n';
import bn from '../i18n/bn';
import hi from '../i18n/hi';
import type { KycvsResult } from '../../contract';
import { pictureWords } from './picture-words';

const day = new Date(Date.UTC(2025, 10, 27, 6));
const result: KycvsResult = { status: 'FULLY_VACCINATED', token: 't' };

test('English: the status, "Checked with CoWIN on" the day (never "verified"), and no name without a beneficiary', () => {
  expect(pictureWords(result, createTranslator(en), 'en', day)).toEqual({
    status: 'FULLY_VACCINATED',
    heading: 'Vaccination status',
    statusText: 'Fully vaccinated',
    name: undefined,
    checkedWith: 'Checked with CoWIN on November 27, 2025',
  });
});

test('the first name only, when the result carries the beneficiary', () => {
  const withPerson = { ...result, beneficiary: { name: 'Asha Verma', birth_year: 1990 } };
  expect(pictureWords(withPerson, createTranslator(en), 'en', day).name).toBe('Asha');
});

test('Hindi: the words and the date in Hindi', () => {
  const words = pictureWords({ ...result, status: 'NOT_VACCINATED' }, createTranslator(hi), 'hi', day);
  expect(words.statusText).toBe('टीका नहीं लगा');
  expect(words.checkedWith).toBe('27 नवंबर 2025 को CoWIN से जाँचा गया');
});

test('Bengali: its own words, and the date in Latin digits like the rest of the widget', () => {
  const words = pictureWords(result, createTranslator(bn), 'bn', day);
  expect(words.checkedWith).toMatch(/^27 .*2025 তারিখে CoWIN-এ যাচাই করা হয়েছে$/);
  expect(words.checkedWith).not.toMatch(/[০-৯]/);
});
