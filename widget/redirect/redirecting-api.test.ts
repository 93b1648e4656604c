import { expect, test, vi } from 'vitest';
import type { ApiClient } from '../api';
import { cancelUrl, withRedirect } from './redirecting-api';

const target = { uri: 'https://app.example/cb?from=app', state: 'st-1' };
const result = { status: 'FULLY_VACCINATED' as const, token: 'tok' };

function setup(verifyAnswer: Awaited<ReturnType<ApiClient['verify']>>) {
  const api: ApiClient = { requestOtp: vi.fn(), resendOtp: vi.fn(), verify: vi.fn(async () => verifyAnswer) };
  const navigate = vi.fn<(url: string) => void>();
  return { api, navigate, wrapped: withRedirect(api, target, navigate) };
}

test('Cancel goes back with error=access_denied and the state, keeping the registered query', () => {
  expect(cancelUrl(target)).toBe('https://app.example/cb?from=app&error=access_denied&state=st-1');
});

test('verify sends the redirect URI, and a result with a code goes back with the code and the state', async () => {
  const { api, wrapped, navigate } = setup({ ok: true, data: { ...result, code: 'C0DE' } });
  const answer = await wrapped.verify({ provider: 'p', session: 's', otp: '123456' });
  expect(api.verify).toHaveBeenCalledWith({ provider: 'p', session: 's', otp: '123456', redirectUri: target.uri });
  expect(answer.ok).toBe(true);
  expect(navigate).toHaveBeenCalledWith('https://app.example/cb?from=app&code=C0DE&state=st-1');
});

test('a failure stays on the page, to try again or cancel', async () => {
  const error = { code: 'OTP_INCORRECT' as const, message: 'Wrong.', ref: 'ABCDEFGH' };
  const { wrapped, navigate } = setup({ ok: false, error });
  expect(await wrapped.verify({ provider: 'p', session: 's', otp: '000001' })).toEqual({ ok: false, error });
  expect(navigate).not.toHaveBeenCalled();
});

test('the OTP calls go through unchanged', () => {
  const { api, wrapped } = setup({ ok: true, data: result });
  expect(wrapped.requestOtp).toBe(api.requestOtp);
  expect(wrapped.resendOtp).toBe(api.resendOtp);
});
