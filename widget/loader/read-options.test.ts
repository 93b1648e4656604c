import { afterEach, expect, test } from 'vitest';
import { own, readOptions } from './read-options';

const polluted = Object.prototype as Record<string, unknown>;
afterEach(() => {
  for (const key of ['provider', 'onResult', 'nonce', 'theme']) delete polluted[key];
});

test("reads the provider, and lists the language asked for, then the page's, for the host to choose", () => {
  expect(readOptions({ provider: 'demo-irctc' }, 'ta-IN')).toEqual({ provider: 'demo-irctc', lang: 'ta-IN' });
  expect(readOptions({ provider: 'demo-irctc', lang: 'hi' }, 'ta')).toEqual({ provider: 'demo-irctc', lang: 'hi,ta' });
  expect(readOptions({ provider: 'demo-irctc', lang: 'fr' }, '')).toEqual({ provider: 'demo-irctc', lang: 'fr' });
  expect(readOptions({ provider: 'demo-irctc', lang: 7 }, undefined)).toEqual({ provider: 'demo-irctc' });
});

test('keeps text options and functions; drops what is not text or not a function', () => {
  const onResult = () => {};
  const onExpired = () => {};
  const o = readOptions(
    {
      provider: 'p',
      nonce: 'n-1',
      theme: 'dark',
      action: 'booking',
      onResult,
      onExpired,
      onError: 'alert',
      onEvent: null,
    },
    undefined,
  );
  expect(o).toEqual({ provider: 'p', nonce: 'n-1', theme: 'dark', action: 'booking', onResult, onExpired });
  expect(readOptions({ provider: 'p', theme: 7, nonce: 5, action: ['a'] }, undefined)).toEqual({ provider: 'p' });
});

test('passes text on as given: the frame takes an unknown theme as auto, the host drops a bad action', () => {
  expect(readOptions({ provider: 'p', theme: 'sepia', action: 'not ok!' }, undefined)).toEqual({
    provider: 'p',
    theme: 'sepia',
    action: 'not ok!',
  });
});

test('throws UNKNOWN_PROVIDER without a provider id', () => {
  for (const raw of [undefined, null, 'demo', {}, { provider: '' }, { provider: 7 }]) {
    expect(() => readOptions(raw, 'en')).toThrow(
      expect.objectContaining({ name: 'KycvsError', code: 'UNKNOWN_PROVIDER' }),
    );
  }
});

test('ignores a polluted Object.prototype', () => {
  polluted.provider = 'evil';
  polluted.onResult = () => {};
  polluted.theme = 'dark';
  expect(() => readOptions({}, 'en')).toThrow(expect.objectContaining({ code: 'UNKNOWN_PROVIDER' }));
  expect(readOptions({ provider: 'p' }, 'en')).toEqual({ provider: 'p', lang: 'en' });
});

test('ignores options inherited from a prototype, and reads JSON "__proto__" as data only', () => {
  expect(own(Object.create({ provider: 'p' }), 'provider')).toBeUndefined();
  const parsed: unknown = JSON.parse('{"provider":"p","__proto__":{"onResult":1,"nonce":"x"}}');
  expect(readOptions(parsed, 'en')).toEqual({ provider: 'p', lang: 'en' });
  expect(readOptions(Object.assign(Object.create(null), { provider: 'p' }), 'en').provider).toBe('p');
});

test('keeps share only when it is exactly true', () => {
  expect(readOptions({ provider: 'p', share: true }, 'en')).toEqual({ provider: 'p', lang: 'en', share: true });
  for (const share of [false, 'true', 1, 'yes', null]) {
    expect(readOptions({ provider: 'p', share }, 'en')).not.toHaveProperty('share');
  }
});

test('passes a non-empty accent string on for the frame to check', () => {
  expect(readOptions({ provider: 'p', accent: '#7b2cbf' }, 'en')).toEqual({
    provider: 'p',
    lang: 'en',
    accent: '#7b2cbf',
  });
  for (const accent of ['', 0x7b2cbf, null, ['#7b2cbf']]) {
    expect(readOptions({ provider: 'p', accent }, 'en')).not.toHaveProperty('accent');
  }
});

test('the options it returns inherit nothing, so a polluted prototype cannot fill an unset one', () => {
  polluted.theme = 'dark';
  polluted.onResult = () => {};
  const o = readOptions({ provider: 'p' }, 'en');
  expect(Object.getPrototypeOf(o)).toBeNull();
  expect(o.theme).toBeUndefined();
  expect(o.onResult).toBeUndefined();
});
