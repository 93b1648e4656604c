import { afterEach, beforeEach, expect, test, vi } from 'vitest';
import type { ApiClient, ApiResult } from '../api';
import { SUPPORT_REF_PATTERN, type OtpResponse } from '../../contract';
import type { KycvsResult } from '../../contract';
import { createVerificationFlow } from './verification-flow';

const otpAnswer: OtpResponse = { session: 's-1', expiresIn: 180, resendIn: 30, resendsLeft: 2 };
const result: KycvsResult = { status: 'FULLY_VACCINATED', token: 'a.b.c' };
const base64url = (text: string) => Buffer.from(text).toString('base64url');
/** A result whose token lives `seconds` (its claims' exp - iat). */
const resultLiving = (seconds: number): KycvsResult => ({
  status: 'PARTIALLY_VACCINATED',
  token: `${base64url('{"alg":"ES256"}')}.${base64url(JSON.stringify({ iat: 1000, exp: 1000 + seconds }))}.sig`,
});
const ok = <T>(data: T): ApiResult<T> => ({ ok: true, data });

/** A fake host: each call records its request and answers what the test queued. */
function fakeApi() {
  const answers: Record<keyof ApiClient, ApiResult<never>[]> = { requestOtp: [], resendOtp: [], verify: [] };
  const calls: [keyof ApiClient, unknown][] = [];
  const answer = (method: keyof ApiClient) => async (request: unknown) => {
    calls.push([method, request]);
    return (
      answers[method].shift() ?? {
        ok: false as const,
        error: { code: 'SERVER_ERROR' as const, message: 'none queued' },
      }
    );
  };
  const api = {
    requestOtp: answer('requestOtp'),
    resendOtp: answer('resendOtp'),
    verify: answer('verify'),
  } as ApiClient;
  const queue = (method: keyof ApiClient, ...list: ApiResult<unknown>[]) =>
    answers[method].push(...(list as ApiResult<never>[]));
  return { api, calls, queue };
}

function setup(nonce?: string, action?: string) {
  const host = fakeApi();
  const flow = createVerificationFlow({ api: host.api, provider: 'demo-travel', nonce, action, now: () => Date.now() });
  return { ...host, flow };
}

async function toOtpStep() {
  const s = setup();
  s.queue('requestOtp', ok(otpAnswer));
  s.flow.setName('  Smt. Asha  Verma ');
  s.flow.setMobile('+91 98765-43210');
  await s.flow.submitDetails();
  return s;
}

beforeEach(() => {
  vi.useFakeTimers();
});
afterEach(() => {
  vi.useRealTimers();
});

test('invalid details are marked on their fields and send no request', async () => {
  const { flow, calls } = setup();
  flow.setName('12345');
  flow.setMobile('12345');
  await flow.submitDetails();
  expect(calls).toEqual([]);
  expect(flow.fieldErrors.value).toEqual({ name: 'INVALID_NAME', mobile: 'INVALID_MOBILE' });
  expect(flow.error.value).toMatchObject({ code: 'INVALID_NAME', field: 'name' });
  expect(flow.step.value).toBe('details');
});

test('editing a field clears its error', async () => {
  const { flow } = setup();
  flow.setMobile('1');
  await flow.submitDetails();
  flow.setName('Asha Verma');
  expect(flow.fieldErrors.value).toEqual({ mobile: 'INVALID_MOBILE' });
  flow.setMobile('9876543210');
  expect(flow.fieldErrors.value).toEqual({});
  expect(flow.error.value).toBeNull();
});

test('submitDetails sends the cleaned name and mobile and moves to the OTP step', async () => {
  const { flow, calls } = await toOtpStep();
  expect(calls).toEqual([['requestOtp', { provider: 'demo-travel', name: 'Asha Verma', mobile: '9876543210' }]]);
  expect(flow.step.value).toBe('otp');
  expect(flow.maskedMobile.value).toBe('******3210');
  expect(flow.mobile.value).toBe('+91 98765-43210');
  expect(flow.secondsLeft.value).toBe(180);
  expect(flow.resendIn.value).toBe(30);
  expect(flow.resendsLeft.value).toBe(2);
});

