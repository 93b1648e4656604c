import { createMemoryStore } from '../state';
import { checkOf, type LimitsOptions } from './api-limits';
import { takeAll, type RateDecision } from './decision';
import { RATE_LIMIT_DEFAULTS } from './rules';

/**
 * What a provider's users may do together: counted by the verification service once a call does
 * something real (an OTP is about to be sent, a live session was found), never for junk, so no one
 * can use up a provider's budget with made-up calls. CoWIN's own page has no provider to share a
 * budget with: its OTP sends count per client address instead, in a bucket of their own.
 */
export interface ProviderBudget {
  take(provider: string, call: { client: string; selfCheck: boolean }): Promise<RateDecision>;
}

export function createProviderBudget(options: Omit<LimitsOptions, 'hashKey'> = {}): ProviderBudget {
  const { store = createMemoryStore(), limits = RATE_LIMIT_DEFAULTS, now = Date.now, onRefused } = options;
  return {
    take: (provider, { client, selfCheck }) =>
      takeAll(
        store,
        [selfCheck ? checkOf(limits, 'selfCheck', client) : checkOf(limits, 'provider', provider)],
        now(),
        onRefused,
      ),
  };
}
