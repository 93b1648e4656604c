import { expect, test } from 'vitest';
import { createSessionStore, SESSION_TTL_MS } from './sessions';

const fields = { provider: 'demo-travel', mobile: '9876543210', name: 'Asha Verma', txnId: 'txn-1' };

function store() {
  const clock = { now: 1_000_000 };
  return { sessions: createSessionStore(() => clock.now), clock };
}

test('a new session starts with no resends, sent now', () => {
  const { sessions, clock } = store();
  const session = sessions.create(fields);
  expect(session).toMatchObject({ ...fields, createdAt: clock.now, otpSentAt: clock.now, resends: 0 });
  expect(sessions.get(session.id, 'demo-travel')).toBe(session);
});

test('session ids are long, URL-safe and unique', () => {
  const { sessions } = store();
  const ids = new Set(Array.from({ length: 50 }, () => sessions.create(fields).id));
  expect(ids.size).toBe(50);
  for (const id of ids) expect(id).toMatch(/^[\w-]{32,}$/);
});

test('a session is found only for its own provider', () => {
  const { sessions } = store();
  const { id } = sessions.create(fields);
  expect(sessions.get(id, 'demo-irctc')).toBeUndefined();
  expect(sessions.get(id, 'demo-travel')?.id).toBe(id);
});

test('delete forgets a session', () => {
  const { sessions } = store();
  const { id } = sessions.create(fields);
  sessions.delete(id);
  expect(sessions.get(id, 'demo-travel')).toBeUndefined();
  expect(sessions.size()).toBe(0);
});

test('a session lives for its lifetime and is swept after it', () => {
  const { sessions, clock } = store();
  const { id } = sessions.create(fields);
  clock.now += SESSION_TTL_MS;
  expect(sessions.get(id, 'demo-travel')?.id).toBe(id);
  clock.now += 1;
  expect(sessions.get(id, 'demo-travel')).toBeUndefined();
  expect(sessions.size()).toBe(0);
});

test('creating a session sweeps the expired ones, so abandoned sessions do not pile up', () => {
  const { sessions, clock } = store();
  for (let i = 0; i < 10; i++) sessions.create(fields);
  clock.now += SESSION_TTL_MS + 1;
  sessions.create(fields);
  expect(sessions.size()).toBe(1);
});