test('the happy path ends in the result step with the result', async () => {
  const { flow, calls, queue } = await toOtpStep();
  queue('verify', ok(result));
  flow.setOtp('१२३ ४५६');
  expect(flow.otp.value).toBe('123456');
  await flow.verifyOtp();
  expect(calls[1]).toEqual(['verify', { provider: 'demo-travel', session: 's-1', otp: '123456' }]);
  expect(flow.step.value).toBe('result');
  expect(flow.result.value).toEqual(result);
  expect(flow.otp.value).toBe('');
  expect(flow.expired.value).toBe(false);
  // The OTP's countdowns are gone; what is left is the result's expiry.
  expect(vi.getTimerCount()).toBe(1);
});

test('verify carries the nonce when the page gave one', async () => {
  const { flow, calls, queue } = setup('n-42');
  queue('requestOtp', ok(otpAnswer));
  queue('verify', ok(result));
  flow.setName('Asha Verma');
  flow.setMobile('9876543210');
  await flow.submitDetails();
  flow.setOtp('123456');
  await flow.verifyOtp();
  expect(calls[1]?.[1]).toMatchObject({ nonce: 'n-42' });
});

test("verify carries the page's action when it gave one, and none otherwise", async () => {
  const withAction = setup(undefined, 'booking');
  const without = setup();
  for (const { flow, queue } of [withAction, without]) {
    queue('requestOtp', ok(otpAnswer));
    flow.setName('Asha Verma');
    flow.setMobile('9876543210');
    await flow.submitDetails();
    flow.setOtp('123456');
    await flow.verifyOtp();
  }
  expect(withAction.calls[1]?.[1]).toMatchObject({ action: 'booking' });
  expect(without.calls[1]?.[1]).not.toHaveProperty('action');
});

test('otpSent marks each OTP sent, and whether it was a resend', async () => {
  const { flow, queue } = await toOtpStep();
  const first = flow.otpSent.value;
  expect(first).toEqual({ resend: false });
  queue('resendOtp', ok(otpAnswer), ok(otpAnswer));
  vi.advanceTimersByTime(30_000);
  await flow.resend();
  const second = flow.otpSent.value;
  expect(second).toEqual({ resend: true });
  vi.advanceTimersByTime(30_000);
  await flow.resend();
  expect(flow.otpSent.value).toEqual({ resend: true });
  expect(flow.otpSent.value).not.toBe(second);
  flow.reset();
  expect(flow.otpSent.value).toBeNull();
});

test('an OTP that is not 6 digits is refused without a request', async () => {
  const { flow, calls } = await toOtpStep();
  flow.setOtp('12345');
  await flow.verifyOtp();
  expect(calls).toHaveLength(1);
  expect(flow.fieldErrors.value).toEqual({ otp: 'INVALID_OTP' });
});

test('a wrong OTP keeps what was typed and lets Verify try again', async () => {
  const { flow, queue, calls } = await toOtpStep();
  queue('verify', { ok: false, error: { code: 'OTP_INCORRECT', message: 'Wrong.', field: 'otp' } }, ok(result));
  flow.setOtp('111111');
  await flow.verifyOtp();
  expect(flow.step.value).toBe('otp');
  expect(flow.otp.value).toBe('111111');
  expect(flow.fieldErrors.value).toEqual({ otp: 'OTP_INCORRECT' });
  await flow.verifyOtp();
  expect(calls).toHaveLength(3);
  expect(flow.step.value).toBe('result');
});

test('a fault keeps name and mobile and the same action retries', async () => {
  const { flow, queue, calls } = setup();
  queue('requestOtp', { ok: false, error: { code: 'NETWORK_ERROR', message: 'Offline.' } }, ok(otpAnswer));
  flow.setName('Asha Verma');
  flow.setMobile('9876543210');
  await flow.submitDetails();
  expect(flow.error.value?.code).toBe('NETWORK_ERROR');
  expect(flow.busy.value).toBe(false);
  expect([flow.name.value, flow.mobile.value]).toEqual(['Asha Verma', '9876543210']);
  await flow.submitDetails();
  expect(calls).toHaveLength(2);
  expect(flow.step.value).toBe('otp');
  expect(flow.error.value).toBeNull();
});

test('a second submit while the first is in flight is ignored', async () => {
  const { flow, queue, calls } = setup();
  queue('requestOtp', ok(otpAnswer));
  flow.setName('Asha Verma');
  flow.setMobile('9876543210');
  const first = flow.submitDetails();
  expect(flow.busy.value).toBe(true);
  await flow.submitDetails();
  await first;
  expect(calls).toHaveLength(1);
  expect(flow.busy.value).toBe(false);
});

