import { signal } from '@preact/signals';
import { describe, expect, test, vi } from 'vitest';
import { errorCodes, type KycvsResult, type VaccinationStatus } from '../../contract';
import { createTranslator, en, format, type FrameErrorCode, type Language, type Messages } from '../i18n';
import { as } from '../i18n/as';
import { bn } from '../i18n/bn';
import { gu } from '../i18n/gu';
import { hi } from '../i18n/hi';
import { kn } from '../i18n/kn';
import { ml } from '../i18n/ml';
import { mr } from '../i18n/mr';
import { or } from '../i18n/or';
import { pa } from '../i18n/pa';
import { ta } from '../i18n/ta';
import { te } from '../i18n/te';
import type { VerificationFlow } from '../model';
import { pictureWords } from '../share/picture-words';
import { enableShare } from '../share/share-context';
import { DetailsStep } from './details-step';
import { ErrorRegion } from './error-region';
import { OtpStep } from './otp-step';
import { ResultStep } from './result-step';
import { text } from './test-kit';

// Every step of every language, rendered to text with singular and plural values, and held to
// docs/i18n.md: one digit system (Latin), no English left in a translated table, and no wait said
// as a count of seconds past two minutes. No DOM: hooks are stand-ins, and the OTP step's effects
// run at once so that what it announces is read too.
const effects = { run: false };
vi.mock('preact/hooks', () => ({
  useEffect: (effect: () => void) => (effects.run ? effect() : undefined),
  useRef: (current: unknown) => ({ current }),
}));
const announced: string[] = [];
vi.mock('./announcer', () => ({ announce: (words: string) => announced.push(words) }));
vi.mock('./later-steps-loader', () => ({ languagePicker: { load: () => {}, module: signal(undefined) } }));
vi.stubGlobal('navigator', {});

const tables: Record<Language, Messages> = { en, hi, mr, bn, as, gu, pa, or, ta, te, kn, ml };
const loaderOnly = ['FRAME_TIMEOUT', 'DESTROYED', 'CONTAINER_NOT_FOUND'];
const frameCodes = errorCodes.filter((code): code is FrameErrorCode => !loaderOnly.includes(code));
/** Seconds the widget may be given: singular and plural, a minute, two, CoWIN's OTP life and its hourly limit. */
const spans = [1, 2, 5, 60, 61, 120, 179, 180, 3600];

/** Words that stay in Latin letters in every language, and the data the test itself puts on screen. */
const keptLatin = /\b(?:OTP|SMS|CoWIN|ID|Demo Travel|Asha Verma|Asha|COVISHIELD)\b/g;
/** The same in rendered text, where test-kit's `text` joins a label and its hint with nothing between ("OTPSMS"). */
const keptLatinRendered = /OTP|SMS|CoWIN|ID|Demo Travel|Asha Verma|Asha|COVISHIELD|K7Q2M9XD/g;

function flowOf(values: Record<string, unknown>): VerificationFlow {
  const base: Record<string, unknown> = {
    fieldErrors: signal({}),
    error: signal(null),
    busy: signal(false),
    mustResend: signal(false),
    maskedMobile: signal('******3210'),
    secondsLeft: signal(180),
    resendIn: signal(0),
    resendsLeft: signal(2),
    expired: signal(false),
    result: signal(null),
  };
  for (const [key, value] of Object.entries(values)) base[key] = signal(value);
  // Anything else a step reads (a field's value, an action) is an empty signal.
  return new Proxy(base, { get: (o, key: string) => o[key] ?? signal('') }) as unknown as VerificationFlow;
}

const result = (status: VaccinationStatus): KycvsResult => ({
  status,
  token: 'a.b.c',
  beneficiary: { name: 'Asha Verma', birth_year: 1990, gender: 'F', beneficiary_reference_id: '12345678901234' },
  vaccinations:
    status === 'NOT_VACCINATED'
      ? []
      : [1, 2, 3, 4, 5, 6].map((dose) => ({ dose, vaccine: 'COVISHIELD', date: `2021-0${dose}-1${dose}` })),
});

