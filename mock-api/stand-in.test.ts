import { afterAll, beforeAll, expect, test } from 'vitest';
import { sha256Hex } from './otp';
import { startCowinStandIn, type CowinStandIn } from './stand-in';

let standIn: CowinStandIn;
beforeAll(async () => {
  standIn = await startCowinStandIn({
    extraPeople: [
      {
        key: 'load-1',
        name: 'Load Person',
        mobile: '7000000001',
        birthYear: '1990',
        gender: 'Others',
        referenceId: '10000000000001',
      },
    ],
  });
});
afterAll(() => standIn.close());

const call = (path: string, init: { method?: string; body?: unknown; headers?: Record<string, string> } = {}) =>
  fetch(`${standIn.baseUrl}${path}`, {
    method: init.method ?? 'POST',
    headers: { 'content-type': 'application/json', 'x-api-key': standIn.apiKey, ...init.headers },
    ...(init.body === undefined ? {} : { body: JSON.stringify(init.body) }),
  });

test('over real HTTP it answers as CoWIN: generateOTP, the SMS at /__dev__/sms, confirmOTP, status', async () => {
  const generated = await call('/v3/vaccination/generateOTP', {
    body: { mobile_number: '9876543210', full_name: 'Asha Verma' },
  });
  expect(generated.status).toBe(200);
  const { txnId } = (await generated.json()) as { txnId: string };
  const sms = (await (await fetch(`${standIn.origin}/__dev__/sms?mobile=98765%2043210`)).json()) as Array<{
    otp: string;
  }>;
  expect(sms).toHaveLength(1);
  const confirmed = await call('/v3/vaccination/confirmOTP', { body: { otp: sha256Hex(sms[0]!.otp), txnId } });
  const { token } = (await confirmed.json()) as { token: string };
  const status = await call('/v3/vaccination/status', { method: 'GET', headers: { authorization: `Bearer ${token}` } });
  expect(await status.json()).toMatchObject({ vaccination_status: 2, beneficiary: { name: 'Asha Verma' } });
});

test('it knows the extra people it was given, and refuses calls without the key', async () => {
  const generated = await call('/v3/vaccination/generateOTP', {
    body: { mobile_number: '7000000001', full_name: 'Load Person' },
  });
  expect(generated.status).toBe(200);
  expect(standIn.mock.outbox.list('7000000001')).toHaveLength(1);
  const refused = await call('/v3/vaccination/generateOTP', { body: {}, headers: { 'x-api-key': 'wrong' } });
  expect(refused.status).toBe(403);
});
