import { expect, test } from 'vitest';
import { createMemoryStore, createSealer, type StateStore } from '../state';
import { createUsedTokenStore } from './used-tokens';

const T = Date.UTC(2025, 0, 15, 10, 0, 0);
const exp = T / 1000 + 300;
const sealer = createSealer(new Uint8Array(32).fill(3));

function clocked() {
  const clock = { now: T };
  const store = createMemoryStore({ now: () => clock.now });
  return { clock, store, used: createUsedTokenStore({ store, sealer, now: () => clock.now }) };
}

const withKey = (idempotencyKey: string, answer = `answer for ${idempotencyKey}`) => ({ idempotencyKey, answer });

test('a jti is accepted once, then refused', async () => {
  const { used } = clocked();
  expect(await used.consume('a', exp)).toEqual({ first: true });
  expect(await used.consume('a', exp)).toEqual({ first: false });
  expect(await used.consume('a', exp)).toEqual({ first: false });
});

test('different jtis do not affect each other', async () => {
  const { used } = clocked();
  expect((await used.consume('a', exp)).first).toBe(true);
  expect((await used.consume('b', exp)).first).toBe(true);
});

test('of many concurrent uses of one jti, exactly one is accepted', async () => {
  const { used } = clocked();
  const outcomes = await Promise.all(Array.from({ length: 30 }, () => used.consume('a', exp)));
  expect(outcomes.filter((outcome) => outcome.first)).toHaveLength(1);
});

test('a jti is remembered for as long as its token could still verify', async () => {
  const { clock, used } = clocked();
  await used.consume('a', exp);
  clock.now = exp * 1000 + 30_000;
  expect((await used.consume('a', exp)).first).toBe(false);
});

test('the store forgets a jti once its token is past exp, so it stays bounded', async () => {
  const { clock, store, used } = clocked();
  for (let i = 0; i < 100; i += 1) await used.consume(`old-${i}`, exp, withKey(`k-${i}`));
  await used.consume('young', exp + 600);
  expect(store.size).toBe(101);
  clock.now = (exp + 120) * 1000;
  await used.consume('new', exp + 420);
  expect(store.size).toBe(2);
  // The token that is not yet expired is still refused a second time.
  expect((await used.consume('young', exp + 600)).first).toBe(false);
});

test('two hosts on one store share what was used', async () => {
  const store = createMemoryStore();
  const [hostA, hostB] = [createUsedTokenStore({ store, sealer }), createUsedTokenStore({ store, sealer })];
  const exp = Date.now() / 1000 + 300;
  expect((await hostA.consume('a', exp)).first).toBe(true);
  expect((await hostB.consume('a', exp)).first).toBe(false);
});

test('the same idempotency key gets the first answer back; another key, or none, does not', async () => {
  const { used } = clocked();
  expect(await used.consume('a', exp, withKey('order-1', '{"success":true}'))).toEqual({ first: true });
  expect(await used.consume('a', exp, withKey('order-1', '{"other":1}'))).toEqual({
    first: false,
    replay: '{"success":true}',
  });
  expect(await used.consume('a', exp, withKey('order-2'))).toEqual({ first: false });
  expect(await used.consume('a', exp, withKey('order-10'))).toEqual({ first: false });
  expect(await used.consume('a', exp)).toEqual({ first: false });
  expect(await used.consume('a', exp, withKey('order-1'))).toMatchObject({ replay: '{"success":true}' });
});

test('a first use without a key keeps no answer: a later key gets none', async () => {
  const { store, used } = clocked();
  expect((await used.consume('a', exp, { answer: '{"success":true}' })).first).toBe(true);
  expect(await store.get('used-token:a')).not.toContain('success');
  expect(await used.consume('a', exp, withKey('order-1'))).toEqual({ first: false });
});

test('the answer is kept sealed, and the key only as a digest', async () => {
  const { store, used } = clocked();
  await used.consume('a', exp, withKey('order-1', '{"beneficiary":{"name":"Asha Verma"}}'));
  const raw = (await store.get('used-token:a'))!;
  for (const plain of ['Asha', 'beneficiary', 'order-1']) expect(raw).not.toContain(plain);
});

test('concurrent retries with one key: one first use, and every other gets the very same answer', async () => {
  const { used } = clocked();
  const outcomes = await Promise.all(
    Array.from({ length: 20 }, (_, i) => used.consume('a', exp, withKey('order-1', `answer ${i}`))),
  );
  const [winner, ...others] = [...outcomes].sort((x, y) => Number(y.first) - Number(x.first));
  expect(winner!.first).toBe(true);
  const winnerAnswer = `answer ${outcomes.indexOf(winner!)}`;
  for (const other of others) expect(other).toEqual({ first: false, replay: winnerAnswer });
});

test('the answer is for the same key on another host of the same store', async () => {
  const store = createMemoryStore();
  const exp = Date.now() / 1000 + 300;
  await createUsedTokenStore({ store, sealer }).consume('a', exp, withKey('k', 'first'));
  expect(await createUsedTokenStore({ store, sealer }).consume('a', exp, withKey('k'))).toEqual({
    first: false,
    replay: 'first',
  });
});

test('a record an older host wrote (a plain mark) is a use with no answer to give back', async () => {
  const { store, used } = clocked();
  await store.add('used-token:a', 'aBcDeF0123456789', 60_000);
  expect(await used.consume('a', exp, withKey('k'))).toEqual({ first: false });
});

test('when the store fails after it may have written the record, it is taken back: the token stays usable', async () => {
  const { store } = clocked();
  let failNext = true;
  const flaky: StateStore = {
    ...store,
    add: async (key, value, ttl) => {
      const added = await store.add(key, value, ttl);
      if (failNext) {
        failNext = false;
        throw new Error('timeout after the write');
      }
      return added;
    },
  };
  const used = createUsedTokenStore({ store: flaky, sealer, now: () => T });
  await expect(used.consume('a', exp, withKey('k'))).rejects.toThrow('timeout');
  expect(await used.consume('a', exp, withKey('k', 'second'))).toEqual({ first: true });
});