/** Everything a person can read or hear in `lang`, one entry per screen or sentence. */
function everything(lang: Language): string[] {
  const t = createTranslator(tables[lang], lang);
  const props = { t, lang, focus: false };
  const seen: string[] = [];
  const provider = { name: 'Demo Travel', scope: ['status', 'demographics', 'vaccinations'] as const };
  for (const p of [provider, null]) {
    seen.push(text(DetailsStep({ ...props, flow: flowOf({}), provider: p, chooseLang: () => {} })));
  }
  for (const seconds of spans) {
    announced.length = 0;
    effects.run = true;
    seen.push(text(OtpStep({ ...props, flow: flowOf({ secondsLeft: seconds, resendIn: seconds }) })));
    effects.run = false;
    seen.push(...announced);
    // The step re-rendered at 60 s and at 30 s says the time left, once more.
    seen.push(text(OtpStep({ ...props, flow: flowOf({ secondsLeft: 0, resendsLeft: 0 }) })));
  }
  seen.push(text(OtpStep({ ...props, flow: flowOf({ resendsLeft: 1, mustResend: true }) })));
  enableShare(true);
  for (const status of ['FULLY_VACCINATED', 'PARTIALLY_VACCINATED', 'NOT_VACCINATED'] as const) {
    seen.push(text(ResultStep({ ...props, flow: flowOf({ result: result(status) }) })));
    const words = pictureWords(result(status), t, lang, new Date(Date.UTC(2025, 10, 27, 6)));
    seen.push(words.heading, words.statusText, words.name ?? '', words.checkedWith);
  }
  vi.stubGlobal('document', { hasFocus: () => false, activeElement: null, body: null });
  seen.push(text(ResultStep({ ...props, flow: flowOf({ result: result('FULLY_VACCINATED'), expired: true }) })));
  for (const code of frameCodes) {
    const retries = code === 'RATE_LIMITED' ? [undefined, ...spans] : [undefined];
    for (const retryAfter of retries) {
      const flow = flowOf({ error: { code, retryAfter, ref: 'K7Q2M9XD' } });
      seen.push(text(ErrorRegion({ flow, t })));
    }
  }
  return seen.filter(Boolean);
}

const strings = (table: Messages) =>
  Object.entries(table).flatMap(([key, value]) =>
    typeof value === 'string' ? [[key, value] as const] : Object.values(value).map((v) => [key, v as string] as const),
  );

describe.each(Object.keys(tables) as Language[])('%s', (lang) => {
  const seen = everything(lang);
  const table = tables[lang];
  const secondsWords = Object.values(table['duration.seconds']).map((form: string) =>
    format(form, { count: '' }).trim(),
  );

  test('renders every step, the errors and the share picture', () => {
    expect(seen.length).toBeGreaterThan(30);
    expect(seen.join('\n')).toContain(table['status.FULLY_VACCINATED']);
    expect(seen.join('\n')).toContain(table['error.SERVER_ERROR']);
  });

  test('uses one digit system, Latin, everywhere (no Devanagari, Bengali or other digits)', () => {
    for (const words of seen) expect([words, words.match(/[^\P{Nd}0-9]/gu)]).toEqual([words, null]);
  });

  test('says no wait as a raw count of seconds above 120', () => {
    for (const words of seen) {
      expect(words).not.toMatch(/\b3600\b/);
      for (const unit of secondsWords) {
        for (const m of words.matchAll(new RegExp(`(\\d+)\\s*${unit}`, 'gu'))) {
          expect([words, Number(m[1]) <= 120]).toEqual([words, true]);
        }
      }
    }
  });

  test('says one and many with the right plural form', () => {
    const t = createTranslator(table, lang);
    const all = seen.join('\n');
    expect(all).toContain(t('duration.seconds', { count: 1 }));
    expect(all).toContain(t('duration.seconds', { count: 5 }));
    expect(all).toContain(t('duration.hours', { count: 1 }));
    expect(all).toContain(t('result.dose', { count: 1 }));
    expect(all).toContain(t('result.dose', { count: 2 }));
    if (lang === 'en') {
      expect(all).not.toMatch(/\b1 (?:seconds|minutes|hours)\b/);
      expect(all).toMatch(/1st dose.*2nd dose.*3rd dose.*4th dose/su);
      expect(all).toContain('Wait 1 hour and try again.');
      expect(all).toContain('Wait 2 minutes 59 seconds and try again.');
    }
  });

  test('says the masked mobile as the number ending in its last digits, never as asterisks', () => {
    const sent = seen.filter((words) => words.includes('3210') && !words.includes('*'));
    expect(sent.length).toBeGreaterThan(0);
    const t = createTranslator(table, lang);
    expect(seen).toContain(
      `${t('otp.sentToSpoken', { last4: '3210' })} ${t('otp.validFor', { duration: t('duration.minutes', { count: 3 }) })}`,
    );
  });

  test.skipIf(lang === 'en')(
    'shows no English: no message is the English one, and no English word is left on screen',
    () => {
      for (const [key, value] of strings(table)) {
        const english = strings(en)
          .filter(([k]) => k === key)
          .map(([, v]) => v);
        // A message that is nothing but a kept word (the OTP label), or placeholders in an order
        // (`date.day`), may be the same in several languages.
        const words = value.replace(keptLatin, '').replace(/\{\w+\}/g, '');
        if (/[\p{L}\p{M}]/u.test(words)) expect([key, english.includes(value)]).toEqual([key, false]);
      }
      for (const words of seen)
        expect([words, words.replace(keptLatinRendered, '').match(/[A-Za-z]{2,}/g)]).toEqual([words, null]);
    },
  );
});
