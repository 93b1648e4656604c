import { afterEach, beforeEach, expect, test, vi } from 'vitest';
import type { ApiClient } from '../api';
import { createVerificationFlow } from '../model';
import type { FrameMessage } from '../../contract';
import { reportFlow } from './report-flow';

const base64url = (text: string) => Buffer.from(text).toString('base64url');
/** A token whose claims say it lives 300 s. */
const token = `${base64url('{"alg":"ES256"}')}.${base64url('{"iat":1000,"exp":1300}')}.sig`;
const result = { status: 'PARTIALLY_VACCINATED', token, ref: 'K7Q2M9XD' } as const;
const otpAnswer = { session: 's-1', expiresIn: 180, resendIn: 30, resendsLeft: 2 };

function setup(api: Partial<ApiClient>) {
  const flow = createVerificationFlow({ api: api as ApiClient, provider: 'demo-travel' });
  const messages: Pick<FrameMessage, 'type' | 'data'>[] = [];
  const stop = reportFlow(flow, (type, data) => messages.push({ type, data } as FrameMessage));
  return { flow, messages, stop };
}

const happyApi = {
  requestOtp: async () => ({ ok: true as const, data: otpAnswer }),
  resendOtp: async () => ({ ok: true as const, data: otpAnswer }),
  verify: async () => ({ ok: true as const, data: result }),
};

async function toResult(flow: ReturnType<typeof setup>['flow']) {
  flow.setName('Ravi Kumar');
  flow.setMobile('9123456780');
  await flow.submitDetails();
  flow.setOtp('654321');
  await flow.verifyOtp();
}

beforeEach(() => {
  vi.useFakeTimers();
});
afterEach(() => {
  vi.useRealTimers();
});

test('reports the OTP sent, each step change and the result before its step, never the typed details', async () => {
  const { flow, messages } = setup(happyApi);
  await toResult(flow);
  flow.reset();
  expect(messages).toEqual([
    { type: 'event', data: { type: 'otp_sent' } },
    { type: 'step', data: { step: 'otp' } },
    { type: 'result', data: result },
    { type: 'step', data: { step: 'result' } },
    { type: 'step', data: { step: 'details' } },
  ]);
  const sent = JSON.stringify(messages);
  for (const secret of ['Ravi', '9123456780', '3210', '6780', '654321', 's-1']) expect(sent).not.toContain(secret);
});

test('reports a resend as otp_resent, each time', async () => {
  const { flow, messages } = setup(happyApi);
  flow.setName('Ravi Kumar');
  flow.setMobile('9123456780');
  await flow.submitDetails();
  for (let i = 0; i < 2; i++) {
    vi.advanceTimersByTime(30_000);
    await flow.resend();
  }
  expect(messages.filter((m) => m.type === 'event').map((m) => m.data)).toEqual([
    { type: 'otp_sent' },
    { type: 'otp_resent' },
    { type: 'otp_resent' },
  ]);
});

test('when the result expires, reports expired and then its event, once', async () => {
  const { flow, messages } = setup(happyApi);
  await toResult(flow);
  messages.length = 0;
  vi.advanceTimersByTime(299_999);
  expect(messages).toEqual([]);
  vi.advanceTimersByTime(1);
  expect(messages).toEqual([
    { type: 'expired', data: {} },
    { type: 'event', data: { type: 'expired' } },
  ]);
  flow.verifyAgain();
  vi.advanceTimersByTime(600_000);
  expect(messages.slice(2)).toEqual([{ type: 'step', data: { step: 'details' } }]);
});

test('a reset before the expiry reports no expiry', async () => {
  const { flow, messages } = setup(happyApi);
  await toResult(flow);
  flow.reset();
  vi.advanceTimersByTime(600_000);
  expect(messages.map((m) => m.type)).not.toContain('expired');
});

test('reports errors that block the flow, in English, with the wait and the reference, then their event', async () => {
  const error = { code: 'RATE_LIMITED', message: 'x', retryAfter: 30, ref: 'AB12CD34' } as const;
  const { flow, messages } = setup({ requestOtp: async () => ({ ok: false, error }) });
  flow.setName('Ravi Kumar');
  flow.setMobile('9123456780');
  await flow.submitDetails();
  expect(messages).toEqual([
    {
      type: 'error',
      data: {
        code: 'RATE_LIMITED',
        message: 'Too many requests. Wait 30 seconds and try again.',
        retryAfter: 30,
        ref: 'AB12CD34',
      },
    },
    { type: 'event', data: { type: 'error', code: 'RATE_LIMITED' } },
  ]);
});

test('keeps problems with what was typed inside the frame, but counts each as an event', async () => {
  const { flow, messages } = setup({
    requestOtp: async () => ({ ok: true, data: otpAnswer }),
    verify: async () => ({ ok: false, error: { code: 'OTP_INCORRECT', message: 'x', field: 'otp', ref: 'AB12CD34' } }),
  });
  flow.setName('Ravi Kumar');
  flow.setMobile('1');
  await flow.submitDetails();
  flow.setMobile('9123456780');
  await flow.submitDetails();
  flow.setOtp('111111');
  await flow.verifyOtp();
  await flow.verifyOtp();
  expect(messages).toEqual([
    { type: 'event', data: { type: 'error', code: 'INVALID_MOBILE' } },
    { type: 'event', data: { type: 'otp_sent' } },
    { type: 'step', data: { step: 'otp' } },
    { type: 'event', data: { type: 'error', code: 'OTP_INCORRECT' } },
    { type: 'event', data: { type: 'error', code: 'OTP_INCORRECT' } },
  ]);
});

test('two fields marked at once are two error events', async () => {
  const { flow, messages } = setup({});
  flow.setName('1');
  flow.setMobile('1');
  await flow.submitDetails();
  expect(messages).toEqual([
    { type: 'event', data: { type: 'error', code: 'INVALID_NAME' } },
    { type: 'event', data: { type: 'error', code: 'INVALID_MOBILE' } },
  ]);
});

test('stops reporting once stopped', async () => {
  const { flow, messages, stop } = setup(happyApi);
  stop();
  await toResult(flow);
  vi.advanceTimersByTime(600_000);
  expect(messages).toEqual([]);
});
