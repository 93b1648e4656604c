import { expect, test, vi } from 'vitest';
import type { ApiClient } from '../api';
import { withParentOrigin } from './web-otp-parent';

function fakeApi(): ApiClient {
  const ok = async () => ({ ok: true as const, data: { session: 's', expiresIn: 180, resendIn: 60, resendsLeft: 3 } });
  return { requestOtp: vi.fn(ok), resendOtp: vi.fn(ok), verify: vi.fn() };
}

test('adds the verified parent origin to the OTP request, and to nothing else', async () => {
  const api = fakeApi();
  const wrapped = withParentOrigin(api, 'http://localhost:5173');
  await wrapped.requestOtp({ provider: 'p', name: 'Asha Verma', mobile: '9876543210' });
  expect(api.requestOtp).toHaveBeenCalledWith({
    provider: 'p',
    name: 'Asha Verma',
    mobile: '9876543210',
    parentOrigin: 'http://localhost:5173',
  });
  expect(wrapped.resendOtp).toBe(api.resendOtp);
  expect(wrapped.verify).toBe(api.verify);
});

test('leaves the client as it is without a parent (CoWIN’s own page)', () => {
  const api = fakeApi();
  expect(withParentOrigin(api, null)).toBe(api);
});
