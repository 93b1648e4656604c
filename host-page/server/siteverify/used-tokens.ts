/** How long past `exp` a used `jti` is kept: a margin so that no rounding at the second can reopen a replay. */
const KEEP_PAST_EXP_SECONDS = 60;
/** Expired entries are swept at most this often, so one siteverify costs O(1) on average. */
const SWEEP_EVERY_MS = 10_000;

/** The `jti`s siteverify has accepted, each kept until its token could no longer verify anyway. */
export interface UsedTokenStore {
  /** Marks the token used; `false` when it was used already. Synchronous, so two concurrent calls cannot both win. */
  consume(jti: string, exp: number): boolean;
  /** How many `jti`s are held now. */
  readonly size: number;
}

/**
 * In memory: the signing key may be fresh at each start (no KYCVS_SIGNING_KEY), and tokens live 5
 * minutes, so there is little a restart could let through twice. Bounded by the tokens accepted in
 * the last `exp` window: an entry is dropped once its token is past `exp`, when it is refused anyway.
 */
export function createUsedTokenStore(now: () => number = Date.now): UsedTokenStore {
  const expiries = new Map<string, number>();
  let nextSweep = 0;

  function sweep(at: number) {
    if (at < nextSweep) return;
    nextSweep = at + SWEEP_EVERY_MS;
    for (const [jti, exp] of expiries) {
      if ((exp + KEEP_PAST_EXP_SECONDS) * 1000 <= at) expiries.delete(jti);
    }
  }

  return {
    consume(jti, exp) {
      sweep(now());
      if (expiries.has(jti)) return false;
      expiries.set(jti, exp);
      return true;
    },
    get size() {
      return expiries.size;
    },
  };
}
