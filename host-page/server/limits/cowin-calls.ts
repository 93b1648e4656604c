import type { CowinCall, CowinClient, CowinResult } from '../cowin/client';
import { createMemoryStore } from '../state';
import { checkOf, type LimitsOptions } from './api-limits';
import { takeAll } from './decision';
import { RATE_LIMIT_DEFAULTS } from './rules';

/**
 * The CoWIN client behind the host's outbound limit (the `cowin` rule), counted across all hosts in
 * the shared store: past it a call fails as CoWIN's own limit would (`limited`, `byHost`), so the
 * widget hears RATE_LIMITED with the wait, and CoWIN is not called. A gateway that throttles the
 * host's IP answers the same, later and without a wait, and may block it for longer.
 */
export function limitCowinCalls(client: CowinClient, options: Omit<LimitsOptions, 'hashKey'> = {}): CowinClient {
  const { store = createMemoryStore(), limits = RATE_LIMIT_DEFAULTS, now = Date.now, onRefused } = options;
  const within = async <T>(call: CowinCall, send: () => Promise<CowinResult<T>>): Promise<CowinResult<T>> => {
    const admitted = await takeAll(store, [checkOf(limits, 'cowin', 'all')], now(), onRefused);
    if (admitted.ok) return send();
    return {
      ok: false,
      failure: { call, kind: 'limited', status: 429, shape: 'empty', retryAfter: admitted.retryAfter, byHost: true },
    };
  };
  return {
    generateOtp: (input) => within('generateOtp', () => client.generateOtp(input)),
    confirmOtp: (input) => within('confirmOtp', () => client.confirmOtp(input)),
    status: (token) => within('status', () => client.status(token)),
  };
}
