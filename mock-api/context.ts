import type { Directory } from './directory';
import type { Faults } from './faults';
import type { OtpQuota } from './otp-quota';
import type { OtpStore } from './otp-store';
import type { Outbox } from './outbox';
import type { TokenIssuer } from './token';

/** Everything one mock's handlers share; `createCowinMock` builds it, `reset()` empties it. */
export interface MockContext {
  /** Without a trailing slash. */
  baseUrl: string;
  apiKey: string;
  now: () => number;
  directory: Directory;
  otps: OtpStore;
  quota: OtpQuota;
  outbox: Outbox;
  tokens: TokenIssuer;
  /** Answers in recorded shapes, queued by tests (faults.ts). */
  faults: Faults;
}
