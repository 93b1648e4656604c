import { randomBytes } from 'node:crypto';
import { createMemoryStore, type StateStore } from '../state';

/** How long past `exp` a used `jti` is kept: a margin so that no rounding at the second can reopen a replay. */
const KEEP_PAST_EXP_SECONDS = 60;

/** The `jti`s siteverify has accepted, each kept until its token could no longer verify anyway. */
export interface UsedTokenStore {
  /**
   * Marks the token used; `false` when it was used already. One atomic add in the store, so of two
   * calls at the same moment, on one host or two, exactly one wins.
   */
  consume(jti: string, exp: number): Promise<boolean>;
}

export interface UsedTokenStoreOptions {
  /** Shared by every host with Redis, where it also outlives a restart. @default a memory store of its own */
  store?: StateStore;
  /** @default Date.now */
  now?: () => number;
}

/**
 * Each accepted `jti` is stored with a time to live that ends 60 s after the token's `exp`, when the
 * token is refused as expired anyway: the store holds only the tokens of the last few minutes.
 */
export function createUsedTokenStore(options: UsedTokenStoreOptions = {}): UsedTokenStore {
  const { store = createMemoryStore(), now = Date.now } = options;
  return {
    async consume(jti, exp) {
      const key = `used-token:${jti}`;
      const ttlMs = (exp + KEEP_PAST_EXP_SECONDS) * 1000 - now();
      // A mark of this call's own: when the store fails after it may have written it (a timeout),
      // the mark is taken back, so that the token stays usable, as the 503 says.
      const mark = randomBytes(9).toString('base64url');
      try {
        return await store.add(key, mark, Math.max(ttlMs, 1000));
      } catch (error) {
        await store.swap(key, mark, undefined).catch(() => undefined);
        throw error;
      }
    },
  };
}
