import { expect, test } from 'vitest';
import { stateStoreContract } from './contract-tests';
import { createMemoryStore } from './memory-store';
import { StateUnavailableError } from './store';

stateStoreContract(() => createMemoryStore());

test('expired entries are dropped as time passes, so memory follows what is live', async () => {
  let now = 0;
  const store = createMemoryStore({ now: () => now });
  for (let i = 0; i < 1000; i++) await store.add(`session-${i}`, 'v', 900_000);
  for (let i = 0; i < 100; i++) await store.hit(`client-${i}`, { limit: 5, windowMs: 60_000 }, now);
  expect(store.size).toBe(1100);
  now += 60_000;
  expect(store.size).toBe(1000);
  now += 840_000;
  expect(store.size).toBe(0);
});

test('a window key stays while any of its requests is in the window, however many other keys come and go', async () => {
  let now = 0;
  const store = createMemoryStore({ now: () => now });
  const daily = { limit: 2, windowMs: 86_400_000 };
  await store.hit('mobile', daily, now);
  await store.hit('mobile', daily, now);
  for (let i = 0; i < 50_000; i++) await store.hit(`other-${i}`, { limit: 1, windowMs: 1000 }, now);
  now += 3_600_000;
  expect((await store.hit('mobile', daily, now)).ok).toBe(false);
});

test('past its most keys it refuses new ones as unavailable, and keeps every live one', async () => {
  const store = createMemoryStore({ maxEntries: 3 });
  for (const key of ['a', 'b', 'c']) await store.add(key, 'v', 60_000);
  await expect(store.add('d', 'v', 60_000)).rejects.toBeInstanceOf(StateUnavailableError);
  await expect(store.hit('w', { limit: 1, windowMs: 1000 }, Date.now())).rejects.toBeInstanceOf(StateUnavailableError);
  expect(await store.get('a')).toBe('v');
  expect(await store.swap('a', 'v', 'w')).toBe(true);
});
