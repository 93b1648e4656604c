import { expect, test } from 'vitest';
import { en } from './en';
import { hi } from './hi';
import type { Language } from '../../contract';
import type { LoadedMessages } from './load-messages';
import { createLocale } from './locale';

test('starts in the language it was given', () => {
  const locale = createLocale({ lang: 'hi', messages: hi });
  expect(locale.current.value.lang).toBe('hi');
  expect(locale.current.value.t('field.name')).toBe(hi['field.name']);
});

test('choose loads the table and switches to it', async () => {
  const locale = createLocale({ lang: 'en', messages: en });
  await locale.choose('hi');
  expect(locale.current.value.lang).toBe('hi');
  expect(locale.current.value.t('action.getOtp')).toBe(hi['action.getOtp']);
  await locale.choose('en');
  expect(locale.current.value.t('action.getOtp')).toBe('Get OTP');
});

test('shows English, and says so, when a table cannot be had', async () => {
  const locale = createLocale({ lang: 'hi', messages: hi }, async () => ({ lang: 'en', messages: en }));
  await locale.choose('ta');
  expect(locale.current.value.lang).toBe('en');
  expect(locale.current.value.t('field.name')).toBe('Full name');
});

test('the last choice wins when an earlier one arrives later', async () => {
  const pending = new Map<Language, (loaded: LoadedMessages) => void>();
  const load = (lang: Language) => new Promise<LoadedMessages>((resolve) => pending.set(lang, resolve));
  const locale = createLocale({ lang: 'en', messages: en }, load);
  const slow = locale.choose('ta');
  const fast = locale.choose('hi');
  pending.get('hi')!({ lang: 'hi', messages: hi });
  await fast;
  pending.get('ta')!({ lang: 'en', messages: en });
  await slow;
  expect(locale.current.value.lang).toBe('hi');
});
