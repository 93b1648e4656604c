import { afterEach, expect, test } from 'vitest';
import type { StateStore } from './store';

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * The one behaviour both backends must have (store.ts), run by memory-store.test.ts and
 * redis-store.test.ts alike. `makeStore` gives a fresh, empty store for each test.
 */
export function stateStoreContract(makeStore: () => StateStore | Promise<StateStore>): void {
  const open: StateStore[] = [];
  const fresh = async () => {
    const store = await makeStore();
    open.push(store);
    return store;
  };
  afterEach(async () => {
    await Promise.all(open.splice(0).map((store) => store.close()));
  });

  test('get answers undefined for a key never set', async () => {
    const store = await fresh();
    expect(await store.get('nothing')).toBeUndefined();
  });

  test('add stores a value once: a second add of the key changes nothing', async () => {
    const store = await fresh();
    expect(await store.add('k', 'first', 60_000)).toBe(true);
    expect(await store.add('k', 'second', 60_000)).toBe(false);
    expect(await store.get('k')).toBe('first');
  });

  test('of many concurrent adds of one key, exactly one wins', async () => {
    const store = await fresh();
    const outcomes = await Promise.all(Array.from({ length: 50 }, (_, i) => store.add('once', `v${i}`, 60_000)));
    expect(outcomes.filter(Boolean)).toHaveLength(1);
  });

  test('a value expires after its time to live, and the key can be added again', async () => {
    const store = await fresh();
    await store.add('short', 'v', 40);
    await store.add('long', 'v', 60_000);
    await sleep(120);
    expect(await store.get('short')).toBeUndefined();
    expect(await store.get('long')).toBe('v');
    expect(await store.add('short', 'again', 60_000)).toBe(true);
  });

  test('swap replaces a value only while it holds what the caller read', async () => {
    const store = await fresh();
    await store.add('r', 'one', 60_000);
    expect(await store.swap('r', 'one', 'two')).toBe(true);
    expect(await store.swap('r', 'one', 'three')).toBe(false);
    expect(await store.get('r')).toBe('two');
  });

  test('swap to undefined deletes; a missing key never swaps', async () => {
    const store = await fresh();
    await store.add('r', 'one', 60_000);
    expect(await store.swap('r', 'one', undefined)).toBe(true);
    expect(await store.get('r')).toBeUndefined();
    expect(await store.swap('r', 'one', 'back')).toBe(false);
    expect(await store.get('r')).toBeUndefined();
  });

  test('swap keeps the expiry the value was added with', async () => {
    const store = await fresh();
    await store.add('r', 'one', 60);
    expect(await store.swap('r', 'one', 'two')).toBe(true);
    await sleep(150);
    expect(await store.get('r')).toBeUndefined();
  });

  test('concurrent read-and-swap loops lose no update', async () => {
    const store = await fresh();
    await store.add('counter', '0', 60_000);
    const increment = async () => {
      for (;;) {
        const seen = (await store.get('counter'))!;
        if (await store.swap('counter', seen, String(Number(seen) + 1))) return;
      }
    };
    await Promise.all(Array.from({ length: 25 }, increment));
    expect(await store.get('counter')).toBe('25');
  });

  const rule = { limit: 3, windowMs: 60_000 };
  const T = 1_700_000_000_000;

  test('hit counts up to the limit, then says how long until one more fits', async () => {
    const store = await fresh();
    for (let i = 0; i < 3; i++) expect((await store.hit('w', rule, T + i * 1000)).ok).toBe(true);
    // The first request, at T, leaves the window at T + 60 s.
    expect(await store.hit('w', rule, T + 10_000)).toEqual({ ok: false, waitMs: 50_000 });
    expect((await store.hit('w', rule, T + 59_999)).ok).toBe(false);
    expect((await store.hit('w', rule, T + 60_000)).ok).toBe(true);
  });

  test('a refused hit is not counted, so waiting as told is enough', async () => {
    const store = await fresh();
    for (let i = 0; i < 3; i++) await store.hit('w', rule, T);
    for (let i = 0; i < 20; i++) expect((await store.hit('w', rule, T + 30_000)).ok).toBe(false);
    expect((await store.hit('w', rule, T + 60_000)).ok).toBe(true);
  });

  test('the window slides: it counts the requests of the last windowMs, not of a clock bucket', async () => {
    const store = await fresh();
    await store.hit('w', rule, T);
    await store.hit('w', rule, T + 50_000);
    await store.hit('w', rule, T + 55_000);
    expect((await store.hit('w', rule, T + 59_000)).ok).toBe(false);
    // At T + 60 s only the first has left: one fits, and the next waits for the second.
    expect((await store.hit('w', rule, T + 60_000)).ok).toBe(true);
    expect(await store.hit('w', rule, T + 61_000)).toEqual({ ok: false, waitMs: 49_000 });
  });

  test('unhit takes a counted request back', async () => {
    const store = await fresh();
    const first = await store.hit('w', rule, T);
    await store.hit('w', rule, T);
    await store.hit('w', rule, T);
    expect((await store.hit('w', rule, T)).ok).toBe(false);
    if (!first.ok) throw new Error('the first hit was refused');
    await store.unhit('w', first.id);
    expect((await store.hit('w', rule, T)).ok).toBe(true);
  });

  test('each key has its own window', async () => {
    const store = await fresh();
    for (let i = 0; i < 3; i++) await store.hit('a', rule, T);
    expect((await store.hit('a', rule, T)).ok).toBe(false);
    expect((await store.hit('b', rule, T)).ok).toBe(true);
  });

  test('of many concurrent hits, exactly the limit are counted', async () => {
    const store = await fresh();
    const outcomes = await Promise.all(
      Array.from({ length: 40 }, () => store.hit('busy', { limit: 10, windowMs: 60_000 }, T)),
    );
    expect(outcomes.filter((outcome) => outcome.ok)).toHaveLength(10);
  });

  test('a window key expires once its last request has left the window', async () => {
    const store = await fresh();
    const quick = { limit: 1, windowMs: 60 };
    expect((await store.hit('q', quick, Date.now())).ok).toBe(true);
    await sleep(150);
    expect((await store.hit('q', quick, Date.now())).ok).toBe(true);
  });

  test('countKeys counts the live keys under a prefix', async () => {
    const store = await fresh();
    for (let i = 0; i < 1500; i++) await store.add(`session:${i}`, 'v', 60_000);
    await store.add('session:short', 'v', 30);
    await store.add('other:1', 'v', 60_000);
    await store.hit('rate:x', { limit: 5, windowMs: 60_000 }, Date.now());
    await sleep(80);
    expect(await store.countKeys('session:')).toBe(1500);
    expect(await store.countKeys('rate:')).toBe(1);
    expect(await store.countKeys('nothing:')).toBe(0);
  });

  test('ping answers while the backend is up', async () => {
    const store = await fresh();
    await expect(store.ping()).resolves.toBeUndefined();
  });
}
