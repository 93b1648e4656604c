import { expect, test } from 'vitest';
import { createMemoryStore } from '../state';
import { createUsedTokenStore } from './used-tokens';

const T = Date.UTC(2025, 0, 15, 10, 0, 0);
const exp = T / 1000 + 300;

function clocked() {
  const clock = { now: T };
  const store = createMemoryStore({ now: () => clock.now });
  return { clock, store, used: createUsedTokenStore({ store, now: () => clock.now }) };
}

test('a jti is accepted once, then refused', async () => {
  const { used } = clocked();
  expect(await used.consume('a', exp)).toBe(true);
  expect(await used.consume('a', exp)).toBe(false);
  expect(await used.consume('a', exp)).toBe(false);
});

test('different jtis do not affect each other', async () => {
  const { used } = clocked();
  expect(await used.consume('a', exp)).toBe(true);
  expect(await used.consume('b', exp)).toBe(true);
});

test('of many concurrent uses of one jti, exactly one is accepted', async () => {
  const { used } = clocked();
  const outcomes = await Promise.all(Array.from({ length: 30 }, () => used.consume('a', exp)));
  expect(outcomes.filter(Boolean)).toHaveLength(1);
});

test('a jti is remembered for as long as its token could still verify', async () => {
  const { clock, used } = clocked();
  await used.consume('a', exp);
  clock.now = exp * 1000 + 30_000;
  expect(await used.consume('a', exp)).toBe(false);
});

test('the store forgets a jti once its token is past exp, so it stays bounded', async () => {
  const { clock, store, used } = clocked();
  for (let i = 0; i < 100; i += 1) await used.consume(`old-${i}`, exp);
  await used.consume('young', exp + 600);
  expect(store.size).toBe(101);
  clock.now = (exp + 120) * 1000;
  await used.consume('new', exp + 420);
  expect(store.size).toBe(2);
  // The token that is not yet expired is still refused a second time.
  expect(await used.consume('young', exp + 600)).toBe(false);
});

test('two hosts on one store share what was used', async () => {
  const store = createMemoryStore();
  const [hostA, hostB] = [createUsedTokenStore({ store }), createUsedTokenStore({ store })];
  const exp = Date.now() / 1000 + 300;
  expect(await hostA.consume('a', exp)).toBe(true);
  expect(await hostB.consume('a', exp)).toBe(false);
});
