import { randomBytes } from 'node:crypto';
import type { Context } from 'hono';
import { createKeyHasher, createMemoryStore, type KeyHasher, type StateStore } from '../state';
import { clientAddress, NO_PROXY, type TrustedProxies } from './client-address';
import { takeAll, type RateCheck, type RateDecision } from './decision';
import { RATE_LIMIT_DEFAULTS, windowRule, type RateLimits } from './rules';

/** `otp`: Get OTP and Resend OTP, which send an SMS; `verify`: everything else. */
export type CallKind = 'otp' | 'verify';

/** The per-client and per-provider limits of the widget's API; the routes ask before they act. */
export interface ApiLimits {
  /** Whether the call may go on (it is then counted), or how many seconds it must wait. */
  admit(c: Context, call: { kind: CallKind; provider: string | undefined }): Promise<RateDecision>;
}

export interface ApiLimitsOptions {
  /** Where the counts live; shared by every host with Redis. @default a memory store of its own */
  store?: StateStore;
  /** Hashes client addresses into store keys (an address is personal data). @default a fresh secret */
  hashKey?: KeyHasher;
  /** @default RATE_LIMIT_DEFAULTS */
  limits?: RateLimits;
  /**
   * The proxies in front of the host whose `X-Forwarded-For` is believed (`KYCVS_TRUST_PROXY`).
   * @default NO_PROXY (the socket's peer is the client)
   */
  trust?: TrustedProxies;
  /** Told when a loopback peer sends `X-Forwarded-For` while no proxy is trusted (client-address.ts). */
  onUntrustedForward?: () => void;
  /** @default Date.now */
  now?: () => number;
  /**
   * Whether an id names a registered provider. Only those get a per-provider count: made-up ids
   * must not fill the store and push real providers' counts out (they still count per client).
   * @default () => true
   */
  isProvider?: (id: string) => boolean;
}

export function createApiLimits(options: ApiLimitsOptions = {}): ApiLimits {
  const {
    store = createMemoryStore(),
    hashKey = createKeyHasher(randomBytes(32)),
    limits = RATE_LIMIT_DEFAULTS,
    trust = NO_PROXY,
    onUntrustedForward,
    now = Date.now,
    isProvider = () => true,
  } = options;
  const check = (rule: 'client' | 'clientOtp' | 'provider', key: string): RateCheck => ({
    key: `rate:${rule}:${key}`,
    rule: windowRule(limits[rule]),
  });

  return {
    admit(c, { kind, provider }) {
      const client = hashKey(
        'client',
        clientAddress(c, { trust, ...(onUntrustedForward ? { onUntrustedForward } : {}) }),
      );
      const checks = [check('client', client)];
      if (kind === 'otp') checks.push(check('clientOtp', client));
      if (provider !== undefined && isProvider(provider)) checks.push(check('provider', provider));
      return takeAll(store, checks, now());
    },
  };
}
