import { expect, test } from 'vitest';
import { newOtp } from '../otp';
import { COWIN_MOCK_BASE } from '../index';
import { T0, useCowinMock } from '../test-kit';

const { api, mock, clock } = useCowinMock();

const uuidV4 = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

test('answers a uuid v4 txnId and sends one SMS to a registered person', async () => {
  const answer = await api.generate('9876543210', 'Asha Verma');
  expect(answer.status).toBe(200);
  expect(Object.keys(answer.body)).toEqual(['txnId']);
  expect(answer.body['txnId']).toMatch(uuidV4);
  const [sms, ...rest] = mock.outbox.list('9876543210');
  expect(rest).toEqual([]);
  expect(sms?.mobile).toBe('9876543210');
  expect(sms?.sent_at).toBe(new Date(T0).toISOString());
  expect(sms?.text).toContain(`is ${sms?.otp}.`);
});

test('sends a 6-digit OTP', async () => {
  for (let i = 0; i < 20; i += 1) await api.generate('9123456780', 'Ravi Kumar');
  const otps = mock.outbox.list('9123456780').map((m) => m.otp);
  expect(otps).toHaveLength(20);
  for (const otp of otps) expect(otp).toMatch(/^\d{6}$/);
  expect(new Set(otps).size).toBeGreaterThan(1);
});

test('draws OTPs of exactly 6 digits, zero-padded', () => {
  for (let i = 0; i < 2000; i += 1) expect(newOtp()).toMatch(/^\d{6}$/);
});

test('lists the SMS of one mobile only, oldest first', async () => {
  await api.generate('9876543210', 'Asha Verma');
  clock.advance(60_000);
  await api.generate('9876543210', 'Asha Verma');
  await api.generate('9123456780', 'Ravi Kumar');
  const sentAt = mock.outbox.list('9876543210').map((m) => m.sent_at);
  expect(sentAt).toEqual([new Date(T0).toISOString(), new Date(T0 + 60_000).toISOString()]);
  mock.outbox.clear();
  expect(mock.outbox.list('9123456780')).toEqual([]);
});

test('names the requester from x-requester-name in the SMS', async () => {
  await api.generate('9876543210', 'Asha Verma', { 'x-requester-name': 'Demo Travel' });
  const sms = mock.outbox.list('9876543210')[0];
  expect(sms?.text).toBe(
    `Your OTP to share your vaccination status with Demo Travel is ${sms?.otp}. It is valid for 3 minutes. Do not share it with anyone else. - CoWIN`,
  );
});

test('sanitises x-requester-name and leaves it out when absent', async () => {
  await api.generate('9876543210', 'Asha Verma', { 'x-requester-name': `Demo\tTravel ${'x'.repeat(80)}` });
  await api.generate('9876543210', 'Asha Verma');
  const [named, plain] = mock.outbox.list('9876543210');
  expect(named?.text).toContain(`with Demo Travel ${'x'.repeat(48)} is `);
  expect(plain?.text).toMatch(/^Your OTP to check your vaccination status is \d{6}\. /);
});

test('sends no SMS for an unregistered mobile or a name that matches no one on it', async () => {
  const unregistered = await api.generate('9555555555', 'Asha Verma');
  const mismatched = await api.generate('9876543210', 'Ravi Kumar');
  expect(unregistered.status).toBe(200);
  expect(mismatched.status).toBe(200);
  expect(unregistered.body['txnId']).toMatch(uuidV4);
  expect(mismatched.body['txnId']).toMatch(uuidV4);
  expect(mock.outbox.list('9555555555')).toEqual([]);
  expect(mock.outbox.list('9876543210')).toEqual([]);
});

test('answers a phantom request exactly as a real one, apart from the txnId', async () => {
  const real = await api.generate('9876543210', 'Asha Verma');
  const phantom = await api.generate('9555555555', 'Nobody Here');
  expect(phantom.status).toBe(real.status);
  expect(phantom.headers.get('content-type')).toBe(real.headers.get('content-type'));
  expect(Object.keys(phantom.body)).toEqual(Object.keys(real.body));
  expect(String(phantom.body['txnId']).length).toBe(String(real.body['txnId']).length);
});