test('reset forgets name, mobile, OTP, session and result', async () => {
  const { flow, queue } = await toOtpStep();
  queue('verify', ok(result));
  flow.setOtp('123456');
  await flow.verifyOtp();
  flow.reset();
  expect(flow.step.value).toBe('details');
  expect([flow.name.value, flow.mobile.value, flow.otp.value, flow.maskedMobile.value]).toEqual(['', '', '', '']);
  expect(flow.result.value).toBeNull();
  expect(flow.error.value).toBeNull();
  expect(flow.resendsLeft.value).toBe(0);
});

test('reset while a request is in flight drops its answer', async () => {
  const { flow, queue } = await toOtpStep();
  queue('verify', ok(result));
  flow.setOtp('123456');
  const pending = flow.verifyOtp();
  flow.reset();
  await pending;
  expect(flow.step.value).toBe('details');
  expect(flow.result.value).toBeNull();
  expect(flow.busy.value).toBe(false);
});

test('the countdowns follow the clock and Resend waits for its countdown', async () => {
  const { flow, queue, calls } = await toOtpStep();
  queue('resendOtp', ok({ ...otpAnswer, session: 's-2', resendsLeft: 1 }));
  vi.advanceTimersByTime(10_000);
  expect(flow.secondsLeft.value).toBe(170);
  expect(flow.resendIn.value).toBe(20);
  await flow.resend();
  expect(calls).toHaveLength(1);
  vi.advanceTimersByTime(20_000);
  expect(flow.resendIn.value).toBe(0);
  flow.setOtp('99');
  await flow.resend();
  expect(calls[1]).toEqual(['resendOtp', { provider: 'demo-travel', session: 's-1' }]);
  expect([flow.secondsLeft.value, flow.resendIn.value, flow.resendsLeft.value]).toEqual([180, 30, 1]);
  expect(flow.otp.value).toBe('');
});

test('no resend is sent when none are left', async () => {
  const { flow, queue, calls } = setup();
  queue('requestOtp', ok({ ...otpAnswer, resendsLeft: 0, resendIn: 0 }));
  flow.setName('Asha Verma');
  flow.setMobile('9876543210');
  await flow.submitDetails();
  await flow.resend();
  expect(calls).toHaveLength(1);
  expect(flow.error.value?.code).toBe('RESEND_NOT_ALLOWED');
});

test('after too many wrong tries Verify asks for a resend until a new OTP comes', async () => {
  const { flow, queue, calls } = await toOtpStep();
  queue('verify', { ok: false, error: { code: 'OTP_ATTEMPTS_EXCEEDED', message: 'Spent.' } });
  flow.setOtp('111111');
  await flow.verifyOtp();
  expect(flow.mustResend.value).toBe(true);
  await flow.verifyOtp();
  expect(calls).toHaveLength(2);
  expect(flow.error.value?.code).toBe('OTP_ATTEMPTS_EXCEEDED');
  queue('resendOtp', ok(otpAnswer));
  vi.advanceTimersByTime(30_000);
  await flow.resend();
  expect(flow.mustResend.value).toBe(false);
});

test('an OTP past its validity is refused as expired without a request', async () => {
  const { flow, calls } = await toOtpStep();
  vi.advanceTimersByTime(181_000);
  expect(flow.secondsLeft.value).toBe(0);
  flow.setOtp('123456');
  await flow.verifyOtp();
  expect(calls).toHaveLength(1);
  expect(flow.error.value?.code).toBe('OTP_EXPIRED');
  expect(flow.mustResend.value).toBe(true);
});

test('the ticker stops once both countdowns are over', async () => {
  await toOtpStep();
  expect(vi.getTimerCount()).toBe(1);
  vi.advanceTimersByTime(181_000);
  expect(vi.getTimerCount()).toBe(0);
});

test('an expired session goes back to details with name and mobile kept', async () => {
  const { flow, queue } = await toOtpStep();
  queue('verify', { ok: false, error: { code: 'SESSION_EXPIRED', message: 'Gone.' } });
  flow.setOtp('123456');
  await flow.verifyOtp();
  expect(flow.step.value).toBe('details');
  expect(flow.error.value?.code).toBe('SESSION_EXPIRED');
  expect(flow.name.value).toBe('  Smt. Asha  Verma ');
  expect(vi.getTimerCount()).toBe(0);
});

test('changeDetails goes back with name and mobile kept and the session dropped', async () => {
  const { flow } = await toOtpStep();
  flow.changeDetails();
  expect(flow.step.value).toBe('details');
  expect(flow.mobile.value).toBe('+91 98765-43210');
  expect(flow.maskedMobile.value).toBe('');
  expect(vi.getTimerCount()).toBe(0);
});

