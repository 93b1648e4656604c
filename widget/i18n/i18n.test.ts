import { readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { as } from './as';
import { bn } from './bn';
import { en, type MessageKey, type Messages } from './en';
import { errorKey, errorMessage, type FrameErrorCode } from './error-message';
import { gu } from './gu';
import { hi } from './hi';
import { kn } from './kn';
import { appTitles, errorCodes, type Language, supportedLanguages } from '../../contract';
import { loadMessages } from './load-messages';
import { ml } from './ml';
import { mr } from './mr';
import { or } from './or';
import { pa } from './pa';
import { ta } from './ta';
import { te } from './te';
import { createTranslator, format } from './translate';

const tables: Record<Language, Messages> = { en, hi, mr, bn, as, gu, pa, or, ta, te, kn, ml };

/**
 * Each language's script (a Unicode block) and the mark that ends its sentences. Marathi, Gujarati
 * and the four Dravidian languages end sentences with a full stop; Hindi, Bengali, Assamese, Odia
 * and Punjabi with the danda.
 */
const scripts: Record<Language, { name: string; block: RegExp; stop: '.' | '।' }> = {
  en: { name: 'Latin', block: /[A-Za-z]/, stop: '.' },
  hi: { name: 'Devanagari', block: /[\u0900-\u097f]/, stop: '।' },
  mr: { name: 'Devanagari', block: /[\u0900-\u097f]/, stop: '.' },
  bn: { name: 'Bengali', block: /[\u0980-\u09ff]/, stop: '।' },
  as: { name: 'Bengali-Assamese', block: /[\u0980-\u09ff]/, stop: '।' },
  gu: { name: 'Gujarati', block: /[\u0a80-\u0aff]/, stop: '.' },
  pa: { name: 'Gurmukhi', block: /[\u0a00-\u0a7f]/, stop: '।' },
  or: { name: 'Odia', block: /[\u0b00-\u0b7f]/, stop: '।' },
  ta: { name: 'Tamil', block: /[\u0b80-\u0bff]/, stop: '.' },
  te: { name: 'Telugu', block: /[\u0c00-\u0c7f]/, stop: '.' },
  kn: { name: 'Kannada', block: /[\u0c80-\u0cff]/, stop: '.' },
  ml: { name: 'Malayalam', block: /[\u0d00-\u0d7f]/, stop: '.' },
};

const keys = Object.keys(en) as MessageKey[];
/** Every text of a message: the string, or each plural form. */
const forms = (message: Messages[MessageKey]): string[] =>
  typeof message === 'string' ? [message] : Object.values(message).filter((v): v is string => typeof v === 'string');
/** A message's text for the checks that read one string: a string, or its `other` form. */
const one = (message: Messages[MessageKey]): string => (typeof message === 'string' ? message : message.other);
const pluralKeys = keys.filter((key) => typeof en[key] !== 'string');
const ordinalKeys: readonly MessageKey[] = ['result.dose'];
const loaderOnly = ['FRAME_TIMEOUT', 'DESTROYED', 'CONTAINER_NOT_FOUND'];
const placeholders = (text: string) => [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();
/** What is left to read in a script once the `{placeholders}` and the words kept in Latin letters are gone. */
const withoutLatinWords = (text: string) => text.replace(/\{\w+\}/g, ' ').replace(/\b(?:OTP|SMS|CoWIN|ID)\b/g, ' ');
const letters = (text: string) => withoutLatinWords(text).match(/[\p{L}\p{M}]/gu) ?? [];
const graphemes = (text: string) => [...new Intl.Segmenter('en', { granularity: 'grapheme' }).segment(text)].length;

describe.each(supportedLanguages.map((lang) => [lang, tables[lang]] as const))('%s', (lang, table) => {
  const { name, block, stop } = scripts[lang];

  test('has exactly the keys of en, each a non-empty string', () => {
    expect(Object.keys(table).sort()).toEqual([...keys].sort());
    for (const key of keys.filter((k) => !pluralKeys.includes(k))) {
      expect([key, typeof table[key], one(table[key]).trim() !== '']).toEqual([key, 'string', true]);
    }
  });

  test("gives every plural exactly the forms of its language's plural categories (Intl.PluralRules)", () => {
    for (const key of pluralKeys) {
      const type = ordinalKeys.includes(key) ? 'ordinal' : 'cardinal';
      const categories = new Intl.PluralRules(lang, { type }).resolvedOptions().pluralCategories;
      expect([key, Object.keys(table[key]).sort()]).toEqual([key, [...categories].sort()]);
      for (const form of forms(table[key])) expect([key, form.includes('{count}')]).toEqual([key, true]);
    }
  });

  test('uses the same placeholders as en in every message', () => {
    for (const key of keys) {
      for (const form of forms(table[key]))
        expect([key, placeholders(form)]).toEqual([key, placeholders(one(en[key]))]);
    }
  });

  test(`is written in ${name} script`, () => {
    for (const key of keys) {
      const found = forms(table[key]).flatMap(letters);
      // Only a message that is nothing but a kept word (the OTP label) may have no letters left, or
      // one of placeholders alone (the order of a date's parts, `date.day`).
      const onlyPlaceholders = forms(table[key]).every((form) => !/[\p{L}\p{M}]/u.test(form.replace(/\{\w+\}/g, '')));
      if (found.length === 0 && !onlyPlaceholders) expect([key, table[key]]).toEqual([key, en[key]]);
      expect([key, found.filter((letter) => !block.test(letter)).join('')]).toEqual([key, '']);
    }
  });

  test.skipIf(lang === 'en')('has no Latin letters but OTP, SMS, CoWIN and ID', () => {
    for (const key of keys) {
      for (const form of forms(table[key]))
        expect([key, withoutLatinWords(form).match(/[A-Za-z]+/g)]).toEqual([key, null]);
    }
  });

  test(`ends its sentences with “${stop}” and keeps en's closing colon and ellipsis`, () => {
    const otherStop = stop === '.' ? '।' : '.';
    for (const key of keys) {
      const text = one(table[key]);
      expect([key, text.includes(otherStop)]).toEqual([key, false]);
      const last = one(en[key]).at(-1);
      if (last === '.') expect([key, text.at(-1)]).toEqual([key, stop]);
      else if (last === ':' || last === '…') expect([key, text.at(-1)]).toEqual([key, last]);
      else expect([key, /[.।:]$/.test(text)]).toEqual([key, false]);
    }
  });

  test('names buttons in quotes exactly as the buttons read', () => {
    const buttons = keys.filter((key) => key.startsWith('action.')).map((key) => table[key]);
    for (const key of keys) {
      const quoted = [...one(table[key]).matchAll(/“([^”]*)”/g)].map((m) => m[1] ?? '');
      expect([key, quoted.filter((name) => !buttons.includes(name))]).toEqual([key, []]);
    }
  });

  test('gives the three answers, the buttons and the fields different words', () => {
    const distinct = (prefix: string) => {
      const values = keys.filter((key) => key.startsWith(prefix)).map((key) => table[key]);
      expect(new Set(values).size, prefix).toBe(values.length);
    };
    distinct('status.');
    distinct('action.');
    distinct('field.');
  });

  test('keeps labels, buttons and answers short enough for a 320 px screen', () => {
    for (const key of keys) {
      const limit = /^(?:field\.(?:name|mobile|otp)|action\.\w+|gender\.\w+|result\.(?!heading)\w+)$/.test(key)
        ? 26
        : key.startsWith('status.') || key.endsWith('.heading') || key === 'app.title'
          ? 40
          : Infinity;
      for (const form of forms(table[key])) expect([key, graphemes(form) <= limit]).toEqual([key, true]);
    }
  });

  test('has a message for every error code', () => {
    const frameCodes = errorCodes.filter((code): code is FrameErrorCode => !loaderOnly.includes(code));
    for (const code of frameCodes) expect(table[errorKey(code)], code).toBeTruthy();
  });

  test('has no sentence for the codes only the loader raises (the frame never shows them)', () => {
    for (const code of loaderOnly) expect(Object.hasOwn(table, `error.${code}`), code).toBe(false);
  });

  test("has the contract's title, which the host writes into frame.html", () => {
    expect(table['app.title']).toBe(appTitles[lang]);
  });

  test('lets the provider’s name stand alone: no case ending is glued to it', () => {
    // The right ending depends on how the name ends, which no table can know (issue 17): the name
    // stands before a word of the language that takes the ending ("{provider} ಸಂಸ್ಥೆಗೆ"), or a
    // postposition written apart ("{provider} को").
    const bareEndings = /^(?:ಗೆ|ಕ್ಕೆ|కు|కి|ക്ക്|ലേക്ക്|ന്|க்கு|க்குத்|ને|એ|লৈ|এ|ে|କୁ)$/u;
    for (const key of keys) {
      for (const form of forms(table[key])) {
        for (const m of form.matchAll(/(.?)\{provider\}(\S*)(?:\s(\S+))?/gu)) {
          expect([key, m[1] ?? '', m[2]]).toEqual([
            key,
            m[1] && /\s/.test(m[1]) ? m[1] : '',
            m[2]?.replace(/[^.,:।]/gu, ''),
          ]);
          expect([key, bareEndings.test(m[3] ?? '')]).toEqual([key, false]);
        }
      }
    }
  });

  test('loads on demand as itself', async () => {
    expect(await loadMessages(lang)).toEqual({ lang, messages: table });
  });
});

test('Assamese is written with Assamese letters, Bengali with Bengali ones', () => {
  const all = (table: Messages) => keys.flatMap((key) => forms(table[key])).join(' ');
  // Assamese writes ra as ৰ and wa as ৱ; Bengali writes ra as র and has no ৱ.
  expect(all(as)).toMatch(/ৰ/);
  expect(all(as)).toMatch(/ৱ/);
  expect(all(as)).not.toMatch(/র/);
  expect(all(bn)).toMatch(/র/);
  expect(all(bn)).not.toMatch(/[ৰৱ]/);
});

test('Marathi and Hindi, both in Devanagari, are different tables', () => {
  const same = keys.filter((key) => mr[key] === hi[key] && /[\u0900-\u097f]{4}/.test(one(mr[key])));
  expect(same.length).toBeLessThan(keys.length / 4);
});

test('no table but en is in the first load: each is imported only on demand', () => {
  const source = (file: string) => readFileSync(new URL(file, import.meta.url), 'utf8');
  const loader = source('./load-messages.ts');
  for (const lang of supportedLanguages.filter((l) => l !== 'en')) {
    expect(loader, lang).toContain(`${lang}: () => import('./${lang}')`);
    for (const file of ['./load-messages.ts', './index.ts', './translate.ts', './error-message.ts']) {
      expect([file, source(file).includes(`from './${lang}'`)]).toEqual([file, false]);
    }
  }
});

test('the English words people and tests rely on are exact', () => {
  expect([en['field.name'], en['field.mobile'], en['field.otp']]).toEqual(['Full name', 'Mobile number', 'OTP']);
  expect([en['action.getOtp'], en['action.verify'], en['action.resend']]).toEqual(['Get OTP', 'Verify', 'Resend OTP']);
  expect([en['status.FULLY_VACCINATED'], en['status.PARTIALLY_VACCINATED'], en['status.NOT_VACCINATED']]).toEqual([
    'Fully vaccinated',
    'Partially vaccinated',
    'Not vaccinated',
  ]);
  expect(en['action.verifyAnother']).toBe('Verify another person');
  expect([en['action.verifyAgain'], en['support.reference']]).toEqual(['Verify again', 'Reference']);
});

test('format fills placeholders and leaves unknown ones visible', () => {
  expect(format('Sent to {mobile} in {time}.', { mobile: '******3210', time: '2:59' })).toBe(
    'Sent to ******3210 in 2:59.',
  );
  expect(format('Wait {seconds} s', {})).toBe('Wait {seconds} s');
  expect(format('{a}{a}', { a: 0 })).toBe('00');
});

test('a translator reads its table', () => {
  expect(createTranslator(hi)('otp.sentTo', { mobile: '******3210' })).toBe('******3210 पर SMS से OTP भेजा गया है।');
  expect(createTranslator(ta)('otp.sentTo', { mobile: '******3210' })).toBe(
    '******3210 எண்ணுக்கு SMS மூலம் OTP அனுப்பப்பட்டுள்ளது.',
  );
});

test('errorMessage says the wait of RATE_LIMITED as a duration, never a count of seconds past a minute', () => {
  const t = createTranslator(en);
  expect(errorMessage(t, { code: 'RATE_LIMITED', retryAfter: 42 })).toBe(
    'Too many requests. Wait 42 seconds and try again.',
  );
  expect(errorMessage(t, { code: 'RATE_LIMITED', retryAfter: 3600 })).toBe(
    'Too many requests. Wait 1 hour and try again.',
  );
  expect(errorMessage(t, { code: 'RATE_LIMITED', retryAfter: 1 })).toBe(
    'Too many requests. Wait 1 second and try again.',
  );
  expect(errorMessage(t, { code: 'RATE_LIMITED' })).toBe('Too many requests. Wait a minute and try again.');
  expect(errorMessage(t, { code: 'TIMEOUT' })).toBe(en['error.TIMEOUT']);
  expect(errorMessage(createTranslator(bn), { code: 'RATE_LIMITED', retryAfter: 9.2 })).toBe(
    'অনেক বেশি অনুরোধ এসেছে। 10 সেকেন্ড অপেক্ষা করে আবার চেষ্টা করুন।',
  );
  // A loader-only code never reaches the frame; were one to, it gets a general sentence, not a key.
  expect(errorMessage(t, { code: 'DESTROYED' })).toBe(en['error.SERVER_ERROR']);
});

test('loadMessages falls back to en for an unknown language', async () => {
  expect(await loadMessages('en')).toEqual({ lang: 'en', messages: en });
  expect(await loadMessages('xx')).toEqual({ lang: 'en', messages: en });
  expect(await loadMessages('')).toEqual({ lang: 'en', messages: en });
});

test('the twelve languages of the contract are listed', () => {
  expect([...supportedLanguages].sort()).toEqual([
    'as',
    'bn',
    'en',
    'gu',
    'hi',
    'kn',
    'ml',
    'mr',
    'or',
    'pa',
    'ta',
    'te',
  ]);
});
