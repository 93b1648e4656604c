import type { StateStore, WindowRule } from '../state';

/**
 * Admitted (with a way to take the counts back, when a later step refuses the same request), or
 * refused with the seconds to wait. `release` is not enumerable: an admission still equals `{ ok: true }`.
 */
export type RateDecision = { ok: true; readonly release?: () => Promise<void> } | { ok: false; retryAfter: number };

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
export async function takeAll(
  store: StateStore,
  checks: readonly RateCheck[],
  at: number,
  onRefused?: (rule: string) => void,
): Promise<RateDecision> {
  const settled = await Promise.allSettled(checks.map(({ key, rule }) => store.hit(key, rule, at)));
  const counted = settled.flatMap((result, index) =>
    result.status === 'fulfilled' && result.value.ok ? [{ key: checks[index]!.key, id: result.value.id }] : [],
  );
  const release = () => Promise.all(counted.map(({ key, id }) => store.unhit(key, id))).then(() => undefined);
  const failed = settled.find((result) => result.status === 'rejected');
  if (failed) {
    // The store failed on one rule: take back what the others counted (if it lets us), and report.
    await release().catch(() => undefined);
    throw failed.reason;
  }
  let waitMs = 0;
  for (const result of settled)
    if (result.status === 'fulfilled' && !result.value.ok) waitMs = Math.max(waitMs, result.value.waitMs);
  if (waitMs > 0) {
    settled.forEach((result, index) => {
      // The rule's name is the key's second part: `rate:<rule>:<who>` (api-limits.ts, `checkOf`).
      if (result.status === 'fulfilled' && !result.value.ok) onRefused?.(checks[index]!.key.split(':')[1] ?? 'unknown');
    });
    await release();
    return { ok: false, retryAfter: Math.max(1, Math.ceil(waitMs / 1000)) };
  }
  return Object.defineProperty({ ok: true as const }, 'release', { value: release, enumerable: false });
}
