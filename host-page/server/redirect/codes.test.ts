import { expect, test } from 'vitest';
import { createMemoryStore, createSealer } from '../state';
import { CODE_PATTERN, CODE_SECONDS, createRedirectCodeStore } from './codes';

const T = Date.UTC(2025, 0, 15, 10, 0, 0);
const grant = { provider: 'demo-irctc', token: 'eyJ.token.sig', redirectUri: 'https://app.example/cb' };
const sealer = createSealer(new Uint8Array(32).fill(5));

function clocked() {
  const clock = { now: T };
  const store = createMemoryStore({ now: () => clock.now });
  return { clock, store, codes: createRedirectCodeStore({ store, sealer, now: () => clock.now }) };
}

test('a code is 256 random bits, base64url, different each time, and reads back its grant', async () => {
  const { codes } = clocked();
  const [a, b] = [await codes.issue(grant), await codes.issue(grant)];
  expect(a).toMatch(CODE_PATTERN);
  expect(a).not.toBe(b);
  expect(await codes.read(a)).toEqual({ grant, expired: false });
});

test('a code expires 60 s after it was given, and is still told apart from an unknown one for a while', async () => {
  const { clock, store, codes } = clocked();
  const code = await codes.issue(grant);
  clock.now = T + CODE_SECONDS * 1000 - 1;
  expect(await codes.read(code)).toEqual({ grant, expired: false });
  clock.now = T + CODE_SECONDS * 1000;
  expect(await codes.read(code)).toEqual({ grant, expired: true });
  clock.now = T + CODE_SECONDS * 1000 + 5 * 60_000;
  expect(await codes.read(code)).toBeUndefined();
  expect(store.size).toBe(0);
});

test('an unknown or malformed code reads as nothing', async () => {
  const { codes } = clocked();
  await codes.issue(grant);
  for (const code of ['', 'x', 'A'.repeat(43), `${'A'.repeat(42)}=`, 'A'.repeat(44)]) {
    expect(await codes.read(code), code).toBeUndefined();
  }
});

test('the store holds neither the code nor the token in plain', async () => {
  const written: string[] = [];
  const store = createMemoryStore();
  const spied = {
    ...store,
    add: (key: string, value: string, ttl: number) => (written.push(key, value), store.add(key, value, ttl)),
  };
  const code = await createRedirectCodeStore({ store: spied, sealer }).issue(grant);
  expect(written).toHaveLength(2);
  for (const plain of [code, 'eyJ.token.sig', 'demo-irctc', 'app.example']) {
    for (const text of written) expect(text).not.toContain(plain);
  }
});

test('another host on the same store, with the same secret, reads the code', async () => {
  const store = createMemoryStore();
  const code = await createRedirectCodeStore({ store, sealer }).issue(grant);
  expect((await createRedirectCodeStore({ store, sealer }).read(code))?.grant).toEqual(grant);
});
