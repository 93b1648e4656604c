import { afterEach, expect, test } from 'vitest';
import { own, readOptions } from './read-options';

const polluted = Object.prototype as Record<string, unknown>;
afterEach(() => {
  for (const key of ['provider', 'onResult', 'nonce', 'theme']) delete polluted[key];
});

test('reads the provider and chooses the language', () => {
  expect(readOptions({ provider: 'demo-irctc' }, 'ta-IN')).toEqual({ provider: 'demo-irctc', lang: 'ta' });
  expect(readOptions({ provider: 'demo-irctc', lang: 'hi' }, 'ta')).toEqual({ provider: 'demo-irctc', lang: 'hi' });
});

test('keeps a nonce, a known theme and functions; drops the rest', () => {
  const onResult = () => {};
  const o = readOptions(
    { provider: 'p', nonce: 'n-1', theme: 'dark', onResult, onError: 'alert', onEvent: null },
    undefined,
  );
  expect(o).toEqual({ provider: 'p', lang: 'en', nonce: 'n-1', theme: 'dark', onResult });
  expect(readOptions({ provider: 'p', theme: 'sepia', nonce: 5 }, undefined)).toEqual({ provider: 'p', lang: 'en' });
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