test.each([
  ['a mobile starting with 5', { mobile_number: '5876543210', full_name: 'Asha Verma' }],
  ['a 9-digit mobile', { mobile_number: '987654321', full_name: 'Asha Verma' }],
  ['a mobile with +91', { mobile_number: '+919876543210', full_name: 'Asha Verma' }],
  ['a numeric mobile', { mobile_number: 9876543210, full_name: 'Asha Verma' }],
  ['an empty name', { mobile_number: '9876543210', full_name: '' }],
  ['a blank name', { mobile_number: '9876543210', full_name: '   ' }],
  ['a 101-character name', { mobile_number: '9876543210', full_name: 'A'.repeat(101) }],
  ['no name', { mobile_number: '9876543210' }],
  ['no body fields', {}],
])('refuses %s with 400 VALIDN0001', async (_, body) => {
  const response = await fetch(`${COWIN_MOCK_BASE}/v3/vaccination/generateOTP`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-api-key': 'mock-api-key' },
    body: JSON.stringify(body),
  });
  expect(response.status).toBe(400);
  expect(await response.json()).toEqual({ errorCode: 'VALIDN0001', error: 'Invalid request' });
  expect(mock.outbox.list('9876543210')).toEqual([]);
});

test('refuses a body that is not JSON with 400 VALIDN0001', async () => {
  const response = await fetch(`${COWIN_MOCK_BASE}/v3/vaccination/generateOTP`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-api-key': 'mock-api-key' },
    body: '{"mobile_number":',
  });
  expect(response.status).toBe(400);
  expect(await response.json()).toEqual({ errorCode: 'VALIDN0001', error: 'Invalid request' });
});

test('accepts a 100-character name', async () => {
  const answer = await api.generate('9876543210', 'A'.repeat(100));
  expect(answer.status).toBe(200);
});

test('allows 50 OTPs per mobile in 24 h, then answers 429 with Retry-After', async () => {
  for (let i = 0; i < 50; i += 1) {
    expect((await api.generate('9876543210', 'Asha Verma')).status).toBe(200);
    clock.advance(60_000);
  }
  // The first request was at T0; it is now T0 + 50 min, so it leaves the window in 23 h 10 min.
  const limited = await api.generate('9876543210', 'Asha Verma');
  expect(limited.status).toBe(429);
  expect(limited.body).toEqual({ errorCode: 'OTPLMT0001', error: 'OTP limit reached for this mobile' });
  const retryAfter = Number(limited.headers.get('retry-after'));
  expect(retryAfter).toBe(24 * 3600 - 50 * 60);
  expect(mock.outbox.list('9876543210')).toHaveLength(50);

  clock.advance(retryAfter * 1000 - 1000);
  expect((await api.generate('9876543210', 'Asha Verma')).status).toBe(429);
  clock.advance(1000);
  expect((await api.generate('9876543210', 'Asha Verma')).status).toBe(200);
  expect((await api.generate('9876543210', 'Asha Verma')).status).toBe(429);
});

test('counts OTP requests for unregistered mobiles and mismatched names alike', async () => {
  for (let i = 0; i < 50; i += 1) {
    await api.generate('9555555555', 'Nobody Here');
    await api.generate('9876543210', i % 2 === 0 ? 'Asha Verma' : 'Somebody Else');
  }
  const unregistered = await api.generate('9555555555', 'Nobody Here');
  const registered = await api.generate('9876543210', 'Asha Verma');
  expect(unregistered.status).toBe(429);
  expect(unregistered.body).toEqual(registered.body);
  expect(unregistered.headers.get('retry-after')).toBe(registered.headers.get('retry-after'));
});

test('keeps counting per mobile: another mobile is not limited', async () => {
  for (let i = 0; i < 50; i += 1) await api.generate('9876543210', 'Asha Verma');
  expect((await api.generate('9876543210', 'Asha Verma')).status).toBe(429);
  expect((await api.generate('9123456780', 'Ravi Kumar')).status).toBe(200);
});

test('forgets the counters on reset()', async () => {
  for (let i = 0; i < 50; i += 1) await api.generate('9876543210', 'Asha Verma');
  mock.reset();
  expect((await api.generate('9876543210', 'Asha Verma')).status).toBe(200);
});

test('ends the SMS with the WebOTP line of x-webotp-origins, and adds none for a malformed one', async () => {
  await api.generate('9876543210', 'Asha Verma', { 'x-webotp-origins': 'http://localhost:5173,http://127.0.0.1:5174' });
  await api.generate('9876543210', 'Asha Verma', { 'x-webotp-origins': 'http://localhost:5173/page' });
  const [bound, plain] = mock.outbox.list('9876543210');
  expect(bound?.text.split('\n').at(-1)).toBe(`@localhost:5173 #${bound?.otp} @127.0.0.1:5174`);
  expect(plain?.text).not.toContain('@');
});
