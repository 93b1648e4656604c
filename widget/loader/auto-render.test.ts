import { expect, test, vi } from 'vitest';
import { ELEMENT_ATTRIBUTES, globalCallback, optionsFromAttributes } from './auto-render';
import { readOptions } from './read-options';

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
  const o = optionsFromAttributes(attrs({ 'data-provider': 'p', 'data-lang': '', 'data-theme': '' }), {});
  expect(readOptions(o, undefined)).toEqual({ provider: 'p' });
});

test('reads data-action, and action on <kycvs-verify>', () => {
  expect(optionsFromAttributes(attrs({ 'data-provider': 'p', 'data-action': 'booking' }), {}).action).toBe('booking');
  expect(optionsFromAttributes(attrs({ provider: 'p', action: 'check-in' }), {}, '').action).toBe('check-in');
});

test('data-expired-callback names the global function called when the result expires', () => {
  const win: Record<string, unknown> = {};
  const o = optionsFromAttributes(attrs({ 'data-provider': 'p', 'data-expired-callback': 'stale' }), win);
  const stale = vi.fn();
  win.stale = stale;
  o.onExpired!();
  expect(stale).toHaveBeenCalledOnce();
  expect(optionsFromAttributes(attrs({ provider: 'p', 'expired-callback': 'x' }), win, '').onExpired).toBeTypeOf(
    'function',
  );
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

test.each([
  [{ 'data-share': '' }, true],
  [{ 'data-share': 'true' }, true],
  [{ 'data-share': 'false' }, false],
  [{}, false],
])('data-share %j means share: %s', (extra, share) => {
  expect(optionsFromAttributes(attrs({ 'data-provider': 'p', ...extra }), {}).share).toBe(share);
  const plain = Object.fromEntries(Object.entries(extra).map(([k, v]) => [k.replace('data-', ''), v]));
  expect(optionsFromAttributes(attrs({ provider: 'p', ...plain }), {}, '').share).toBe(share);
});

test('reads the accent from data-accent, and from accent on <kycvs-verify>', () => {
  expect(optionsFromAttributes(attrs({ 'data-provider': 'p', 'data-accent': '#7b2cbf' }), {}).accent).toBe('#7b2cbf');
  expect(optionsFromAttributes(attrs({ provider: 'p', accent: '#00695c' }), {}, '').accent).toBe('#00695c');
  expect(readOptions(optionsFromAttributes(attrs({ 'data-provider': 'p' }), {}), undefined).accent).toBeUndefined();
});

test.each([
  [{ 'data-debug': '' }, true],
  [{ 'data-debug': 'false' }, false],
  [{}, false],
])('data-debug %j means debug: %s (debug on <kycvs-verify>)', (extra, debug) => {
  expect(optionsFromAttributes(attrs({ 'data-provider': 'p', ...extra }), {}).debug).toBe(debug);
  const plain = Object.fromEntries(Object.entries(extra).map(([k, v]) => [k.replace('data-', ''), v]));
  expect(optionsFromAttributes(attrs({ provider: 'p', ...plain }), {}, '').debug).toBe(debug);
});

test('<kycvs-verify> observes exactly the attributes its options are read from', () => {
  const read = new Set<string>();
  optionsFromAttributes((name) => (read.add(name), null), {}, '');
  expect([...read].sort()).toEqual([...ELEMENT_ATTRIBUTES].sort());
});
