import { createKeyHasher, createSealer, type StateStore } from './state';
import {
  createApiLimits,
  createMobileQuota,
  createProviderBudget,
  type ApiLimits,
  type ProviderBudget,
  type MobileQuota,
  type RateLimits,
  type TrustedProxies,
} from './limits';
import {
  createTokenDetailsStore,
  createUsedTokenStore,
  type TokenDetailsStore,
  type UsedTokenStore,
} from './siteverify';
import { createRedirectCodeStore, type RedirectCodeStore } from './redirect';
import { createSessionStore, type SessionStore } from './verification';

export interface HostStateOptions {
  /** Memory for one host, Redis for many (state/). */
  store: StateStore;
  /** KYCVS_SUBJECT_SECRET: the same on every host, so that all of them hash and seal alike. */
  subjectSecret: Uint8Array;
  limits: RateLimits;
  /** KYCVS_TRUST_PROXY, compiled (limits/client-address.ts). */
  trust: TrustedProxies;
  /** Told when a loopback peer sends `X-Forwarded-For` while no proxy is trusted. */
  onUntrustedForward?: () => void;
  /** @default Date.now */
  now?: () => number;
  /** Told the rule that refused a request (metrics). */
  onRefused?: (rule: string) => void;
}

/** Everything the host remembers between requests, on one store (docs/scaling.md). */
export interface HostState {
  sessions: SessionStore;
  mobileQuota: MobileQuota;
  apiLimits: ApiLimits;
  providerBudget: ProviderBudget;
  usedTokens: UsedTokenStore;
  /** The details of tokens not yet used, for siteverify with the provider's secret. */
  tokenDetails: TokenDetailsStore;
  /** Redirect mode's one-time codes, given by /verify and exchanged at siteverify (docs/redirect.md). */
  redirectCodes: RedirectCodeStore;
}

export function createHostState(options: HostStateOptions): HostState {
  const { store, subjectSecret, limits, trust, onUntrustedForward, now = Date.now, onRefused } = options;
  const hashKey = createKeyHasher(subjectSecret);
  // One sealer for every personal value stored: any host with the same secret opens what another sealed.
  const sealer = createSealer(subjectSecret);
  const refusals = onRefused ? { onRefused } : {};
  return {
    sessions: createSessionStore({ store, sealer, now }),
    mobileQuota: createMobileQuota({ store, hashKey, limits, now, ...refusals }),
    apiLimits: createApiLimits({
      store,
      hashKey,
      limits,
      trust,
      ...(onUntrustedForward ? { onUntrustedForward } : {}),
      now,
      ...refusals,
    }),
    providerBudget: createProviderBudget({ store, limits, now, ...refusals }),
    usedTokens: createUsedTokenStore({ store, sealer, now }),
    tokenDetails: createTokenDetailsStore({ store, sealer, now }),
    redirectCodes: createRedirectCodeStore({ store, sealer, now }),
  };
}
