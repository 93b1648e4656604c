import { expect, test, vi } from 'vitest';
import { createUsedTokenStore } from './used-tokens';

const T = Date.UTC(2025, 0, 15, 10, 0, 0);
const exp = T / 1000 + 300;

function clocked() {
  const clock = { now: T };
  return { clock, store: createUsedTokenStore(() => clock.now) };
}

test('a jti is accepted once, then refused', () => {
  const { store } = clocked();
  expect(store.consume('a', exp)).toBe(true);
  expect(store.consume('a', exp)).toBe(false);
  expect(store.consume('a', exp)).toBe(false);
});

test('different jtis do not affect each other', () => {
  const { store } = clocked();
  expect(store.consume('a', exp)).toBe(true);
  expect(store.consume('b', exp)).toBe(true);
  expect(store.size).toBe(2);
});

test('a jti is remembered for as long as its token could still verify', () => {
  const { clock, store } = clocked();
  store.consume('a', exp);
  clock.now = exp * 1000 + 30_000;
  expect(store.consume('a', exp)).toBe(false);
});

test('the store forgets a jti once its token is past exp, so it stays bounded', () => {
  const { clock, store } = clocked();
  for (let i = 0; i < 100; i += 1) store.consume(`old-${i}`, exp);
  store.consume('young', exp + 600);
  expect(store.size).toBe(101);
  clock.now = (exp + 120) * 1000;
  store.consume('new', exp + 420);
  expect(store.size).toBe(2);
  // The token that is not yet expired is still refused a second time.
  expect(store.consume('young', exp + 600)).toBe(false);
});

test('by default the store reads the real clock', () => {
  vi.useFakeTimers({ now: T });
  try {
    const store = createUsedTokenStore();
    store.consume('a', exp);
    vi.setSystemTime((exp + 120) * 1000);
    store.consume('b', exp + 420);
    expect(store.size).toBe(1);
  } finally {
    vi.useRealTimers();
  }
});
