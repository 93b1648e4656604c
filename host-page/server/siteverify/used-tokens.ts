import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import { createMemoryStore, createSealer, type Sealer, type StateStore } from '../state';

/** How long past `exp` a used `jti` is kept: a margin so that no rounding at the second can reopen a replay. */
const KEEP_PAST_EXP_SECONDS = 60;

/** What a call brings to the token's first use: the idempotency key it was sent with, and its verdict. */
export interface FirstUse {
  /** siteverify's `idempotency_key`; without one, no later call can get the verdict again. */
  idempotencyKey?: string;
  /** The verdict this call answers if it is the first use: kept (sealed) for a retry with the same key. */
  answer: string;
}

/**
 * `first`: this call used the token. Otherwise it was used already; `replay` is the first use's
 * answer when this call repeats its idempotency key.
 */
export type Consumed = { first: true } | { first: false; replay?: string };

/** The `jti`s siteverify has accepted, each kept until its token could no longer verify anyway. */
export interface UsedTokenStore {
  /**
   * Marks the token used, with what the first use answered under its idempotency key. One atomic
   * add in the store, which writes the mark and the answer together: of two calls at the same
   * moment, on one host or two, exactly one wins, and a retry with the same key that loses reads
   * the winner's whole answer, never half of it.
   */
  consume(jti: string, exp: number, use?: FirstUse): Promise<Consumed>;
}

export interface UsedTokenStoreOptions {
  /** Shared by every host with Redis, where it also outlives a restart. @default a memory store of its own */
  store?: StateStore;
  /** Seals the kept answers, which may name the person (KYCVS_SUBJECT_SECRET's sealer). @default a fresh secret */
  sealer?: Sealer;
  /** @default Date.now */
  now?: () => number;
}

/** The record under `used-token:<jti>`. */
interface UsedToken {
  /** This call's own mark, so that a call whose store failed can take back what it may have written. */
  mark: string;
  /** SHA-256 of the idempotency key, when the first use had one: only that key gets `answer` back. */
  key?: string;
  /** The first use's answer, sealed: with a secret it holds the person's details (docs/api.md, "Details"). */
  answer?: string;
}

const digest = (text: string) => createHash('sha256').update(text).digest('base64url');

/** Compares digests, always of one length, so that the time taken says nothing about the key. */
const sameDigest = (a: string, b: string) => a.length === b.length && timingSafeEqual(Buffer.from(a), Buffer.from(b));

/** A record as this host writes it; an older host's plain mark, or anything else, is a use without a kept answer. */
function parse(raw: string): UsedToken | undefined {
  try {
    const value = JSON.parse(raw) as Partial<UsedToken> | null;
    return typeof value?.mark === 'string' ? (value as UsedToken) : undefined;
  } catch {
    return undefined;
  }
}

/** The first use's answer, when `idempotencyKey` is the one it was kept under. */
function replayOf(found: string, idempotencyKey: string | undefined, sealer: Sealer): string | undefined {
  const first = parse(found);
  if (idempotencyKey === undefined || first?.key === undefined || first.answer === undefined) return undefined;
  return sameDigest(first.key, digest(idempotencyKey)) ? sealer.open(first.answer) : undefined;
}

/**
 * Each accepted `jti` is stored with a time to live that ends 60 s after the token's `exp`, when the
 * token is refused as expired anyway: the store holds only the tokens of the last few minutes, and
 * an idempotent retry works for as long as the token itself would (docs/api.md, "Idempotency").
 */
export function createUsedTokenStore(options: UsedTokenStoreOptions = {}): UsedTokenStore {
  const { store = createMemoryStore(), sealer = createSealer(randomBytes(32)), now = Date.now } = options;
  return {
    async consume(jti, exp, use) {
      const key = `used-token:${jti}`;
      const ttlMs = (exp + KEEP_PAST_EXP_SECONDS) * 1000 - now();
      const record: UsedToken = {
        mark: randomBytes(9).toString('base64url'),
        ...(use?.idempotencyKey === undefined
          ? {}
          : { key: digest(use.idempotencyKey), answer: sealer.seal(use.answer) }),
      };
      const raw = JSON.stringify(record);
      // Twice at most: a record read back as gone was taken back by a call whose store failed
      // (below), so the token is unused again and this call may have it.
      for (let attempt = 0; attempt < 2; attempt++) {
        try {
          if (await store.add(key, raw, Math.max(ttlMs, 1000))) return { first: true };
        } catch (error) {
          // The store failed after it may have written the record (a timeout): take it back, so
          // that the token stays usable, as the 503 says.
          await store.swap(key, raw, undefined).catch(() => undefined);
          throw error;
        }
        const found = await store.get(key);
        if (found === undefined) continue;
        const replay = replayOf(found, use?.idempotencyKey, sealer);
        return replay === undefined ? { first: false } : { first: false, replay };
      }
      return { first: false };
    },
  };
}
