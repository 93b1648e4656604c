import type { SlidingWindow } from './sliding-window';

export type RateDecision = { ok: true } | { ok: false; retryAfter: number };

/**
 * Admits a request only when every rule has room, and only then counts it in each: a refused
 * request uses up nothing, so its Retry-After stays true. `retryAfter` is whole seconds, at least 1
 * (RFC 9110 §10.2.3), and long enough for every rule that refused.
 */
export function takeAll(checks: ReadonlyArray<readonly [SlidingWindow, string]>): RateDecision {
  const wait = Math.max(0, ...checks.map(([window, key]) => window.wait(key)));
  if (wait > 0) return { ok: false, retryAfter: Math.max(1, Math.ceil(wait / 1000)) };
  for (const [window, key] of checks) window.hit(key);
  return { ok: true };
}
