import { createHmac, randomBytes } from 'node:crypto';
import { normalizeMobile } from '../../../widget/normalize';
import { takeAll, type RateDecision } from './decision';
import { RATE_LIMIT_DEFAULTS, windowRule, type RateLimits } from './rules';
import { createSlidingWindow } from './sliding-window';

/** The host's own cap on OTP sends to one mobile, checked before CoWIN is asked for one. */
export interface MobileQuota {
  /** Counts one OTP send to `mobile` when the rules allow it. */
  take(mobile: string): RateDecision;
}

export interface MobileQuotaOptions {
  /** @default RATE_LIMIT_DEFAULTS (its `mobile` and `mobileDaily` rules) */
  limits?: RateLimits;
  /** @default Date.now */
  now?: () => number;
}

/**
 * Counts every mobile alike, registered or not, so that reaching the limit says nothing about
 * registration. The mobile is normalised first (`+91 98765-43210` is `9876543210`), then kept only
 * as a keyed hash: there are only a few billion mobiles, so a plain hash would be a lookup away from
 * the number, and the key lives in this process's memory alone.
 */
export function createMobileQuota(options: MobileQuotaOptions = {}): MobileQuota {
  const { limits = RATE_LIMIT_DEFAULTS, now = Date.now } = options;
  const secret = randomBytes(32);
  const windows = [limits.mobile, limits.mobileDaily].map((rule) => createSlidingWindow(windowRule(rule), { now }));

  function keyOf(mobile: string): string {
    const normalized = normalizeMobile(mobile);
    const value = normalized.ok ? normalized.value : mobile.trim();
    return createHmac('sha256', secret).update(value).digest('base64url').slice(0, 22);
  }

  return {
    take(mobile) {
      const key = keyOf(mobile);
      return takeAll(windows.map((window) => [window, key] as const));
    },
  };
}
