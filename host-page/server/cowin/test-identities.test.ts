import { createHash } from 'node:crypto';
import { expect, test } from 'vitest';
import { createTestIdentities, TEST_IDENTITIES, TEST_OTP } from './test-identities';

const hash = (otp: string) => createHash('sha256').update(otp).digest('hex');

async function statusOf(mobile: string, otp = TEST_OTP) {
  const cowin = createTestIdentities();
  const sent = await cowin.generateOtp({ mobile, name: 'Anyone At All' });
  if (!sent.ok) return { sent };
  const confirmed = await cowin.confirmOtp({ otpHash: hash(otp), txnId: sent.data.txnId });
  if (!confirmed.ok) return { sent, confirmed };
  return { sent, confirmed, status: await cowin.status(confirmed.data.token) };
}

test.each([
  { mobile: '9999999901', vs: 2, name: 'Test Person Fully', vaccine: 'COVISHIELD', doses: 2 },
  { mobile: '9999999902', vs: 1, name: 'Test Person Partially', vaccine: 'COVAXIN', doses: 1 },
  { mobile: '9999999903', vs: 0, name: 'Test Person Not Vaccinated', vaccine: undefined, doses: 0 },
])('$mobile with OTP 000000 answers vaccination_status $vs for $name', async ({ mobile, vs, name, vaccine, doses }) => {
  const { status } = await statusOf(mobile);
  expect(status).toMatchObject({ ok: true, data: { vaccination_status: vs, beneficiary: { name } } });
  const beneficiary = status!.ok ? status!.data.beneficiary! : undefined;
  expect(beneficiary?.vaccine).toBe(vaccine);
  const dates = [beneficiary?.dose1_date, beneficiary?.dose2_date].filter((date) => date);
  expect(dates).toHaveLength(doses);
  for (const date of dates) expect(date).toMatch(/^\d{2}-\d{2}-2021$/);
  expect(beneficiary?.beneficiary_reference_id).toMatch(/^\d{14}$/);
});

test('the name does not matter: the mobile decides', async () => {
  const cowin = createTestIdentities();
  for (const name of ['Test Person', 'Somebody Else', 'सुनीता देवी']) {
    const sent = await cowin.generateOtp({ mobile: '9999999902', name });
    expect(sent.ok).toBe(true);
  }
});

test('9999999904 fails the OTP request as a CoWIN 5xx does', async () => {
  const { sent } = await statusOf('9999999904');
  expect(sent).toEqual({
    ok: false,
    failure: { call: 'generateOtp', kind: 'unavailable', reason: 'server', status: 500, shape: 'json' },
  });
});

test('any OTP but 000000 is wrong, as CoWIN answers a wrong OTP', async () => {
  for (const otp of ['000001', '123456', '999999']) {
    const { confirmed } = await statusOf('9999999901', otp);
    expect(confirmed).toEqual({
      ok: false,
      failure: { call: 'confirmOtp', kind: 'rejected', status: 401, shape: 'json' },
    });
  }
});

test.each(['9999999900', '9999999905', '9999999909', '9876543210'])(
  '%s, outside the table, gets an OTP step like any mobile, and then 000000 is wrong',
  async (mobile) => {
    const { sent, confirmed } = await statusOf(mobile);
    expect(sent?.ok).toBe(true);
    expect(confirmed?.ok).toBe(false);
  },
);

test('a transaction never holds the whole mobile, and each is its own', async () => {
  const cowin = createTestIdentities();
  const txns = [];
  for (const mobile of ['9999999901', '9999999901', '9999999909']) {
    const sent = await cowin.generateOtp({ mobile, name: 'x' });
    if (!sent.ok) throw new Error('refused');
    expect(sent.data.txnId).not.toContain(mobile);
    txns.push(sent.data.txnId);
  }
  expect(new Set(txns).size).toBe(3);
});

test('another client (another host) finishes a transaction this one began: nothing is kept in memory', async () => {
  const sent = await createTestIdentities().generateOtp({ mobile: '9999999901', name: 'x' });
  if (!sent.ok) throw new Error('refused');
  const other = createTestIdentities();
  const confirmed = await other.confirmOtp({ otpHash: hash(TEST_OTP), txnId: sent.data.txnId });
  if (!confirmed.ok) throw new Error('not confirmed');
  expect(await createTestIdentities().status(confirmed.data.token)).toMatchObject({
    ok: true,
    data: { vaccination_status: 2 },
  });
});

test('an OTP is good for 180 s after it was sent, as CoWIN’s', async () => {
  const clock = { now: Date.parse('2025-01-15T10:00:00Z') };
  const cowin = createTestIdentities({ now: () => clock.now });
  const sent = await cowin.generateOtp({ mobile: '9999999901', name: 'x' });
  if (!sent.ok) throw new Error('refused');
  clock.now += 179_000;
  expect((await cowin.confirmOtp({ otpHash: hash(TEST_OTP), txnId: sent.data.txnId })).ok).toBe(true);
  clock.now += 1_000;
  expect((await cowin.confirmOtp({ otpHash: hash(TEST_OTP), txnId: sent.data.txnId })).ok).toBe(false);
});

test('a made-up transaction or token is refused', async () => {
  const cowin = createTestIdentities();
  expect((await cowin.confirmOtp({ otpHash: hash(TEST_OTP), txnId: 'txn-1' })).ok).toBe(false);
  expect((await cowin.confirmOtp({ otpHash: hash(TEST_OTP), txnId: 'test-04-abc' })).ok).toBe(false);
  const fault = `test-04-${Date.now().toString(36)}-abc`;
  expect((await cowin.confirmOtp({ otpHash: hash(TEST_OTP), txnId: fault })).ok).toBe(false);
  expect((await cowin.status('cowin-token')).ok).toBe(false);
  expect((await cowin.status('test-identity-04')).ok).toBe(false);
});

test('the table is the one docs/test-identities.md publishes', () => {
  expect(Object.keys(TEST_IDENTITIES).sort()).toEqual(['9999999901', '9999999902', '9999999903', '9999999904']);
  expect(TEST_OTP).toBe('000000');
});
