import { signal } from '@preact/signals';
import { expect, test, vi } from 'vitest';
import type { Step } from '../../contract';
import { watchWebOtp, type OtpCredentials } from './web-otp';

/** A flow with just what WebOTP touches, and a credentials fake whose requests the test settles. */
function setup() {
  const step = signal<Step>('details');
  const resendsLeft = signal(3);
  const flow = { step, resendsLeft, setOtp: vi.fn(), verifyOtp: vi.fn(async () => {}) };
  const requests: Array<{
    signal: AbortSignal;
    resolve: (c: { code?: string } | null) => void;
    reject: (e: unknown) => void;
  }> = [];
  const credentials: OtpCredentials = {
    get: ({ otp, signal: abort }) => {
      expect(otp).toEqual({ transport: ['sms'] });
      return new Promise((resolve, reject) => requests.push({ signal: abort, resolve, reject }));
    },
  };
  const stop = watchWebOtp(flow, credentials);
  return { flow, step, resendsLeft, requests, stop };
}

const settle = () => new Promise((resolve) => setTimeout(resolve, 0));

test('asks for the SMS code only on the OTP step', () => {
  const { step, requests } = setup();
  expect(requests).toHaveLength(0);
  step.value = 'otp';
  expect(requests).toHaveLength(1);
  expect(requests[0]!.signal.aborted).toBe(false);
});

test('fills in the code and verifies, through the model’s own actions', async () => {
  const { flow, step, requests } = setup();
  step.value = 'otp';
  requests[0]!.resolve({ code: '123456' });
  await settle();
  expect(flow.setOtp).toHaveBeenCalledWith('123456');
  expect(flow.verifyOtp).toHaveBeenCalledOnce();
});

test('aborts when the step changes (a reset, Change details, a result), and then ignores a late code', async () => {
  const { flow, step, requests } = setup();
  step.value = 'otp';
  step.value = 'details';
  expect(requests[0]!.signal.aborted).toBe(true);
  requests[0]!.resolve({ code: '123456' });
  await settle();
  expect(flow.setOtp).not.toHaveBeenCalled();
});

test('asks afresh after Resend OTP, for the new SMS', () => {
  const { step, resendsLeft, requests } = setup();
  step.value = 'otp';
  resendsLeft.value = 2;
  expect(requests).toHaveLength(2);
  expect(requests[0]!.signal.aborted).toBe(true);
  expect(requests[1]!.signal.aborted).toBe(false);
});

test('stays quiet when the browser refuses or gives no code, and stops when told', async () => {
  const { flow, step, requests, stop } = setup();
  step.value = 'otp';
  requests[0]!.reject(new DOMException('no', 'NotAllowedError'));
  step.value = 'details';
  step.value = 'otp';
  requests[1]!.resolve(null);
  await settle();
  expect(flow.setOtp).not.toHaveBeenCalled();
  stop();
  expect(requests[1]!.signal.aborted).toBe(true);
  step.value = 'result';
  step.value = 'otp';
  expect(requests).toHaveLength(2);
});
