import { setupServer } from 'msw/node';
import { afterAll, afterEach, beforeAll, expect } from 'vitest';
import { sha256Hex } from './otp';
import { COWIN_MOCK_API_KEY, COWIN_MOCK_BASE, createCowinMock } from './index';

/** A fixed start time, so expiry tests can step the clock by exact amounts. */
export const T0 = Date.parse('2022-03-01T10:00:00.000Z');

/**
 * One mock behind a real msw/node server for a test file, with a clock the tests move, and a small
 * client that calls it with real `fetch` the way the host server does. State is reset after each test.
 */
export function useCowinMock() {
  let time = T0;
  const clock = {
    now: () => time,
    advance: (ms: number) => void (time += ms),
  };
  const mock = createCowinMock({ now: clock.now });
  const server = setupServer(...mock.handlers);
  beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
  afterEach(() => {
    mock.reset();
    time = T0;
  });
  afterAll(() => server.close());
  return { mock, clock, api: cowinClient(mock) };
}

type Mock = ReturnType<typeof createCowinMock>;

export interface Answer {
  status: number;
  body: Record<string, unknown>;
  headers: Headers;
}

/** The answer with its body as JSON, or `{ text }` when the mock answered plain text (the gateway's shapes). */
async function answer(response: Response): Promise<Answer> {
  const text = await response.text();
  let body: Record<string, unknown>;
  try {
    body = JSON.parse(text) as Record<string, unknown>;
  } catch {
    body = { text };
  }
  return { status: response.status, body, headers: response.headers };
}

function cowinClient(mock: Mock) {
  const post = async (path: string, body: unknown, headers: Record<string, string> = {}) =>
    answer(
      await fetch(`${COWIN_MOCK_BASE}${path}`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-api-key': COWIN_MOCK_API_KEY, ...headers },
        body: JSON.stringify(body),
      }),
    );

  const api = {
    generate: (mobile: string, fullName: string, headers?: Record<string, string>) =>
      post('/v3/vaccination/generateOTP', { mobile_number: mobile, full_name: fullName }, headers),
    confirm: (txnId: string, otp: string) => post('/v3/vaccination/confirmOTP', { otp: sha256Hex(otp), txnId }),
    status: async (token: string) =>
      answer(
        await fetch(`${COWIN_MOCK_BASE}/v3/vaccination/status`, {
          headers: { authorization: `Bearer ${token}`, 'x-api-key': COWIN_MOCK_API_KEY },
        }),
      ),
    /** The OTP of the newest SMS to `mobile`. */
    lastOtp(mobile: string): string {
      const last = mock.outbox.list(mobile).at(-1);
      if (!last) throw new Error(`no SMS was sent to ${mobile}`);
      return last.otp;
    },
    /** Generates an OTP and returns its txnId, failing the test unless the mock answered 200. */
    async txn(mobile: string, fullName: string): Promise<string> {
      const generated = await api.generate(mobile, fullName);
      expect(generated.status).toBe(200);
      return String(generated.body['txnId']);
    },
    /** generate → OTP from the outbox → confirm: the token, or the failing answer. */
    async login(mobile: string, fullName: string): Promise<string> {
      const txnId = await api.txn(mobile, fullName);
      const confirmed = await api.confirm(txnId, api.lastOtp(mobile));
      expect(confirmed.status).toBe(200);
      return String(confirmed.body['token']);
    },
  };
  return api;
}
