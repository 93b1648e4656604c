/**
 * Everything the host remembers between requests goes through this one interface (docs/scaling.md):
 * verification sessions, rate-limit windows, the mobile quota, used token ids. It has two backends,
 * in-process memory (the default) and Redis (`KYCVS_REDIS_URL`), held to one set of contract tests.
 *
 * The primitives are few and each is atomic on its own, on one key: what needs more (a session's
 * whole life, a request counted by several rules) is built on them by the code that owns it. One key
 * per operation also keeps every script inside one hash slot, as Redis Cluster requires.
 */
export interface StateStore {
  /** `memory` or `redis`: for logs and readiness. */
  readonly kind: 'memory' | 'redis';
  /** The value at `key`; `undefined` when there is none or it has expired. */
  get(key: string): Promise<string | undefined>;
  /** Stores `value` at `key` for `ttlMs` unless the key holds a value already; whether it stored it. */
  add(key: string, value: string, ttlMs: number): Promise<boolean>;
  /**
   * Replaces the value at `key` by `next` (`undefined` deletes it), keeping its expiry, but only while
   * it still holds exactly `expected`; whether it did. Read, change, swap, and read again on `false`:
   * optimistic concurrency, so two hosts changing one record cannot both win.
   */
  swap(key: string, expected: string, next: string | undefined): Promise<boolean>;
  /**
   * Counts one request of `key` at time `at` (ms) in a sliding window, if the window has room.
   * Exact: at most `rule.limit` counted requests in any `rule.windowMs`; a refused request is not
   * counted, and the key expires with its last request's window.
   */
  hit(key: string, rule: WindowRule, at: number): Promise<WindowHit>;
  /** Takes back a counted request (`hit`'s `id`): another rule refused the same request. */
  unhit(key: string, id: string): Promise<void>;
  /**
   * How many keys start with `prefix` (the live sessions, for the metrics). It walks the keys, so
   * it is for a metrics scrape, never for a request.
   */
  countKeys(prefix: string): Promise<number>;
  /** Resolves when the backend answers; rejects with `StateUnavailableError` when it does not. */
  ping(): Promise<void>;
  /** Closes connections; the store answers nothing after. */
  close(): Promise<void>;
}

/** At most `limit` requests in any `windowMs` (a sliding window, not fixed clock buckets). */
export interface WindowRule {
  limit: number;
  windowMs: number;
}

/** A counted request, with the id that takes it back; or how long until one more fits. */
export type WindowHit = { ok: true; id: string } | { ok: false; waitMs: number };

/**
 * The store could not be reached or did not answer in time. The host answers 503 and keeps going:
 * nothing is allowed that the store would have had to count or check (it never fails open).
 */
export class StateUnavailableError extends Error {
  override name = 'StateUnavailableError';
}
