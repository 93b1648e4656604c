import { expect, test } from 'vitest';
import { createTranslator, formatDay, formatIsoDate, loadMessages, supportedLanguages } from '.';

const speech = async (lang: string) => {
  const loaded = await loadMessages(lang);
  return { lang: loaded.lang, t: createTranslator(loaded.messages, loaded.lang), messages: loaded.messages };
};

/** An Intl.DateTimeFormat as a browser without `lang`'s data has it: English, or CLDR's `M12` placeholder. */
function browserWithout(kind: 'english' | 'placeholder'): typeof Intl.DateTimeFormat {
  return function DateTimeFormat(_locale?: string | string[], options?: Intl.DateTimeFormatOptions) {
    const formatter =
      kind === 'english' ? new Intl.DateTimeFormat('en-US', options) : new Intl.DateTimeFormat('pa', options);
    return {
      formatToParts: (date?: number | Date) =>
        kind === 'english'
          ? formatter.formatToParts(date)
          : [
              { type: 'year', value: '2026' },
              { type: 'literal', value: ' ' },
              { type: 'month', value: 'M12' },
              { type: 'literal', value: ' ' },
              { type: 'day', value: '5' },
            ],
      resolvedOptions: () => ({ ...formatter.resolvedOptions(), locale: kind === 'english' ? 'en-US' : 'pa' }),
    };
  } as unknown as typeof Intl.DateTimeFormat;
}

const december5 = { year: 2026, month: 12, day: 5 };

test.each(supportedLanguages)("%s: a day in Latin digits with the month's name, as Intl writes it", async (lang) => {
  const { t, messages } = await speech(lang);
  const text = formatDay(december5, lang, t);
  expect(text).toMatch(/\b5\b/);
  expect(text).toContain('2026');
  expect(text.replace(/[0-9]/g, '')).not.toMatch(/\p{Nd}/u);
  expect(text).toContain(messages['date.months'].split('|')[11]);
});

test.each(supportedLanguages)(
  "%s: the table's month names and order are Intl's own, so both ways read alike",
  async (lang) => {
    const { t } = await speech(lang);
    const fallback = formatDay(december5, lang, t, browserWithout('english'));
    expect(fallback).toBe(formatDay(december5, lang, t));
    expect(t('date.months').split('|')).toHaveLength(12);
  },
);

test('a browser without the language’s dates (Chromium: Assamese, Odia) gets the table’s, not English', async () => {
  const as = await speech('as');
  expect(formatDay(december5, 'as', as.t, browserWithout('english'))).toBe('5 ডিচেম্বৰ, 2026');
  const or = await speech('or');
  expect(formatDay(december5, 'or', or.t, browserWithout('english'))).toBe('ଡିସେମ୍ବର 5, 2026');
});

test('a browser with only CLDR’s month placeholder (Chromium: Punjabi, "2026 M12 5") gets the names', async () => {
  const pa = await speech('pa');
  expect(formatDay(december5, 'pa', pa.t, browserWithout('placeholder'))).toBe('5 ਦਸੰਬਰ 2026');
});

test('English keeps Intl’s, which resolves to English', async () => {
  const en = await speech('en');
  expect(formatDay(december5, 'en', en.t, browserWithout('english'))).toBe('December 5, 2026');
});

test('a dose date keeps its calendar day in any time zone, and odd input passes through', async () => {
  const hi = await speech('hi');
  expect(formatIsoDate('2021-03-12', 'hi', hi.t)).toBe('12 मार्च 2021');
  expect(formatIsoDate('2021-01-01', 'en', (await speech('en')).t)).toBe('January 1, 2021');
  expect(formatIsoDate('soon', 'en', hi.t)).toBe('soon');
});
