import { decodeJwt } from 'jose';
import { expect, test } from 'vitest';
import { COWIN_MOCK_BASE } from '../index';
import { type Answer, T0, useCowinMock } from '../test-kit';

const { api, mock, clock } = useCowinMock();

const invalid = { errorCode: 'USRAUT0014', error: 'Invalid OTP' };
const expired = { errorCode: 'USRAUT0015', error: 'OTP expired' };
const exhausted = { errorCode: 'USRAUT0017', error: 'Maximum OTP attempts exceeded' };

/** An OTP that is not `otp`. */
const other = (otp: string) => String((Number(otp) + 1) % 1_000_000).padStart(6, '0');

test('exchanges the right OTP for a JWT valid 15 minutes', async () => {
  const txnId = await api.txn('9876543210', 'Asha Verma');
  const answer = await api.confirm(txnId, api.lastOtp('9876543210'));
  expect(answer.status).toBe(200);
  expect(Object.keys(answer.body)).toEqual(['token']);
  const claims = decodeJwt(String(answer.body['token']));
  expect(claims.txn).toBe(txnId);
  expect(claims.sub).toEqual(expect.any(String));
  expect(claims.exp).toBe(T0 / 1000 + 15 * 60);
});

test('answers USRAUT0014 to a wrong OTP and still takes the right one after', async () => {
  const txnId = await api.txn('9876543210', 'Asha Verma');
  const otp = api.lastOtp('9876543210');
  const wrong = await api.confirm(txnId, other(otp));
  expect(wrong.status).toBe(401);
  expect(wrong.body).toEqual(invalid);
  expect((await api.confirm(txnId, other(other(otp)))).body).toEqual(invalid);
  expect((await api.confirm(txnId, otp)).status).toBe(200);
});

test('ends the OTP on the third wrong try, and refuses even the right one after', async () => {
  const txnId = await api.txn('9876543210', 'Asha Verma');
  const otp = api.lastOtp('9876543210');
  const answers = [];
  for (let i = 0; i < 3; i += 1) answers.push((await api.confirm(txnId, other(otp))).body);
  expect(answers).toEqual([invalid, invalid, exhausted]);
  const right = await api.confirm(txnId, otp);
  expect(right.status).toBe(401);
  expect(right.body).toEqual(exhausted);
});

test('accepts the OTP until 180 s and answers USRAUT0015 from then on', async () => {
  const early = await api.txn('9876543210', 'Asha Verma');
  clock.advance(179_999);
  expect((await api.confirm(early, api.lastOtp('9876543210'))).status).toBe(200);

  const late = await api.txn('9876543210', 'Asha Verma');
  clock.advance(180_000);
  const answer = await api.confirm(late, api.lastOtp('9876543210'));
  expect(answer.status).toBe(401);
  expect(answer.body).toEqual(expired);
});

test('takes an OTP once only', async () => {
  const txnId = await api.txn('9876543210', 'Asha Verma');
  const otp = api.lastOtp('9876543210');
  expect((await api.confirm(txnId, otp)).status).toBe(200);
  const again = await api.confirm(txnId, otp);
  expect(again.status).toBe(401);
  expect(again.body).toEqual(expired);
});

test('replaces the old OTP when a new one is asked for the same mobile', async () => {
  const first = await api.txn('9876543210', 'Asha Verma');
  const firstOtp = api.lastOtp('9876543210');
  const second = await api.txn('9876543210', 'Asha Verma');
  const secondOtp = api.lastOtp('9876543210');
  expect((await api.confirm(first, firstOtp)).body).toEqual(expired);
  if (firstOtp !== secondOtp) expect((await api.confirm(second, firstOtp)).body).toEqual(invalid);
  expect((await api.confirm(second, secondOtp)).status).toBe(200);
});

test('replaces the pending OTP of the other person on a shared mobile', async () => {
  const suresh = await api.txn('9000000001', 'Suresh Patil');
  const sureshOtp = api.lastOtp('9000000001');
  const kavita = await api.txn('9000000001', 'Kavita Patil');
  expect((await api.confirm(suresh, sureshOtp)).body).toEqual(expired);
  expect((await api.confirm(kavita, api.lastOtp('9000000001'))).status).toBe(200);
});

test('answers USRAUT0014 to an unknown txnId', async () => {
  const answer = await api.confirm('00000000-0000-4000-8000-000000000000', '123456');
  expect(answer.status).toBe(401);
  expect(answer.body).toEqual(invalid);
});

/** Runs one script of tries on a transaction and records every answer. */
async function script(txnId: string, steps: ('wrong' | 'wait')[]) {
  const seen: Pick<Answer, 'status' | 'body'>[] = [];
  for (const step of steps) {
    if (step === 'wait') {
      clock.advance(180_000);
      continue;
    }
    const answer = await api.confirm(txnId, '111111');
    seen.push({ status: answer.status, body: answer.body });
    expect(answer.headers.get('content-type')).toBe('application/json');
  }
  return seen;
}

test.each([
  ['an unregistered mobile', '9555555555', 'Asha Verma'],
  ['a registered mobile with a name that matches no one', '9876543210', 'Asha Sharma'],
])('fails a phantom transaction for %s exactly as a real one', async (_, mobile, name) => {
  const steps: ('wrong' | 'wait')[][] = [
    ['wrong', 'wrong', 'wrong', 'wrong'],
    ['wrong', 'wait', 'wrong'],
  ];
  for (const tries of steps) {
    const realTxn = await api.txn('9123456780', 'Ravi Kumar');
    // Make sure '111111' is wrong for the real transaction, as it is for every phantom.
    if (api.lastOtp('9123456780') === '111111') continue;
    const real = await script(realTxn, tries);
    const phantom = await script(await api.txn(mobile, name), tries);
    expect(phantom).toEqual(real);
  }
  expect(mock.outbox.list(mobile)).toEqual([]);
});

test('never accepts any OTP for a phantom transaction, not even the one the mock drew', async () => {
  const txnId = await api.txn('9555555555', 'Nobody Here');
  expect(mock.outbox.list('9555555555')).toEqual([]);
  for (const otp of ['000000', '123456']) expect((await api.confirm(txnId, otp)).body).toEqual(invalid);
  expect((await api.confirm(txnId, '999999')).body).toEqual(exhausted);
});

test.each([
  ['the plain 6 digits instead of their hash', { otp: '123456', txnId: 'x' }],
  ['a hash of the wrong length', { otp: 'ab'.repeat(31), txnId: 'x' }],
  ['no txnId', { otp: 'ab'.repeat(32) }],
  ['an empty txnId', { otp: 'ab'.repeat(32), txnId: '' }],
  ['a numeric txnId', { otp: 'ab'.repeat(32), txnId: 42 }],
])('refuses %s with 400 VALIDN0001', async (_, body) => {
  const response = await fetch(`${COWIN_MOCK_BASE}/v3/vaccination/confirmOTP`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-api-key': 'mock-api-key' },
    body: JSON.stringify(body),
  });
  expect(response.status).toBe(400);
  expect(await response.json()).toEqual({ errorCode: 'VALIDN0001', error: 'Invalid request' });
});

test('forgets transactions on reset()', async () => {
  const txnId = await api.txn('9876543210', 'Asha Verma');
  const otp = api.lastOtp('9876543210');
  mock.reset();
  expect((await api.confirm(txnId, otp)).body).toEqual(invalid);
});
