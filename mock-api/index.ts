import type { RequestHandler } from 'msw';
import { createDirectory } from './directory';
import { createFaults } from './faults';
import { fixtureBeneficiaries, type FixtureBeneficiary } from './fixtures';
import { cowinHandlers } from './handlers';
import { createOtpQuota } from './otp-quota';
import { createOtpStore } from './otp-store';
import { createOutbox } from './outbox';
import type { SmsMessage } from './outbox';
import { createTokenIssuer } from './token';

/** Where the mock answers; `cowin.mock` is not a real host, so nothing can leak to the network. */
export const COWIN_MOCK_BASE = 'https://cowin.mock/api';
/** The `x-api-key` the mock accepts unless told otherwise. */
export const COWIN_MOCK_API_KEY = 'mock-api-key';

export type { SmsMessage };

export interface CowinMockOptions {
  /**
   * Base URL the handlers answer under.
   * @default COWIN_MOCK_BASE
   * @example 'http://127.0.0.1:5174/__cowin__/api'
   */
  baseUrl?: string;
  /**
   * The clock, in ms since the epoch; tests inject one to step past OTP and token expiry.
   * @default Date.now
   * @example () => fakeTime
   */
  now?: () => number;
  /**
   * The `x-api-key` every call must carry.
   * @default COWIN_MOCK_API_KEY
   */
  apiKey?: string;
  /**
   * More people than the fixtures, e.g. many made-up ones for a load test.
   * @default []
   */
  extraPeople?: readonly FixtureBeneficiary[];
}

export interface CowinMock {
  /** For `setupServer(...mock.handlers)` (msw/node). */
  handlers: RequestHandler[];
  /**
   * The next call of a kind answers a recorded shape of the real CoWIN instead (recorded-answers.json).
   * @example mock.faults.next('status', 'gateway-timeout')
   */
  faults: { next(call: 'generateOtp' | 'confirmOtp' | 'status', name: string): void };
  /** The SMS "sent", as a mock phone would show them. */
  outbox: { list(mobile: string): SmsMessage[]; clear(): void };
  /** Forget all transactions, tokens, counters and SMS. */
  reset(): void;
}

/**
 * A CoWIN API v3 look-alike for MSW: generateOTP, confirmOTP and status, with CoWIN's OTP rules and
 * the fixture people. Each call makes an independent mock (its own state and token secret).
 * @example
 * const mock = createCowinMock();
 * setupServer(...mock.handlers).listen();
 */
export function createCowinMock(options: CowinMockOptions = {}): CowinMock {
  const outbox = createOutbox();
  const now = options.now ?? Date.now;
  const ctx = {
    baseUrl: (options.baseUrl ?? COWIN_MOCK_BASE).replace(/\/+$/, ''),
    apiKey: options.apiKey ?? COWIN_MOCK_API_KEY,
    now,
    directory: createDirectory([...fixtureBeneficiaries, ...(options.extraPeople ?? [])]),
    otps: createOtpStore(),
    quota: createOtpQuota(),
    outbox,
    tokens: createTokenIssuer(now),
    faults: createFaults(),
  };
  return {
    handlers: cowinHandlers(ctx),
    faults: { next: (call, name) => ctx.faults.next(call, name) },
    outbox: { list: (mobile) => outbox.list(mobile), clear: () => outbox.clear() },
    reset() {
      ctx.otps.clear();
      ctx.quota.clear();
      ctx.outbox.clear();
      ctx.tokens.rotate();
      ctx.faults.clear();
    },
  };
}

export { fixtureBeneficiaries, type FixtureBeneficiary } from './fixtures';
