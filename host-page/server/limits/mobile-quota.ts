import { randomBytes } from 'node:crypto';
import { normalizeMobile } from '../../../contract';
import { createKeyHasher, createMemoryStore, type KeyHasher, type StateStore } from '../state';
import { takeAll, type RateDecision } from './decision';
import { checkOf } from './api-limits';
import { RATE_LIMIT_DEFAULTS, type RateLimits } from './rules';

/** The host's own cap on OTP sends to one mobile, checked before CoWIN is asked for one. */
export interface MobileQuota {
  /** Counts one OTP send to `mobile`, asked for by `client` (its key), when the rules allow it. */
  take(mobile: string, client: string): Promise<RateDecision>;
}

export interface MobileQuotaOptions {
  /** @default a memory store of its own */
  store?: StateStore;
  /** Hashes the mobile into the store's key; every host must use the same (KYCVS_SUBJECT_SECRET). @default a fresh secret */
  hashKey?: KeyHasher;
  /** @default RATE_LIMIT_DEFAULTS (its `mobile` and `mobileDaily` rules) */
  limits?: RateLimits;
  /** @default Date.now */
  now?: () => number;
  /** Told the rule that refused a request (metrics). */
  onRefused?: (rule: string) => void;
}

/**
 * Counts every mobile alike, registered or not, so that reaching the limit says nothing about
 * registration. The mobile is normalised first (`+91 98765-43210` is `9876543210`), then kept only
 * as a keyed hash (state/key-hasher.ts). The counters live in the shared store, so the limit holds
 * across every host, and a counter stays as long as its window is open, however many others come.
 *
 * Two levels (SECURITY.md, "Limits"): the mobile's own count stops SMS bombing from many addresses;
 * a count per mobile and client address, at half of it, keeps one stranger's address from using up
 * the owner's OTPs. The host cannot tell a request that sent an SMS from one that did not (CoWIN
 * answers both alike, by design), so it counts requests, and lets no single address hold them all.
 */
export function createMobileQuota(options: MobileQuotaOptions = {}): MobileQuota {
  const {
    store = createMemoryStore(),
    hashKey = createKeyHasher(randomBytes(32)),
    limits = RATE_LIMIT_DEFAULTS,
    now = Date.now,
    onRefused,
  } = options;

  return {
    take(mobile, client) {
      const normalized = normalizeMobile(mobile);
      const hashed = hashKey('mobile', normalized.ok ? normalized.value : mobile.trim());
      const byClient = hashKey('mobile-client', `${hashed}\u0000${client}`);
      return takeAll(
        store,
        [
          checkOf(limits, 'mobile', hashed),
          checkOf(limits, 'mobileDaily', hashed),
          checkOf(limits, 'mobileClient', byClient),
          checkOf(limits, 'mobileClientDaily', byClient),
        ],
        now(),
        onRefused,
      );
    },
  };
}
