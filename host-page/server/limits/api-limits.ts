import type { Context } from 'hono';
import { clientAddress } from './client-address';
import { takeAll, type RateDecision } from './decision';
import { RATE_LIMIT_DEFAULTS, windowRule, type RateLimits } from './rules';
import { createSlidingWindow, type SlidingWindow } from './sliding-window';

/** `otp`: Get OTP and Resend OTP, which send an SMS; `verify`: everything else. */
export type CallKind = 'otp' | 'verify';

/** The per-client and per-provider limits of the widget's API; the routes ask before they act. */
export interface ApiLimits {
  /** Whether the call may go on (it is then counted), or how many seconds it must wait. */
  admit(c: Context, call: { kind: CallKind; provider: string | undefined }): RateDecision;
}

export interface ApiLimitsOptions {
  /** @default RATE_LIMIT_DEFAULTS */
  limits?: RateLimits;
  /**
   * Proxies in front of the host that append to `X-Forwarded-For` (`KYCVS_TRUST_PROXY`).
   * @default 0 (the socket's peer is the client)
   */
  trustedProxies?: number;
  /** @default Date.now */
  now?: () => number;
  /**
   * Whether an id names a registered provider. Only those get a per-provider count: made-up ids
   * must not fill the table and push real providers' counts out (they still count per client).
   * @default () => true
   */
  isProvider?: (id: string) => boolean;
}

export function createApiLimits(options: ApiLimitsOptions = {}): ApiLimits {
  const { limits = RATE_LIMIT_DEFAULTS, trustedProxies = 0, now = Date.now, isProvider = () => true } = options;
  const window = (name: 'client' | 'clientOtp' | 'provider') => createSlidingWindow(windowRule(limits[name]), { now });
  const perClient = window('client');
  const perClientOtp = window('clientOtp');
  const perProvider = window('provider');

  return {
    admit(c, { kind, provider }) {
      const client = clientAddress(c, trustedProxies);
      const checks: Array<[SlidingWindow, string]> = [[perClient, client]];
      if (kind === 'otp') checks.push([perClientOtp, client]);
      if (provider !== undefined && isProvider(provider)) checks.push([perProvider, provider]);
      return takeAll(checks);
    },
  };
}
