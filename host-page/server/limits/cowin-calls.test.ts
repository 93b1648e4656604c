import { expect, test, vi } from 'vitest';
import type { CowinClient } from '../cowin/client';
import { createMemoryStore } from '../state';
import { limitCowinCalls } from './cowin-calls';
import { RATE_LIMIT_DEFAULTS } from './rules';

function cowin() {
  return {
    generateOtp: vi.fn<CowinClient['generateOtp']>(async () => ({ ok: true, data: { txnId: 't' } })),
    confirmOtp: vi.fn<CowinClient['confirmOtp']>(async () => ({ ok: true, data: { token: 'k' } })),
    status: vi.fn<CowinClient['status']>(async () => ({ ok: true, data: { vaccination_status: 2 } })),
  } satisfies CowinClient;
}

test('past the cowin rule a call is refused as limited by the host, with the wait, and CoWIN is not called', async () => {
  const clock = { now: 0 };
  const inner = cowin();
  const refused: string[] = [];
  const limited = limitCowinCalls(inner, {
    limits: { ...RATE_LIMIT_DEFAULTS, cowin: { limit: 3, windowSeconds: 60 } },
    now: () => clock.now,
    onRefused: (rule) => refused.push(rule),
  });
  expect(await limited.generateOtp({ mobile: '9876543210', name: 'A' })).toMatchObject({ ok: true });
  expect(await limited.confirmOtp({ otpHash: 'h', txnId: 't' })).toMatchObject({ ok: true });
  clock.now += 10_000;
  expect(await limited.status('k')).toMatchObject({ ok: true });
  expect(await limited.status('k')).toEqual({
    ok: false,
    failure: { call: 'status', kind: 'limited', status: 429, shape: 'empty', retryAfter: 50, byHost: true },
  });
  expect(inner.status).toHaveBeenCalledTimes(1);
  expect(refused).toEqual(['cowin']);
});

test('two hosts on one store share the limit', async () => {
  const store = createMemoryStore();
  const limits = { ...RATE_LIMIT_DEFAULTS, cowin: { limit: 2, windowSeconds: 60 } };
  const [a, b] = [limitCowinCalls(cowin(), { store, limits }), limitCowinCalls(cowin(), { store, limits })];
  expect((await a.status('k')).ok).toBe(true);
  expect((await b.status('k')).ok).toBe(true);
  expect((await a.status('k')).ok).toBe(false);
  expect((await b.status('k')).ok).toBe(false);
});