test('dispose and reset leave no timer behind', async () => {
  const first = await toOtpStep();
  first.flow.dispose();
  expect(vi.getTimerCount()).toBe(0);
  const second = await toOtpStep();
  second.flow.reset();
  expect(vi.getTimerCount()).toBe(0);
});

test('an api that throws ends in a retryable SERVER_ERROR, not a flow busy forever', async () => {
  const api = { requestOtp: () => Promise.reject(new Error('bug')) } as unknown as ApiClient;
  const flow = createVerificationFlow({ api, provider: 'demo-travel' });
  flow.setName('Asha Verma');
  flow.setMobile('9876543210');
  await flow.submitDetails();
  expect(flow.busy.value).toBe(false);
  expect(flow.error.value?.code).toBe('SERVER_ERROR');
  // The host never saw it: the frame's own reference, to quote to support.
  expect(flow.error.value?.ref).toMatch(SUPPORT_REF_PATTERN);
  expect(flow.name.value).toBe('Asha Verma');
});

/** Through to a result whose token lives `seconds`. */
async function toResult(seconds: number) {
  const s = await toOtpStep();
  s.queue('verify', ok(resultLiving(seconds)));
  s.flow.setOtp('123456');
  await s.flow.verifyOtp();
  return s;
}

test("a result expires after its token's lifetime, counted from its arrival", async () => {
  const { flow } = await toResult(120);
  vi.advanceTimersByTime(119_999);
  expect(flow.expired.value).toBe(false);
  vi.advanceTimersByTime(1);
  expect(flow.expired.value).toBe(true);
  expect([flow.step.value, flow.result.value?.status]).toEqual(['result', 'PARTIALLY_VACCINATED']);
  expect(vi.getTimerCount()).toBe(0);
});

test('a result whose token cannot be read expires after 300 s', async () => {
  const { flow, queue } = await toOtpStep();
  queue('verify', ok(result));
  flow.setOtp('123456');
  await flow.verifyOtp();
  vi.advanceTimersByTime(299_000);
  expect(flow.expired.value).toBe(false);
  vi.advanceTimersByTime(1_000);
  expect(flow.expired.value).toBe(true);
});

test('verifyAgain goes back to details with name and mobile kept, and stops the expiry', async () => {
  const { flow } = await toResult(300);
  vi.advanceTimersByTime(300_000);
  flow.verifyAgain();
  expect(flow.step.value).toBe('details');
  expect([flow.name.value, flow.mobile.value]).toEqual(['  Smt. Asha  Verma ', '+91 98765-43210']);
  expect([flow.result.value, flow.expired.value, flow.error.value]).toEqual([null, false, null]);
  expect(vi.getTimerCount()).toBe(0);
});

test('verifyAgain before the expiry stops its timer too, and does nothing off the result step', async () => {
  const { flow } = await toResult(300);
  flow.verifyAgain();
  expect(vi.getTimerCount()).toBe(0);
  vi.advanceTimersByTime(301_000);
  expect(flow.expired.value).toBe(false);
  flow.setMobile('9123456780');
  flow.verifyAgain();
  expect([flow.step.value, flow.mobile.value]).toEqual(['details', '9123456780']);
});

test('reset and dispose stop the expiry and forget that it happened', async () => {
  const first = await toResult(60);
  first.flow.reset();
  expect(vi.getTimerCount()).toBe(0);
  vi.advanceTimersByTime(61_000);
  expect(first.flow.expired.value).toBe(false);
  const second = await toResult(60);
  second.flow.dispose();
  expect(vi.getTimerCount()).toBe(0);
  const third = await toResult(60);
  vi.advanceTimersByTime(60_000);
  third.flow.reset();
  expect(third.flow.expired.value).toBe(false);
});

test('a new result after a reset times its own token from its own arrival', async () => {
  const { flow, queue } = await toResult(60);
  vi.advanceTimersByTime(50_000);
  flow.reset();
  queue('requestOtp', ok(otpAnswer));
  queue('verify', ok(resultLiving(60)));
  flow.setName('Asha Verma');
  flow.setMobile('9876543210');
  await flow.submitDetails();
  flow.setOtp('123456');
  await flow.verifyOtp();
  vi.advanceTimersByTime(59_000);
  expect(flow.expired.value).toBe(false);
  vi.advanceTimersByTime(1_000);
  expect(flow.expired.value).toBe(true);
});
