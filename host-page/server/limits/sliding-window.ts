/** At most `limit` requests in any `windowMs` (a sliding window, not fixed clock buckets). */
export interface WindowRule {
  limit: number;
  windowMs: number;
}

export interface SlidingWindow {
  /** Milliseconds until `key` may make one more request: 0 when it may now. */
  wait(key: string): number;
  /** Counts one request of `key` now. */
  hit(key: string): void;
  /** Keys held in memory (for tests and metrics). */
  size(): number;
}

export interface SlidingWindowOptions {
  /** @default Date.now */
  now?: () => number;
  /**
   * Most keys held at once; past it, the key seen least recently is forgotten first. Only a flood of
   * distinct keys reaches it, and each key must get through the other rules first.
   * @default 100_000
   */
  maxKeys?: number;
}

/**
 * An exact sliding window: the times of the last `limit` requests of each key. Exact, because the
 * promises are exact ("at most 50 OTPs in any 24 hours", "10 in 10 minutes always pass"), which a
 * token bucket or a two-bucket estimate would break at the edges. Memory stays bounded: a key holds
 * at most `limit` times, refused requests are not stored, and keys are kept in the order they were
 * last hit, so the stale ones sit at the front and each call sweeps them off in passing.
 */
export function createSlidingWindow(rule: WindowRule, options: SlidingWindowOptions = {}): SlidingWindow {
  const { limit, windowMs } = rule;
  const { now = Date.now, maxKeys = 100_000 } = options;
  /** Request times per key, oldest first; the Map itself is ordered by each key's last hit. */
  const hits = new Map<string, number[]>();

  /** A time counts while it is less than `windowMs` old. */
  const live = (at: number, t: number) => t - at < windowMs;

  function sweep(t: number): void {
    for (const [key, times] of hits) {
      const last = times.at(-1);
      if (last !== undefined && live(last, t)) break;
      hits.delete(key);
    }
  }

  /** The key's live times, with the expired ones dropped. */
  function recent(key: string, t: number): number[] {
    const times = hits.get(key) ?? [];
    while (times.length > 0 && !live(times[0]!, t)) times.shift();
    return times;
  }

  return {
    wait(key) {
      const t = now();
      sweep(t);
      const times = recent(key, t);
      if (times.length < limit) return 0;
      // The oldest of the last `limit` requests leaves the window first; then one more fits.
      return times[times.length - limit]! + windowMs - t;
    },
    hit(key) {
      const t = now();
      sweep(t);
      const times = recent(key, t);
      times.push(t);
      if (times.length > limit) times.splice(0, times.length - limit);
      // Delete and set: the key moves to the end, so the Map stays ordered by last hit.
      hits.delete(key);
      hits.set(key, times);
      for (const oldest of hits.keys()) {
        if (hits.size <= maxKeys) break;
        hits.delete(oldest);
      }
    },
    size: () => hits.size,
  };
}
