import { expect, test } from 'vitest';
import { createMemoryStore, createSealer } from '../state';
import { createTokenDetailsStore } from './token-details';

const T = Date.UTC(2025, 0, 15, 10, 0, 0);
const exp = T / 1000 + 300;
const details = {
  beneficiary: { name: 'Asha Verma', birth_year: 1986, gender: 'Female' },
  vaccinations: [{ vaccine: 'COVISHIELD', dose: 1, date: '2021-05-14' }],
};

function clocked() {
  const clock = { now: T };
  const store = createMemoryStore({ now: () => clock.now });
  const sealer = createSealer(new Uint8Array(32).fill(7));
  return { clock, store, sealer, kept: createTokenDetailsStore({ store, sealer, now: () => clock.now }) };
}

test('details kept under a jti read back, until forgotten', async () => {
  const { kept } = clocked();
  await kept.keep('jti-1', exp, details);
  expect(await kept.read('jti-1')).toEqual(details);
  expect(await kept.read('jti-2')).toBeUndefined();
  await kept.forget('jti-1');
  expect(await kept.read('jti-1')).toBeUndefined();
  await kept.forget('jti-1');
});

test('they are gone once the token has expired, with the 5 s siteverify allows past exp', async () => {
  const { clock, store, kept } = clocked();
  await kept.keep('jti-1', exp, details);
  clock.now = exp * 1000 + 4_000;
  expect(await kept.read('jti-1')).toEqual(details);
  clock.now = exp * 1000 + 5_000;
  expect(await kept.read('jti-1')).toBeUndefined();
  expect(store.size).toBe(0);
});

test('the store holds them sealed: no name, no vaccine, no date in plain', async () => {
  const { store, kept } = clocked();
  await kept.keep('jti-1', exp, details);
  const raw = (await store.get('token-details:jti-1'))!;
  for (const plain of ['Asha', 'Verma', '1986', 'COVISHIELD', '2021-05-14', 'beneficiary']) {
    expect(raw).not.toContain(plain);
  }
});

test('another host with the same secret on the same store reads them; one with another secret cannot', async () => {
  const { store, sealer, kept } = clocked();
  await kept.keep('jti-1', exp, details);
  expect(await createTokenDetailsStore({ store, sealer, now: () => T }).read('jti-1')).toEqual(details);
  const stranger = createTokenDetailsStore({ store, sealer: createSealer(new Uint8Array(32).fill(8)), now: () => T });
  await expect(stranger.read('jti-1')).rejects.toThrow();
});
