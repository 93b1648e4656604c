import { randomBytes } from 'node:crypto';
import { expect, test } from 'vitest';
import { createMemoryStore, createSealer } from '../state';
import { createSessionStore, SESSION_TTL_MS } from './sessions';

const fields = { provider: 'demo-travel', mobile: '9876543210', name: 'Asha Verma', txnId: 'txn-1' };

function setup() {
  const clock = { now: 1_000_000 };
  const now = () => clock.now;
  const store = createMemoryStore({ now });
  return { sessions: createSessionStore({ store, now }), store, clock };
}

test('a new session starts with no resends and no wrong tries, sent now', async () => {
  const { sessions, clock } = setup();
  const session = await sessions.create(fields);
  expect(session).toMatchObject({ ...fields, createdAt: clock.now, otpSentAt: clock.now, resends: 0, wrongTries: 0 });
  expect(await sessions.get(session.id, 'demo-travel')).toEqual(session);
});

test('session ids are long, URL-safe and unique', async () => {
  const { sessions } = setup();
  const ids = new Set(await Promise.all(Array.from({ length: 50 }, async () => (await sessions.create(fields)).id)));
  expect(ids.size).toBe(50);
  for (const id of ids) expect(id).toMatch(/^[\w-]{32,}$/);
});

test('a session is found only for its own provider, and only by its own id', async () => {
  const { sessions } = setup();
  const { id } = await sessions.create(fields);
  expect(await sessions.get(id, 'demo-irctc')).toBeUndefined();
  expect((await sessions.get(id, 'demo-travel'))?.id).toBe(id);
  for (const other of ['', 'x', `${id}x`, '../' + id.slice(3)])
    expect(await sessions.get(other, 'demo-travel')).toBeUndefined();
});

test('an edit writes what it decides and answers its value', async () => {
  const { sessions } = setup();
  const { id } = await sessions.create(fields);
  const value = await sessions.edit(id, 'demo-travel', (s) => ({ value: 'done', write: { ...s, resends: 2 } }));
  expect(value).toBe('done');
  expect((await sessions.get(id, 'demo-travel'))?.resends).toBe(2);
  expect(await sessions.edit(id, 'demo-travel', () => ({ value: 'read only' }))).toBe('read only');
  expect((await sessions.get(id, 'demo-travel'))?.resends).toBe(2);
});

test("an edit can delete the session; an edit of a missing or another provider's session answers undefined", async () => {
  const { sessions, store } = setup();
  const { id } = await sessions.create(fields);
  expect(await sessions.edit(id, 'demo-irctc', () => ({ value: 1, write: 'delete' as const }))).toBeUndefined();
  expect(await sessions.edit(id, 'demo-travel', () => ({ value: 1, write: 'delete' as const }))).toBe(1);
  expect(await sessions.get(id, 'demo-travel')).toBeUndefined();
  expect(store.size).toBe(0);
  expect(await sessions.edit(id, 'demo-travel', () => ({ value: 1 }))).toBeUndefined();
});

test('concurrent edits of one session lose no update: each reads again when another won', async () => {
  const { sessions } = setup();
  const { id } = await sessions.create(fields);
  await Promise.all(
    Array.from({ length: 10 }, () =>
      sessions.edit(id, 'demo-travel', (s) => ({ value: null, write: { ...s, wrongTries: s.wrongTries + 1 } })),
    ),
  );
  expect((await sessions.get(id, 'demo-travel'))?.wrongTries).toBe(10);
});

test('a session lives for its lifetime and is gone after it, from the store too', async () => {
  const { sessions, store, clock } = setup();
  const { id } = await sessions.create(fields);
  clock.now += SESSION_TTL_MS;
  expect((await sessions.get(id, 'demo-travel'))?.id).toBe(id);
  clock.now += 1;
  expect(await sessions.get(id, 'demo-travel')).toBeUndefined();
  clock.now += 1000;
  expect(store.size).toBe(0);
});

test('the store holds no name, mobile or CoWIN token in the clear, and no session id outside the key', async () => {
  const store = createMemoryStore();
  const seen: string[] = [];
  const spying = {
    ...store,
    add: (key: string, value: string, ttl: number) => (seen.push(key, value), store.add(key, value, ttl)),
    swap: (key: string, expected: string, next: string | undefined) => (
      seen.push(key, next ?? ''),
      store.swap(key, expected, next)
    ),
  };
  const sessions = createSessionStore({ store: spying, sealer: createSealer(randomBytes(32)) });
  const { id } = await sessions.create({ ...fields, name: 'सुनीता देवी' });
  await sessions.edit(id, 'demo-travel', (s) => ({
    value: 1,
    write: { ...s, confirmed: { otpHash: 'h', cowinToken: 'cowin.jwt.token' } },
  }));
  const written = seen.join('\n');
  for (const personal of ['9876543210', 'सुनीता', 'Asha', 'cowin.jwt.token']) expect(written).not.toContain(personal);
  expect((await sessions.get(id, 'demo-travel'))?.confirmed?.cowinToken).toBe('cowin.jwt.token');
  expect(seen.filter((text) => text.includes(id)).every((text) => text === `session:${id}`)).toBe(true);
});
