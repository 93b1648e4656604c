import { expect, test, vi } from 'vitest';
import { recordedAnswers, recordedResponse } from '../../../mock-api/recorded';
import { createCowinClient, type CowinClient, type CowinResult } from './client';

/**
 * Every answer shape in mock-api/recorded-answers.json, replayed through the client: how the host
 * reads what the real CoWIN and its gateway were seen to answer. A shape recorded later
 * (`npm run cowin:record`) must be given its reading here, or this test fails.
 */
const readings: Record<string, object> = {
  'status-only': { ok: true, data: { vaccination_status: 2 } },
  'status-as-text': { ok: true, data: { vaccination_status: 1 } },
  'status-unknown-value': { ok: false, failure: { kind: 'unavailable', reason: 'malformed' } },
  'forbidden-key': { ok: false, failure: { kind: 'refused', status: 403, shape: 'json' } },
  'cdn-forbidden': { ok: false, failure: { kind: 'refused', status: 403, shape: 'html' } },
  'too-many-requests': { ok: false, failure: { kind: 'limited', status: 429 } },
  'gateway-timeout': { ok: false, failure: { kind: 'unavailable', reason: 'timeout', status: 504 } },
  'otp-already-sent': {
    ok: false,
    failure: { kind: 'rejected', status: 400, shape: 'text', phrase: 'otp-already-sent' },
  },
  unauthenticated: { ok: false, failure: { kind: 'rejected', status: 401, shape: 'text', phrase: 'unauthenticated' } },
  'invalid-otp': { ok: false, failure: { kind: 'rejected', status: 401, errorCode: 'USRAUT0014' } },
  'account-does-not-exist': { ok: false, failure: { kind: 'rejected', status: 400, errorCode: 'USRAUT0015' } },
  'invalid-beneficiary': { ok: false, failure: { kind: 'rejected', status: 400, errorCode: 'USRAUT0024' } },
};

const call = (client: CowinClient, name: string): Promise<CowinResult<unknown>> =>
  name === 'generateOtp'
    ? client.generateOtp({ mobile: '9123456780', name: 'Ravi Kumar' })
    : name === 'confirmOtp'
      ? client.confirmOtp({ otpHash: 'ab'.repeat(32), txnId: 't-1' })
      : client.status('cowin.jwt.token');

test('every recorded shape has its reading here, and every reading its shape', () => {
  expect(recordedAnswers.map((answer) => answer.name).sort()).toEqual(Object.keys(readings).sort());
});

test.each(recordedAnswers)('$name ($status, $contentType, at $call) is read as the host expects', async (answer) => {
  const fetch = vi.fn(async () => recordedResponse(answer.name));
  const client = createCowinClient({ baseUrl: 'https://cowin.test/api', apiKey: 'k', fetch });
  const result = await call(client, answer.call);
  expect(result).toMatchObject(readings[answer.name]!);
  if (!result.ok) expect(result.failure.call).toBe(answer.call);
});

test('no recorded body carries a mobile number, an OTP or a token', () => {
  for (const answer of recordedAnswers) {
    expect(answer.body, answer.name).not.toMatch(/\b[6-9]\d{9}\b/);
    expect(answer.body, answer.name).not.toMatch(/eyJ[\w-]+\.[\w-]+/);
  }
});
