import { randomBytes } from 'node:crypto';
import type { Context } from 'hono';
import { createKeyHasher, createMemoryStore, type KeyHasher, type StateStore } from '../state';
import { clientAddress, NO_PROXY, type TrustedProxies } from './client-address';
import { takeAll, type RateCheck, type RateDecision } from './decision';
import { RATE_LIMIT_DEFAULTS, windowRule, type RateLimits, type RuleName } from './rules';

/** `otp`: Get OTP and Resend OTP, which send an SMS; `verify`: the widget's other calls; `siteverify`: providers' servers. */
export type CallKind = 'otp' | 'verify' | 'siteverify';

/**
 * The per-client limits, asked by the routes before anything else: they are all a call with a
 * made-up provider or session ever counts against.
 */
export interface ApiLimits {
  /** The client's key in the store: a keyed hash of its address (client-address.ts). */
  clientOf(c: Context): string;
  /** Whether the client's call may go on (it is then counted), or how many seconds it must wait. */
  admit(client: string, kind: CallKind): Promise<RateDecision>;
}

export interface LimitsOptions {
  /** Where the counts live; shared by every host with Redis. @default a memory store of its own */
  store?: StateStore;
  /** Hashes client addresses into store keys (an address is personal data). @default a fresh secret */
  hashKey?: KeyHasher;
  /** @default RATE_LIMIT_DEFAULTS */
  limits?: RateLimits;
  /** @default Date.now */
  now?: () => number;
  /** Told the rule that refused a request (the metrics' `kycvs_rate_limited_total`). */
  onRefused?: (rule: string) => void;
}

export interface ApiLimitsOptions extends LimitsOptions {
  /**
   * The proxies in front of the host whose `X-Forwarded-For` is believed (`KYCVS_TRUST_PROXY`).
   * @default NO_PROXY (the socket's peer is the client)
   */
  trust?: TrustedProxies;
  /** Told when a loopback peer sends `X-Forwarded-For` while no proxy is trusted (client-address.ts). */
  onUntrustedForward?: () => void;
}

/** One rule's check for one key: the store key names the rule, so rules never share a window. */
export const checkOf = (limits: RateLimits, rule: RuleName, key: string): RateCheck => ({
  key: `rate:${rule}:${key}`,
  rule: windowRule(limits[rule]),
});

const rulesFor: Record<CallKind, RuleName[]> = {
  otp: ['client', 'clientOtp'],
  verify: ['client'],
  siteverify: ['siteverify'],
};

export function createApiLimits(options: ApiLimitsOptions = {}): ApiLimits {
  const {
    store = createMemoryStore(),
    hashKey = createKeyHasher(randomBytes(32)),
    limits = RATE_LIMIT_DEFAULTS,
    trust = NO_PROXY,
    onUntrustedForward,
    now = Date.now,
    onRefused,
  } = options;
  return {
    clientOf: (c) =>
      hashKey('client', clientAddress(c, { trust, ...(onUntrustedForward ? { onUntrustedForward } : {}) })),
    admit: (client, kind) =>
      takeAll(
        store,
        rulesFor[kind].map((rule) => checkOf(limits, rule, client)),
        now(),
        onRefused,
      ),
  };
}
