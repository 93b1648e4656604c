import { expect, test, vi } from 'vitest';
import { globalCallback, optionsFromAttributes } from './auto-render';

const attrs = (map: Record<string, string>) => (name: string) => map[name] ?? null;

test('reads data- attributes on a div', () => {
  const o = optionsFromAttributes(
    attrs({ 'data-provider': 'demo-travel', 'data-lang': 'hi', 'data-nonce': 'n', 'data-theme': 'dark' }),
    {},
  );
  expect(o).toMatchObject({ provider: 'demo-travel', lang: 'hi', nonce: 'n', theme: 'dark' });
  expect(o.onResult).toBeUndefined();
  expect(o.onError).toBeUndefined();
});

test('reads plain attributes on <kycvs-verify>, except data-nonce', () => {
  const o = optionsFromAttributes(
    attrs({ provider: 'demo-irctc', lang: 'ta', nonce: 'hidden-by-browsers', 'data-nonce': 'n', theme: 'auto' }),
    {},
    '',
  );
  expect(o).toMatchObject({ provider: 'demo-irctc', lang: 'ta', nonce: 'n', theme: 'auto' });
});

test('treats missing and empty attributes as absent', () => {
  expect(optionsFromAttributes(attrs({ 'data-lang': '' }), {})).toMatchObject({
    provider: '',
    lang: undefined,
    nonce: undefined,
    theme: undefined,
  });
});

test('calls the named global function, looked up when the result arrives', () => {
  const win: Record<string, unknown> = {};
  const onResult = optionsFromAttributes(attrs({ 'data-provider': 'p', 'data-callback': 'done' }), win).onResult!;
  const done = vi.fn();
  win.done = done; // defined after the widget rendered, as an async script tag allows
  onResult({ status: 'NOT_VACCINATED', token: 't' });
  expect(done).toHaveBeenCalledWith({ status: 'NOT_VACCINATED', token: 't' });
});

test('ignores a callback name that is not an own function of window', () => {
  const win = Object.create({ inherited: vi.fn() }) as Record<string, unknown>;
  win.notAFunction = 'x';
  for (const name of ['missing', 'notAFunction', 'inherited', 'toString', '__proto__']) {
    expect(() => globalCallback(win, name)!('value')).not.toThrow();
  }
  expect((Object.getPrototypeOf(win) as { inherited: () => void }).inherited).not.toHaveBeenCalled();
  expect(globalCallback(win, null)).toBeUndefined();
  expect(globalCallback(win, '')).toBeUndefined();
});
