import type { StateStore, WindowRule } from '../state';

export type RateDecision = { ok: true } | { ok: false; retryAfter: number };

/** One rule to count a request under: the store key (already hashed where it is personal) and the rule. */
export interface RateCheck {
  key: string;
  rule: WindowRule;
}

/**
 * Admits a request only when every rule has room, and then it is counted in each: each rule is
 * counted atomically in the store, and when any refuses, the others take theirs back, so a refused
 * request uses up nothing and its Retry-After stays true. `retryAfter` is whole seconds, at least 1
 * (RFC 9110 §10.2.3), and long enough for every rule that refused. The rules are asked together:
 * on Redis that is one round trip, and keeping each on its own key keeps it Cluster-safe.
 */
export async function takeAll(store: StateStore, checks: readonly RateCheck[], at: number): Promise<RateDecision> {
  const hits = await Promise.all(checks.map(({ key, rule }) => store.hit(key, rule, at)));
  let waitMs = 0;
  for (const hit of hits) if (!hit.ok) waitMs = Math.max(waitMs, hit.waitMs);
  if (waitMs === 0) return { ok: true };
  await Promise.all(hits.map((hit, index) => (hit.ok ? store.unhit(checks[index]!.key, hit.id) : undefined)));
  return { ok: false, retryAfter: Math.max(1, Math.ceil(waitMs / 1000)) };
}
