import { afterEach, beforeEach, expect, test, vi } from 'vitest';
import type { ApiClient } from '../api';
import { createVerificationFlow } from '../model';
import type { FrameMessage } from '../../contract';
import { reportFlow } from './report-flow';

const result = { status: 'PARTIALLY_VACCINATED', token: 'a.b.c' } as const;
const otpAnswer = { session: 's-1', expiresIn: 180, resendIn: 30, resendsLeft: 2 };

function setup(api: Partial<ApiClient>) {
  const flow = createVerificationFlow({ api: api as ApiClient, provider: 'demo-travel' });
  const messages: Pick<FrameMessage, 'type' | 'data'>[] = [];
  const stop = reportFlow(flow, (type, data) => messages.push({ type, data } as FrameMessage));
  return { flow, messages, stop };
}

beforeEach(() => {
  vi.useFakeTimers();
});
afterEach(() => {
  vi.useRealTimers();
});

test('reports each step change and the result before its step, never the typed details', async () => {
  const { flow, messages } = setup({
    requestOtp: async () => ({ ok: true, data: otpAnswer }),
    verify: async () => ({ ok: true, data: result }),
  });
  flow.setName('Ravi Kumar');
  flow.setMobile('9123456780');
  await flow.submitDetails();
  flow.setOtp('654321');
  await flow.verifyOtp();
  flow.reset();
  expect(messages).toEqual([
    { type: 'step', data: { step: 'otp' } },
    { type: 'result', data: result },
    { type: 'step', data: { step: 'result' } },
    { type: 'step', data: { step: 'details' } },
  ]);
  const sent = JSON.stringify(messages);
  for (const secret of ['Ravi', '9123456780', '3210', '6780', '654321', 's-1']) expect(sent).not.toContain(secret);
});

test('reports errors that block the flow, in English, with the wait', async () => {
  const { flow, messages } = setup({
    requestOtp: async () => ({ ok: false, error: { code: 'RATE_LIMITED', message: 'x', retryAfter: 30 } }),
  });
  flow.setName('Ravi Kumar');
  flow.setMobile('9123456780');
  await flow.submitDetails();
  expect(messages).toEqual([
    {
      type: 'error',
      data: { code: 'RATE_LIMITED', message: 'Too many requests. Wait 30 seconds and try again.', retryAfter: 30 },
    },
  ]);
});

test('keeps problems with what was typed inside the frame', async () => {
  const { flow, messages } = setup({
    requestOtp: async () => ({ ok: true, data: otpAnswer }),
    verify: async () => ({ ok: false, error: { code: 'OTP_INCORRECT', message: 'x', field: 'otp' } }),
  });
  flow.setName('Ravi Kumar');
  flow.setMobile('1');
  await flow.submitDetails();
  flow.setMobile('9123456780');
  await flow.submitDetails();
  flow.setOtp('111111');
  await flow.verifyOtp();
  expect(messages.map((m) => m.type)).toEqual(['step']);
});

test('stops reporting once stopped', async () => {
  const { flow, messages, stop } = setup({ requestOtp: async () => ({ ok: true, data: otpAnswer }) });
  stop();
  flow.setName('Ravi Kumar');
  flow.setMobile('9123456780');
  await flow.submitDetails();
  expect(messages).toEqual([]);
});
